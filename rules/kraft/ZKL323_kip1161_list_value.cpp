// ZKL323 kip1161-list-value: Kafka 4.2+ list settings that reject empty items or an empty list
// (KIP-1161), and drop repeated items with a warning (KAFKA-19875).
#include <algorithm>
#include <array>

#include "kafka_releases.hpp"
#include "support/kafka_settings.hpp"
#include "support/kraft_node.hpp"
#include "support/value_edits.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftKip1161ListValue)

namespace zklint::rules {
namespace {
// Lists whose empty value Kafka 4.2 refuses here. Others are reported elsewhere: process.roles by
// process-roles-value, log.dirs / log.dir by no-log-dirs, and advertised.listeners of a broker by
// inter-broker-listener-not-advertised.
constexpr std::array<std::string_view, 4> non_empty_lists = {"listeners", "advertised.listeners", "controller.listener.names",
                                                             "group.coordinator.rebalance.protocols"};

bool must_not_be_empty(std::string_view key, const support::KraftNode& node) {
  if (key == "advertised.listeners" && node.kafka().runs_broker()) return false;
  return std::find(non_empty_lists.begin(), non_empty_lists.end(), key) != non_empty_lists.end();
}

}  // namespace

const RuleMeta& KraftKip1161ListValue::meta() const {
  static const RuleMeta m{
      .code = "ZKL323",
      .name = "kip1161-list-value",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Kafka 4.2+ rejects an empty item or an empty list in listeners, controller.listener.names, log.dirs and other lists, and drops a repeated item",
      .doc = R"md(
Kafka 4.2 (KIP-1161) turned `listeners`, `advertised.listeners`, `early.start.listeners`,
`log.dirs`, `log.dir` and `controller.listener.names` into validated lists, and added the
same validation to `sasl.enabled.mechanisms`, `ssl.cipher.suites`, `ssl.enabled.protocols`,
`metric.reporters` and a few more (`ConfigDef.ValidList`). While reading the configuration,
before anything else, the node now refuses (`ConfigException: Configuration '...' values must
not be empty` or `... must not be empty`), and this rule reports an **error** for:

- **an empty item**: `listeners=PLAINTEXT://:9092,` or `log.dirs=/data/a,,/data/b`. Earlier
  releases dropped these silently, so configs that worked on 4.1 can stop on 4.2;
- **an empty list** where a value is required: `listeners=`, `controller.listener.names=`
  (now a required list), `advertised.listeners=` (it may be left unset, not empty).

**A repeated item** (`log.dirs=/data/a,/data/a`, `sasl.enabled.mechanisms=PLAIN,PLAIN`,
`controller.listener.names=CONTROLLER,CONTROLLER`) is a **warning**: before the 4.2.0 release,
KAFKA-19875 made `ConfigDef.parseValue` remove the repeats of every `ValidList` setting, and
log `contains duplicate values. Duplicates will be removed`, before the validator runs, so
the node starts (`ConfigDef.java @4.2.0`). Only identical items are merged: `/data/a` and
`/data/a/` stay two entries, which the log manager refuses as one directory.

This rule applies to Kafka 4.2 and later only. The fix removes an empty or repeated item
(with its comma), as Kafka does with a repeat.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093,\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n",
               .kafka_version = "4.2",
               .fixed = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"},
              {.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data1,/var/lib/kafka/data2,/var/lib/kafka/data1\n",
               .kafka_version = "4.2",
               .fixed = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data1,/var/lib/kafka/data2\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data1,/var/lib/kafka/data2\n",
                .kafka_version = "4.2"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void KraftKip1161ListValue::check(const LintContext& ctx, Reporter& out) const {
  namespace kafka = support::kafka;
  const auto& node = ctx.model<support::KraftNode>();
  if (!kafka_fact::list_values_validated.holds_in(node.version())) return;
  for (const auto& s : ctx.model<support::KafkaSettings>().settings()) {
    if (s.key.spec == nullptr || s.key.spec->type != kafka_catalog::Type::list || !s.parsed.ok) continue;
    // listener.name.<listener>.sasl.enabled.mechanisms is checked like sasl.enabled.mechanisms.
    const bool listener_override = s.key.kind == kafka::KeyKind::listener_override;
    const std::string_view base_key = listener_override ? s.key.inner_key : s.entry->key;
    if (!kafka::rejects_empty_items(node.version(), base_key) || base_key == "process.roles") continue;  // process-roles-value
    // An allowed-values check reports an empty item as a value that is not allowed.
    const bool empty_items_reported = s.violation && s.violation->kind == kafka::ViolationKind::one_of;
    const Entry& e = *s.entry;
    const std::string key(e.key);
    // The messages of ConfigDef.ValidList.ensureValid @4.2.0.
    const std::string consequence = ", so Kafka " + node.version_text() + " refuses to start (ConfigException: Configuration '" + std::string(base_key) + "'";
    const auto& items = s.parsed.items;
    if (items.empty()) {
      if (!listener_override && must_not_be_empty(e.key, node)) {
        out.report_value(e, key + " is empty, and from Kafka 4.2 the list must not be empty" + consequence + " must not be empty)")
            .help(e.key == "advertised.listeners" ? "remove the line to advertise the listeners, or list the addresses" : "give a value, or remove the line");
      }
      continue;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].text.empty()) {
        if (empty_items_reported) continue;
        // The separator that belongs to the empty item: the comma before it, or after it when it is first.
        const std::uint32_t cut_begin = i > 0 ? items[i - 1].end : items[i].begin;
        const std::uint32_t cut_end = i > 0 ? items[i].end : (i + 1 < items.size() ? items[i + 1].begin : items[i].end);
        out.report_value_part(e, cut_begin, cut_end, key + " has an empty item, which Kafka 4.2 and later reject" + consequence + " values must not be empty)")
            .fix("remove the extra comma", {support::replace_in_value(e, cut_begin, cut_end, "")});
        continue;
      }
      const auto earlier = std::find_if(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(i), [&](const kafka::Span& item) { return item.text == items[i].text; });
      if (earlier == items.begin() + static_cast<std::ptrdiff_t>(i)) continue;
      // ConfigDef.parseValue @4.2.0 (KAFKA-19875) keeps the first of equal items before validating.
      out.report_value_part(e, items[i].begin, items[i].end,
                            key + " lists " + quoted(items[i].text) + " twice: Kafka 4.2 and later drop the repeat and log a warning (contains duplicate values)")
          .severity(Severity::warning)
          .related(e.value_source_range(ctx.source(), earlier->begin, earlier->end), "first " + quoted(items[i].text))
          .fix("remove the repeated item", {support::replace_in_value(e, items[i - 1].end, items[i].end, "")});
    }
  }
}

}  // namespace zklint::rules
