// ZKL232 inter-broker-sasl-mechanism-not-enabled: the inter-broker SASL mechanism is not among the
// mechanisms the inter-broker listener enables.
#include <algorithm>

#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaInterBrokerSaslMechanismNotEnabled)

namespace zklint::rules {

const RuleMeta& KafkaInterBrokerSaslMechanismNotEnabled::meta() const {
  static const RuleMeta m{
      .code = "ZKL232",
      .name = "inter-broker-sasl-mechanism-not-enabled",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Brokers talk to each other over SASL with a mechanism the inter-broker listener does not enable: the broker refuses to start",
      .doc = R"md(
When the inter-broker listener uses `SASL_PLAINTEXT` or `SASL_SSL`, the mechanism the broker
logs in with, `sasl.mechanism.inter.broker.protocol` (default `GSSAPI`), must be one of the
mechanisms that listener accepts: `listener.name.<listener>.sasl.enabled.mechanisms` when
that is set (the listener name in lower case), else `sasl.enabled.mechanisms` (default
`GSSAPI`). The names are compared exactly, case included. Every release from 2.0 to 4.x
checks this while reading the configuration (`KafkaConfig.scala` `validateValues`, @2.0,
@3.9.0, @4.0 to @4.2) and refuses to start: `requirement failed:
sasl.mechanism.inter.broker.protocol must be included in sasl.enabled.mechanisms when SASL
is used for inter-broker communication`.

The usual case is `sasl.enabled.mechanisms=PLAIN` (or SCRAM) with the inter-broker mechanism
left at its GSSAPI default. Set `sasl.mechanism.inter.broker.protocol` to an enabled
mechanism, or enable it.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "listeners=SASL_PLAINTEXT://:9092\nsecurity.inter.broker.protocol=SASL_PLAINTEXT\nsasl.enabled.mechanisms=PLAIN\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listeners=SASL_PLAINTEXT://:9092\nsecurity.inter.broker.protocol=SASL_PLAINTEXT\nsasl.enabled.mechanisms=PLAIN\n"
                        "sasl.mechanism.inter.broker.protocol=PLAIN\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaInterBrokerSaslMechanismNotEnabled::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const auto& inter_broker = model.inter_broker_listener();
  if (!inter_broker.known || model.spec("sasl.mechanism.inter.broker.protocol") == nullptr) return;
  std::string protocol = inter_broker.name;  // security.inter.broker.protocol names the protocol itself
  if (inter_broker.from_listener_name) {
    if (!model.protocol_map().known) return;
    const std::string* mapped = model.protocol_map().protocol_of(inter_broker.name);
    if (mapped == nullptr) return;  // ZKL216's finding
    protocol = *mapped;
  }
  if (protocol != "SASL_PLAINTEXT" && protocol != "SASL_SSL") return;

  const auto mechanism = model.value("sasl.mechanism.inter.broker.protocol");
  if (!mechanism) return;
  // KafkaConfig.saslEnabledMechanisms: valuesWithPrefixOverride(ListenerName.configPrefix), the
  // listener name lower-cased; the prefixed key must be written exactly so.
  const std::string prefixed_key = "listener.name." + to_lower(inter_broker.name) + ".sasl.enabled.mechanisms";
  const Entry* enabled_entry = model.entry(prefixed_key);
  std::optional<support::kafka::Parsed> enabled;
  if (enabled_entry != nullptr) {
    if (ctx.value_templated(*enabled_entry)) return;
    enabled = support::kafka::parse(support::kafka::Type::list, enabled_entry->value);
  } else {
    if (model.templated("sasl.enabled.mechanisms")) return;
    enabled = model.value("sasl.enabled.mechanisms");
    enabled_entry = model.entry("sasl.enabled.mechanisms");
  }
  if (!enabled || !enabled->ok) return;
  const std::string_view wanted = mechanism->text.text;
  const bool found = std::any_of(enabled->items.begin(), enabled->items.end(), [&](const support::kafka::Span& s) { return s.text == wanted; });
  if (found) return;

  std::string enabled_list;
  for (const auto& item : enabled->items) enabled_list += (enabled_list.empty() ? "" : ",") + std::string(item.text);
  const std::string where = enabled_entry != nullptr ? std::string(enabled_entry->key) : "sasl.enabled.mechanisms (default GSSAPI)";
  const std::string message = "the inter-broker listener " + inter_broker.name + " uses " + protocol + " with mechanism " + quoted(wanted) +
                              ", which " + where + " does not enable (" + (enabled_list.empty() ? "none" : enabled_list) +
                              "): the broker refuses to start (requirement failed: sasl.mechanism.inter.broker.protocol must be included in "
                              "sasl.enabled.mechanisms when SASL is used for inter-broker communication)";
  const Entry* mechanism_entry = model.entry("sasl.mechanism.inter.broker.protocol");
  const Entry* at = mechanism_entry != nullptr ? mechanism_entry : enabled_entry != nullptr ? enabled_entry : inter_broker.entry;
  if (at == nullptr || (mechanism_entry == nullptr && model.template_structure())) return;
  auto d = out.report_value(*at, message);
  if (mechanism_entry != nullptr && enabled_entry != nullptr) d.related(enabled_entry->value_range, where + " is set here");
  d.help(mechanism_entry == nullptr ? "sasl.mechanism.inter.broker.protocol defaults to GSSAPI: set it to one of the enabled mechanisms"
                                    : "set sasl.mechanism.inter.broker.protocol to one of the enabled mechanisms, or add it to " + where);
}

}  // namespace zklint::rules
