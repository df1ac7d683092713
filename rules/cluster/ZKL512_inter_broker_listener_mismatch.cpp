// ZKL512 inter-broker-listener-mismatch: a broker's inter-broker listener that another broker of
// the cluster does not advertise, or advertises with another security protocol.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(InterBrokerListenerMismatch)

namespace zklint::rules {
namespace {

// What is wrong with `other` as seen through this broker's inter-broker listener, or "".
std::string mismatch(const support::KafkaModel& mine, const support::KafkaModel& theirs, const std::string& name) {
  const support::ListenerList& advertised = theirs.advertised_listeners();
  if (!advertised.known || !advertised.all_parsed() || !theirs.protocol_map().known) return "";
  const support::Listener* l = advertised.find(name);
  if (l == nullptr) return "advertises no listener named " + name + " (BrokerEndPointNotAvailableException)";
  const std::string* my_protocol = mine.protocol_map().protocol_of(name);
  const std::string* their_protocol = theirs.protocol_map().protocol_of(name);
  if (my_protocol == nullptr || their_protocol == nullptr || *my_protocol == *their_protocol) return "";
  return "maps " + name + " to " + *their_protocol + " where this broker speaks " + *my_protocol + " to it (the connection fails)";
}

}  // namespace

const RuleMeta& InterBrokerListenerMismatch::meta() const {
  static const RuleMeta m{
      .code = "ZKL512",
      .name = "inter-broker-listener-mismatch",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Another broker of the cluster does not advertise this broker's inter-broker listener, or speaks another protocol on it",
      .doc = R"md(
A broker reaches the other brokers (to replicate, and the ZooKeeper-mode controller to
send its requests) at the endpoint they advertise under the name of its own inter-broker
listener (`inter.broker.listener.name`, or the listener named after
`security.inter.broker.protocol`, PLAINTEXT by default), speaking the security protocol its
own `listener.security.protocol.map` gives that name. When another broker advertises no
listener of that name, the lookup fails (`BrokerEndPointNotAvailableException`, or a node
without that endpoint in KRaft); when it maps the name to another protocol, the TLS or SASL
handshake fails. Each broker starts, then replication to or from the other fails, so this
is an error.

zklint compares brokers it has evidence run together (one declared cluster, or files
that number one series) and that share their ZooKeeper ensemble and chroot or a KRaft
voter.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=INTERNAL://:9093,EXTERNAL://:9092\n"
                       "advertised.listeners=INTERNAL://kafka1:9093,EXTERNAL://kafka1.example.com:9092\n"
                       "listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL\ninter.broker.listener.name=INTERNAL\n"
                       "zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .file_name = "server-1.properties",
               .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka2:9092\n"
                            "zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .companion_name = "server-2.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=INTERNAL://:9093,EXTERNAL://:9092\n"
                        "advertised.listeners=INTERNAL://kafka1:9093,EXTERNAL://kafka1.example.com:9092\n"
                        "listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL\ninter.broker.listener.name=INTERNAL\n"
                        "zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .file_name = "server-1.properties",
                .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data\nlisteners=INTERNAL://:9093,EXTERNAL://:9092\n"
                             "advertised.listeners=INTERNAL://kafka2:9093,EXTERNAL://kafka2.example.com:9092\n"
                             "listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL\ninter.broker.listener.name=INTERNAL\n"
                             "zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .companion_name = "server-2.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void InterBrokerListenerMismatch::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr || !me->runs_broker() || !me->quorum.known()) return;
  const support::KafkaModel& mine = me->kafka->kafka();
  const support::InterBrokerListener& inter = mine.inter_broker_listener();
  if (!inter.known) return;
  for (const support::Node& other : nodes.nodes()) {
    if (&other == me || !other.runs_broker() || !nodes.peers(*me, other) || !me->quorum.shared_with(other.quorum)) continue;
    const std::string problem = mismatch(mine, other.kafka->kafka(), inter.name);
    if (problem.empty()) continue;
    const std::string message = other.path() + " " + problem + ", the listener this broker uses to reach the other brokers: replication between them fails";
    auto d = inter.entry != nullptr ? out.report_value(*inter.entry, message) : out.report_file(message + " (PLAINTEXT is the default inter-broker listener)");
    if (const Entry* e = other.kafka->kafka().advertised_listeners().entry) d.related(other.path(), e->value_range, "its advertised listeners");
    return;
  }
}

}  // namespace zklint::rules
