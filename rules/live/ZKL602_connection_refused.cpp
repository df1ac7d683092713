// ZKL602 connection-refused: nothing listens at an endpoint the config connects to.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LiveConnectionRefused)

namespace zklint::rules {

const RuleMeta& LiveConnectionRefused::meta() const {
  static const RuleMeta m{
      .code = "ZKL602",
      .name = "connection-refused",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Nothing listens at a host and port the config connects to (java.net.ConnectException: Connection refused)",
      .doc = R"md(
Runs only under `zklint probe`, which opens a TCP connection to every endpoint the config
connects to: each `zookeeper.connect` server, each `controller.quorum.voters` and
`controller.quorum.bootstrap.servers` address, each advertised listener.

A refused connection means the host answered but nothing listens on that port: the server
is not running, or the port is wrong (the ZooKeeper side's `clientPort` differs from the
port in `zookeeper.connect`). The broker logs `java.net.ConnectException: Connection
refused` and retries.

An error when no other endpoint of the same list is usable: no ZooKeeper server of
`zookeeper.connect` serves (the broker cannot start), fewer than a majority of the voters
answer, or no bootstrap server does. A warning when the rest still carry the node (one
ensemble member down while the quorum stands). Info for an advertised listener: before the
broker starts, nothing listens there yet.
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=localhost:2182,localhost:2183/kafka\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [{"host": "localhost", "port": 2182, "reach": "refused", "address": "127.0.0.1", "error": "Connection refused"},
                {"host": "localhost", "port": 2183, "reach": "refused", "address": "127.0.0.1", "error": "Connection refused"}]})json"},
              {.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [
  {"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3,
   "zookeeper": {"srvr": true, "serving": true, "mode": "follower", "version": "3.8.4", "zxid": "0x200000001", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}},
  {"host": "zk2", "port": 2181, "reach": "open", "address": "10.0.0.12", "connect_ms": 0.4,
   "zookeeper": {"srvr": true, "serving": true, "mode": "leader", "version": "3.8.4", "zxid": "0x200000001", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}},
  {"host": "zk3", "port": 2181, "reach": "refused", "address": "10.0.0.13", "error": "Connection refused"}]})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=localhost:2181,localhost:2182/kafka\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [{"host": "localhost", "port": 2181, "reach": "open", "address": "127.0.0.1", "connect_ms": 0.1,
  "zookeeper": {"srvr": true, "serving": true, "mode": "standalone", "version": "3.8.4", "zxid": "0x100000002", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}}]})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveConnectionRefused::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  for (const auto& [target, seen] : view.remote()) {
    if (seen->reach != Reach::refused) continue;
    support::report_at(out, *target, std::string(support::to_string(target->role)) + " " + support::endpoint_text(target->host, target->port) +
                                         " refused the connection (" + seen->address + "): nothing listens there" + view.consequence(*target))
        .severity(view.unusable_severity(*target))
        .help(target->role == support::TargetRole::zookeeper_server
                  ? "start the ZooKeeper server there, or write the port its clientPort names"
                  : "start the node there, or write the port its listener binds");
  }
}

}  // namespace zklint::rules
