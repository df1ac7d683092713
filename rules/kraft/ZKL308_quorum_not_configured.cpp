// ZKL308 quorum-not-configured: a KRaft node with neither controller.quorum.voters nor
// controller.quorum.bootstrap.servers.
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(KraftQuorumNotConfigured)

namespace zklint::rules {
const RuleMeta& KraftQuorumNotConfigured::meta() const {
  static const RuleMeta m{
      .code = "ZKL308",
      .name = "quorum-not-configured",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A KRaft node has neither controller.quorum.voters nor controller.quorum.bootstrap.servers",
      .doc = R"md(
Every KRaft node (broker, controller or combined) must know where the controllers are:
either the static quorum in `controller.quorum.voters` (`1@kafka1:9093,2@kafka2:9093,...`)
or, from Kafka 3.9 (KIP-853), the controllers to bootstrap from in
`controller.quorum.bootstrap.servers` (`kafka1:9093,kafka2:9093,...`). With neither, the node
refuses to start: `ConfigException` (if using process.roles, either
controller.quorum.bootstrap.servers must contain the set of bootstrap controllers or
controller.quorum.voters must contain a parseable set of controllers; before 3.9 the message
names only controller.quorum.voters). Both default to the empty list.

Set one of them, the same on every node of the cluster.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\nlisteners=PLAINTEXT://:9092,CONTROLLER://:9093\n"
                       "advertised.listeners=PLAINTEXT://kafka1:9092\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.bootstrap.servers=kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftQuorumNotConfigured::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  if (!node.has_broker_role() && !node.has_controller_role()) return;
  if (!node.voters() || !node.bootstrap_servers() || !node.voters()->empty() || !node.bootstrap_servers()->empty()) return;
  const bool absent = node.voters_entry() == nullptr && node.bootstrap_entry() == nullptr;
  if (absent && node.template_structure()) return;
  // The release last: most files leave nothing to report whatever it is (release_questions.hpp).
  if (!kafka_fact::kraft_config_checks.holds_in(node.version())) return;
  const bool with_bootstrap = kafka_fact::quorum_bootstrap_servers.holds_in(node.version());
  const std::string keys = with_bootstrap ? "neither controller.quorum.voters nor controller.quorum.bootstrap.servers is set"
                                          : "controller.quorum.voters is not set";
  const std::string message = keys + ": a KRaft " + std::string(node.roles_text()) +
                              " node must know its controllers and refuses to start (ConfigException: if using process.roles, " +
                              (with_bootstrap ? "controller.quorum.bootstrap.servers or " : "") +
                              "controller.quorum.voters must contain the controllers)";
  const bool bootstrap_too_new = !with_bootstrap && ctx.find("controller.quorum.bootstrap.servers") != nullptr;
  const std::string help = with_bootstrap      ? "set controller.quorum.voters=1@kafka1:9093,... or controller.quorum.bootstrap.servers=kafka1:9093,..."
                           : bootstrap_too_new ? "controller.quorum.bootstrap.servers needs Kafka 3.9 (KIP-853); earlier releases ignore it: set "
                                                 "controller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093"
                                               : "set controller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093";
  const Entry* blank = node.voters_entry() != nullptr ? node.voters_entry() : node.bootstrap_entry();
  if (blank != nullptr) out.report_value(*blank, message).help(help);
  else out.report_file(message).help(help);
}

}  // namespace zklint::rules
