// ZKL215 inter-broker-listener-conflict: inter.broker.listener.name and security.inter.broker.protocol both set.
#include <algorithm>

#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaInterBrokerListenerConflict)

namespace zklint::rules {

const RuleMeta& KafkaInterBrokerListenerConflict::meta() const {
  static const RuleMeta m{
      .code = "ZKL215",
      .name = "inter-broker-listener-conflict",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Both inter.broker.listener.name and security.inter.broker.protocol are set: the broker refuses to start",
      .doc = R"md(
The inter-broker listener is chosen either by name (`inter.broker.listener.name`) or by
security protocol (`security.inter.broker.protocol`, which picks the listener of that
name). Setting both is refused at startup, whatever the values: `ConfigException: Only one
of inter.broker.listener.name and security.inter.broker.protocol should be set.` The check
looks at whether the key is present, so even `security.inter.broker.protocol=` counts.

Keep `inter.broker.listener.name` (it also works with custom listener names) and remove
`security.inter.broker.protocol`.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "inter.broker.listener.name=PLAINTEXT\nsecurity.inter.broker.protocol=PLAINTEXT\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "inter.broker.listener.name=PLAINTEXT\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaInterBrokerListenerConflict::check(const LintContext& ctx, Reporter& out) const {
  const Entry* name = ctx.find("inter.broker.listener.name");
  const Entry* protocol = ctx.find("security.inter.broker.protocol");
  if (name == nullptr || protocol == nullptr || ctx.template_control_line(*name) || ctx.template_control_line(*protocol)) return;
  // Lines in different branches of a template ({% if %} ... {% else %}) are alternatives.
  const auto& entries = ctx.doc().entries();
  const auto [low, high] = std::minmax(name->index, protocol->index);
  if (std::any_of(entries.begin() + low, entries.begin() + high, [&](const Entry& e) { return ctx.template_control_line(e); })) return;
  out.report_key(*protocol, "security.inter.broker.protocol is set together with inter.broker.listener.name, so Kafka refuses to start "
                            "(ConfigException: only one of inter.broker.listener.name and security.inter.broker.protocol should be set)")
      .related(name->key_range, "inter.broker.listener.name is set here");
}

}  // namespace zklint::rules
