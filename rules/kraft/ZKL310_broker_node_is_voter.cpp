// ZKL310 broker-node-is-voter: a broker-only node whose id is in controller.quorum.voters.
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftBrokerNodeIsVoter)

namespace zklint::rules {

const RuleMeta& KraftBrokerNodeIsVoter::meta() const {
  static const RuleMeta m{
      .code = "ZKL310",
      .name = "broker-node-is-voter",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A broker-only node (process.roles=broker) has its node id among controller.quorum.voters",
      .doc = R"md(
The voters in `controller.quorum.voters` are the controllers. A node with
`process.roles=broker` is not a controller, so its id must not be among them; a broker-only
node whose id is refuses to start: `IllegalArgumentException: requirement failed: If
process.roles contains just the 'broker' role, the node id N must not be included in the
set of voters controller.quorum.voters=...` (3.0 words it "does not contain the 'controller'
role"). Kafka checks this from 3.0 on (`KafkaConfig.scala` validateValues @3.0.0); the KRaft
early access in 2.8 did not (its sample `kraft/broker.properties` even lists the broker as a
voter), so the rule is silent with `--kafka-version 2.8`.

This usually means one of two slips: the broker got a controller's `node.id` (ids are
shared between brokers and controllers and must be unique in the cluster), or the voters
list names brokers. Give the broker its own id, or add the `controller` role if the node
really is meant to vote (`process.roles=broker,controller`).
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=2\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka2:9092\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftBrokerNodeIsVoter::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  if (!node.voter_checks_apply() || node.roles() != support::NodeRoles::broker) return;
  const support::NodeId& id = node.node_id();
  if (!id.known || !id.value || !node.is_voter(*id.value)) return;
  const Entry& voters = *node.voters_entry();
  for (const grammar::quorum::Voter& v : *node.voters()) {
    if (v.id != *id.value) continue;
    auto report = out.report_value_part(voters, v.entry.begin, v.entry.end,
                                        "this node (id " + std::to_string(*id.value) + ") is listed as voter " + quoted(v.entry.of(voters.value)) +
                                            ", but process.roles=broker: only controllers vote, and a broker-only node among the voters refuses to "
                                            "start from Kafka 3.0 on (requirement failed: the node id must not be included in the set of voters)");
    if (id.entry != nullptr) report.related(id.entry->value_range, std::string(id.entry->key) + " of this node");
    report.help("give the broker an id of its own, or add the controller role (process.roles=broker,controller)");
  }
}

}  // namespace zklint::rules
