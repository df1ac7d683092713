// ZKL901 unused-suppression: a suppression comment that silenced nothing.
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_META_RULE(UnusedSuppression)

namespace zklint::rules {

const RuleMeta& UnusedSuppression::meta() const {
  static const RuleMeta m{
      .code = "ZKL901",
      .name = "unused-suppression",
      .severity = Severity::warning,
      .summary = "A zklint suppression comment names a rule that reported nothing there",
      .doc = R"md(
A `# zklint: disable...` comment that no longer silences anything is dead weight, and
worse, it would silently hide the next real problem at that spot. This happens when
the underlying setting was fixed, or the rule name in the comment is wrong.

Rules that are switched off for the file (by `.zklint.json` or `--ignore`) do not make
a suppression unused. Delete the comment, or the rule from its list.
)md",
      .bad = {{.text = "# zklint: disable-next-line duplicate-key -- fixed since\ngreeting=hello\n", .file_name = "example.properties"}},
      .good = {{.text = "# zklint: disable-next-line duplicate-key -- both are needed here\ngreeting=hello\ngreeting=hi\n", .file_name = "example.properties"}},
      .tag = FindingTag::unnecessary,
  };
  return m;
}

void UnusedSuppression::check_suppressions(const LintContext&, const SuppressionReport& report, Reporter& out) const {
  for (const SuppressionDirective& d : report.directives) {
    if (d.kind == grammar::Directive::Kind::enable) continue;
    for (const SuppressionId& id : d.ids) {
      if (!id.known || !id.named_enabled_rule || id.suppressed > 0) continue;
      out.report(id.range, "suppression of " + quoted(id.text) + " is unused: nothing was reported " +
                               (d.kind == grammar::Directive::Kind::disable_next_line ? "on the next line" : "in its range"));
    }
  }
}

}  // namespace zklint::rules
