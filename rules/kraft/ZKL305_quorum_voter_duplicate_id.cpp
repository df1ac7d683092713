// ZKL305 quorum-voter-duplicate-id: two controller.quorum.voters entries with one id; the last wins.
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftQuorumVoterDuplicateId)

namespace zklint::rules {

const RuleMeta& KraftQuorumVoterDuplicateId::meta() const {
  static const RuleMeta m{
      .code = "ZKL305",
      .name = "quorum-voter-duplicate-id",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "Two controller.quorum.voters entries have the same id; Kafka silently keeps only the last",
      .doc = R"md(
Kafka reads `controller.quorum.voters` into a map from voter id to address, so a second
entry with the same id silently replaces the first: `1@kafka1:9093,1@kafka2:9093` is a
quorum of **one** voter at `kafka2:9093`. Nothing is logged. Usually the id is a copy-paste
slip (`1@kafka1,1@kafka2,3@kafka3` meant 1, 2, 3): the quorum is then smaller than
intended, a majority is reached with fewer controllers, and the controller whose id was
swallowed is not a voter at all, so it refuses to start (its node id must be among the
voters).

Give every controller its own id, the same `node.id` the controller has in its own file.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093,1@kafka2:9093,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftQuorumVoterDuplicateId::check(const LintContext& ctx, Reporter& out) const {
  namespace quorum = grammar::quorum;
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = node.voters_entry();
  if (e == nullptr || !node.voters()) return;
  const std::vector<quorum::Voter>& voters = *node.voters();
  const std::string_view value = e->value;
  for (std::size_t i = 0; i < voters.size(); ++i) {
    if (!voters[i].id) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (voters[j].id != voters[i].id) continue;
      const bool same_address = voters[j].address.text.of(value) == voters[i].address.text.of(value);
      const std::string id = std::to_string(*voters[i].id);
      out.report_value_part(*e, voters[i].entry.begin, voters[i].entry.end,
                            "voter id " + id + " is listed twice: Kafka keeps only this entry " + quoted(voters[i].entry.of(value)) +
                                (same_address ? " (the same address again)" : " and silently drops " + quoted(voters[j].entry.of(value))))
          .related(e->value_range, "the first entry with id " + id + " is " + quoted(voters[j].entry.of(value)))
          .help("give every controller its own id (its node.id)");
      break;
    }
  }
}

}  // namespace zklint::rules
