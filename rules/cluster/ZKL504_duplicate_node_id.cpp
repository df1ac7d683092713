// ZKL504 duplicate-node-id: two Kafka nodes of one Kafka cluster with the same broker.id/node.id.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(DuplicateNodeId)

namespace zklint::rules {

const RuleMeta& DuplicateNodeId::meta() const {
  static const RuleMeta m{
      .code = "ZKL504",
      .name = "duplicate-node-id",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Two nodes of one Kafka cluster have the same broker.id or node.id",
      .doc = R"md(
Every node of a Kafka cluster needs its own id. In ZooKeeper mode a broker registers
itself as the ephemeral znode `/brokers/ids/<broker.id>`; the second broker with that id
finds the znode taken ("node already exists", a `NodeExistsException` in
`KafkaZkClient.registerBroker`, `KafkaZkClient.scala @3.9`) and shuts down at startup. In
KRaft the controller refuses the second broker's registration while the first one holds it
(`DuplicateBrokerRegistrationException`, `ClusterControlManager.java @3.9`), and two
controllers with one `node.id` claim the same voter: the quorum cannot elect a leader
reliably. So this is an error.

The usual cause is a copied `server.properties`: `server-2.properties` keeps `broker.id=1`.

zklint reports it only for nodes it has evidence run together: their files are one
declared cluster (`clusters` in `.zklint.json`, `--cluster`) or number one series
(`server-1.properties`, `server-2.properties`), and they use the same ZooKeeper ensemble
and chroot, or the same KRaft voters. Two configs in one directory without such evidence
may be alternatives for one node (`server.properties` and `server-ssl.properties`), and
are not compared.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .file_name = "server-1.properties",
               .companion = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .companion_name = "server-2.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .file_name = "server-1.properties",
                .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .companion_name = "server-2.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void DuplicateNodeId::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr || !me->id || !me->quorum.known()) return;
  for (const support::Node& other : nodes.nodes()) {
    if (!other.is_kafka() || other.id != me->id || !other.quorum.shared_with(me->quorum) || !nodes.peers(*me, other)) continue;
    const std::string shared = me->quorum.source == support::MetadataQuorum::Source::zookeeper ? "and both use the same ZooKeeper ensemble and chroot"
                                                                                               : "and both use the same KRaft quorum";
    const std::string id = std::string(me->id_entry->key) + "=" + std::to_string(*me->id);
    const std::string consequence =
        me->kind == support::NodeKind::zookeeper_broker
            ? "whichever starts second cannot register /brokers/ids/" + std::to_string(*me->id) + " in ZooKeeper (node already exists) and shuts down"
        : me->is_controller() || other.is_controller() ? "two controllers with one node.id claim the same voter, and the quorum cannot rely on either"
                                                       : "the controller refuses the second broker's registration while the first holds that id";
    out.report_value(*me->id_entry, id + " is also the id of " + other.path() + " (" + nodes.peers_reason(*me) +
                                        ", " + shared + "): " + consequence)
        .related(other.path(), other.id_entry->value_range, "the same id here");
    return;
  }
}

}  // namespace zklint::rules
