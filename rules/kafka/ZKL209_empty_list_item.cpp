// ZKL209 empty-list-item: `a,,b` or a trailing comma in a list setting keeps an empty item.
#include "support/kafka_settings.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(EmptyListItem)

namespace zklint::rules {

const RuleMeta& EmptyListItem::meta() const {
  static const RuleMeta m{
      .code = "ZKL209",
      .name = "empty-list-item",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A list setting has an empty item (a doubled or trailing comma), which Kafka keeps",
      .doc = R"md(
ConfigDef splits a list on commas with the blanks around them removed, and keeps empty
items: `sasl.enabled.mechanisms=PLAIN,` is the list `PLAIN` and `""`, and
`ssl.cipher.suites=A,,B` has an empty cipher suite in the middle. What an empty item does
depends on the setting: some code skips it, some passes it on to a plug-in or to the JVM's
TLS stack, which may reject it when the broker opens its listeners.

Remove the extra comma (the fix does this). Lists whose items must be one of a fixed set
(`log.cleanup.policy`) fail at startup instead and are reported by `value-not-allowed`; from
Kafka 4.2 several list settings reject empty items outright, which the 4.2 list rules report.
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

void EmptyListItem::check(const LintContext& ctx, Reporter& out) const {
  const KafkaVersion version = ctx.kafka_version();
  for (const auto& s : ctx.model<support::KafkaSettings>().settings()) {
    if (s.key.spec->type != kafka_catalog::Type::list || !s.parsed.ok) continue;
    if (s.violation && s.violation->kind == support::kafka::ViolationKind::one_of) continue;
    const std::string_view base_key = s.key.kind == support::kafka::KeyKind::listener_override ? s.key.inner_key : s.entry->key;
    if (support::kafka::rejects_empty_items(version, base_key)) continue;
    const auto& items = s.parsed.items;
    const Entry& e = *s.entry;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].text.empty()) continue;
      // Remove the separator that belongs to the empty item: the comma before it, or after it
      // when it is the first item.
      const std::uint32_t cut_begin = i > 0 ? items[i - 1].end : items[i].begin;
      const std::uint32_t cut_end = i > 0 ? items[i].end : (i + 1 < items.size() ? items[i + 1].begin : items[i].end);
      out.report_value_part(e, cut_begin, cut_end,
                            "empty item in " + quoted(e.key) + ": Kafka reads " + quoted(s.parsed.text.text) + " as a list with an empty entry")
          .fix("remove the extra comma", {{e.value_map.source_begin(cut_begin), e.value_map.source_end(cut_end), ""}});
    }
  }
}

}  // namespace zklint::rules
