// ZKL610 ensemble-split-view: the servers of zookeeper.connect disagree about who leads.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LiveEnsembleSplitView)

namespace zklint::rules {

const RuleMeta& LiveEnsembleSplitView::meta() const {
  static const RuleMeta m{
      .code = "ZKL610",
      .name = "ensemble-split-view",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "The servers of zookeeper.connect do not form one ensemble: two leaders, followers of another leader, or a standalone server among members",
      .doc = R"md(
Runs only under `zklint probe`, which asks every server of `zookeeper.connect` for `srvr`:
its mode (standalone, leader, follower, observer) and its last zxid, whose high 32 bits are
the epoch of the leader it follows.

One ensemble has one leader, and no follower is in a later epoch than its leader (a follower
may lag in an older epoch until it sees a transaction). Two servers that both lead, a
follower ahead of the leader's epoch, or a standalone server listed with
ensemble members mean that `zookeeper.connect` names servers of different ensembles (a
`server.N` list that differs between members, a copy-pasted host). The broker then sees
different data depending on which server its session lands on: brokers of one cluster
register in different places and cannot find each other.

Make every member's `server.N` lines identical and list in `zookeeper.connect` only the
members of one ensemble.
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [
  {"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3,
   "zookeeper": {"srvr": true, "serving": true, "mode": "leader", "version": "3.8.4", "zxid": "0x200000001", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}},
  {"host": "zk2", "port": 2181, "reach": "open", "address": "10.0.0.12", "connect_ms": 0.3,
   "zookeeper": {"srvr": true, "serving": true, "mode": "leader", "version": "3.8.4", "zxid": "0x500000007", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}}]})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [
  {"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3,
   "zookeeper": {"srvr": true, "serving": true, "mode": "leader", "version": "3.8.4", "zxid": "0x200000001", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}},
  {"host": "zk2", "port": 2181, "reach": "open", "address": "10.0.0.12", "connect_ms": 0.3,
   "zookeeper": {"srvr": true, "serving": true, "mode": "follower", "version": "3.8.4", "zxid": "0x200000001", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}}]})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveEnsembleSplitView::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  const auto servers = view.targets().of_role(support::TargetRole::zookeeper_server);
  if (!view.probed() || servers.empty()) return;
  for (const std::string& disagreement : view.ensemble().disagreements) {
    out.report_value(*servers.front()->entry, "the servers of zookeeper.connect are not one ensemble: " + disagreement)
        .help("make every member's server.N lines identical, and list only the members of one ensemble");
  }
}

}  // namespace zklint::rules
