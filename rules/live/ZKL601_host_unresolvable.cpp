// ZKL601 host-unresolvable: `zklint probe` could not resolve a host the config names.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LiveHostUnresolvable)

namespace zklint::rules {

const RuleMeta& LiveHostUnresolvable::meta() const {
  static const RuleMeta m{
      .code = "ZKL601",
      .name = "host-unresolvable",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A host the config connects to has no address here (java.net.UnknownHostException)",
      .doc = R"md(
Runs only under `zklint probe`, which resolves every host the config connects to with the
system resolver (or `--resolve NAME=ADDRESS`), on the machine it runs on.

The JVM resolves these names the same way: a ZooKeeper client whose hosts all fail to
resolve never connects and the broker stops with `ZooKeeperClientTimeoutException` after
`java.net.UnknownHostException` in the log; a KRaft node cannot reach a voter it cannot
resolve. Typical causes are a typo in the name, a name that only exists in another network
(a container network, a Kubernetes namespace), and hosts separated by a blank instead of a
comma.

An error when no other endpoint of the same list is usable (no ZooKeeper server, fewer than
a majority of voters, no bootstrap server); a warning when the others still carry the node,
and for advertised listeners, which only clients resolve. Probe from the machine the node
runs on: a name that resolves elsewhere may not resolve here.
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=zk1.example.invalid:2181,zk2.example.invalid:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [{"host": "zk1.example.invalid", "port": 2181, "reach": "unresolved", "error": "Name or service not known"}]})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=zk1.example.com:2181,zk2.example.com:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [{"host": "zk1.example.com", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.4,
  "zookeeper": {"srvr": true, "serving": true, "mode": "standalone", "version": "3.8.4", "zxid": "0x100000002", "outstanding": 0,
                "answered": ["srvr", "ruok", "conf", "mntr"], "imok": true}}]})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveHostUnresolvable::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  for (const auto& [target, seen] : view.remote()) {
    if (seen->reach != Reach::unresolved) continue;
    support::report_at(out, *target, std::string(support::to_string(target->role)) + " '" + target->host +
                                         "' does not resolve here (java.net.UnknownHostException: " + seen->error + ")" + view.consequence(*target))
        .severity(view.unusable_severity(*target))
        .help("check the spelling and the DNS or /etc/hosts of this machine; `zklint probe --resolve NAME=ADDRESS` tries an address before DNS has it");
  }
}

}  // namespace zklint::rules
