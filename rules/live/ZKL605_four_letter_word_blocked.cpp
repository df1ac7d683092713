// ZKL605 four-letter-word-blocked: a ZooKeeper server refuses ruok/conf/mntr: not whitelisted.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LiveFourLetterWordBlocked)

namespace zklint::rules {

const RuleMeta& LiveFourLetterWordBlocked::meta() const {
  static const RuleMeta m{
      .code = "ZKL605",
      .name = "four-letter-word-blocked",
      .severity = Severity::info,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper server does not execute ruok, conf or mntr: they are not in its 4lw.commands.whitelist",
      .doc = R"md(
Runs only under `zklint probe`, which sends `srvr`, `ruok`, `conf` and `mntr` to every
ZooKeeper server of `zookeeper.connect`.

Since ZooKeeper 3.5 a server executes only the four-letter words listed in its
`4lw.commands.whitelist` property, and the default list holds `srvr` alone
(`FourLetterCommands.java` @3.8). Every other word gets `ruok is not executed because it is
not in the whitelist.` instead of an answer, so the classic health check
`echo ruok | nc zk1 2181` sees no `imok` on a healthy server, and monitoring built on `mntr`
sees nothing.

Advice, not a problem for Kafka: the broker never sends four-letter words. The message names
the whitelist that would allow the words the server refused, next to those it executes; set
it in `zoo.cfg` (or `-Dzookeeper.4lw.commands.whitelist=...`) and restart the server.
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3,
  "zookeeper": {"srvr": true, "serving": true, "mode": "standalone", "version": "3.8.4", "zxid": "0x100000002", "outstanding": 0,
                "answered": ["srvr"], "blocked": ["ruok", "conf", "mntr"]}}]})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3,
  "zookeeper": {"srvr": true, "serving": true, "mode": "standalone", "version": "3.8.4", "zxid": "0x100000002", "outstanding": 0,
                "answered": ["srvr", "ruok", "conf", "mntr"], "imok": true}}]})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveFourLetterWordBlocked::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  for (const auto& [target, seen] : view.remote()) {
    if (seen->reach != Reach::open || !seen->zookeeper || seen->zookeeper->blocked.empty()) continue;
    const ZooKeeperStatus& z = *seen->zookeeper;
    std::string blocked, whitelist;
    for (const std::string& w : z.blocked) blocked += (blocked.empty() ? "" : ", ") + w;
    for (const std::string& w : z.answered) whitelist += (whitelist.empty() ? "" : ",") + w;
    for (const std::string& w : z.blocked) whitelist += (whitelist.empty() ? "" : ",") + w;
    support::report_at(out, *target, "ZooKeeper server " + support::endpoint_text(target->host, target->port) + " does not execute " + blocked +
                                         ": not in its 4lw.commands.whitelist" +
                                         (z.blocked.front() == "ruok" ? ", so `echo ruok | nc` gets no imok from a healthy server" : std::string()))
        .help("on the ZooKeeper server, 4lw.commands.whitelist=" + whitelist + " would allow them (then restart it)");
  }
}

}  // namespace zklint::rules
