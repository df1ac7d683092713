// The reference for zklint's ZooKeeper server rules: parses each zoo.cfg with the real ZooKeeper
// QuorumPeerConfig.parse (the call QuorumPeerMain and ZooKeeperServerMain make at startup) and prints
// one JSON object per file: {"file": ..., "accepted": bool, "reason": "...", "myids": [...]}.
//
// Usage: java -cp <zookeeper jars>:<classes> org.apache.zookeeper.server.quorum.QuorumPeerConfigOracle
//        WORKDIR FILE_OR_DIR...      (a directory means every file in it, sorted by name; @LIST
//        names a file that lists one path per line)
//
// What the harness does around the real parse, and why:
// - It parses a copy in WORKDIR: a quorum config with reconfigEnabled=true makes parse write
//   <file>.bak next to the file it read.
// - A dynamicConfigFile is read from beside the case (NAME.cfg names NAME.cfg.dynamic.N): the
//   copy's dynamicConfigFile line is pointed at a copy of that file, and the simulated myids are
//   the ids of its server.N lines.
// - It simulates the `myid` file. QuorumPeerConfig reads <dataDir>/myid, which belongs to the
//   machine, not to the config. The subclass below points dataDir at a scratch directory holding
//   the simulated myid for the part of parse that reads it (setupQuorumPeerConfig), so the data
//   directory named in the file is never touched and a myid lying around on this machine (Debian
//   ships /var/lib/zookeeper/myid with placeholder text) cannot leak in.
// - A zoo.cfg is normally the same file on every member of the ensemble, so it is parsed once as
//   each server it lists (myid = N for every server.N whose id is a number) and counts as accepted
//   only when every one of those servers accepts it. Without server.N lines there is no myid file.
// - QuorumPeerConfig keeps state in static fields (standaloneEnabled, reconfigEnabled) and in JVM
//   system properties (every unknown key becomes zookeeper.<key>); both are reset before each parse.
// - A config that parses can still stop the server at startup because two of the ports it opens
//   are the same: after a successful parse the harness lists the sockets this server binds, from
//   the parsed values (client, secure client, admin server, and in quorum mode its own quorum and
//   election addresses), and reports a collision as a rejection ("bind: ..."). What counts as fatal
//   was confirmed by starting the real ZooKeeper 3.8.0 on such configs: in standalone mode every
//   collision ends the JVM (BindException, exit 1); in quorum mode a collision with the election
//   port ends it (exit 14), one with the quorum port leaves the leader unable to bind, and only the
//   admin server losing the client port to the client listener is survived (WARN "Problem starting
//   AdminServer"). Likewise an admin.serverPort outside 0-65535 ends a standalone server (exit 4)
//   and only costs a quorum member its AdminServer. A participant's observerMasterPort is opened
//   by a follower once it has joined the leader; on one of its other ports every follower fails
//   with a BindException and returns to leader election, over and over (confirmed on a ZooKeeper
//   3.8.0 ensemble), while on its own quorum port it works: only a leader opens that.
// - In quorum mode, QuorumPeerMain.runFromConfig then hands the parsed members to a QuorumPeer
//   before the server runs. The harness makes the same calls (setObserverMasterPort, then
//   setQuorumVerifier) on a QuorumPeer it never starts: an observerMasterPort above 65535 stops
//   the server there (confirmed with ZooKeeper 3.8.0: "port out of range", exit 2).

package org.apache.zookeeper.server.quorum;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

public final class QuorumPeerConfigOracle {
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: QuorumPeerConfigOracle WORKDIR FILE_OR_DIR...");
            System.exit(2);
        }
        Path workdir = Paths.get(args[0]);
        Files.createDirectories(workdir);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("@")) {  // a file listing one path per line
                for (String line : Files.readAllLines(Paths.get(args[i].substring(1)), StandardCharsets.UTF_8)) {
                    if (!line.isEmpty()) {
                        files.add(Paths.get(line));
                    }
                }
                continue;
            }
            Path p = Paths.get(args[i]);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int n = 0;
        for (Path file : files) {
            out.println(describe(file, workdir.resolve("case" + (n++))));
        }
        out.flush();
    }

    static String describe(Path file, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        Path copy = scratch.resolve("zoo.cfg");
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        Path dynamic = dynamicConfigBeside(file);
        if (dynamic != null) {
            Path dynamicCopy = scratch.resolve(dynamic.getFileName());
            Files.copy(dynamic, dynamicCopy, StandardCopyOption.REPLACE_EXISTING);
            pointDynamicConfigFileAt(copy, dynamicCopy.toAbsolutePath());
        }
        TreeSet<Long> ids = serverIds(dynamic != null ? dynamic : file);
        List<Long> candidates = new ArrayList<>(ids);
        if (candidates.isEmpty()) {
            candidates.add(null);  // no server.N: no myid file
        }
        String reason = null;
        lastSkipAcl = false;
        for (Long myid : candidates) {
            String failure = parseAs(copy, scratch.resolve("myid-" + (myid == null ? "none" : myid.toString())), myid);
            if (failure != null) {
                reason = (myid == null ? "" : "as server " + myid + ": ") + failure;
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("{\"file\":").append(quote(file.toString()));
        sb.append(",\"accepted\":").append(reason == null);
        sb.append(",\"skipACL\":").append(reason == null && lastSkipAcl);
        if (reason != null) {
            sb.append(",\"reason\":").append(quote(reason));
        }
        sb.append(",\"myids\":[");
        boolean first = true;
        for (Long id : ids) {
            if (!first) sb.append(',');
            first = false;
            sb.append(id);
        }
        sb.append("]}");
        return sb.toString();
    }

    /**
     * The file the config's dynamicConfigFile names, when a file of that name sits beside the case
     * (zklint reads it there too); null otherwise. The deployment would put it at the path written;
     * the copy in the scratch directory stands in for it.
     */
    static Path dynamicConfigBeside(Path file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = new FileInputStream(file.toFile())) {
            props.load(in);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String named = props.getProperty("dynamicConfigFile");
        if (named == null || named.trim().isEmpty()) {
            return null;
        }
        Path beside = file.resolveSibling(Paths.get(named.trim()).getFileName().toString());
        return Files.isRegularFile(beside) ? beside : null;
    }

    /** Rewrites the dynamicConfigFile line of the scratch copy to name the copied dynamic file. */
    static void pointDynamicConfigFileAt(Path config, Path dynamic) throws IOException {
        List<String> lines = Files.readAllLines(config, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.trim().startsWith("dynamicConfigFile") ? "dynamicConfigFile=" + dynamic : line);
        }
        Files.write(config, out, StandardCharsets.ISO_8859_1);
    }

    /** The ids of the server.N keys whose N QuorumMaj can read (Long.parseLong after the first dot). */
    static TreeSet<Long> serverIds(Path file) throws IOException {
        Properties props = new Properties();
        TreeSet<Long> ids = new TreeSet<>();
        try (InputStream in = new FileInputStream(file.toFile())) {
            props.load(in);
        } catch (IllegalArgumentException e) {
            return ids;  // a malformed \\u escape: parse fails before myid matters
        }
        for (String key : props.stringPropertyNames()) {
            String k = key.trim();
            if (!k.startsWith("server.")) {
                continue;
            }
            try {
                ids.add(Long.parseLong(k.substring(k.indexOf('.') + 1)));
            } catch (NumberFormatException e) {
                // parse rejects this key itself
            }
        }
        return ids;
    }

    /** Whether the last accepted parse left zookeeper.skipACL at "yes". */
    static boolean lastSkipAcl = false;

    /** Parses `config` as server `myid` (null: no myid file); returns null when accepted. */
    static String parseAs(Path config, Path myidDir, Long myid) throws IOException {
        Files.createDirectories(myidDir);
        Path myidFile = myidDir.resolve("myid");
        Files.deleteIfExists(myidFile);
        if (myid != null) {
            Files.write(myidFile, (myid + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        Properties savedSystem = (Properties) System.getProperties().clone();
        QuorumPeerConfig.setStandaloneEnabled(true);
        QuorumPeerConfig.setReconfigEnabled(false);
        try {
            SimulatedMyIdConfig parsed = new SimulatedMyIdConfig(myidDir.toFile());
            parsed.parse(config.toString());
            // ZooKeeperServer's static initializer (@release-3.8.4) reads this property, which
            // parse sets from an unknown zoo.cfg key, once: "yes" and nothing else turns ACLs off.
            lastSkipAcl = System.getProperty("zookeeper.skipACL", "no").equals("yes");
            String startup = handOverToQuorumPeer(parsed);
            return startup != null ? startup : bindCollision(parsed, myid);
        } catch (Throwable t) {
            return describe(t);
        } finally {
            System.setProperties(savedSystem);
            QuorumPeerConfig.setStandaloneEnabled(true);
            QuorumPeerConfig.setReconfigEnabled(false);
        }
    }

    /**
     * Null, or why the steps of QuorumPeerMain.runFromConfig (@release-3.8.4) that hand the parsed
     * config to a QuorumPeer stop the server: the real calls, on a peer that is never started.
     * A config that is not distributed runs as ZooKeeperServerMain, which makes no QuorumPeer.
     */
    static String handOverToQuorumPeer(QuorumPeerConfig config) {
        if (!config.isDistributed()) {
            return null;
        }
        try {
            QuorumPeer peer = new QuorumPeer();
            peer.setMyid(config.getServerId());
            peer.setObserverMasterPort(config.getObserverMasterPort());
            peer.setQuorumVerifier(config.getQuorumVerifier(), false);
            return null;
        } catch (Throwable t) {
            return "startup: " + describe(t);
        }
    }

    /** A socket the server binds at startup. */
    static final class Binding {
        final String role;
        final InetSocketAddress address;

        Binding(String role, InetSocketAddress address) {
            this.role = role;
            this.address = address;
        }

        boolean wildcard() {
            return address.getAddress() != null && address.getAddress().isAnyLocalAddress();
        }

        boolean overlaps(Binding other) {
            if (address.getPort() != other.address.getPort()) {
                return false;
            }
            if (wildcard() || other.wildcard()) {
                return true;
            }
            InetAddress a = address.getAddress();
            InetAddress b = other.address.getAddress();
            if (a != null && b != null) {
                return a.equals(b);
            }
            return address.getHostString().equalsIgnoreCase(other.address.getHostString());
        }

        public String toString() {
            return role + " " + address.getHostString() + ":" + address.getPort();
        }
    }

    /** Null, or the first pair of sockets that stops this server at startup. Reads the JVM
     *  properties parse set, so it runs before they are restored. */
    static String bindCollision(QuorumPeerConfig config, Long myid) {
        boolean quorum = config.isDistributed();
        List<Binding> bindings = new ArrayList<>();
        if (config.getClientPortAddress() != null) {
            bindings.add(new Binding("client", config.getClientPortAddress()));
        }
        if (config.getSecureClientPortAddress() != null) {
            bindings.add(new Binding("secure client", config.getSecureClientPortAddress()));
        }
        if (!"false".equals(System.getProperty("zookeeper.admin.enableServer"))) {
            int port = Integer.getInteger("zookeeper.admin.serverPort", 8080);
            String host = System.getProperty("zookeeper.admin.serverAddress", "0.0.0.0");
            if (port >= 0 && port <= 65535) {
                bindings.add(new Binding("admin", new InetSocketAddress(host, port)));
            } else if (!quorum) {
                // Confirmed with ZooKeeper 3.8.0: "Unable to start AdminServer, exiting abnormally" (exit 4).
                return "admin server: port out of range:" + port + " (a standalone server exits when its AdminServer cannot start)";
            }
        }
        QuorumPeer.QuorumServer self = quorum && myid != null ? config.getQuorumVerifier().getAllMembers().get(myid) : null;
        if (self != null) {
            boolean all = config.getQuorumListenOnAllIPs();
            if (self.type == QuorumPeer.LearnerType.PARTICIPANT) {  // only a leader binds it
                for (InetSocketAddress a : self.addr.getAllAddresses()) {
                    bindings.add(new Binding("quorum", all ? new InetSocketAddress(a.getPort()) : a));
                }
            }
            for (InetSocketAddress a : self.electionAddr.getAllAddresses()) {
                bindings.add(new Binding("election", all ? new InetSocketAddress(a.getPort()) : a));
            }
            // ObserverMaster.start (@release-3.8.4) binds the host of the quorum address.
            int observerMasterPort = config.getObserverMasterPort();
            if (self.type == QuorumPeer.LearnerType.PARTICIPANT && observerMasterPort > 0 && observerMasterPort <= 65535) {
                InetSocketAddress q = self.addr.getOne();
                InetSocketAddress at = all ? new InetSocketAddress(observerMasterPort)
                        : q.isUnresolved() ? InetSocketAddress.createUnresolved(q.getHostString(), observerMasterPort)
                        : new InetSocketAddress(q.getAddress(), observerMasterPort);
                bindings.add(new Binding("observer master", at));
            }
        }
        for (int i = 0; i < bindings.size(); i++) {
            for (int j = i + 1; j < bindings.size(); j++) {
                Binding a = bindings.get(i);
                Binding b = bindings.get(j);
                if (!a.overlaps(b) || neverOpenTogether(a, b)) {
                    continue;
                }
                boolean adminLosesToClient = quorum && (a.role.equals("admin") || b.role.equals("admin"))
                        && (a.role.endsWith("client") || b.role.endsWith("client"));
                if (!adminLosesToClient) {
                    return "bind: " + a + " and " + b + " collide (BindException: Address already in use at startup)";
                }
            }
        }
        return null;
    }

    /** Only a leader opens its quorum port, and only a follower its observer master port. */
    static boolean neverOpenTogether(Binding a, Binding b) {
        return (a.role.equals("quorum") && b.role.equals("observer master")) || (a.role.equals("observer master") && b.role.equals("quorum"));
    }

    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getName() + ": " + t.getMessage());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" / caused by ").append(c.getClass().getName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}

/**
 * QuorumPeerConfig with the myid file taken from a scratch directory. setupQuorumPeerConfig is the
 * package-private step of parse that reads <dataDir>/myid (then checks the client port, the peer
 * type and the quorum limits); during it, and only during it, dataDir points at the scratch
 * directory. Everything else parse does runs unchanged on the real file.
 */
final class SimulatedMyIdConfig extends QuorumPeerConfig {
    private final File myidDir;

    SimulatedMyIdConfig(File myidDir) {
        this.myidDir = myidDir;
    }

    @Override
    void setupQuorumPeerConfig(Properties prop, boolean configBackwardCompatibilityMode) throws IOException, ConfigException {
        File configured = dataDir;
        dataDir = myidDir;
        try {
            super.setupQuorumPeerConfig(prop, configBackwardCompatibilityMode);
        } finally {
            dataDir = configured;
        }
    }
}
