// ZKL903 unterminated-suppression: a `disable` range that no `enable` closes.
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_META_RULE(UnterminatedSuppression)

namespace zklint::rules {

const RuleMeta& UnterminatedSuppression::meta() const {
  static const RuleMeta m{
      .code = "ZKL903",
      .name = "unterminated-suppression",
      .severity = Severity::warning,
      .summary = "A '# zklint: disable' range is never closed by '# zklint: enable'",
      .doc = R"md(
`# zklint: disable RULE` silences RULE until a matching `# zklint: enable RULE`.
Without one, the range runs to the end of the file, which is rarely what was meant:
settings added later at the bottom of the file are silenced too. The range still
applies; this finding asks you to close it, or to say `disable-file` if the whole file
is meant.
)md",
      .bad = {{.text = "# zklint: disable duplicate-key\ngreeting=hello\ngreeting=hi\n", .file_name = "example.properties"}},
      .good = {{.text = "# zklint: disable duplicate-key\ngreeting=hello\ngreeting=hi\n# zklint: enable duplicate-key\n", .file_name = "example.properties"}},
  };
  return m;
}

void UnterminatedSuppression::check_suppressions(const LintContext&, const SuppressionReport& report, Reporter& out) const {
  for (const SuppressionDirective& d : report.directives) {
    if (!d.unterminated) continue;
    out.report(d.range, "this 'disable' range is never closed with '# zklint: enable', so it runs to the end of the file")
        .help("add '# zklint: enable' after the lines it is meant for, or use 'disable-file'");
  }
}

}  // namespace zklint::rules
