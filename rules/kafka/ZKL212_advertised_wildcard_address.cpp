// ZKL212 advertised-wildcard-address: the broker would advertise 0.0.0.0, which is no address.
#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaAdvertisedWildcardAddress)

namespace zklint::rules {

const RuleMeta& KafkaAdvertisedWildcardAddress::meta() const {
  static const RuleMeta m{
      .code = "ZKL212",
      .name = "advertised-wildcard-address",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "The broker would advertise 0.0.0.0 (set in advertised.listeners, or inherited from listeners): it refuses to start",
      .doc = R"md(
`0.0.0.0` in `listeners` means "bind to every interface", which is fine. But clients and
other brokers connect to the *advertised* address, and `0.0.0.0` is not one. Kafka checks
this when it reads its config: `IllegalArgumentException: requirement failed:
advertised.listeners cannot use the nonroutable meta-address 0.0.0.0. Use a routable IP
address.`

The classic case has no `advertised.listeners` at all: the broker then advertises its
`listeners`, so `listeners=PLAINTEXT://0.0.0.0:9092` alone fails. Set
`advertised.listeners` to the host name or address clients use.

KRaft controller listeners: an explicit advertised `0.0.0.0` fails in every version. A
controller listener that is only in `listeners` is advertised from there; Kafka 3.9.0
rejects `0.0.0.0` in it too (a warning here, since `3.9` may mean a later 3.9.x). From 3.9.1
on (KAFKA-18281) Kafka drops the `0.0.0.0` and advertises the local host's canonical name
instead (`KafkaConfig.effectiveAdvertisedControllerListeners`, `ListenerInfo.withWildcardHostnamesResolved`
@3.9.1, @4.1.0, @4.2.0: `InetAddress.getLocalHost().getCanonicalHostName()`), not the
address in `controller.quorum.voters`; 3.8 and older do not advertise it.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlisteners=PLAINTEXT://0.0.0.0:9092\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlisteners=PLAINTEXT://0.0.0.0:9092\n"
                        "advertised.listeners=PLAINTEXT://kafka1.example.com:9092\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaAdvertisedWildcardAddress::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const auto& advertised = model.advertised_listeners();
  if (!advertised.known || advertised.entry == nullptr) return;
  const bool inherited = advertised.source == support::ListenerSource::listeners_fallback;
  const KafkaVersion version = model.version();
  const auto report = [&](const Entry* e, const support::Listener& l, std::string message) {
    return out.report_value_part(*e, l.endpoint.host.begin, l.endpoint.host.end, std::move(message));
  };
  const auto warn_3_9_0 = [&](const Entry* e, const support::Listener& l) {
    report(e, l, "controller listener " + l.name + " is advertised from listeners as 0.0.0.0: Kafka 3.9.0 refuses to start "
                 "(advertised.listeners cannot use the nonroutable meta-address 0.0.0.0); 3.9.1 and later advertise the local host "
                 "name instead (a reverse lookup, not the controller.quorum.voters address)")
        .severity(Severity::warning);
  };
  for (const support::Listener& l : advertised.listeners) {
    if (!l.endpoint.ok() || l.host() != "0.0.0.0") continue;
    const std::string consequence = "Kafka refuses to start (requirement failed: advertised.listeners cannot use the nonroutable meta-address 0.0.0.0)";
    if (!model.is_controller_listener(l.name) || !inherited) {
      report(advertised.entry, l, inherited ? "advertised.listeners is not set, so the broker advertises listeners, and listener " + l.name +
                                                  " would be advertised as 0.0.0.0: " + consequence
                                            : "listener " + l.name + " is advertised as 0.0.0.0, which clients cannot connect to: " + consequence)
          .help("set advertised.listeners to the host name or address that clients and other brokers use");
    } else if (kafka_fact::controller_listener_advertised_from_listeners.holds_in(version)) {
      warn_3_9_0(advertised.entry, l);
    }
  }
  // 3.9.0 also advertises a controller listener from `listeners` when advertised.listeners lacks it.
  const auto& listeners = model.listeners();
  if (inherited || !listeners.known || listeners.entry == nullptr) return;
  for (const support::Listener& l : listeners.listeners) {
    // The release last: only such a listener makes it matter (release_questions.hpp).
    if (l.endpoint.ok() && l.host() == "0.0.0.0" && model.is_controller_listener(l.name) && advertised.find(l.name) == nullptr &&
        kafka_fact::controller_listener_advertised_from_listeners.holds_in(version)) {
      warn_3_9_0(listeners.entry, l);
    }
  }
}

}  // namespace zklint::rules
