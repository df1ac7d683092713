// ZKL603 connection-timed-out: an endpoint the config connects to does not answer at all.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LiveConnectionTimedOut)

namespace zklint::rules {

const RuleMeta& LiveConnectionTimedOut::meta() const {
  static const RuleMeta m{
      .code = "ZKL603",
      .name = "connection-timed-out",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A host and port the config connects to does not answer (java.net.SocketTimeoutException: connect timed out)",
      .doc = R"md(
Runs only under `zklint probe`. The connection got no answer within `--timeout` seconds, or
the network reported the host unreachable: a firewall drops the packets, the address
belongs to no running machine, or a route is missing. The broker logs
`java.net.SocketTimeoutException: connect timed out` (or `NoRouteToHostException`) and
retries until `zookeeper.connection.timeout.ms` runs out.

Severity as for connection-refused (ZKL602): an error when the rest of the list cannot
carry the node, a warning when it can and for advertised listeners (a firewall between
this machine and the listener blocks clients too).
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=10.0.0.99:2181,10.0.0.98:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [{"host": "10.0.0.99", "port": 2181, "reach": "timed-out", "address": "10.0.0.99", "error": "no answer within 3 s"}]})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=10.0.0.11:2181,10.0.0.12:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [{"host": "10.0.0.11", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.6,
  "zookeeper": {"srvr": true, "serving": true, "mode": "standalone", "version": "3.8.4", "zxid": "0x100000002", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}}]})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveConnectionTimedOut::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  for (const auto& [target, seen] : view.remote()) {
    if (seen->reach != Reach::timed_out && seen->reach != Reach::unreachable) continue;
    const std::string what = seen->reach == Reach::timed_out ? " did not answer (" + seen->error + ")" : " is unreachable (" + seen->error + ")";
    support::report_at(out, *target, std::string(support::to_string(target->role)) + " " + support::endpoint_text(target->host, target->port) +
                                         (seen->address.empty() ? "" : " at " + seen->address) + what + view.consequence(*target))
        .severity(view.unusable_severity(*target))
        .help("check that the machine runs and that firewalls and security groups let this port through");
  }
}

}  // namespace zklint::rules
