// ZKL904 malformed-suppression: a comment starts with "zklint:" but is not a valid directive.
#include "zklint/lint/rule.hpp"

ZKL_META_RULE(MalformedSuppression)

namespace zklint::rules {

const RuleMeta& MalformedSuppression::meta() const {
  static const RuleMeta m{
      .code = "ZKL904",
      .name = "malformed-suppression",
      .severity = Severity::warning,
      .summary = "A '# zklint:' comment is not a valid suppression directive",
      .doc = R"md(
A comment whose first word is `zklint:` is read as a directive, and must be one of

    # zklint: disable-next-line RULE[, RULE...] [-- reason]
    # zklint: disable RULE[, RULE...] [-- reason]
    # zklint: enable RULE[, RULE...]
    # zklint: disable-file RULE[, RULE...] [-- reason]

Suppressions sit on their own comment line, because in a `.properties` file a `#`
after a value is part of the value. A misspelled directive (`disabel`, a missing
rule list) silences nothing.
)md",
      .bad = {{.text = "# zklint: disabel-next-line duplicate-key\ngreeting=hello\n", .file_name = "example.properties"}},
      .good = {{.text = "# zklint: disable-next-line duplicate-key -- both are needed here\ngreeting=hello\ngreeting=hi\n", .file_name = "example.properties"}},
  };
  return m;
}

void MalformedSuppression::check_suppressions(const LintContext&, const SuppressionReport& report, Reporter& out) const {
  for (const Range& r : report.malformed) {
    out.report(r, "not a valid zklint directive; expected 'zklint: disable-next-line|disable|enable|disable-file RULE[, RULE...] [-- reason]'");
  }
}

}  // namespace zklint::rules
