// ZKL009 prose-line: a line of text that lost its '#' becomes a key.
#include "support/prose.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ProseLine)

namespace zklint::rules {

const RuleMeta& ProseLine::meta() const {
  static const RuleMeta m{
      .code = "ZKL009",
      .name = "prose-line",
      .severity = Severity::warning,
      .summary = "A line of text without '#' is read as a key: 'Licensed to the Apache...' sets the key 'Licensed'",
      .doc = R"md(
A blank ends a key, so a line of prose is a key/value pair: a license header that lost
its `#`, `Licensed to the Apache Software Foundation (ASF) under one`, sets the key
`Licensed` to `to the Apache Software Foundation (ASF) under one`. Kafka and ZooKeeper
ignore such keys, so nothing fails, but the line was meant to be a comment, and a
line of notes in the middle of a file often hides a setting that was meant to be there.

A line is reported when its key is a plain word that no Kafka or ZooKeeper setting uses
and the rest of the line is several words. The fix turns it into a comment.
)md",
      .bad = {{.text = "Licensed to the Apache Software Foundation (ASF) under one\nport=2181\n", .file_name = "example.properties",
               .fixed = "# Licensed to the Apache Software Foundation (ASF) under one\nport=2181\n"}},
      .good = {{.text = "# Licensed to the Apache Software Foundation (ASF) under one\nport 2181\n", .file_name = "example.properties"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ProseLine::check(const LintContext& ctx, Reporter& out) const {
  for (const Entry& e : ctx.doc().entries()) {
    if (!support::looks_like_prose(ctx, e)) continue;
    const std::string_view value = java_trim(e.value);
    out.report_entry(e, "this line reads as the key " + quoted(e.key) + " with the value " + quoted(value) + ": a comment without its '#'?")
        .fix("turn the line into a comment", {{e.key_range.begin.offset, e.key_range.begin.offset, "# "}});
  }
}

}  // namespace zklint::rules
