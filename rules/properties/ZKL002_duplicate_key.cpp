// ZKL002 duplicate-key: the same key twice; Java keeps the last value without a word.
#include <vector>

#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(DuplicateKey)

namespace zklint::rules {

const RuleMeta& DuplicateKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL002",
      .name = "duplicate-key",
      .severity = Severity::warning,
      .summary = "A key is set more than once; only the last value takes effect",
      .doc = R"md(
`java.util.Properties` stores entries in a hash table, so when a key appears twice the
last line silently wins. Kafka and ZooKeeper both start normally and never mention
the earlier value. Real configs do this after copy-paste: a second `dataDir=` block
at the end of a `zoo.cfg`, or `advertised.listeners` set once near the top and again
further down.

The finding points at the earlier, ignored line; the note points at the line that
wins. Delete one of them. Keys repeated in different branches of a template
(`{% if %}` ... `{% else %}`) are not reported.
)md",
      .bad = {{.text = "log.retention.hours=168\nnum.partitions=3\nlog.retention.hours=24\nbroker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
      .good = {{.text = "log.retention.hours=24\nnum.partitions=3\nbroker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
  };
  return m;
}

// Template control lines ({% if %}) among the first i entries, for every i: whether one lies
// between two entries is then a subtraction, not a scan (a scan per duplicate was quadratic).
std::vector<std::uint32_t> control_lines_before(const LintContext& ctx) {
  const auto& entries = ctx.doc().entries();
  std::vector<std::uint32_t> before(entries.size() + 1, 0);
  for (std::size_t i = 0; i < entries.size(); ++i) before[i + 1] = before[i] + (ctx.template_control_line(entries[i]) ? 1 : 0);
  return before;
}

void DuplicateKey::check(const LintContext& ctx, Reporter& out) const {
  std::vector<std::uint32_t> controls;
  for (const Entry& e : ctx.doc().entries()) {
    // A placeholder value does not matter: whatever it renders to, the later line wins.
    if (!e.overridden || ctx.key_templated(e) || e.key.empty()) continue;  // empty keys are empty-key's finding
    const Entry* last = ctx.find(e.key);
    // Repeats inside if/else branches of a template are alternatives, not duplicates.
    if (ctx.profile().templated) {
      if (controls.empty()) controls = control_lines_before(ctx);
      if (controls[last->index] != controls[e.index]) continue;
    }
    out.report_key(e, "key " + quoted(e.key) + " is set again on line " + std::to_string(last->key_range.begin.line) +
                          "; Java keeps only the last value, " + quoted(java_trim(last->value)))
        .related(last->key_range, "the value that takes effect");
  }
}

}  // namespace zklint::rules
