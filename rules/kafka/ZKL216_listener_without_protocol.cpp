// ZKL216 listener-without-protocol: a listener name listener.security.protocol.map does not map.
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaListenerWithoutProtocol)

namespace zklint::rules {
namespace {

// The KRaft default maps controller listener names exactly as written; `controller` does not
// cover the listener CONTROLLER.
std::string case_hint(const support::KafkaModel& model, const std::string& name) {
  if (!model.protocol_map().controller_defaults_added || !model.controller_listener_names()) return "";
  for (const support::kafka::Span& c : *model.controller_listener_names()) {
    if (c.text != name && iequals(c.text, name)) {
      return "; the KRaft default maps controller.listener.names entries to PLAINTEXT as written, and " + quoted(c.text) +
             " is not the upper-case listener name " + name;
    }
  }
  return "";
}

}  // namespace

const RuleMeta& KafkaListenerWithoutProtocol::meta() const {
  static const RuleMeta m{
      .code = "ZKL216",
      .name = "listener-without-protocol",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A listener name has no security protocol in listener.security.protocol.map: the broker refuses to start",
      .doc = R"md(
Every listener name must map to a security protocol. The names `PLAINTEXT`, `SSL`,
`SASL_PLAINTEXT` and `SASL_SSL` map to themselves by default; any other name (`INTERNAL`,
`EXTERNAL`, `CONTROLLER`...) needs an entry in `listener.security.protocol.map`. Once the
map is set, it replaces the default entirely, so it must list the standard names too if
they are used. Otherwise the broker stops: `IllegalArgumentException: Error creating
broker listeners from '...': No security protocol defined for listener EXTERNAL`, or for
`inter.broker.listener.name`, `ConfigException: Listener with name ... not found in
listener.security.protocol.map`.

In KRaft, when the map is not set, Kafka 3.1+ maps the controller listener names to
PLAINTEXT by itself (unless an SSL or SASL listener is in sight), but only as written in
`controller.listener.names`: names from `listeners` are upper-cased, so
`controller.listener.names=controller` does not cover `CONTROLLER://`.

Remember the default of `listeners` (`PLAINTEXT://:9092`) when the file does not set it.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "listeners=INTERNAL://:9092,EXTERNAL://:9093\nadvertised.listeners=INTERNAL://kafka1:9092,EXTERNAL://kafka1.example.com:9093\n"
                       "inter.broker.listener.name=INTERNAL\nlistener.security.protocol.map=INTERNAL:PLAINTEXT\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listeners=INTERNAL://:9092,EXTERNAL://:9093\nadvertised.listeners=INTERNAL://kafka1:9092,EXTERNAL://kafka1.example.com:9093\n"
                        "inter.broker.listener.name=INTERNAL\nlistener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaListenerWithoutProtocol::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const auto& map = model.protocol_map();
  if (!map.known) return;
  const std::string map_state = map.entry != nullptr ? "listener.security.protocol.map has no entry for it"
                                                     : "listener.security.protocol.map is not set, and its default maps only PLAINTEXT, SSL, "
                                                       "SASL_PLAINTEXT and SASL_SSL";
  const std::string consequence = ", so Kafka refuses to start (No security protocol defined for listener ";
  const auto& listeners = model.listeners();
  if (listeners.known) {
    for (const support::Listener& l : listeners.listeners) {
      if (!l.endpoint.ok() || map.protocol_of(l.name) != nullptr) continue;
      const std::string message = "listener " + l.name + " has no security protocol: " + map_state + case_hint(model, l.name) + consequence + l.name + ")";
      if (listeners.entry != nullptr) {
        out.report_value_part(*listeners.entry, l.endpoint.name.begin, l.endpoint.name.end, message);
      } else if (map.entry != nullptr) {
        out.report_value(*map.entry, "listeners is not set, so the broker listens on its default " + std::string(l.endpoint.entry.of(l.text)) + ", and " +
                                         message);
      }
    }
  }
  const auto& advertised = model.advertised_listeners();
  if (advertised.known && advertised.source == support::ListenerSource::explicit_value) {
    for (const support::Listener& l : advertised.listeners) {
      if (!l.endpoint.ok() || map.protocol_of(l.name) != nullptr || (listeners.known && listeners.find(l.name) != nullptr)) continue;
      out.report_value_part(*advertised.entry, l.endpoint.name.begin, l.endpoint.name.end,
                            "advertised listener " + l.name + " has no security protocol: " + map_state + case_hint(model, l.name) + consequence + l.name + ")");
    }
  }
  const auto& inter = model.inter_broker_listener();
  // A listener of that name was reported above already.
  const bool reported = listeners.known && listeners.find(inter.name) != nullptr;
  if (inter.known && inter.from_listener_name && !inter.name.empty() && !reported && map.protocol_of(inter.name) == nullptr) {
    out.report_value(*inter.entry, "inter.broker.listener.name " + inter.name + " has no security protocol: " + map_state +
                                       ", so Kafka refuses to start (ConfigException: listener not found in listener.security.protocol.map)");
  }
}

}  // namespace zklint::rules
