// ZKL327 controller-advertised-listeners: advertised.listeners on a controller-only node, which
// Kafka 3.3.2 to 3.8 refuse.
#include "kafka_releases.hpp"
#include "support/kafka_reporting.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(KraftControllerAdvertisedListeners)

namespace zklint::rules {

namespace {


}  // namespace

const RuleMeta& KraftControllerAdvertisedListeners::meta() const {
  static const RuleMeta m{
      .code = "ZKL327",
      .name = "controller-advertised-listeners",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller-only node sets advertised.listeners, which Kafka 3.3.2 to 3.8 refuse",
      .doc = R"md(
From Kafka 3.3.2 to 3.8, a controller-only node (`process.roles=controller`) must not set
`advertised.listeners` at all, not even to an empty value: `IllegalArgumentException:
requirement failed: The advertised.listeners config must be empty when
process.roles=controller` (`KafkaConfig.scala` @3.3.2, @3.4.0 to @3.8.0). Kafka 3.9 (KIP-853)
lets controllers advertise their listeners, and dropped the check.

On 3.3 the check came with the 3.3.2 patch release: 3.3.0 and 3.3.1 accept the setting, so
for 3.3 the finding is a warning. Remove the line; controllers are found through
`controller.quorum.voters`.
)md",
      .bad = {{.text = "process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@ctrl1:9093\nlisteners=CONTROLLER://:9093\n"
                       "advertised.listeners=CONTROLLER://ctrl1:9093\ncontroller.listener.names=CONTROLLER\nlog.dirs=/var/lib/kafka/meta\n",
               .kafka_version = "3.7"}},
      .good = {{.text = "process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@ctrl1:9093\nlisteners=CONTROLLER://:9093\n"
                        "controller.listener.names=CONTROLLER\nlog.dirs=/var/lib/kafka/meta\n",
                .kafka_version = "3.7"}},
  };
  return m;
}

void KraftControllerAdvertisedListeners::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = ctx.find("advertised.listeners");
  if (e == nullptr || ctx.key_templated(*e) || node.roles() != support::NodeRoles::controller) return;
  if (!kafka_fact::controller_advertised_listeners_refused.holds_in(node.version())) return;
  const bool every_patch = kafka_fact::controller_advertised_listeners_refused_in_every_patch.holds_in(node.version());
  auto d = out.report_key(*e, std::string("a controller-only node must not set advertised.listeners: Kafka ") +
                                  (every_patch ? node.version_text() : std::string("3.3.2 and later 3.3 patch releases")) +
                                  " refuse" + (every_patch ? "s" : "") +
                                  " to start (requirement failed: The advertised.listeners config must be empty when process.roles=controller)");
  d.help("remove the line; Kafka 3.9 and later accept it");
  if (!every_patch) d.severity(Severity::warning);
}

}  // namespace zklint::rules
