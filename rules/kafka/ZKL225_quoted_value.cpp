// ZKL225 quoted-value: a value in quotes; .properties has no quoting, so the quotes stay.
#include "support/kafka_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaQuotedValue)

namespace zklint::rules {
namespace {

// Values with a grammar of their own, whose rules report the quotes as syntax errors.
bool checked_by_grammar(std::string_view key) {
  return key == "listeners" || key == "advertised.listeners" || key == "listener.security.protocol.map" || key == "zookeeper.connect";
}

}  // namespace

const RuleMeta& KafkaQuotedValue::meta() const {
  static const RuleMeta m{
      .code = "ZKL225",
      .name = "quoted-value",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A value in quotes (log.dirs=\"/data/kafka\"): the quotes become part of the value",
      .doc = R"md(
`.properties` files have no quoting: everything after the separator is the value, quotes
included. `log.dirs="/data/kafka"` makes Kafka store its data in a directory literally
named `"/data/kafka"` (relative to the working directory), `ssl.keystore.password="secret"`
is a different password, and `ssl.keystore.location='/etc/kafka/ks.jks'` names a file that
does not exist. Nothing fails at parse time for such text settings; the broker fails or
misbehaves later (keystore errors at startup, data in the wrong place).

Quoted numbers, booleans and values with a fixed set of choices fail at startup and are
reported as errors by `invalid-value-type` or `value-not-allowed`; listeners and
`zookeeper.connect` by their syntax rules. The fix removes the quotes.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=\"/var/lib/kafka/data\"\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "ssl.keystore.password=\"quoted\"inside\n",
                .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void KafkaQuotedValue::check(const LintContext& ctx, Reporter& out) const {
  for (const auto& s : ctx.model<support::KafkaSettings>().settings()) {
    if (!s.parsed.ok || s.violation || !support::wrapped_in_quotes(s.parsed.text.text) || checked_by_grammar(s.entry->key)) continue;
    const Entry& e = *s.entry;
    out.report_value_part(e, s.parsed.text.begin, s.parsed.text.end,
                          "the value of " + quoted(e.key) + " is in quotes, and .properties files keep them: Kafka reads " + quoted(s.parsed.text.text) +
                              ", quotes included")
        .fix("remove the quotes", support::remove_quotes(e));
  }
}

}  // namespace zklint::rules
