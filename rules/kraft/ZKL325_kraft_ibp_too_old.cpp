// ZKL325 kraft-ibp-too-old: a 3.x KRaft node with an explicit inter.broker.protocol.version below 3.0-IV1.
#include <optional>

#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftIbpTooOld)

namespace zklint::rules {
namespace {

struct Ibp {
  KafkaVersion release;
  std::optional<int> iv;  ///< the -IVn suffix, when written
};

// MetadataVersion.fromVersionString's shapes: "2.8", "2.8-IV1", "0.10.2", "0.10.2-IV0". Only the
// release and IV matter here; anything else is left to the catalog's allowed-versions check.
std::optional<Ibp> parse_ibp(std::string_view text) {
  const std::size_t dash = text.find("-IV");
  Ibp ibp;
  std::string_view release = text.substr(0, dash);
  if (starts_with(release, "0.")) release = release.substr(2);  // 0.10.2 -> 10.2, older than 3.0 either way
  const auto v = KafkaVersion::parse(release);
  if (!v) return std::nullopt;
  ibp.release = *v;
  if (dash != std::string_view::npos) {
    const std::string_view n = text.substr(dash + 3);
    if (n.empty() || n.find_first_not_of("0123456789") != std::string_view::npos || n.size() > 3) return std::nullopt;
    ibp.iv = std::stoi(std::string(n));
  }
  return ibp;
}

// 3.0-IV1 is MINIMUM_KRAFT_VERSION; "3.0" alone means the newest 3.0 IV, which is 3.0-IV1.
bool below_minimum_kraft_version(const Ibp& ibp) {
  if (ibp.release < KafkaVersion{3, 0}) return true;
  return ibp.release == KafkaVersion{3, 0} && ibp.iv && *ibp.iv < 1;
}

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
  if (e == nullptr || ctx.value_templated(*e) || node.version() < KafkaVersion{3, 0} || node.kafka().spec("inter.broker.protocol.version") == nullptr) return;
  if (!node.has_broker_role() && !node.has_controller_role()) return;
  const std::string_view text = java_trim(e->value);
  const auto ibp = parse_ibp(text);
  if (!ibp || !below_minimum_kraft_version(*ibp)) return;
  out.report_value(*e, "inter.broker.protocol.version " + std::string(text) + " is older than 3.0-IV1, the oldest version KRaft runs: this KRaft " +
                           std::string(node.roles_text()) + " node refuses to start (ConfigException: a non-KRaft version given for "
                           "inter.broker.protocol.version; the minimum version is 3.0-IV1)")
      .help("remove the line: KRaft takes its feature level from metadata.version (kafka-storage.sh format)");
}

}  // namespace zklint::rules
