// ZKL209 empty-list-item: `a,,b` or a trailing comma in a list setting keeps an empty item.
#include <algorithm>

#include "kafka_releases.hpp"
#include "support/kafka_settings.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaEmptyListItem)

namespace zklint::rules {

const RuleMeta& KafkaEmptyListItem::meta() const {
  static const RuleMeta m{
      .code = "ZKL209",
      .name = "empty-list-item",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A list setting has an empty item (a doubled or trailing comma): Kafka keeps it, or, for listeners and log.dirs, skips it until 4.2 refuses it",
      .doc = R"md(
ConfigDef splits a list on commas with the blanks around them removed, and keeps empty
items: `sasl.enabled.mechanisms=PLAIN,` is the list `PLAIN` and `""`, and
`ssl.cipher.suites=A,,B` has an empty cipher suite in the middle. What an empty item does
depends on the setting: some code skips it, some passes it on to a plug-in or to the JVM's
TLS stack, which may reject it when the broker opens its listeners.

Settings that become validated lists in Kafka 4.2 (`listeners`, `advertised.listeners`,
`log.dirs`, `controller.listener.names`, ...) are read by code that skips empty items before
4.2, so an extra comma is harmless there, until the upgrade: 4.2 refuses to start on it.
They are reported too, with that consequence.

Remove the extra comma (the fix does this). Lists whose items must be one of a fixed set
(`log.cleanup.policy`) fail at startup instead and are reported by `value-not-allowed`; from
Kafka 4.2 several list settings reject empty items outright, and the controller quorum lists
have syntax rules of their own; the KRaft rules report those.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "sasl.enabled.mechanisms=SCRAM-SHA-512,,PLAIN\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "sasl.enabled.mechanisms=SCRAM-SHA-512, PLAIN\n",
                .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void KafkaEmptyListItem::check(const LintContext& ctx, Reporter& out) const {
  const KafkaVersion version = ctx.kafka_version();
  const auto report = [&](const Entry& e, const std::vector<support::kafka::Span>& items, std::string_view trimmed, const std::string& effect) {
    // Nothing but commas: no-log-dirs and the list rules report the list as empty.
    if (std::all_of(items.begin(), items.end(), [](const support::kafka::Span& item) { return item.text.empty(); })) return;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].text.empty()) continue;
      // Remove the separator that belongs to the empty item: the comma before it, or after it
      // when it is the first item.
      const std::uint32_t cut_begin = i > 0 ? items[i - 1].end : items[i].begin;
      const std::uint32_t cut_end = i > 0 ? items[i].end : (i + 1 < items.size() ? items[i + 1].begin : items[i].end);
      out.report_value_part(e, cut_begin, cut_end, "empty item in " + quoted(e.key) + " (" + quoted(trimmed) + "): " + effect)
          .fix("remove the extra comma", {{e.value_map.source_begin(cut_begin), e.value_map.source_end(cut_end), ""}});
    }
  };
  for (const auto& s : ctx.model<support::KafkaSettings>().settings()) {
    if (!s.parsed.ok) continue;
    const std::string_view base_key = s.key.kind == support::kafka::KeyKind::listener_override ? s.key.inner_key : s.entry->key;
    // From 4.2 these lists reject empty items (the KRaft family's list rules); the quorum lists
    // have syntax rules of their own.
    if (support::kafka::rejects_empty_items(version, base_key) || base_key == "controller.quorum.voters" ||
        base_key == "controller.quorum.bootstrap.servers") {
      continue;
    }
    const bool validated_from_4_2 = support::kafka::rejects_empty_items(kafka_fact::list_values_validated.since, base_key);
    const std::string later = validated_from_4_2 ? "; Kafka 4.2 and later refuse to start on it" : "";
    if (s.key.spec->type == kafka_catalog::Type::list) {
      if (s.violation && s.violation->kind == support::kafka::ViolationKind::one_of) continue;  // value-not-allowed reports it
      report(*s.entry, s.parsed.items, s.parsed.text.text, "Kafka keeps it as an entry of the list" + later);
    } else if (validated_from_4_2) {
      // Read with Csv.parseCsvList before 4.2 (listeners, log.dirs, ...): harmless until the upgrade.
      report(*s.entry, support::kafka::split_list(s.entry->value), s.parsed.text.text, "Kafka " + ctx.kafka_version_text() + " skips it" + later);
    }
  }
}

}  // namespace zklint::rules
