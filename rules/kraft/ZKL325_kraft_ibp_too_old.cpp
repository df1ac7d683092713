// ZKL325 kraft-ibp-too-old: a 3.x KRaft node with an explicit inter.broker.protocol.version below 3.0-IV1.
#include <optional>

#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "support/protocol_version.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftIbpTooOld)

namespace zklint::rules {
namespace {

// 3.0-IV1 is MINIMUM_KRAFT_VERSION; "3.0" alone means the newest 3.0 IV, which is 3.0-IV1.
bool below_minimum_kraft_version(const support::ProtocolVersion& ibp) { return !ibp.at_least(3, 0, 1); }

}  // namespace

const RuleMeta& KraftIbpTooOld::meta() const {
  static const RuleMeta m{
      .code = "ZKL325",
      .name = "kraft-ibp-too-old",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A Kafka 3.x KRaft node sets inter.broker.protocol.version below 3.0-IV1, which KRaft cannot run",
      .doc = R"md(
In KRaft mode `inter.broker.protocol.version` is only read to bootstrap a cluster that was
created before 3.3; the feature level really comes from `metadata.version` (set with
`kafka-storage.sh format`). An explicit value below **3.0-IV1**, the oldest version KRaft
supports, stops the node: `ConfigException: A non-KRaft version 2.8 given for
inter.broker.protocol.version. The minimum version is 3.0-IV1`. Such a value is usually left
over from a ZooKeeper-mode config that pinned the protocol during an upgrade.

Remove the line (Kafka 3.3 and later log a deprecation warning for any explicit value in
KRaft mode anyway); Kafka 4.0 removed the setting.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "inter.broker.protocol.version=2.8\nlog.dirs=/var/lib/kafka/data\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "inter.broker.protocol.version=3.0\nlog.dirs=/var/lib/kafka/data\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KraftIbpTooOld::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = ctx.find("inter.broker.protocol.version");
  if (e == nullptr || ctx.value_templated(*e) || !kafka_fact::kraft_config_checks.holds_in(node.version()) || node.kafka().spec("inter.broker.protocol.version") == nullptr) return;
  if (!node.has_broker_role() && !node.has_controller_role()) return;
  const std::string_view text = java_trim(e->value);
  const auto ibp = support::parse_protocol_version(text);
  if (!ibp || !below_minimum_kraft_version(*ibp)) return;
  out.report_value(*e, "inter.broker.protocol.version " + std::string(text) + " is older than 3.0-IV1, the oldest version KRaft runs: this KRaft " +
                           std::string(node.roles_text()) + " node refuses to start (ConfigException: a non-KRaft version given for "
                           "inter.broker.protocol.version; the minimum version is 3.0-IV1)")
      .help("remove the line: KRaft takes its feature level from metadata.version (kafka-storage.sh format)");
}

}  // namespace zklint::rules
