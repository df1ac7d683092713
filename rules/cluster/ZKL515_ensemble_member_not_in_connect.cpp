// ZKL515 ensemble-member-not-in-connect: a broker's zookeeper.connect leaves out members of the ensemble.
#include "support/cluster_nodes.hpp"
#include "support/zookeeper_pairing.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(EnsembleMemberNotInConnect)

namespace zklint::rules {
namespace {

// The ensemble one ZooKeeper config of the cluster describes, and the members of it that the
// broker's hosts name by a server.N host. Empty when some host is not named that way: a loopback
// host on a one-host ensemble names no member in particular, and a host no config answers for
// belongs to an ensemble zklint was not shown.
struct Coverage {
  const support::Node* config = nullptr;
  std::set<std::int64_t> named;
};

Coverage coverage(const support::ClusterNodes& nodes, const support::ZooKeeperClientSettings& client) {
  for (const support::Node& server : nodes.nodes()) {
    if (server.zookeeper == nullptr || !server.zookeeper->members_known || !server.zookeeper->ids_readable()) continue;
    Coverage c{&server, {}};
    for (const support::ZooKeeperServer& host : client.servers) {
      const auto judged = support::judge_host(*server.zookeeper, host);
      if (!judged || judged->member == nullptr || !judged->member->id) {
        c.named.clear();
        break;
      }
      c.named.insert(*judged->member->id);
    }
    if (!c.named.empty()) return c;
  }
  return {};
}

}  // namespace

const RuleMeta& EnsembleMemberNotInConnect::meta() const {
  static const RuleMeta m{
      .code = "ZKL515",
      .name = "ensemble-member-not-in-connect",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "zookeeper.connect leaves out members of the ZooKeeper ensemble",
      .doc = R"md(
The ZooKeeper client of a broker connects only to the hosts of `zookeeper.connect`
(`ConnectStringParser`, `StaticHostProvider`, ZooKeeper 3.8); it never learns the other
members of the ensemble. When the hosts it names are all down, the broker loses its
session and drops out of the cluster, although the rest of the ensemble may still have
a majority and serve every other client.

It is a warning when the members the broker names could all fail while the ensemble
keeps its majority (two named hosts of five members): the broker then depends on fewer
servers than the ensemble does. Naming more of them, but not all, is reported at info
level. Kafka accepts either, so neither is an error. A list of one host is
`zk-single-host` (ZKL113), whatever the ensemble.

zklint reports it only when every host of `zookeeper.connect` is the host of a
`server.N` line of a ZooKeeper config in the cluster. A `localhost` host, as on a
broker that talks to the ZooKeeper server on its own machine, names no member in
particular and is left alone.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1.example.com:2181,zk2.example.com:2181/kafka\n",
               .file_name = "server.properties",
               .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\ninitLimit=10\nsyncLimit=5\n"
                            "server.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n"
                            "server.4=zk4.example.com:2888:3888\nserver.5=zk5.example.com:2888:3888\n",
               .companion_name = "zookeeper.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\n"
                        "zookeeper.connect=zk1.example.com:2181,zk2.example.com:2181,zk3.example.com:2181,zk4.example.com:2181,zk5.example.com:2181/kafka\n",
                .file_name = "server.properties",
                .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\ninitLimit=10\nsyncLimit=5\n"
                             "server.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n"
                             "server.4=zk4.example.com:2888:3888\nserver.5=zk5.example.com:2888:3888\n",
                .companion_name = "zookeeper.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void EnsembleMemberNotInConnect::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& client = ctx.model<support::ZooKeeperClientSettings>();
  // One host is zk-single-host's (ZKL113): one cause, one finding.
  if (!client.uses_zookeeper || client.connect == nullptr || client.servers.size() < 2) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const Coverage c = coverage(nodes, client);
  if (c.config == nullptr) return;
  const support::ZookeeperModel& zk = *c.config->zookeeper;
  std::vector<const support::ZkServer*> missing;
  std::string missing_keys;
  for (const support::ZkServer* s : zk.members()) {
    if (c.named.count(*s->id) != 0) continue;
    missing.push_back(s);
    missing_keys += (missing_keys.empty() ? "" : ", ") + std::string(s->entry->key);
  }
  if (missing.empty()) return;
  const bool single_point = c.named.size() <= support::ZookeeperModel::tolerated_failures(zk.voters());
  const std::string consequence = single_point ? ": when those are down the broker loses ZooKeeper, while the rest of the ensemble still has a majority"
                                               : ": the broker cannot fail over to the members it leaves out";
  auto d = out.report_value(*client.connect, "zookeeper.connect names " + std::to_string(c.named.size()) + " of the " + std::to_string(zk.members().size()) +
                                                  " members of the ensemble in " + c.config->path() + " (missing " + missing_keys + ")" + consequence);
  if (!single_point) d.severity(Severity::info);
  for (const support::ZkServer* s : missing) {
    d.related(c.config->path(), s->entry->value_source_range(c.config->ctx->source(), 0, static_cast<std::uint32_t>(s->entry->value.size())), "a member the broker does not name");
  }
}

}  // namespace zklint::rules
