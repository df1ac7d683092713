// ZKL510 brokers-split-clusters: brokers of one cluster that use different chroots or ensembles.
#include "support/cluster_nodes.hpp"
#include "support/zookeeper_connect.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(BrokersSplitClusters)

namespace zklint::rules {
namespace {

std::string chroot_text(const std::string& chroot) { return chroot.empty() ? "no chroot" : "chroot " + chroot; }

}  // namespace

const RuleMeta& BrokersSplitClusters::meta() const {
  static const RuleMeta m{
      .code = "ZKL510",
      .name = "brokers-split-clusters",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "Brokers of one cluster use different ZooKeeper chroots or ensembles, so they form separate Kafka clusters",
      .doc = R"md(
In ZooKeeper mode, the ensemble and the chroot of `zookeeper.connect` are the Kafka
cluster: brokers that register under `/kafka` and brokers that register under `/` (or on
another ensemble) never see each other. Each group elects its own controller and holds
its own topics; producers that bootstrap from one group cannot reach partitions led by
the other. Every broker starts, so this is a warning, but it is rarely what was meant: a
chroot forgotten on one broker, or a copied config from another environment.

zklint compares brokers it has evidence run together (one declared cluster, or files that
number one series such as `server-1.properties`, `server-2.properties`). Listing different
members of the same ensemble with the same chroot is not a split. When most brokers agree
on the chroot, only the brokers that differ from them are reported.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .file_name = "server-1.properties",
               .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181\n",
               .companion_name = "server-2.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .file_name = "server-1.properties",
                .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk2:2181,zk3:2181,zk1:2181/kafka\n",
                .companion_name = "server-2.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void BrokersSplitClusters::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  using Source = support::MetadataQuorum::Source;
  if (me == nullptr || me->quorum.source != Source::zookeeper) return;
  const Entry* connect = ctx.model<support::ZooKeeperClientSettings>().connect;
  if (connect == nullptr) return;
  const auto chroot = [](const support::Node& n) -> std::optional<std::string> {
    if (n.quorum.source != support::MetadataQuorum::Source::zookeeper) return std::nullopt;
    return n.quorum.chroot;
  };
  const bool majority_chroot = nodes.in_majority(*me, chroot);
  for (const support::Node& other : nodes.nodes()) {
    if (other.quorum.source != Source::zookeeper || other.quorum.shared_with(me->quorum) || !nodes.peers(*me, other)) continue;
    const Entry* theirs = other.ctx->model<support::ZooKeeperClientSettings>().connect;
    if (theirs == nullptr || (majority_chroot && other.quorum.chroot != me->quorum.chroot)) continue;  // the other one reports
    const std::string what = other.quorum.chroot != me->quorum.chroot
                                 ? "uses " + chroot_text(other.quorum.chroot) + " where this broker uses " + chroot_text(me->quorum.chroot)
                                 : "names no ZooKeeper server this broker names";
    out.report_value(*connect, other.path() + " " + what + " (" + std::string(theirs->value) +
                                   "): the brokers register in different places and form separate Kafka clusters")
        .related(other.path(), theirs->value_range, "the other broker's zookeeper.connect");
    return;
  }
}

}  // namespace zklint::rules
