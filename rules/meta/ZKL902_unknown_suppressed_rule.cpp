// ZKL902 unknown-suppressed-rule: a suppression comment names no known rule.
#include "zklint/lint/registry.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_META_RULE(UnknownSuppressedRule)

namespace zklint::rules {

const RuleMeta& UnknownSuppressedRule::meta() const {
  static const RuleMeta m{
      .code = "ZKL902",
      .name = "unknown-suppressed-rule",
      .severity = Severity::warning,
      .summary = "A zklint suppression comment names a rule, family or code that does not exist",
      .doc = R"md(
Suppression comments accept a rule code (`ZKL002`), a code prefix (`ZKL0`), a rule name
(`duplicate-key`), a family (`properties`) or `all`. Anything else suppresses nothing,
usually because of a typo, so the finding it was meant to silence still appears, or
a later one is silenced by surprise when the name is corrected.
)md",
      .bad = {{.text = "# zklint: disable-next-line duplicate-keys\ngreeting=hello\n", .file_name = "example.properties"}},
      .good = {{.text = "# zklint: disable-next-line duplicate-key -- both are needed here\ngreeting=hello\ngreeting=hi\n", .file_name = "example.properties"}},
  };
  return m;
}

void UnknownSuppressedRule::check_suppressions(const LintContext&, const SuppressionReport& report, Reporter& out) const {
  std::vector<std::string_view> names;
  for (const Rule* r : RuleRegistry::instance().rules()) names.push_back(r->meta().name);
  for (const SuppressionDirective& d : report.directives) {
    for (const SuppressionId& id : d.ids) {
      if (id.known) continue;
      auto b = out.report(id.range, "suppression comment names " + quoted(id.text) + ", which is not a rule, code or family");
      if (const auto close = closest_match(id.text, names)) b.suggest(std::string(*close));
    }
  }
}

}  // namespace zklint::rules
