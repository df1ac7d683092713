// ZKL004 trailing-whitespace: Java keeps trailing blanks in a value.
#include "support/source_text.hpp"
#include "support/value_types.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(TrailingWhitespace)

namespace zklint::rules {

const RuleMeta& TrailingWhitespace::meta() const {
  static const RuleMeta m{
      .code = "ZKL004",
      .name = "trailing-whitespace",
      .severity = Severity::info,
      .summary = "A value ends in blanks, which java.util.Properties keeps",
      .doc = R"md(
`java.util.Properties` drops the blanks before a value but keeps the ones after it:
`clientPort=2181␠␠` has the value `"2181  "`.

* Kafka trims every value it defines (`ConfigDef` calls `trim()`), and ZooKeeper trims
  the keys `QuorumPeerConfig` handles itself, so there the blanks are harmless: **info**.
* ZooKeeper reads `server.N`, `group.N` and `weight.N` **untrimmed**: `server.1=zk1:2888:3888␠`
  makes it fail with `Address unresolved: zk1:3888 ` and refuse to start, and
  `weight.1=1␠` fails with `NumberFormatException`: **error**.

The fix removes the blanks. A blank written as an escape (`\␠`) is deliberate and not reported.
)md",
      .bad = {{.text = "greeting=hello  \n", .file_name = "example.properties", .fixed = "greeting=hello\n"}},
      .good = {{.text = "greeting=hello\npadded=hello\\ \n", .file_name = "example.properties"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void TrailingWhitespace::check(const LintContext& ctx, Reporter& out) const {
  const SourceFile& source = ctx.source();
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.value_templated(e)) continue;
    const std::string_view raw = support::raw(source, e.value_range);
    std::size_t end = raw.size();
    while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == '\t' || raw[end - 1] == '\f')) --end;
    if (end == raw.size() || end == 0) continue;
    // An odd run of backslashes before the blank means the blank is escaped, on purpose.
    std::size_t backslashes = 0;
    while (backslashes < end && raw[end - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 1) ++end;
    if (end == raw.size()) continue;
    const std::uint32_t begin_offset = e.value_range.begin.offset + static_cast<std::uint32_t>(end);
    const Range range = source.range(begin_offset, e.value_range.end.offset);
    const bool untrimmed = support::trailing_blanks_fatal(ctx, e);
    const std::string blanks = std::to_string(raw.size() - end) + " trailing blank" + (raw.size() - end == 1 ? "" : "s");
    std::string message = "the value of " + quoted(e.key) + " ends in " + blanks + ", which Java keeps";
    message += untrimmed ? "; ZooKeeper reads this key untrimmed and refuses to start"
                         : (ctx.kind() == FileKind::unknown ? "" : "; " + std::string(support::reader_name(ctx)) + " trims them");
    out.report(range, std::move(message))
        .severity(untrimmed ? Severity::error : Severity::info)
        .fix("remove the trailing blanks", {{begin_offset, e.value_range.end.offset, ""}});
  }
}

}  // namespace zklint::rules
