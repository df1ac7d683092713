// ZKL226 glued-settings: a second `key=value` inside a value (a lost line break).
#include <algorithm>

#include "kafka_catalog.hpp"
#include "support/source_text.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaGluedSettings)

namespace zklint::rules {
namespace {

bool broker_key(std::string_view text) {
  const auto names = kafka_catalog::all_key_names();
  return text.find('.') != std::string_view::npos && std::binary_search(names.begin(), names.end(), text);
}

// Where a broker key that ends right before the '=' at `eq` starts, if one does and something
// precedes it (the value of the first setting).
std::optional<std::size_t> glued_key_start(std::string_view value, std::size_t eq) {
  std::optional<std::size_t> found;
  for (std::size_t start = 1; start < eq; ++start) {  // longest key first
    const char before = value[start - 1];
    if (before == '.' || before == '_' || before == '-') continue;
    if (broker_key(value.substr(start, eq - start))) {
      found = start;
      break;
    }
  }
  return found;
}

}  // namespace

const RuleMeta& KafkaGluedSettings::meta() const {
  static const RuleMeta m{
      .code = "ZKL226",
      .name = "glued-settings",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "Two settings on one line (a lost line break): the second one is never set",
      .doc = R"md(
A value runs to the end of the line, so when a line break is lost in an edit the next
setting becomes part of the value before it:
`sasl.enabled.mechanisms=PLAINauthorizer.class.name=kafka.security.auth.SimpleAclAuthorizer`
sets `sasl.enabled.mechanisms` to that whole text and never sets `authorizer.class.name`.
Kafka reads the first setting as given (which fails at startup when it must be a number or
one of fixed values) and runs without the second, silently.

Reported when a broker setting's name followed by `=` sits inside a value. The fix puts the
second setting back on its own line.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "sasl.enabled.mechanisms=PLAINauthorizer.class.name=kafka.security.authorizer.AclAuthorizer\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "sasl.enabled.mechanisms=PLAIN\nauthorizer.class.name=kafka.security.authorizer.AclAuthorizer\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "ssl.principal.mapping.rules=RULE:^CN=(.*?),OU=Kafka.*$/$1/L,DEFAULT\n",
                .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void KafkaGluedSettings::check(const LintContext& ctx, Reporter& out) const {
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.templated(e) || e.continued || e.key.empty()) continue;
    const std::string_view value = e.value;
    for (std::size_t eq = value.find('='); eq != std::string_view::npos; eq = value.find('=', eq + 1)) {
      const auto start = glued_key_start(value, eq);
      if (!start) continue;
      // The first setting's value ends before the blanks that separated the two, if any.
      std::size_t end_first = *start;
      while (end_first > 0 && (value[end_first - 1] == ' ' || value[end_first - 1] == '\t')) --end_first;
      const std::string second(value.substr(*start, eq - *start));
      const std::uint32_t line = e.key_range.begin.line;
      out.report_value_part(e, static_cast<std::uint32_t>(*start), static_cast<std::uint32_t>(eq),
                            quoted(second) + " is glued onto the value of " + quoted(e.key) + ": Kafka reads " + quoted(e.key) + " as " + quoted(value) +
                                " and never sets " + second)
          .fix("put " + second + " on its own line",
               {{e.value_map.source_begin(static_cast<std::uint32_t>(end_first)), e.value_map.source_begin(static_cast<std::uint32_t>(*start)),
                 support::line_ending_text(ctx.source(), line)}});
      break;
    }
  }
}

}  // namespace zklint::rules
