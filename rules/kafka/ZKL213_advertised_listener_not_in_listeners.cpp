// ZKL213 advertised-listener-not-in-listeners: an advertised listener name that `listeners` lacks.
#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaAdvertisedListenerNotInListeners)

namespace zklint::rules {

const RuleMeta& KafkaAdvertisedListenerNotInListeners::meta() const {
  static const RuleMeta m{
      .code = "ZKL213",
      .name = "advertised-listener-not-in-listeners",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "advertised.listeners names a listener that listeners does not have: the broker refuses to start",
      .doc = R"md(
Every listener a broker advertises must be one it listens on: the names in
`advertised.listeners` must be a subset of the names in `listeners` (compared upper-cased).
Otherwise the broker stops: `IllegalArgumentException: requirement failed:
advertised.listeners listener names must be equal to or a subset of the ones defined in
listeners. Found ... The valid options based on the current configuration are ...`.

Remember that `listeners` has a default (`PLAINTEXT://:9092` since 3.0): a file that sets
only `advertised.listeners=SSL://...` advertises a listener the broker does not have. In
KRaft from 3.9, controller listeners in `advertised.listeners` are not part of this check.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka1:9092,SSL://kafka1:9093\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listeners=PLAINTEXT://:9092,SSL://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092,SSL://kafka1:9093\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaAdvertisedListenerNotInListeners::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const auto& advertised = model.advertised_listeners();
  const auto& listeners = model.listeners();
  if (!model.runs_broker() || advertised.source != support::ListenerSource::explicit_value || !advertised.all_parsed() ||
      !listeners.all_parsed() || model.template_structure()) {
    return;
  }
  // From 3.9 the check covers broker listeners only (effectiveAdvertisedBrokerListeners); the
  // release is asked only about a controller listener missing from listeners.
  const auto skipped = [&](const support::Listener& l) {
    return model.is_controller_listener(l.name) && kafka_fact::advertised_listeners_checked_for_brokers_only.holds_in(model.version());
  };
  std::string names;
  for (const auto& l : listeners.listeners) names += (names.empty() ? "" : ", ") + l.name;
  for (const support::Listener& l : advertised.listeners) {
    if (listeners.find(l.name) != nullptr || skipped(l)) continue;
    std::string where = listeners.source == support::ListenerSource::explicit_value ? "listeners has " + names
                                                                                    : "listeners is not set, so it is the default " + names;
    out.report_value_part(*advertised.entry, l.endpoint.name.begin, l.endpoint.name.end,
                          "advertised listener " + l.name + " is not one of the listeners (" + where +
                              "), so Kafka refuses to start (requirement failed: advertised.listeners names must be a subset of listeners)");
  }
}

}  // namespace zklint::rules
