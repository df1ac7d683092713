// ZKL236 control-plane-listener-invalid: a ZooKeeper-mode control.plane.listener.name that
// KafkaConfig refuses (unmapped, not advertised, or the inter-broker listener itself).
#include "support/kafka_model.hpp"
#include "zklint/grammar/listeners.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaControlPlaneListenerInvalid)

namespace zklint::rules {

const RuleMeta& KafkaControlPlaneListenerInvalid::meta() const {
  static const RuleMeta m{
      .code = "ZKL236",
      .name = "control-plane-listener-invalid",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper-mode control.plane.listener.name is unmapped, not advertised, or the inter-broker listener: the broker refuses to start",
      .doc = R"md(
`control.plane.listener.name` (KIP-291, Kafka 2.2 to 3.9, ZooKeeper mode) gives the
controller's requests to the brokers a listener of their own. `KafkaConfig` checks it while
it reads the configuration (`KafkaConfig.scala` @2.2.0 to @3.9.0) and refuses to start when
the name (compared in upper case)

- has no security protocol in `listener.security.protocol.map` (whose default maps only
  PLAINTEXT, SSL, SASL_PLAINTEXT and SASL_SSL): `ConfigException: Listener with CONTROL
  defined in control.plane.listener.name not found in listener.security.protocol.map`;
- is not one of the advertised listeners (`advertised.listeners`, else `listeners`):
  `requirement failed: control.plane.listener.name must be a listener name defined in
  advertised.listeners`;
- is the inter-broker listener: `requirement failed: control.plane.listener.name, when
  defined, should have a different value from the inter broker listener name`.

A dedicated listener looks like `listeners=INTERNAL://:9092,CONTROL://:9091,...`,
`listener.security.protocol.map=...,CONTROL:PLAINTEXT`, `control.plane.listener.name=CONTROL`.
KRaft nodes must not set it at all (ZKL324).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "listeners=PLAINTEXT://:9092\ncontrol.plane.listener.name=PLAINTEXT\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listeners=PLAINTEXT://:9092,CONTROL://:9091\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROL:PLAINTEXT\n"
                        "control.plane.listener.name=CONTROL\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaControlPlaneListenerInvalid::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* e = model.entry("control.plane.listener.name");
  if (e == nullptr || ctx.value_templated(*e) || model.mode() != support::KafkaMode::zookeeper || model.spec("control.plane.listener.name") == nullptr)
    return;
  const std::string name = grammar::listeners::normalised(java_trim(e->value));
  if (name.empty()) return;
  const auto& map = model.protocol_map();
  const auto& listeners = model.listeners();
  const auto& advertised = model.advertised_listeners();
  if (!map.known || !advertised.all_parsed()) return;
  if (map.protocol_of(name) == nullptr) {
    // A listener of that name is unmapped too, and ZKL216 reports it there.
    if ((listeners.known && listeners.find(name) != nullptr) || advertised.find(name) != nullptr) return;
    out.report_value(*e, "control.plane.listener.name " + name + " has no security protocol in listener.security.protocol.map" +
                             std::string(map.entry == nullptr ? " (not set: its default maps only PLAINTEXT, SSL, SASL_PLAINTEXT and SASL_SSL)" : "") +
                             ": the broker refuses to start (ConfigException: listener not found in listener.security.protocol.map)")
        .help("add a listener of that name to listeners and map it in listener.security.protocol.map, or remove the line");
    return;
  }
  if (advertised.find(name) == nullptr) {
    out.report_value(*e, "control.plane.listener.name " + name + " is not an advertised listener (" +
                             (advertised.source == support::ListenerSource::explicit_value ? "advertised.listeners" : "listeners, as advertised.listeners is not set") +
                             "): the broker refuses to start (requirement failed: control.plane.listener.name must be a listener name defined in "
                             "advertised.listeners)")
        .help("add a " + name + ":// listener to listeners (and advertised.listeners), or remove the line");
    return;
  }
  const auto& inter = model.inter_broker_listener();
  if (inter.known && inter.name == name) {
    auto d = out.report_value(*e, "control.plane.listener.name " + name + " is also the inter-broker listener: the broker refuses to start "
                                  "(requirement failed: control.plane.listener.name, when defined, should have a different value from the inter "
                                  "broker listener name)");
    if (inter.entry != nullptr) d.related(inter.entry->value_range, "the inter-broker listener is chosen here");
    d.help("give the controller a listener of its own, or remove the line");
  }
}

}  // namespace zklint::rules
