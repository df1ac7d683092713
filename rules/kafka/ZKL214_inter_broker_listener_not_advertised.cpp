// ZKL214 inter-broker-listener-not-advertised: the listener brokers use among themselves is not
// among the advertised listeners (or none is advertised at all).
#include <algorithm>

#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaInterBrokerListenerNotAdvertised)

namespace zklint::rules {

const RuleMeta& KafkaInterBrokerListenerNotAdvertised::meta() const {
  static const RuleMeta m{
      .code = "ZKL214",
      .name = "inter-broker-listener-not-advertised",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "The inter-broker listener (PLAINTEXT unless configured) is not an advertised listener: the broker refuses to start",
      .doc = R"md(
Brokers replicate through one listener: `inter.broker.listener.name`, or when that is not
set, the listener named after `security.inter.broker.protocol`, which defaults to
**PLAINTEXT**. It must be among the broker's advertised listeners (`advertised.listeners`,
or `listeners` when that is not set). A config with only `INTERNAL://...,EXTERNAL://...`
listeners and no `inter.broker.listener.name` fails:
`IllegalArgumentException: requirement failed: inter.broker.listener.name must be a listener
name defined in advertised.listeners. The valid options based on currently configured
listeners are INTERNAL,EXTERNAL`.

The same startup check also needs at least one broker listener to advertise: an empty
`advertised.listeners=` fails with `There must be at least one broker advertised
listener` (in KRaft, also when every listener is a controller listener).

Set `inter.broker.listener.name` to the listener brokers should use.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "listeners=INTERNAL://:9092,EXTERNAL://:9093\nadvertised.listeners=INTERNAL://kafka1:9092,EXTERNAL://kafka1.example.com:9093\n"
                       "listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listeners=INTERNAL://:9092,EXTERNAL://:9093\nadvertised.listeners=INTERNAL://kafka1:9092,EXTERNAL://kafka1.example.com:9093\n"
                        "listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL\ninter.broker.listener.name=INTERNAL\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaInterBrokerListenerNotAdvertised::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const auto& advertised = model.advertised_listeners();
  if (!model.runs_broker() || !advertised.all_parsed() || model.template_structure() || !model.controller_listener_names()) return;
  // Controller listeners are not broker listeners: always when advertised from `listeners`,
  // and from 3.9 also when listed in advertised.listeners (the release is asked only then).
  const auto dropped = [&](const support::Listener& l) {
    return model.is_controller_listener(l.name) &&
           (advertised.source != support::ListenerSource::explicit_value || kafka_fact::advertised_listeners_checked_for_brokers_only.holds_in(model.version()));
  };
  std::vector<std::string> names;
  for (const auto& l : advertised.listeners) {
    if (!dropped(l)) names.push_back(l.name);
  }
  const auto report_at_list = [&](std::string message) {
    if (advertised.entry != nullptr) return out.report_value(*advertised.entry, std::move(message));
    return out.report_file(std::move(message));
  };
  if (names.empty()) {
    report_at_list(std::string(advertised.source == support::ListenerSource::explicit_value ? "advertised.listeners" : "listeners") +
                   " leaves no broker listener to advertise" + (advertised.listeners.empty() ? "" : " (every listener is a controller listener)") +
                   ", so Kafka refuses to start (requirement failed: there must be at least one broker advertised listener, "
                   "and the inter-broker listener must be one of them)");
    return;
  }
  const auto& inter = model.inter_broker_listener();
  if (!inter.known || std::find(names.begin(), names.end(), inter.name) != names.end()) return;
  std::string options;
  for (const std::string& n : names) options += (options.empty() ? "" : ", ") + n;
  const std::string consequence = ", so Kafka refuses to start (requirement failed: inter.broker.listener.name must be a listener name defined in "
                                  "advertised.listeners; the advertised listeners are " + options + ")";
  if (inter.entry != nullptr) {
    const std::string source = inter.from_listener_name ? "inter.broker.listener.name" : "security.inter.broker.protocol";
    std::string where = advertised.source == support::ListenerSource::explicit_value ? "no advertised listener is named " + inter.name
                        : advertised.source == support::ListenerSource::listeners_fallback && model.listeners().source == support::ListenerSource::explicit_value
                            ? "advertised.listeners is not set and no listener is named " + inter.name
                            : "listeners is not set, so the broker has only its default listener, and it is not named " + inter.name;
    out.report_value(*inter.entry, source + " makes " + inter.name + " the inter-broker listener, but " + where + consequence);
    return;
  }
  report_at_list("no advertised listener is named PLAINTEXT, the inter-broker listener by default (security.inter.broker.protocol=PLAINTEXT)" + consequence)
      .help("set inter.broker.listener.name to the listener brokers should replicate through, for example " + names.front());
}

}  // namespace zklint::rules
