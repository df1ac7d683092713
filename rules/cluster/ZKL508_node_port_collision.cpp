// ZKL508 node-port-collision: two nodes of one machine open the same port.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(NodePortCollision)

namespace zklint::rules {
namespace {

bool overlap(const support::NodePort& a, const support::NodePort& b) {
  const auto wildcard = [](const std::string& h) { return h.empty() || h == "0.0.0.0" || h == "::" || h == "[::]"; };
  return a.port == b.port && (wildcard(a.host) || wildcard(b.host) || support::same_host(a.host, b.host));
}

// A ZooKeeper server of a quorum whose admin server cannot bind logs "Problem starting
// AdminServer" and runs on (QuorumPeer.start @ZooKeeper 3.8); a standalone one exits
// (ZooKeeperServerMain.runFromConfig @3.8). Everything else stops at startup.
bool only_admin_server_fails(const support::Node& me, const support::NodePort& port) {
  return port.purpose == "admin server port" && me.zookeeper != nullptr && me.zookeeper->mode == support::ZkMode::quorum;
}

void report(const support::Node& me, const support::NodePort& mine, const support::Node& other, const support::NodePort& theirs,
            const support::ClusterNodes& nodes, Reporter& out) {
  const bool admin_only = only_admin_server_fails(me, mine);
  const std::string consequence = admin_only ? "the admin server of whichever starts second does not start (ZooKeeper logs 'Problem starting AdminServer' and runs on)"
                                             : "whichever starts second fails (BindException: Address already in use)";
  const std::string message = "port " + std::to_string(mine.port) + " (" + mine.purpose + ") is also the " + theirs.purpose + " of " + other.path() +
                              ", on the same machine (" + nodes.same_machine_reason(me, other) + "): " + consequence;
  auto d = mine.entry != nullptr ? out.report_value_part(*mine.entry, mine.begin, mine.end, message)
                                 : out.report_file(message + " (" + mine.purpose + " on its default port)");
  if (admin_only) d.severity(Severity::warning);
  if (theirs.entry != nullptr) d.related(other.path(), theirs.entry->value_source_range(other.ctx->source(), theirs.begin, theirs.end), "the same port");
}

}  // namespace

const RuleMeta& NodePortCollision::meta() const {
  static const RuleMeta m{
      .code = "ZKL508",
      .name = "node-port-collision",
      .severity = Severity::error,
      .applies_to = FileKinds::any(),
      .summary = "Two Kafka nodes, or two ZooKeeper servers, on one machine open the same port",
      .doc = R"md(
A port can be opened once per address. Two brokers of a one-host development cluster
that both listen on 9092, or two ZooKeeper servers that both take client port 2181:
whichever starts second stops at startup with `java.net.BindException: Address already
in use`. So this is an error. The exception is the ZooKeeper admin server (port 8080
unless `admin.serverPort` or `admin.enableServer=false` says otherwise): a server of a
quorum only logs "Problem starting AdminServer" and runs on without it, which is a
warning; a standalone server exits.

zklint reports it only with evidence that the nodes run together (one declared cluster,
or files that number one series such as `server-1.properties`, `server-2.properties`) and
on one machine (the `host` `.zklint.json` gives both, only loopback addresses on
both nodes, or the same explicit host name). Listeners bound to different specific
addresses do not collide. A broker listener on a ZooKeeper port is
`listener-port-collision` (ZKL503).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data-1\nlisteners=PLAINTEXT://localhost:9092\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2183/kafka\n",
               .file_name = "server-1.properties",
               .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data-2\nlisteners=PLAINTEXT://localhost:9092\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2183/kafka\n",
               .companion_name = "server-2.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data-1\nlisteners=PLAINTEXT://localhost:9092\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2183/kafka\n",
                .file_name = "server-1.properties",
                .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data-2\nlisteners=PLAINTEXT://localhost:9093\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2183/kafka\n",
                .companion_name = "server-2.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void NodePortCollision::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr) return;
  const auto mates = nodes.machine_mates(*me);
  for (const support::NodePort& mine : me->ports) {
    for (const support::Node* other : mates) {
      if (other->is_kafka() != me->is_kafka()) continue;  // a broker against a ZooKeeper server is ZKL503's, with its own evidence
      const auto theirs = std::find_if(other->ports.begin(), other->ports.end(), [&](const support::NodePort& p) { return overlap(mine, p); });
      if (theirs == other->ports.end()) continue;
      report(*me, mine, *other, *theirs, nodes, out);
      break;
    }
  }
}

}  // namespace zklint::rules
