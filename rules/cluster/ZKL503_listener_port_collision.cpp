// ZKL503 listener-port-collision: a broker listener on a port the co-located ZooKeeper server opens.
#include "support/kafka_model.hpp"
#include "support/zookeeper_pairing.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ListenerPortCollision)

namespace zklint::rules {
namespace {

std::string describe(const support::ZkBinding& b) {
  switch (b.role) {
    case support::ZkBinding::Role::client: return "client port";
    case support::ZkBinding::Role::secure_client: return "secure client port";
    case support::ZkBinding::Role::admin: return b.entry == nullptr ? "admin server port (8080 by default)" : "admin server port";
    case support::ZkBinding::Role::quorum: return "quorum port";
    case support::ZkBinding::Role::election: return "election port";
    case support::ZkBinding::Role::observer_master: return "observer master port (opened while it follows the leader)";
  }
  return "port";
}

bool overlap(std::string_view listener_host, const std::string& zk_host) {
  const auto wildcard = [](std::string_view h) { return h.empty() || h == "0.0.0.0" || h == "::"; };
  return wildcard(listener_host) || wildcard(zk_host) || support::same_host(listener_host, zk_host);
}


// The ports of the ZooKeeper server on this host: the static ones every member opens, and the
// server.N lines whose host is this machine; a listener on one of them cannot start.
void report_collisions(const support::KafkaModel& model, const support::ZookeeperModel& zk, const LintContext& pair, Reporter& out) {
  std::vector<support::ZkBinding> ports = zk.bindings_of(nullptr);
  for (const support::ZkServer* s : zk.members()) {
    if (zk.mode != support::ZkMode::quorum || s->templated || !s->spec.ok() || s->spec.addresses.empty()) continue;
    if (!support::is_local_host(s->spec.addresses.front().host_text())) continue;
    for (const support::ZkBinding& b : zk.bindings_of(s)) ports.push_back(b);
  }
  for (const support::Listener& l : model.listeners().listeners) {
    if (!l.endpoint.ok() || !l.endpoint.port) continue;
    for (const support::ZkBinding& b : ports) {
      if (b.port != *l.endpoint.port || !overlap(l.host(), b.host)) continue;
      const std::string message = "listener " + quoted(l.endpoint.entry.of(l.text)) + " uses port " + std::to_string(b.port) +
                                  ", the " + describe(b) + " of the ZooKeeper server on this host (" + support::node_name(pair) +
                                  "): whichever starts second fails (BindException: Address already in use)";
      auto d = model.listeners().entry != nullptr
                   ? out.report_value_part(*model.listeners().entry, l.endpoint.port_text.begin, l.endpoint.port_text.end, message)
                   : out.report_file(message + " (" + std::string(l.text) + " is the default listener)");
      if (b.entry != nullptr) d.related(pair.source().path(), b.entry->value_source_range(pair.source(), b.begin, b.end), "ZooKeeper's " + describe(b));
      else d.related(pair.source().path(), pair.source().range(0, 0), "ZooKeeper's admin server is on by default");
      break;
    }
  }
}

}  // namespace

const RuleMeta& ListenerPortCollision::meta() const {
  static const RuleMeta m{
      .code = "ZKL503",
      .name = "listener-port-collision",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A broker listener uses a port that the ZooKeeper server on the same host opens (client, secure client, admin 8080)",
      .doc = R"md(
When the broker reaches its ZooKeeper through `localhost` (the single-machine layout of
Kafka's quick start, or a broker next to one ensemble member), both run on one host, and
no port can be opened twice: whichever starts second fails with
`java.net.BindException: Address already in use`. The broker stops at startup; a
standalone ZooKeeper stops too, including when only its admin server (port 8080 unless
`admin.enableServer=false`) is in the way.

zklint compares the broker's effective listeners (`listeners`, or the default
`PLAINTEXT://:9092`) with the ports each ZooKeeper config of the cluster opens: `clientPort`,
`secureClientPort`, the admin server, and the quorum and election ports of a `server.N`
line whose host is this machine. Addresses are taken into account: two different
specific addresses do not collide, all interfaces collides with everything.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:8080\nzookeeper.connect=localhost:2181,zk2:2181,zk3:2181/kafka\n",
               .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                            "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=localhost:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n",
               .companion_name = "zookeeper.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:8080\nzookeeper.connect=localhost:2181,zk2:2181,zk3:2181/kafka\n",
                .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                            "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=localhost:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"
                             "admin.enableServer=false\n",
                .companion_name = "zookeeper.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void ListenerPortCollision::check(const LintContext& ctx, Reporter& out) const {
  const auto& client = ctx.model<support::ZooKeeperClientSettings>();
  const auto& model = ctx.model<support::KafkaModel>();
  if (!client.uses_zookeeper || !model.listeners().known) return;
  for (const LintContext* pair : support::cluster_zookeepers(ctx)) {
    const auto& zk = pair->model<support::ZookeeperModel>();
    if (zk.mode == support::ZkMode::unknown || !support::colocated_member(*pair, client)) continue;
    report_collisions(model, zk, *pair, out);
  }
}

}  // namespace zklint::rules
