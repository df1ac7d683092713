// ZKL007 dangling-continuation: the last line ends in a backslash that continues into nothing.
#include "support/source_text.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(DanglingContinuation)

namespace zklint::rules {

const RuleMeta& DanglingContinuation::meta() const {
  static const RuleMeta m{
      .code = "ZKL007",
      .name = "dangling-continuation",
      .severity = Severity::warning,
      .summary = "The file ends with a line-continuation backslash that continues into nothing",
      .doc = R"md(
A line that ends in an odd number of backslashes continues on the next line. When it
is the last line of the file, Java silently drops the backslash. This usually means
the file was cut short: a multi-line value (a JAAS config, a long list) lost its end,
or a template did not render its last lines. A lone `\` at the very end of a file
even creates an entry with the empty key.

Check that nothing is missing, then remove the backslash (the fix does).
)md",
      .bad = {{.text = "servers=a.example.com,\\\n", .file_name = "example.properties", .fixed = "servers=a.example.com,\n"}},
      .good = {{.text = "servers=a.example.com,\\\n  b.example.com\n", .file_name = "example.properties"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void DanglingContinuation::check(const LintContext& ctx, Reporter& out) const {
  const auto& entries = ctx.doc().entries();
  if (entries.empty()) return;
  const Entry& last = entries.back();
  const std::string_view bytes = ctx.source().bytes();
  // After the value, only a backslash, line ends and blanks remain?
  std::size_t pos = last.value_range.end.offset;
  if (last.from_lone_backslash) pos = last.key_range.begin.offset;
  const std::size_t backslash = bytes.find('\\', pos);
  if (backslash == std::string_view::npos || bytes.find_first_not_of(" \t\f\r\n", backslash + 1) != std::string_view::npos) return;
  if (bytes.find_first_not_of(" \t\f\r\n", pos) != backslash) return;
  const auto at = static_cast<std::uint32_t>(backslash);
  std::string message = last.from_lone_backslash
                            ? "a lone backslash at the end of the file: Java drops it and creates an entry with the empty key"
                            : "the last line ends in a backslash that continues into the end of the file; Java drops it";
  out.report(ctx.source().range(at, at + 1), std::move(message))
      .help("check that the value of " + quoted(last.key) + " is complete")
      .fix("remove the backslash", {{at, at + 1, ""}});
}

}  // namespace zklint::rules
