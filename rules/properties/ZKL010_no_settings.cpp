// ZKL010 no-settings: the file sets nothing at all.
#include "zklint/lint/rule.hpp"

ZKL_RULE(NoSettings)

namespace zklint::rules {

const RuleMeta& NoSettings::meta() const {
  static const RuleMeta m{
      .code = "ZKL010",
      .name = "no-settings",
      .severity = Severity::warning,
      .summary = "The file is empty or holds only comments: it sets nothing",
      .doc = R"md(
A configuration file without a single key/value line is almost always an accident: a
deploy that wrote an empty file, a template that rendered nothing, or every line commented
out while debugging. `java.util.Properties` loads it without complaint, and then:

* a ZooKeeper server refuses to start (`dataDir is not set`);
* a Kafka broker refuses to start for want of `zookeeper.connect` (ZooKeeper mode) or
  `process.roles` and `node.id` (Kafka 4.x);
* any other program runs on its built-in defaults.

Restore the settings, or delete the file if nothing reads it.
)md",
      .bad = {{.text = "# broker settings go here\n", .file_name = "example.properties"}},
      .good = {{.text = "# broker settings\ngreeting=hello\n", .file_name = "example.properties"}},
  };
  return m;
}

void NoSettings::check(const LintContext& ctx, Reporter& out) const {
  if (!ctx.doc().entries().empty()) return;
  const bool empty = ctx.source().bytes().empty();
  out.report_file(empty ? "the file is empty: it sets nothing, so every setting falls back to its default (or is missing)"
                        : "the file holds only comments and blank lines: it sets nothing, so every setting falls back to its default (or is missing)");
}

}  // namespace zklint::rules
