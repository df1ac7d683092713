// ZKL003 inline-comment: '#' or '!' after a value is part of the value, not a comment.
#include "support/source_text.hpp"
#include "support/value_types.hpp"
#include "zklint/grammar/template.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(InlineComment)

namespace zklint::rules {

const RuleMeta& InlineComment::meta() const {
  static const RuleMeta m{
      .code = "ZKL003",
      .name = "inline-comment",
      .severity = Severity::warning,
      .summary = "A '#' or '!' after a value is part of the value: .properties files have no inline comments",
      .doc = R"md(
Only a line whose first non-blank character is `#` or `!` is a comment. After a value,
`#` is ordinary text: `clientPort=2181 # zk` sets `clientPort` to `2181 # zk`.

* Where the value is a number or a boolean, this is an **error**: ZooKeeper fails with
  `NumberFormatException: For input string: "2181 # zk"`, Kafka with a `ConfigException`
  (the value is not a number/boolean), and neither starts.
* Where the value is a string, it is a **warning**: the comment silently becomes part of
  it (`dataDir=/data/zookeeper # data` makes ZooKeeper use a directory named
  `/data/zookeeper # data`).

Move the comment to its own line above the setting (the fix does this). A placeholder does
not hide it: `log.retention.hours=${H} # days*24` renders to a value with the comment in it
whatever `${H}` becomes; a `#` inside a template tag (`{# note #}`) is the template's own.
)md",
      .bad = {{.text = "tickTime=2000\nclientPort=2181 # the port clients connect to\ndataDir=/var/lib/zookeeper\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n", .file_name = "zoo.cfg",
               .fixed = "tickTime=2000\n# the port clients connect to\nclientPort=2181\ndataDir=/var/lib/zookeeper\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\n# the port clients connect to\nclientPort=2181\ndataDir=/var/lib/zookeeper\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n", .file_name = "zoo.cfg"},
               {.text = "ssl.keystore.password=abc#123\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void InlineComment::check(const LintContext& ctx, Reporter& out) const {
  const SourceFile& source = ctx.source();
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.template_control_line(e) || e.continued) continue;
    // A comment marker preceded by a blank: "2181 # zk". Without a blank ("abc#123") it is data.
    // After a placeholder it is still there whatever the placeholder renders to ("${H} # days"),
    // but a '#' inside a tag ({# note #}, ${#LIST}) belongs to the template.
    const std::optional<std::size_t> start =
        support::inline_comment_start(ctx.value_templated(e) ? std::string_view(grammar::mask_templates(e.value)) : e.value);
    if (!start) continue;
    const std::size_t marker = *start;
    std::size_t cut = marker;
    while (cut > 0 && (e.value[cut - 1] == ' ' || e.value[cut - 1] == '\t')) --cut;

    const support::ValueKind kind = support::value_kind(ctx, e.key);
    const bool fatal = support::malformed_value_fatal(ctx, e);
    const std::string comment(java_trim(e.value.substr(marker + 1)));
    std::string message = "'" + std::string(1, e.value[marker]) + "' does not start a comment here: the value of " + quoted(e.key) +
                          " is " + quoted(e.value);
    if (fatal) message += ", which is not " + std::string(support::describe(kind)) + ", so " + std::string(support::reader_name(ctx)) + " refuses to start";
    else message += ", comment included";

    // Fix: cut the value before the comment and put the comment on its own line above.
    const std::uint32_t line = e.key_range.begin.line;
    const std::uint32_t line_start = source.line_start(line);
    const std::string inserted = std::string(support::indentation(source, line)) + "# " + comment + support::line_ending_text(source, line);
    out.report_value_part(e, marker, e.value.size(), std::move(message))
        .severity(fatal ? Severity::error : Severity::warning)
        .suggest(std::string(e.key) + "=" + std::string(e.value.substr(0, cut)))
        .fix("move the comment to its own line above the setting",
             {{line_start, line_start, inserted}, {e.value_map.source_end(static_cast<std::uint32_t>(cut)), e.value_range.end.offset, ""}},
             fatal ? FixSafety::safe : FixSafety::unsafe);
  }
}

}  // namespace zklint::rules
