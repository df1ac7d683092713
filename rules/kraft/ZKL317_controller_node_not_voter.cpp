// ZKL317 controller-node-not-voter: a node with the controller role whose id is not among the voters.
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(KraftControllerNodeNotVoter)

namespace zklint::rules {

const RuleMeta& KraftControllerNodeNotVoter::meta() const {
  static const RuleMeta m{
      .code = "ZKL317",
      .name = "controller-node-not-voter",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller (or combined) node's id is not among controller.quorum.voters",
      .doc = R"md(
With a static quorum (`controller.quorum.voters`), every controller is a voter, listed with
its own node id: the controller with `node.id=2` must appear as `2@host:port`. A node with
the controller role whose id is not in the list refuses to start:
`IllegalArgumentException: requirement failed: If process.roles contains the 'controller'
role, the node id N must be included in the set of voters controller.quorum.voters=[...]`,
from Kafka 3.0 on (`KafkaConfig.scala` validateValues @3.0.0; the KRaft early access in 2.8 did
not check it).

Usually the node id and the voters list disagree after a copy-paste (every controller file
says `node.id=1`), or the voters list was not extended when a controller was added. Fix the
id or the list; the list must be the same on every node. With a dynamic quorum
(`controller.quorum.bootstrap.servers` and no voters) the check does not apply.
)md",
      .bad = {{.text = "process.roles=controller\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/meta\n"}},
      .good = {{.text = "process.roles=controller\nnode.id=3\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\n"
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/meta\n"}},
  };
  return m;
}

void KraftControllerNodeNotVoter::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  if (!node.voter_checks_apply() || !node.has_controller_role() || !node.voter_ids() || node.voter_ids()->empty()) return;
  const support::NodeId& id = node.node_id();
  if (!id.known || !id.value || *id.value < 0 || node.is_voter(*id.value)) return;
  std::string ids;
  for (const std::int32_t v : *node.voter_ids()) ids += (ids.empty() ? "" : ", ") + std::to_string(v);
  const std::string message = "this " + std::string(node.roles_text()) + " node has id " + std::to_string(*id.value) + ", which is not among the voters (" +
                              ids + "): a controller must be a voter, so it refuses to start (requirement failed: the node id must be included "
                              "in the set of voters controller.quorum.voters)";
  const Entry& voters = *node.voters_entry();
  if (id.entry != nullptr) {
    out.report_value(*id.entry, message).related(voters.value_range, "controller.quorum.voters").help("use this controller's id from the voters list, or add it there");
  } else {
    out.report_value(voters, message).help("set node.id to this controller's id from the voters list");
  }
}

}  // namespace zklint::rules
