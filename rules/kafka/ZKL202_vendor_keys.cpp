// ZKL202 vendor-keys: settings of a vendor distribution (confluent.*), noted once per file.
#include "support/kafka_settings.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaVendorKeys)

namespace zklint::rules {

const RuleMeta& KafkaVendorKeys::meta() const {
  static const RuleMeta m{
      .code = "ZKL202",
      .name = "vendor-keys",
      .severity = Severity::info,
      .applies_to = FileKinds::kafka(),
      .summary = "The file has vendor settings (confluent.*) that Apache Kafka does not define and zklint does not check",
      .doc = R"md(
Confluent Platform and other distributions add their own broker settings, such as
`confluent.support.metrics.enable` or `confluent.balancer.enable`. Confluent Server reads
them; an Apache Kafka broker silently ignores them, like any key it does not define, and
starts without a word.

zklint knows only Apache Kafka's catalog, so it does not check these keys for typos or
values. Instead of one unknown-key finding per line, this rule notes once per file how many
there are, at the first one. If the brokers run Apache Kafka, the settings do nothing and
can go; if they run a vendor build, nothing needs to change (turn this note off in
`.zklint.json` if you like).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "confluent.support.metrics.enable=false\nconfluent.support.customer.id=anonymous\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaVendorKeys::check(const LintContext& ctx, Reporter& out) const {
  const auto& settings = ctx.model<support::KafkaSettings>();
  const Entry* first = nullptr;
  std::size_t count = 0;
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.key_templated(e) || ctx.find(e.key) != &e) continue;
    if (settings.classify(e.key).kind != support::kafka::KeyKind::vendor) continue;
    if (first == nullptr) first = &e;
    ++count;
  }
  if (first == nullptr) return;
  const std::string settings_text = count == 1 ? "1 vendor setting" : std::to_string(count) + " vendor settings";
  out.report_key(*first, settings_text + " (such as " + quoted(first->key) +
                             ") that Apache Kafka does not define: a vendor build such as Confluent Server reads them, an Apache Kafka "
                             "broker ignores them, and zklint does not check them");
}

}  // namespace zklint::rules
