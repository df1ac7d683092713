// ZKL224 zookeeper-connect-own-port: zookeeper.connect points at this broker's own listener.
#include <vector>

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
      .summary = "zookeeper.connect points at this broker's own listener (localhost:9092): with no other host the broker cannot reach ZooKeeper and stops",
      .doc = R"md(
`zookeeper.connect` must name the ZooKeeper servers (`clientPort`, 2181 by default). A
value such as `localhost:9092` points at the broker's own Kafka listener instead, a
confusion of the broker's address with ZooKeeper's seen in real configs. The broker
connects to ZooKeeper first, before it opens its listeners, so nothing answers on that
port; it waits `zookeeper.connection.timeout.ms` and exits with
`ZooKeeperClientTimeoutException: Timed out waiting for connection while in state:
CONNECTING`. That is an **error** when every host of `zookeeper.connect` is such a
listener.

When other hosts are real ZooKeeper servers, it is a **warning**: the ZooKeeper client
(`ClientCnxn`, `StaticHostProvider` @3.8) tries the hosts in a shuffled order and moves on
to the next one when a connection fails, so the broker connects (a 3.8 client given a
closed port and a live server connected in under a second, whichever it tried first). The
entry only slows every reconnect and leaves one server fewer to fail over to.

Reported when a ZooKeeper host is this machine (localhost, a loopback or wildcard address,
or a host the broker listens on or advertises) and its port is one of the broker's listener
ports, defaults included. `zk-port-suspicious` separately notes Kafka-like ports on other
hosts.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:19092\n"
                       "zookeeper.connect=localhost:19092,127.0.0.1:19092/kafka\n",
               .kafka_version = "3.9"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:19092\n"
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
  struct OwnPort {
    const support::ZooKeeperServer* server;
    const support::Listener* listener;
  };
  std::vector<OwnPort> own;
  for (const support::ZooKeeperServer& server : zk.servers) {
    for (const support::Listener& l : model.listeners().listeners) {
      if (!l.endpoint.ok() || l.endpoint.port != server.port || server.port == 0 || !this_host(server.host, model)) continue;
      own.push_back({&server, &l});
      break;
    }
  }
  // The client moves on to the next host when a connection fails: fatal only with no other host.
  const bool every_host = own.size() == zk.servers.size();
  for (const auto& [server, l] : own) {
    const std::string where = model.listeners().source == support::ListenerSource::explicit_value ? "listener " + l->name : "default listener " + l->name;
    const std::string head = "ZooKeeper host " + quoted(server->element->element.of(zk.connect_value())) + " is this broker's own " + where + " (port " +
                             std::to_string(server->port) + "), not a ZooKeeper server: ";
    auto d = every_host ? out.report(server->range, head + "the broker connects to ZooKeeper before it listens, finds nothing there, and stops "
                                                          "(ZooKeeperClientTimeoutException)")
                        : out.report(server->range, head + "the ZooKeeper client finds nothing there and moves on to the other hosts, so this "
                                                          "entry only slows every reconnect and leaves one server fewer to fail over to");
    if (!every_host) d.severity(Severity::warning);
    if (model.listeners().entry != nullptr) {
      d.related(model.listeners().entry->value_source_range(ctx.source(), l->endpoint.entry.begin, l->endpoint.entry.end), "the broker's listener");
    }
    d.help("zookeeper.connect takes the ZooKeeper servers' client port (clientPort, 2181 by default)");
  }
}

}  // namespace zklint::rules
