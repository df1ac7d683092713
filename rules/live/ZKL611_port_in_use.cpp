// ZKL611 port-in-use: --local found a port this node binds already held on this machine.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LivePortInUse)

namespace zklint::rules {

const RuleMeta& LivePortInUse::meta() const {
  static const RuleMeta m{
      .code = "ZKL611",
      .name = "port-in-use",
      .severity = Severity::error,
      .applies_to = FileKinds::any(),
      .summary = "A port this node binds is already held on this machine (java.net.BindException: Address already in use)",
      .doc = R"md(
Runs only under `zklint probe --local`, on the machine the node is about to start on. The
probe binds each port the config makes the node open and releases it at once: a Kafka
node's `listeners`; a ZooKeeper server's `clientPort`, `secureClientPort`, admin server
port (`admin.serverPort`, 8080 unless `admin.enableServer=false`) and, in an ensemble, the
quorum and election ports of its `server.N` line. A port on an address this machine does
not have belongs to another member and is skipped.

When the bind fails, the node fails the same way at startup with
`java.net.BindException: Address already in use`. The message names the process holding
the port when `/proc` tells (as root, or for your own processes): often a previous
instance still running, or another service on a default port (the ZooKeeper admin server
and many web applications both take 8080).
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nadmin.enableServer=false\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok\n", .file_name = "zoo.cfg",
               .observed = R"json({"local_checked": true, "local": [{"host": "", "port": 2181, "held": true, "error": "Address already in use", "process": "java (pid 4242)"}]})json"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nadmin.enableServer=false\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok\n", .file_name = "zoo.cfg",
                .observed = R"json({"local_checked": true, "local": [{"host": "", "port": 2181, "held": false}]})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LivePortInUse::check(const LintContext& ctx, Reporter& out) const {
  const Observations* observed = ctx.observed();
  if (observed == nullptr || !observed->local_checked) return;
  for (const support::LocalTarget& t : ctx.model<support::LiveTargets>().local) {
    const LocalBind* bind = observed->find_local(t.host, t.port);
    if (bind == nullptr || !bind->held) continue;
    const std::string message = "port " + std::to_string(t.port) + (t.host.empty() ? "" : " on " + t.host) + " (" + t.what + ")" +
                                " is already held on this machine" + (bind->process.empty() ? "" : " by " + bind->process) +
                                ": the node would fail to start with java.net.BindException: " + bind->error;
    auto report = t.entry != nullptr ? out.report_value_part(*t.entry, t.begin, t.end, message) : out.report_file(message + " (the default port)");
    report.help("stop what holds the port, or give this node another port");
  }
}

}  // namespace zklint::rules
