// ZKL505 quorum-voters-differ: KRaft nodes of one cluster with different controller.quorum.voters.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(QuorumVotersDiffer)

namespace zklint::rules {

const RuleMeta& QuorumVotersDiffer::meta() const {
  static const RuleMeta m{
      .code = "ZKL505",
      .name = "quorum-voters-differ",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "KRaft nodes of one cluster list different controller.quorum.voters",
      .doc = R"md(
With a static quorum, `controller.quorum.voters` is the voter set: every node of the
cluster must list the same voters, with the same ids, hosts and ports
(`QuorumConfig.java @3.9`). Kafka starts with differing lists, so this is a warning, but
the nodes then disagree on who votes: a controller that is missing from another
controller's list never receives its votes, a majority computed over different sets may
not exist, and a broker that lists a stale address keeps trying a node that is gone.

zklint compares the voters of KRaft nodes it has evidence run together (one declared
cluster, or files that number one series) and that share at least one voter, so that two
separate clusters side by side are not compared. When most nodes agree, only the nodes
that differ from them are reported.
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=4\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\ncontroller.listener.names=CONTROLLER\n"
                       "controller.quorum.voters=1@c1:9093,2@c2:9093,3@c3:9093\n",
               .file_name = "broker-1.properties",
               .companion = "process.roles=broker\nnode.id=5\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\ncontroller.listener.names=CONTROLLER\n"
                            "controller.quorum.voters=1@c1:9093,2@c2:9093\n",
               .companion_name = "broker-2.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=broker\nnode.id=4\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\ncontroller.listener.names=CONTROLLER\n"
                        "controller.quorum.voters=1@c1:9093,2@c2:9093,3@c3:9093\n",
                .file_name = "broker-1.properties",
                .companion = "process.roles=broker\nnode.id=5\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\ncontroller.listener.names=CONTROLLER\n"
                             "controller.quorum.voters=1@c1:9093,2@c2:9093,3@c3:9093\n",
                .companion_name = "broker-2.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void QuorumVotersDiffer::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  using Source = support::MetadataQuorum::Source;
  if (me == nullptr || me->quorum.source != Source::voters) return;
  const auto voter_set = [](const support::Node& n) -> std::optional<std::string> {
    if (n.quorum.source != support::MetadataQuorum::Source::voters) return std::nullopt;
    std::string text;
    for (const std::string& e : n.quorum.endpoints) text += e + ",";
    return text;
  };
  if (nodes.in_majority(*me, voter_set)) return;  // the nodes that differ from it report
  for (const support::Node& other : nodes.nodes()) {
    if (other.quorum.source != Source::voters || other.quorum.endpoints == me->quorum.endpoints) continue;
    if (!nodes.peers(*me, other) || !me->quorum.shared_with(other.quorum)) continue;
    const Entry& theirs = *other.kafka->voters_entry();
    out.report_value(*me->kafka->voters_entry(), "controller.quorum.voters differs from the voters of " + other.path() + " (" +
                                                     std::string(theirs.value) + "): the nodes disagree on who votes in the quorum")
        .related(other.path(), theirs.value_range, "the other voter set");
    return;
  }
}

}  // namespace zklint::rules
