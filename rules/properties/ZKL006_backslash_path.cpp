// ZKL006 backslash-path: single backslashes in a Windows path vanish when Java reads the value.

#include <cctype>

#include "support/source_text.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(BackslashPath)

namespace zklint::rules {

const RuleMeta& BackslashPath::meta() const {
  static const RuleMeta m{
      .code = "ZKL006",
      .name = "backslash-path",
      .severity = Severity::warning,
      .summary = "Single backslashes in a Windows path are escapes: C:\\kafka\\logs reads as C:kafkalogs",
      .doc = R"md(
In a `.properties` value a backslash starts an escape: `\t` is a tab, `\n` a newline,
and any other `\c` is just `c`. So `log.dirs=C:\kafka\logs` is read as `C:kafkalogs`
(a relative directory next to wherever the broker was started), and
`dataDir=C:\zookeeper\new` as `C:zookeeper` + newline + `ew`. Kafka and ZooKeeper
start, but keep their data somewhere unexpected, or fail later on a path that does not exist.

Write the path with forward slashes, which Java accepts on Windows (`C:/kafka/logs`),
or double every backslash (`C:\\kafka\\logs`). The fix uses forward slashes.
)md",
      .bad = {{.text = "logs=C:\\kafka\\logs\n", .file_name = "example.properties", .fixed = "logs=C:/kafka/logs\n"}},
      .good = {{.text = "logs=C:/kafka/logs\nshare=C:\\\\kafka\\\\logs\n", .file_name = "example.properties"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void BackslashPath::check(const LintContext& ctx, Reporter& out) const {
  // A drive path ("C:\x...") whose backslashes are single, i.e. escapes.
  const SourceFile& source = ctx.source();
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.value_templated(e) || e.continued) continue;
    const std::string_view raw = support::raw(source, e.value_range);
    if (raw.size() < 4 || !(std::isalpha(static_cast<unsigned char>(raw[0])) && raw[1] == ':' && raw[2] == '\\' && raw[3] != '\\')) continue;
    // Replace each single (odd-run) backslash with '/'; leave escaped pairs alone.
    std::string fixed;
    bool lossy = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\\') {
        fixed += raw[i];
        continue;
      }
      if (i + 1 < raw.size() && raw[i + 1] == '\\') {
        fixed += "\\\\";
        ++i;
        continue;
      }
      if (i + 1 < raw.size() && raw[i + 1] == 'u') {  // \uXXXX is a real escape, keep it
        fixed += '\\';
        continue;
      }
      fixed += '/';
      lossy = true;
    }
    if (!lossy) continue;
    out.report_value(e, "the value of " + quoted(e.key) + " looks like a Windows path, but its single backslashes are escapes: " +
                            "Java reads " + quoted(raw) + " as " + quoted(e.value))
        .suggest(std::string(e.key) + "=" + fixed)
        .fix("use forward slashes", {{e.value_range.begin.offset, e.value_range.end.offset, fixed}});
  }
}

}  // namespace zklint::rules
