// ZKL224 zookeeper-connect-own-port: zookeeper.connect points at this broker's own listener.
#include "support/kafka_model.hpp"
#include "support/zookeeper_connect.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaZookeeperConnectOwnPort)

namespace zklint::rules {
namespace {

// A ZooKeeper host that is this machine: a loopback or wildcard address, or one of the hosts the
// broker itself listens on or advertises.
bool this_host(std::string_view host, const support::KafkaModel& model) {
  if (host.empty() || iequals(host, "localhost") || starts_with(host, "127.") || host == "::1" || host == "0.0.0.0") return true;
  for (const support::ListenerList* list : {&model.listeners(), &model.advertised_listeners()}) {
    for (const support::Listener& l : list->listeners) {
      if (l.endpoint.ok() && !l.host().empty() && iequals(l.host(), host)) return true;
    }
  }
  return false;
}

}  // namespace

const RuleMeta& KafkaZookeeperConnectOwnPort::meta() const {
  static const RuleMeta m{
      .code = "ZKL224",
      .name = "zookeeper-connect-own-port",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "zookeeper.connect points at this broker's own listener (localhost:9092): the broker cannot reach ZooKeeper and stops",
      .doc = R"md(
`zookeeper.connect` must name the ZooKeeper servers (`clientPort`, 2181 by default). A
value such as `localhost:9092` points at the broker's own Kafka listener instead, a
confusion of the broker's address with ZooKeeper's seen in real configs. The broker
connects to ZooKeeper first, before it opens its listeners, so nothing answers on that
port; it waits `zookeeper.connection.timeout.ms` and exits with
`ZooKeeperClientTimeoutException: Timed out waiting for connection while in state:
CONNECTING`.

Reported when a ZooKeeper host is this machine (localhost, a loopback or wildcard address,
or a host the broker listens on or advertises) and its port is one of the broker's listener
ports, defaults included. `zk-port-suspicious` separately notes Kafka-like ports on other
hosts.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:19092\n"
                       "zookeeper.connect=zk1:2181,zk2:2181,localhost:19092/kafka\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaZookeeperConnectOwnPort::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  const auto& model = ctx.model<support::KafkaModel>();
  if (!zk.uses_zookeeper || zk.connect == nullptr || !model.listeners().known) return;
  for (const support::ZooKeeperServer& server : zk.servers) {
    for (const support::Listener& l : model.listeners().listeners) {
      if (!l.endpoint.ok() || l.endpoint.port != server.port || server.port == 0 || !this_host(server.host, model)) continue;
      const std::string where = model.listeners().source == support::ListenerSource::explicit_value ? "listener " + l.name
                                                                                                     : "default listener " + l.name;
      auto d = out.report(server.range, "ZooKeeper host " + quoted(server.element->element.of(zk.connect_value())) + " is this broker's own " + where +
                                            " (port " + std::to_string(server.port) + "), not a ZooKeeper server: the broker connects to ZooKeeper "
                                            "before it listens, finds nothing there, and stops (ZooKeeperClientTimeoutException)");
      if (model.listeners().entry != nullptr) {
        d.related(model.listeners().entry->value_source_range(ctx.source(), l.endpoint.entry.begin, l.endpoint.entry.end), "the broker's listener");
      }
      d.help("zookeeper.connect takes the ZooKeeper servers' client port (clientPort, 2181 by default)");
      break;
    }
  }
}

}  // namespace zklint::rules
