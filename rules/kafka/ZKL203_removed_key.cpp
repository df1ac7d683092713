// ZKL203 removed-key: a setting an older Kafka release had and the assumed release ignores.
#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "support/kafka_settings.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaRemovedKey)

namespace zklint::rules {

const RuleMeta& KafkaRemovedKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL203",
      .name = "removed-key",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A setting that the assumed Kafka version no longer has: Kafka silently ignores it",
      .doc = R"md(
Settings come and go between releases, and a broker ignores every key it does not define
without a word. Upgraded configs keep their old lines, which then do nothing:

- `host.name`, `port`, `advertised.host.name`, `advertised.port` were removed in 3.0. A
  3.x broker listens where `listeners` says (default `PLAINTEXT://:9092`), so a config
  that still sets `port=9093` silently ends up on 9092.
- `quota.producer.default` and `quota.consumer.default` were removed in 3.0 (use dynamic
  default client quotas).
- Kafka 4.0 removed `inter.broker.protocol.version` (the `metadata.version` feature
  replaces it), `log.message.format.version`, `log.message.timestamp.difference.max.ms`
  (now `log.message.timestamp.before.max.ms` / `.after.max.ms`), `broker.id.generation.enable`,
  `reserved.broker.max.id`, `control.plane.listener.name`, the `password.encoder.*` keys
  and others, together with every `zookeeper.*` key (those are reported by the KRaft rules).
- Kafka 0.7/0.8 names such as `log.file.size` (now `log.segment.bytes`),
  `socket.send.buffer` (now `socket.send.buffer.bytes`) or `log.cleanup.interval.mins`
  (now `log.retention.check.interval.ms`) survive in old copies of server.properties.

The finding names the release that removed the key and what replaces it, when something
does. At startup the operator sees nothing; the broker runs with the default of the
replacement. If the brokers really run an older release, set `--kafka-version`.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nport=9092\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listeners=PLAINTEXT://:9092\n",
                .kafka_version = "3.9"},
               {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nport=9092\n",
                .kafka_version = "2.8"}},
      .tag = FindingTag::deprecated,
  };
  return m;
}

void KafkaRemovedKey::check(const LintContext& ctx, Reporter& out) const {
  const auto& settings = ctx.model<support::KafkaSettings>();
  const auto& model = ctx.model<support::KafkaModel>();
  const KafkaVersion version = ctx.kafka_version();
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.key_templated(e) || e.key.empty() || ctx.find(e.key) != &e) continue;
    const support::kafka::KeyInfo info = settings.classify(e.key);
    if (info.kind != support::kafka::KeyKind::removed) continue;
    // Without ZooKeeper mode, the KRaft rules report zookeeper.* keys.
    if (starts_with(e.key, "zookeeper.") && kafka_fact::zookeeper_mode_removed.holds_in(version)) continue;
    std::string message = quoted(e.key) + " was removed in Kafka " + info.release + ", so a Kafka " + ctx.kafka_version_text() +
                          " broker silently ignores it";
    if (!info.replacement.empty()) message += "; use " + std::string(info.replacement) + " instead";
    auto d = out.report_key(e, std::move(message));
    // A 3.x broker without `listeners` listens on the default, whatever host.name/port say.
    if ((e.key == "port" || e.key == "host.name") && model.listeners().source == support::ListenerSource::default_value &&
        model.listeners().known && !model.template_structure()) {
      d.help("listeners is not set, so the broker listens on its default, PLAINTEXT://:9092");
    }
  }
}

}  // namespace zklint::rules
