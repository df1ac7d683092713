// ZKL328 even-voter-set: controller.quorum.voters lists two voters, or an even number.
#include <algorithm>
#include <vector>

#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(KraftEvenVoterSet)

namespace zklint::rules {

const RuleMeta& KraftEvenVoterSet::meta() const {
  static const RuleMeta m{
      .code = "ZKL328",
      .name = "even-voter-set",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "controller.quorum.voters lists two controllers, or an even number: the quorum survives no more failures than one voter fewer",
      .doc = R"md(
The KRaft controller quorum works while a majority of its voters is up (Raft):

| voters | must be up | failures survived |
|---|---|---|
| 2 | 2 | 0 |
| 3 | 2 | 1 |
| 4 | 3 | 1 |
| 5 | 3 | 2 |

Two voters are worse than one: losing either controller stops the metadata quorum, and with
it every change in the cluster. An even count adds a machine without adding safety. Kafka
starts anyway, so this is a warning. A list with a repeated id (ZKL305), or one that names this
broker-only node (ZKL310), is left to those rules: its count is an accident of that mistake.

Use an odd number of controllers: 3 or 5.
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@ctrl1:9093,2@ctrl2:9093\nlisteners=PLAINTEXT://:9092\n"
                       "advertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@ctrl1:9093,2@ctrl2:9093,3@ctrl3:9093\nlisteners=PLAINTEXT://:9092\n"
                        "advertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KraftEvenVoterSet::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = node.voters_entry();
  if (e == nullptr || !node.voter_ids()) return;
  std::vector<std::int32_t> ids = *node.voter_ids();
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() != node.voter_ids()->size()) return;  // a repeated id (ZKL305) is the finding, not the count it leaves
  // A broker-only node among the voters (ZKL310) does not belong there: its removal changes the count.
  if (node.roles() == support::NodeRoles::broker && node.node_id().value && node.is_voter(*node.node_id().value)) return;
  const std::size_t voters = ids.size();
  if (voters < 2 || voters % 2 != 0) return;
  const std::size_t survived = (voters - 1) / 2;
  std::string message = "controller.quorum.voters lists " + std::to_string(voters) + " controllers: the quorum needs " + std::to_string(voters / 2 + 1) +
                        " of them up and survives " + std::to_string(survived) + (survived == 1 ? " failure" : " failures");
  message += voters == 2 ? ", so losing either controller stops it" : ", no more than " + std::to_string(voters - 1) + " voters would";
  out.report_value(*e, message)
      .help(voters == 2 ? "use three controllers (or one)" : "use an odd number of controllers (" + std::to_string(voters - 1) + " or " + std::to_string(voters + 1) + ")");
}

}  // namespace zklint::rules
