#!/usr/bin/env python3
"""`zklint probe` against real ZooKeeper servers (the Debian `zookeeper` package), in a private
network namespace where only loopback exists: no packet leaves the machine, and a name lookup
fails locally. One standalone server (tickTime 2000, the default 4lw whitelist) and one
three-member ensemble on 127.0.0.1 (a wider whitelist) are shared by every case; each case
writes a config and checks what the probe reports and its exit code.

Usage: probe_test.py ZKLINT SOURCE_DIR WORK_DIR. Exits 77 (CTest's skipped), saying why, when
Java, the ZooKeeper jars, `unshare` or the right to make a network namespace are missing.
Every server is stopped by its process id, also when a case fails."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))
from script_support import arguments  # noqa: E402

JAVA_DIR = Path("/usr/share/java")
JARS = ["zookeeper.jar", "zookeeper-jute.jar", "slf4j-api.jar", "slf4j-nop.jar"]
NAMESPACE_MARK = "ZKLINT_PROBE_TEST_NAMESPACE"
STEP_TIMEOUT = 2  # seconds, the probe's --timeout in these cases

servers = []  # every process started, stopped in stop_all()
failures = []


def skip(why):
    print(f"SKIPPED: {why}", flush=True)
    sys.exit(77)


def enter_private_network():
    """Re-runs this script under `unshare -n` (once), then brings loopback up inside."""
    if os.environ.get(NAMESPACE_MARK) == "1":
        subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
        return
    for tool in ("unshare", "ip", "java"):
        if shutil.which(tool) is None:
            skip(f"no `{tool}`: the live probe tests need a private network namespace and a JDK")
    missing = [j for j in JARS if not (JAVA_DIR / j).exists()]
    if missing:
        skip(f"no {', '.join(missing)} in {JAVA_DIR} (Debian packages zookeeper, libslf4j-java)")
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        skip("`unshare -n` is not permitted here (run as root, or where user namespaces are allowed)")
    env = dict(os.environ, **{NAMESPACE_MARK: "1"})
    os.execvpe("unshare", ["unshare", "-n", sys.executable, __file__, *sys.argv[1:]], env)


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def classpath():
    return ":".join(str(JAVA_DIR / j) for j in JARS)


class ZooKeeper:
    """One ZooKeeper server process with its own directory."""

    def __init__(self, work, name, client_port, settings, my_id=None):
        self.name, self.client_port = name, client_port
        self.dir = work / name
        (self.dir / "data").mkdir(parents=True)
        lines = [f"tickTime=2000", f"dataDir={self.dir / 'data'}", f"clientPort={client_port}",
                 "clientPortAddress=127.0.0.1", "admin.enableServer=false", "initLimit=5", "syncLimit=2"]
        self.config = self.dir / "zoo.cfg"
        self.config.write_text("\n".join(lines + settings) + "\n")
        if my_id is not None:
            (self.dir / "data" / "myid").write_text(f"{my_id}\n")
        self.process = None

    def start(self):
        log = open(self.dir / "server.log", "w")
        self.process = subprocess.Popen(["java", "-Xmx128m", "-cp", classpath(), "org.apache.zookeeper.server.quorum.QuorumPeerMain",
                                         str(self.config)], stdout=log, stderr=subprocess.STDOUT, cwd=self.dir)
        servers.append(self.process)

    def stop(self):
        stop_process(self.process)


def stop_process(process):
    if process is None or process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()


def stop_all(*_):
    for p in servers:
        stop_process(p)


def four_letter_word(port, word):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(word.encode())
            reply = b""
            while chunk := s.recv(4096):
                reply += chunk
            return reply.decode(errors="replace")
    except OSError:
        return ""


def wait_serving(zookeepers, seconds=90):
    deadline = time.monotonic() + seconds
    pending = list(zookeepers)
    while pending and time.monotonic() < deadline:
        pending = [z for z in pending if "Mode:" not in four_letter_word(z.client_port, "srvr")]
        time.sleep(0.2)
    if pending:
        for z in pending:
            print(f"--- {z.name} never served; its log:\n" + (z.dir / "server.log").read_text()[-3000:])
        raise SystemExit(f"FAIL: {', '.join(z.name for z in pending)} did not serve within {seconds} s")


def mode(z):
    for line in four_letter_word(z.client_port, "srvr").splitlines():
        if line.startswith("Mode:"):
            return line.split(":", 1)[1].strip()
    return ""


class Probe:
    def __init__(self, zklint, work):
        self.zklint, self.work = zklint, work

    def run(self, name, text, *options):
        """Writes `text` to the file NAME (NAME.properties without a suffix) and probes it; returns
        (exit code, findings, standard error, seconds taken)."""
        config = self.work / (name if "." in name else f"{name}.properties")
        config.write_text(text)
        started = time.monotonic()
        result = subprocess.run([str(self.zklint), "probe", "--format", "json", "--timeout", str(STEP_TIMEOUT), *options, str(config)],
                                capture_output=True, text=True, timeout=120)
        elapsed = time.monotonic() - started
        report = json.loads(result.stdout) if result.stdout.strip() else {"files": []}
        findings = [d for f in report["files"] for d in f["diagnostics"]]
        return result.returncode, findings, result.stderr, elapsed


def check(case, condition, detail):
    status = "ok  " if condition else "FAIL"
    print(f"{status} {case}" + ("" if condition else f": {detail}"), flush=True)
    if not condition:
        failures.append(case)


def codes(findings, severity=None):
    return sorted(d["code"] for d in findings if severity is None or d["severity"] == severity)


def describe(findings, stderr=""):
    return json.dumps([{k: d[k] for k in ("code", "severity", "message")} for d in findings], indent=1) + "\n" + stderr


def find(findings, code):
    return next((d for d in findings if d["code"] == code), None)


def broker(connect, *extra, advertised="PLAINTEXT://127.0.0.1:9092"):
    """A ZooKeeper-mode broker config; zookeeper.connect is on line 2, extra lines from line 5."""
    return "\n".join(["broker.id=1", f"zookeeper.connect={connect}", f"advertised.listeners={advertised}",
                      "log.dirs=/var/lib/kafka/data", *extra]) + "\n"


def cases(probe, standalone, ensemble):
    members = ",".join(f"127.0.0.1:{z.client_port}" for z in ensemble)
    alone = f"127.0.0.1:{standalone.client_port}"

    code, found, err, _ = probe.run("good", broker(members, "zookeeper.session.timeout.ms=18000"))
    check("a good config against the ensemble (wide whitelist) exits 0; only that its own listener does not answer yet (info)",
          code == 0 and codes(found) == ["ZKL602"] and codes(found, "info") == ["ZKL602"] and "advertised listener" in found[0]["message"],
          f"exit {code}\n{describe(found, err)}")

    closed = free_ports(1)[0]
    code, found, err, _ = probe.run("closed", broker(f"127.0.0.1:{closed}"))
    d = find(found, "ZKL602")
    check("a closed port is refused: an error when it is the only server", code == 1 and d is not None and d["severity"] == "error"
          and "refused" in d["message"] and d["range"]["start"]["line"] == 2 and d["range"]["start"]["column"] == 19, describe(found, err))

    code, found, err, _ = probe.run("invalid", broker(f"zk1.example.invalid:{standalone.client_port},{alone}"))
    d = find(found, "ZKL601")
    check("an unresolvable .invalid host is reported (UnknownHostException), a warning beside a serving server",
          code == 1 and d is not None and d["severity"] == "warning" and "zk1.example.invalid" in d["message"] and "UnknownHostException" in d["message"],
          describe(found, err))

    code, found, err, _ = probe.run("session", broker(alone, "zookeeper.session.timeout.ms=60000"))
    d = find(found, "ZKL606")
    check("zookeeper.session.timeout.ms=60000 against tickTime 2000 is reported as granted 40000", code == 1 and d is not None
          and "granted a session timeout of 40000 ms" in d["message"] and d["range"]["start"]["line"] == 5, describe(found, err))

    d = find(found, "ZKL605")
    check("ruok blocked by the default whitelist is explained, with the whitelist that allows it", d is not None and d["severity"] == "info"
          and "ruok" in d["message"] and "4lw.commands.whitelist=srvr,ruok,conf,mntr" in d.get("help", ""), describe(found, err))

    code, found, err, _ = probe.run("wide", broker(members))
    check("the ensemble's wider whitelist blocks nothing", find(found, "ZKL605") is None, describe(found, err))

    code, found, err, _ = probe.run("split", broker(f"{members},{alone}"))
    d = find(found, "ZKL610")
    check("a standalone server listed with ensemble members is a split view", code == 1 and d is not None and "standalone" in d["message"], describe(found, err))

    down1, down2 = free_ports(2)
    voters = f"1@127.0.0.1:{standalone.client_port},2@127.0.0.1:{down1},3@127.0.0.1:{down2}"
    kraft = "\n".join(["process.roles=broker", "node.id=4", f"controller.quorum.voters={voters}", "controller.listener.names=CONTROLLER",
                       "listeners=PLAINTEXT://127.0.0.1:9092", "log.dirs=/var/lib/kafka/data"]) + "\n"
    code, found, err, _ = probe.run("kraft", kraft)
    refused = [d for d in found if d["code"] == "ZKL602" and "voter" in d["message"]]
    check("KRaft: every controller.quorum.voters endpoint is connected to; 1 of 3 answering is below the majority (errors)",
          code == 1 and len(refused) == 2 and all(d["severity"] == "error" and "fewer than the majority" in d["message"] for d in refused)
          and f"{down1}" in refused[0]["message"] and "open (127.0.0.1)" in err, describe(found, err))

    cli = register_broker(ensemble[0], 1)
    try:
        code, found, err, _ = probe.run("registered", broker(members))
        d = find(found, "ZKL609")
        check("a broker id already registered by another broker is an error (node already exists)", code == 1 and d is not None and d["severity"] == "error"
              and "PLAINTEXT://other-broker:9092" in d["message"] and d["range"]["start"]["line"] == 1, describe(found, err))
        code, found, err, _ = probe.run("registered-self", broker(members).replace("127.0.0.1:9092", "other-broker:9092"))
        check("the registration of this broker itself (same endpoints) is not reported", find(found, "ZKL609") is None, describe(found, err))
    finally:
        close_session(cli)

    names = [f"slow{i}.test" for i in range(10)]
    blackhole, held = full_backlog_listener()
    try:
        resolve = [a for n in names for a in ("--resolve", f"{n}=127.0.0.1")]
        code, found, err, elapsed = probe.run("ten-timeouts", broker(",".join(f"{n}:{blackhole}" for n in names)), *resolve)
        timed_out = [d for d in found if d["code"] == "ZKL603"]
        check(f"10 hosts that never answer are probed in parallel: {len(timed_out)} timed out in {elapsed:.1f} s (--timeout {STEP_TIMEOUT})",
              code == 1 and len(timed_out) == 10 and elapsed < 5 * STEP_TIMEOUT, describe(found, err))
    finally:
        for s in held:
            s.close()

    follower = next(z for z in ensemble if mode(z) == "follower")
    follower.stop()
    code, found, err, _ = probe.run("member-down", broker(members))
    d = find(found, "ZKL602")
    check("a stopped member shows down while the quorum stands (a warning, 2 of 3 serve)", code == 1 and d is not None and d["severity"] == "warning"
          and f":{follower.client_port}" in d["message"] and "2 of 3 servers serve" in d["message"] and not codes(found, "error"), describe(found, err))

    zoo_cfg = f"tickTime=2000\ndataDir={probe.work / 'local-data'}\nclientPort={standalone.client_port}\nadmin.enableServer=false\n"
    code, found, err, _ = probe.run("local-zoo.cfg", zoo_cfg, "--local")
    d = find(found, "ZKL611")
    check("--local: a clientPort another process holds is reported with the process from /proc (BindException)", code == 1 and d is not None
          and "java (pid" in d["message"] and d["range"]["start"]["line"] == 3, describe(found, err))


def register_broker(z, broker_id):
    """Registers an ephemeral /brokers/ids/ID the way a broker does, through ZooKeeper's own CLI,
    and keeps its session open (until the returned process is stopped)."""
    data = '{"endpoints":["PLAINTEXT://other-broker:9092"],"host":"other-broker","port":9092,"version":5}'
    cli = subprocess.Popen(["java", "-cp", classpath(), "org.apache.zookeeper.ZooKeeperMain", "-server", f"127.0.0.1:{z.client_port}"],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    servers.append(cli)
    cli.stdin.write(f"create /brokers\ncreate /brokers/ids\ncreate -e /brokers/ids/{broker_id} {data}\n")
    cli.stdin.flush()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = cli.stdout.readline()
        if f"Created /brokers/ids/{broker_id}" in line:
            return cli
        if not line and cli.poll() is not None:
            break
    raise SystemExit("FAIL: could not register a broker through ZooKeeperMain")


def close_session(cli):
    """Ends the CLI's session cleanly, so that its ephemeral registration goes at once."""
    try:
        cli.stdin.write("quit\n")
        cli.stdin.close()
        cli.wait(timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        pass
    stop_process(cli)


def full_backlog_listener():
    """A port whose accept queue is full, so that further connections get no answer at all (the
    kernel drops their SYNs): a host that times out, on loopback."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(3):
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        fillers.append(s)
    time.sleep(0.2)
    return port, [listener, *fillers]


def main():
    zklint, _source, work = arguments()
    enter_private_network()
    signal.signal(signal.SIGTERM, lambda *_: (stop_all(), sys.exit(1)))
    try:
        [alone_port] = free_ports(1)
        standalone = ZooKeeper(work, "standalone", alone_port, [])
        ports = free_ports(9)
        quorum = [f"server.{i + 1}=127.0.0.1:{ports[3 + i]}:{ports[6 + i]}" for i in range(3)]
        ensemble = [ZooKeeper(work, f"member{i + 1}", ports[i], quorum + ["4lw.commands.whitelist=srvr,ruok,conf,mntr"], my_id=i + 1) for i in range(3)]
        started = time.monotonic()
        for z in [standalone, *ensemble]:
            z.start()
        wait_serving([standalone, *ensemble])
        print(f"servers up in {time.monotonic() - started:.1f} s", flush=True)
        cases(Probe(zklint, work), standalone, ensemble)
    finally:
        stop_all()
    if failures:
        print(f"{len(failures)} case(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
