// The reference for zklint's zookeeper.connect grammar: reads connect strings with the real
// org.apache.zookeeper.client.ConnectStringParser (and StaticHostProvider, which refuses an empty
// host list when the ZooKeeper client is created), the way a Kafka broker does after its config
// trims the value.
//
// Input: a file with one case per line, each the hex of the string's UTF-8 bytes (so blanks,
// control characters and newlines survive). Output: one JSON object per case, in order:
//   {"ok":true,"chroot":"/kafka" or null,"hosts":[{"host":"zk1","port":2181,"loopback":false},...]}
//   {"ok":false,"error":"java.lang.NumberFormatException: ..."}
// "loopback" tells, for an empty host name, whether Java resolves it to a loopback address (no DNS).
//
// Usage: java -cp zookeeper.jar:... ConnectStringOracle CASES_FILE

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.apache.zookeeper.client.ConnectStringParser;
import org.apache.zookeeper.client.StaticHostProvider;

public final class ConnectStringOracle {
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.US_ASCII)) {
            out.println(describe(new String(unhex(line.trim()), StandardCharsets.UTF_8)));
        }
        out.flush();
    }

    static String describe(String value) {
        // Kafka's ConfigDef trims every string value before the ZooKeeper client sees it.
        String connect = value.trim();
        try {
            ConnectStringParser parser = new ConnectStringParser(connect);
            List<InetSocketAddress> servers = parser.getServerAddresses();
            new StaticHostProvider(servers);  // throws for an empty list, as new ZooKeeper(...) does
            StringBuilder sb = new StringBuilder("{\"ok\":true,\"chroot\":");
            sb.append(parser.getChrootPath() == null ? "null" : quote(parser.getChrootPath()));
            sb.append(",\"hosts\":[");
            for (int i = 0; i < servers.size(); i++) {
                InetSocketAddress a = servers.get(i);
                if (i > 0) sb.append(',');
                sb.append("{\"host\":").append(quote(a.getHostString())).append(",\"port\":").append(a.getPort());
                sb.append(",\"loopback\":").append(a.getHostString().isEmpty() && InetAddress.getByName("").isLoopbackAddress());
                sb.append('}');
            }
            return sb.append("]}").toString();
        } catch (Exception e) {
            return "{\"ok\":false,\"error\":" + quote(e.getClass().getName() + ": " + e.getMessage()) + "}";
        }
    }

    static byte[] unhex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    // JSON string, every char outside printable ASCII as \\uXXXX (surrogates stay separate units).
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c > 0x7E) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
