// ZKL511 advertised-endpoint-shared: two brokers of one cluster advertise the same host:port.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(AdvertisedEndpointShared)

namespace zklint::rules {
namespace {

// The advertised endpoints with an explicit host: an empty host advertises the machine's own name.
std::vector<const support::Listener*> advertised(const support::Node& n) {
  std::vector<const support::Listener*> out;
  // Only an explicit advertised.listeners: two brokers whose listeners fall back to the same
  // address collide on that port first (node-port-collision).
  const support::ListenerList& list = n.kafka->kafka().advertised_listeners();
  if (!list.known || list.source != support::ListenerSource::explicit_value) return out;
  for (const support::Listener& l : list.listeners) {
    if (l.endpoint.ok() && l.endpoint.port && !l.host().empty() && l.host() != "0.0.0.0") out.push_back(&l);
  }
  return out;
}

}  // namespace

const RuleMeta& AdvertisedEndpointShared::meta() const {
  static const RuleMeta m{
      .code = "ZKL511",
      .name = "advertised-endpoint-shared",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "Two brokers of one cluster advertise the same host and port",
      .doc = R"md(
Clients and the other brokers reach a broker at the address it advertises
(`advertised.listeners`, else `listeners`). When two brokers of one cluster advertise the
same `host:port`, every request meant for one of them reaches the other: producers and
consumers get `NOT_LEADER_OR_FOLLOWER` and refresh their metadata in a loop, and
replication to the hidden broker never happens. Kafka does not compare the brokers'
addresses, so both start, and this is a warning. The usual cause is a copied
`advertised.listeners` line.

zklint compares brokers it has evidence run together (one declared cluster, or files
that number one series) and that share their ZooKeeper ensemble and chroot or a KRaft
voter. Only `advertised.listeners` written in the file count, and endpoints without a host
(the machine's own name) are not compared: brokers that fall back to the same `listeners`
address collide on that port first (`node-port-collision`).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .file_name = "server-1.properties",
               .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                            "zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .companion_name = "server-2.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .file_name = "server-1.properties",
                .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka2:9092\n"
                             "zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .companion_name = "server-2.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void AdvertisedEndpointShared::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr || !me->runs_broker() || !me->quorum.known()) return;
  const support::ListenerList& mine = me->kafka->kafka().advertised_listeners();
  for (const support::Listener* l : advertised(*me)) {
    for (const support::Node& other : nodes.nodes()) {
      if (!other.is_kafka() || !other.runs_broker() || !nodes.peers(*me, other) || !me->quorum.shared_with(other.quorum)) continue;
      const auto theirs = advertised(other);
      const auto same = std::find_if(theirs.begin(), theirs.end(), [&](const support::Listener* t) {
        return *t->endpoint.port == *l->endpoint.port && iequals(t->host(), l->host());
      });
      if (same == theirs.end()) continue;
      const std::string endpoint = std::string(l->host()) + ":" + std::to_string(*l->endpoint.port);
      const std::string message = "this broker advertises " + endpoint + ", and so does " + other.path() +
                                  ": requests meant for one of them reach the other";
      auto d = mine.entry != nullptr ? out.report_value_part(*mine.entry, l->endpoint.host.begin, l->endpoint.port_text.end, message) : out.report_file(message);
      if (const Entry* e = other.kafka->kafka().advertised_listeners().entry) {
        d.related(other.path(), e->value_source_range(other.ctx->source(), (*same)->endpoint.host.begin, (*same)->endpoint.port_text.end), "the same address");
      }
      break;
    }
  }
}

}  // namespace zklint::rules
