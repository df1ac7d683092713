// ZKL009 prose-line: a line of text that lost its '#' becomes a key.
#include <algorithm>

#include "kafka_catalog.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"
#include "zookeeper_keys.hpp"

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
    if (e.separator != Separator::blank || ctx.templated(e) || e.key.empty()) continue;
    const bool plain_word = std::all_of(e.key.begin(), e.key.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
    if (!plain_word) continue;
    const std::string_view value = java_trim(e.value);
    if (std::count(value.begin(), value.end(), ' ') < 1) continue;  // "key value": a real setting
    const auto names = kafka_catalog::all_key_names();
    if (zookeeper_keys::find(e.key) != nullptr || std::binary_search(names.begin(), names.end(), e.key)) continue;
    out.report_entry(e, "this line reads as the key " + quoted(e.key) + " with the value " + quoted(value) + ": a comment without its '#'?")
        .fix("turn the line into a comment", {{e.key_range.begin.offset, e.key_range.begin.offset, "# "}});
  }
}

}  // namespace zklint::rules
