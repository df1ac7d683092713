// ZKL506 voter-controller-port-mismatch: a voter's port is not the controller listener port of the
// controller with that node.id.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(VoterControllerPortMismatch)

namespace zklint::rules {

const RuleMeta& VoterControllerPortMismatch::meta() const {
  static const RuleMeta m{
      .code = "ZKL506",
      .name = "voter-controller-port-mismatch",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller.quorum.voters entry names a port on which the controller with that node.id does not listen",
      .doc = R"md(
Each entry `id@host:port` of `controller.quorum.voters` says where the controller whose
`node.id` is `id` listens for the quorum: on its controller listener (the listener named
in `controller.listener.names`). When the port differs, every node that uses this voter
list reaches nothing there ("Connection refused" in the Raft client). Kafka starts anyway,
and a quorum of three then works with two: it silently tolerates no failure, and a
second unreachable voter stops the cluster. So this is a warning.

zklint checks each voter against the controller configs of the cluster whose `node.id` is
the voter's id: the node itself, a controller with the very same voter list, or one it has
evidence runs in the same cluster (one declared cluster, or files that number one series,
such as `broker-1.properties` and `controller-1.properties`) with a voter in common. The
controller listener's port is compared, not its host: the host may be another name for
the same machine.
)md",
      .bad = {{.text = "process.roles=controller\nnode.id=1\nlog.dirs=/var/lib/kafka/meta\nlisteners=CONTROLLER://:9095\ncontroller.listener.names=CONTROLLER\n"
                       "controller.quorum.voters=1@localhost:9093\n",
               .file_name = "controller.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=controller\nnode.id=1\nlog.dirs=/var/lib/kafka/meta\nlisteners=CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\n"
                        "controller.quorum.voters=1@localhost:9093\n",
                .file_name = "controller.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void VoterControllerPortMismatch::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr || me->quorum.source != support::MetadataQuorum::Source::voters) return;
  const Entry& voters_entry = *me->kafka->voters_entry();
  for (const support::VoterLink& link : nodes.voter_links(*me)) {
    if (link.reachable) continue;
    const auto& voter = *link.voter;
    const support::Node& controller = *link.controller;
    const support::NodePort& listener = *link.listener;
    const std::string whose = &controller == me ? "this controller (node.id=" + std::to_string(*voter.id) + ")"
                                                : controller.path() + " (node.id=" + std::to_string(*voter.id) + ")";
    auto d = out.report_value_part(voters_entry, voter.address.port_text.begin, voter.address.port_text.end,
                                   "voter " + std::to_string(*voter.id) + " is at port " + std::to_string(*voter.address.port) + ", but " + whose +
                                       " listens for the quorum on " + std::to_string(listener.port) + " (" + listener.purpose +
                                       "): no node reaches this voter, and the quorum tolerates one failure fewer");
    if (listener.entry != nullptr) d.related(controller.path(), listener.entry->value_source_range(controller.ctx->source(), listener.begin, listener.end), "the controller listener");
    d.suggest(std::to_string(listener.port));
  }
}

}  // namespace zklint::rules
