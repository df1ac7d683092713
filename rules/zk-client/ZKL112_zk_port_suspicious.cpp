// ZKL112 zk-port-suspicious: a well-known port of something other than a ZooKeeper client listener.
#include <algorithm>
#include <array>
#include <utility>

#include "support/kafka_model.hpp"
#include "support/zookeeper_hosts.hpp"
#include "support/zookeeper_pairing.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkPortSuspicious)

namespace zklint::rules {

namespace {
// Ports that belong to Kafka or to other parts of ZooKeeper; a broker's ZooKeeper client never
// talks to them.
constexpr std::array<std::pair<std::int64_t, std::string_view>, 8> foreign_ports = {{
    {9092, "Kafka's default listener port"},
    {9093, "a Kafka listener port (SSL or KRaft controller by convention)"},
    {9094, "a Kafka listener port by convention"},
    {29092, "a Kafka listener port by Docker convention"},
    {2888, "ZooKeeper's quorum port (server.N=host:2888:3888), which only ZooKeeper servers use"},
    {3888, "ZooKeeper's leader election port (server.N=host:2888:3888), which only ZooKeeper servers use"},
    {8080, "ZooKeeper's AdminServer HTTP port"},
    {8081, "the Schema Registry port by convention"},
}};

// zookeeper-connect-own-port (ZKL224) already reports a host that is this broker's own listener;
// the same element should not get a second, milder finding. Same test as that rule: this machine
// (loopback, wildcard, or a host the broker listens on or advertises) and one of its listener ports.
bool own_listener(const support::ZooKeeperServer& server, const support::KafkaModel& model) {
  const std::string_view host = server.host;
  bool local = host.empty() || iequals(host, "localhost") || starts_with(host, "127.") || host == "::1" || host == "0.0.0.0";
  bool port = false;
  for (const support::ListenerList* list : {&model.listeners(), &model.advertised_listeners()}) {
    for (const support::Listener& l : list->listeners) {
      if (!l.endpoint.ok()) continue;
      local = local || (!l.host().empty() && iequals(l.host(), host));
      port = port || (list == &model.listeners() && l.endpoint.port == server.port);
    }
  }
  return local && port;
}

}  // namespace

const RuleMeta& ZkPortSuspicious::meta() const {
  static const RuleMeta m{
      .code = "ZKL112",
      .name = "zk-port-suspicious",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A zookeeper.connect port is a Kafka or ZooKeeper-internal port, not a ZooKeeper client port",
      .doc = R"md(
`zookeeper.connect` must point at the ZooKeeper servers' `clientPort` (2181 by default,
2182 and up for several instances on one host). Some ports are clearly something else:

- 9092, 9093, 9094, 29092: Kafka listener ports. The broker then talks the ZooKeeper
  protocol to a Kafka listener; the Kafka side closes the connection, and the broker logs
  connection losses for that host until `zookeeper.connection.timeout.ms` runs out
  (`ZooKeeperClientTimeoutException`).
- 2888 and 3888: the quorum and election ports of `server.N=host:2888:3888`, which only
  ZooKeeper servers talk on; a client connecting there is dropped.
- 8080: ZooKeeper's AdminServer (HTTP); 8081: Schema Registry by convention.

A host that is this broker's own listener (`localhost:9092` next to `listeners=PLAINTEXT://:9092`)
is left to `zookeeper-connect-own-port`, which reports it as an error.

The parser accepts any port, so this is a warning: the value is most likely a copy from
`listeners` or from a `server.N` line. When zklint is given the ZooKeeper config too, the
cross-file check `zookeeper-connect-port-mismatch` compares the port of the hosts that config
names with their actual client port, and this rule leaves those hosts to it.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2888,zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2182,zk3:2183/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void ZkPortSuspicious::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const std::string_view value = zk.connect_value();
  const auto& model = ctx.model<support::KafkaModel>();
  for (const support::HostElement& h : support::classify_hosts(zk)) {
    const auto& e = *h.entry;
    if (!h.connectable || e.port_form != grammar::connect_string::PortForm::given) continue;
    const auto server = std::find_if(zk.servers.begin(), zk.servers.end(), [&](const auto& s) { return s.element == &e; });
    if (server != zk.servers.end() && own_listener(*server, model)) continue;
    // With a ZooKeeper config of the cluster at hand, zookeeper-connect-port-mismatch (ZKL501)
    // checks the hosts it names against their real client ports.
    const auto zookeepers = support::cluster_zookeepers(ctx);
    if (server != zk.servers.end() && std::any_of(zookeepers.begin(), zookeepers.end(), [&](const LintContext* pair) {
          return support::judge_member(*pair, *server).has_value();
        })) {
      continue;
    }
    for (const auto& [port, what] : foreign_ports) {
      if (e.port != port) continue;
      out.report_value_part(*zk.connect, e.port_text.begin, e.port_text.end,
                            "port " + std::to_string(port) + " of ZooKeeper host " + quoted(e.element.of(value)) + " is " + std::string(what) +
                                ", not a ZooKeeper client port (clientPort, 2181 by default)");
    }
  }
}

}  // namespace zklint::rules
