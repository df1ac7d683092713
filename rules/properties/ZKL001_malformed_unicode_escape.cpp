// ZKL001 malformed-unicode-escape: a \u escape without four hex digits aborts the whole load.
#include "zklint/grammar/messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(MalformedUnicodeEscape)

namespace zklint::rules {

const RuleMeta& MalformedUnicodeEscape::meta() const {
  static const RuleMeta m{
      .code = "ZKL001",
      .name = "malformed-unicode-escape",
      .severity = Severity::error,
      .summary = "A \\u escape without four hex digits makes Java reject the whole file",
      .doc = R"md(
In a `.properties` file, `\u` must be followed by exactly four hex digits (`\u00e9`).
Anything else (`\u12`, `\uZZZZ`, a Windows path such as `C:\users`) makes
`java.util.Properties.load` throw `IllegalArgumentException: Malformed \uxxxx encoding.`
and the whole file fails to load: Kafka (`Utils.loadProps`) and ZooKeeper
(`QuorumPeerConfig.parse`) refuse to start, whichever line it is on.

Write a literal backslash as `\\` (`C:\\users`), or use forward slashes in paths.
)md",
      .bad = {{.text = "label=caf\\u0e9\n", .file_name = "example.properties"}},
      .good = {{.text = "path=C:/users/app/logs\nlabel=caf\\u00e9\n", .file_name = "example.properties"}},
  };
  return m;
}

void MalformedUnicodeEscape::check(const LintContext& ctx, Reporter& out) const {
  for (const SyntaxIssue& issue : ctx.doc().syntax_issues()) {
    if (issue.kind != SyntaxIssue::Kind::malformed_unicode_escape) continue;
    if (ctx.templated(ctx.doc().entries()[issue.entry_index])) continue;  // "\u{{ x }}" is rendered later
    const std::string_view text = ctx.source().bytes().substr(issue.range.begin.offset, issue.range.end.offset - issue.range.begin.offset);
    out.report(issue.range, "malformed \\u escape " + quoted(text) + ": Java throws \"Malformed \\uxxxx encoding.\" and the whole file fails to load")
        .help("write a literal backslash as \\\\, or use four hex digits such as \\u00e9");
  }
}

}  // namespace zklint::rules
