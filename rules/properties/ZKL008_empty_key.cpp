// ZKL008 empty-key: a line that gives a value to the empty key.
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(EmptyKey)

namespace zklint::rules {

const RuleMeta& EmptyKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL008",
      .name = "empty-key",
      .severity = Severity::warning,
      .summary = "A line starts with '=' or ':' and sets the empty key",
      .doc = R"md(
A line whose first non-blank character is `=` or `:` has an empty key: `=2181` stores
the value `2181` under the key `""`. Kafka and ZooKeeper ignore that key, so the
setting the line was meant to make is silently missing. It usually comes from a
key lost while editing or templating (`{{ key }}=value` rendered with an empty `key`).

Put the key back, or delete the line.
)md",
      .bad = {{.text = "=2181\n", .file_name = "example.properties"}},
      .good = {{.text = "port=2181\n", .file_name = "example.properties"}},
  };
  return m;
}

void EmptyKey::check(const LintContext& ctx, Reporter& out) const {
  for (const Entry& e : ctx.doc().entries()) {
    // The lone backslash at end of file is dangling-continuation's finding.
    if (!e.key.empty() || e.from_lone_backslash || ctx.templated(e)) continue;
    out.report_entry(e, "this line sets the empty key to " + quoted(e.value) + ", which nothing reads: the key is missing");
  }
}

}  // namespace zklint::rules
