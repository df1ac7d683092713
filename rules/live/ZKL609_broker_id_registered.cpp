// ZKL609 broker-id-registered: another live broker already holds this broker.id in ZooKeeper.
#include "support/kafka_model.hpp"
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(LiveBrokerIdRegistered)

namespace zklint::rules {

namespace {

// "PLAINTEXT://kafka1:9092" for each advertised listener with a concrete host, as Kafka registers
// them; nullopt when a host is empty or a wildcard (Kafka registers the machine's name there).
std::optional<std::vector<std::string>> advertised_endpoints(const LintContext& ctx) {
  const auto& advertised = ctx.model<support::KafkaModel>().advertised_listeners();
  if (!advertised.known) return std::nullopt;
  std::vector<std::string> out;
  for (const support::Listener& l : advertised.listeners) {
    if (!l.endpoint.ok() || !l.endpoint.port || l.host().empty() || l.host() == "0.0.0.0") return std::nullopt;
    out.push_back(l.name + "://" + support::endpoint_text(l.host(), *l.endpoint.port));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

const RuleMeta& LiveBrokerIdRegistered::meta() const {
  static const RuleMeta m{
      .code = "ZKL609",
      .name = "broker-id-registered",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Another live broker is registered under this broker.id in ZooKeeper: this broker would fail with \"node already exists\"",
      .doc = R"md(
Runs only under `zklint probe`, which reads `<chroot>/brokers/ids/<broker.id>` over a
ZooKeeper session.

A ZooKeeper-mode broker registers itself as the ephemeral node `/brokers/ids/<broker.id>`.
While another live session holds that node (another broker with the same id, or the old
process of this broker still running or still within its session timeout after a crash),
the new broker stops at startup with `NodeExistsException` (`KeeperErrorCode = NodeExists`,
"node already exists").

The probe compares the registered endpoints with this config's advertised listeners: when
they are the same, the registration is this broker itself, running, and nothing is
reported. When this config's advertised hosts are empty or wildcards (Kafka then registers
the machine's name), the probe cannot tell, and reports a warning.

Give each broker its own `broker.id`, or stop the other process, or wait for its session
to expire.
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nadvertised.listeners=PLAINTEXT://kafka1:9092\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3}],
 "session": {"established": true, "server": "10.0.0.11:2181", "requested_ms": 18000, "granted_ms": 18000, "chroot": "/kafka", "chroot_exists": true,
             "broker_id": 1, "registered": true, "registered_endpoints": ["PLAINTEXT://kafka2:9092"], "owner_session": "0x10000a1b2c30001"}})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nadvertised.listeners=PLAINTEXT://kafka1:9092\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3}],
 "session": {"established": true, "server": "10.0.0.11:2181", "requested_ms": 18000, "granted_ms": 18000, "chroot": "/kafka", "chroot_exists": true,
             "broker_id": 1, "registered": true, "registered_endpoints": ["PLAINTEXT://kafka1:9092"], "owner_session": "0x10000a1b2c30001"}})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveBrokerIdRegistered::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  const auto& session = view.targets().session;
  if (!view.probed() || !session || session->broker_id_entry == nullptr || !view.observed().session) return;
  const SessionObservation& s = *view.observed().session;
  if (!s.established || s.registered != true || s.broker_id != session->broker_id) return;
  std::vector<std::string> registered = s.registered_endpoints;
  std::sort(registered.begin(), registered.end());
  const auto own = advertised_endpoints(ctx);
  if (own && *own == registered) return;  // this broker itself, running
  const std::string path = s.chroot + "/brokers/ids/" + std::to_string(*session->broker_id);
  auto report = out.report_value(*session->broker_id_entry, "broker id " + std::to_string(*session->broker_id) + " is already registered in ZooKeeper (" + path +
                                                                 ", session " + s.owner_session + ", endpoints " + (registered.empty() ? "none" : joined(registered)) +
                                                                 "): this broker would stop at startup with NodeExistsException (node already exists)");
  if (!own) report.severity(Severity::warning).help("unless that registration is this broker itself, give each broker its own broker.id");
  else report.help("give each broker its own broker.id, or stop the broker registered there");
}

}  // namespace zklint::rules
