// ZKL501 zookeeper-connect-port-mismatch: zookeeper.connect points at a port no ZooKeeper server of the cluster listens on.
#include <algorithm>

#include "support/compose_network.hpp"
#include "support/kafka_model.hpp"
#include "support/zookeeper_pairing.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZookeeperConnectPortMismatch)

namespace zklint::rules {
namespace {

// zookeeper-connect-own-port (ZKL224) reports a host that is this broker's own listener.
bool own_listener(const support::ZooKeeperServer& s, const support::KafkaModel& model) {
  if (!(s.host.empty() || support::is_local_host(s.host))) return false;
  return std::any_of(model.listeners().listeners.begin(), model.listeners().listeners.end(),
                     [&](const support::Listener& l) { return l.endpoint.ok() && l.endpoint.port == s.port; });
}

std::string ports_text(const std::vector<support::ZkBinding>& ports) {
  std::string out;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == ports.size() ? " or " : ", ") + std::to_string(ports[i].port);
    if (ports[i].role == support::ZkBinding::Role::secure_client) out += " (TLS)";
  }
  return out;
}

}  // namespace

const RuleMeta& ZookeeperConnectPortMismatch::meta() const {
  static const RuleMeta m{
      .code = "ZKL501",
      .name = "zookeeper-connect-port-mismatch",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A zookeeper.connect host names a ZooKeeper server of the cluster, but not a port it listens on for clients",
      .doc = R"md(
When zklint lints a broker together with the ZooKeeper server configs of its cluster
(the configs of one directory as in Kafka's `config/`, `--zookeeper-config`, or `pairs`
in `.zklint.json`), it checks that `zookeeper.connect` reaches one of those servers:

- a host that a `server.N` line of a ZooKeeper config names must use that member's
  client port (its `;clientPort` suffix, else `clientPort`, or `secureClientPort` for TLS);
- `localhost`, a loopback or a wildcard address means a ZooKeeper server runs on the
  broker's machine with one of the configs: the port must be the client port of one of
  them, on an address that loopback reaches (a `clientPortAddress` of another interface
  does not). Three servers on one host (`zoo1.cfg` to `zoo3.cfg` on 2181 to 2183) and
  `zookeeper.connect=localhost:2181,localhost:2182,localhost:2183` is fine.

Nothing listens on any other port. When no host of `zookeeper.connect` works, the broker's
ZooKeeper client gets `Connection refused` again and again, and after
`zookeeper.connection.timeout.ms` the broker stops with `ZooKeeperClientTimeoutException:
Timed out waiting for connection while in state: CONNECTING`: an **error**. The seed case
is `zookeeper.connect=localhost:2182` with `clientPort=2181`.

When another host may work (it is right, or zklint was not shown its server), it is a
**warning**: the ZooKeeper client (`ClientCnxn`, `StaticHostProvider` @3.8) tries the hosts
in a shuffled order and moves on to the next one when a connection fails, so the broker
connects; the wrong entry only slows every reconnect and leaves one server fewer to fail
over to.

In a docker-compose file the usual cause is the port ZooKeeper publishes on the Docker host
(`ports: ["22181:2181"]`, then `KAFKA_ZOOKEEPER_CONNECT: zookeeper:22181`): containers reach
each other on container ports, so the message says when the port is a published one.

Hosts that the ZooKeeper config does not name belong to an ensemble zklint was not shown,
and are not checked. A host that is this broker's own listener is reported by
`zookeeper-connect-own-port`.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2182,zk3:2181/kafka\n",
               .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                            "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n",
               .companion_name = "zookeeper.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                            "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n",
                .companion_name = "zookeeper.properties",
                .kafka_version = "3.9"},
               {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1.prod:2182,zk2.prod:2182,zk3.prod:2182/kafka\n",
                .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n",
                .companion_name = "zookeeper.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

namespace {

// One ZooKeeper config of the cluster that answers for a zookeeper.connect host.
struct Answer {
  const LintContext* node;
  support::PairedHost host;
};

std::string describe(const Answer& a) {
  const std::string who = a.host.member != nullptr    ? std::string(a.host.member->entry->key) + " of " + support::node_name(*a.node)
                         : a.node->profile().deployed() ? support::node_name(*a.node)
                                                        : "the ZooKeeper server of " + support::node_name(*a.node) + ", which runs on this machine,";
  return who + (a.host.client_ports.empty() ? " opens no client port that this host reaches" : " listens for clients on " + ports_text(a.host.client_ports));
}

void relate(DiagnosticBuilder& d, const Answer& a) {
  const LintContext& zk_ctx = *a.node;
  const auto& zk = zk_ctx.model<support::ZookeeperModel>();
  const std::string path = zk_ctx.source().path();
  const auto& ports = a.host.client_ports;
  if (!ports.empty() && ports.front().entry != nullptr) {
    d.related(path, ports.front().entry->value_source_range(zk_ctx.source(), ports.front().begin, ports.front().end), "ZooKeeper's client port");
  } else if (a.host.member != nullptr) {
    d.related(path, a.host.member->entry->value_range, "the ZooKeeper server this host names");
  } else if (zk.client_port.entry != nullptr) {
    d.related(path, zk.client_port.entry->value_range, "ZooKeeper's client port setting");
  } else {
    d.related(path, zk_ctx.source().range(0, 0), "the ZooKeeper config");
  }
}

}  // namespace

void ZookeeperConnectPortMismatch::check(const LintContext& ctx, Reporter& out) const {
  const auto zookeepers = support::cluster_zookeepers(ctx);
  if (zookeepers.empty()) return;
  const auto& client = ctx.model<support::ZooKeeperClientSettings>();
  if (!client.uses_zookeeper || client.connect == nullptr) return;
  const auto& model = ctx.model<support::KafkaModel>();
  // Every ZooKeeper config of the cluster that names a host (or, for this machine, runs on it): the
  // host is wrong when there are some and none of them listens on its port.
  struct Wrong {
    const support::ZooKeeperServer* server;
    std::vector<Answer> answers;
  };
  std::vector<Wrong> wrong;
  std::size_t own = 0;
  for (const support::ZooKeeperServer& s : client.servers) {
    if (own_listener(s, model)) {
      ++own;
      continue;
    }
    std::vector<Answer> answers;
    for (const LintContext* zk : zookeepers) {
      if (auto judged = support::judge_member(*zk, s)) answers.push_back({zk, std::move(*judged)});
    }
    const auto listens = [&](const Answer& a) {
      return std::any_of(a.host.client_ports.begin(), a.host.client_ports.end(), [&](const support::ZkBinding& b) { return b.port == s.port; });
    };
    if (!answers.empty() && std::none_of(answers.begin(), answers.end(), listens)) wrong.push_back({&s, std::move(answers)});
  }
  // The client moves on to the next host when a connection fails: fatal only when no host works.
  const bool every_host = wrong.size() + own == client.servers.size();
  for (const auto& [server, answers] : wrong) {
    const support::ZooKeeperServer& s = *server;

    std::string message = "ZooKeeper host " + quoted(s.element->element.of(client.connect_value())) + " uses port " + std::to_string(s.port) +
                          (s.port_written ? "" : " (the default)") + ", but ";
    for (std::size_t i = 0; i < answers.size(); ++i) message += (i == 0 ? "" : ", and ") + describe(answers[i]);
    // The usual cause in docker-compose: the port ZooKeeper publishes on the Docker host.
    const ComposeService* service = answers.size() == 1 ? support::service_of(*answers.front().node) : nullptr;
    if (const auto container_port = service != nullptr ? support::published_as(*service, s.port) : std::nullopt) {
      message += "; " + std::to_string(s.port) + " is the port it publishes on the Docker host, and containers reach it on its container port " +
                 std::to_string(*container_port);
    }
    message += every_host ? ": the broker gets 'Connection refused' and stops after zookeeper.connection.timeout.ms (ZooKeeperClientTimeoutException)"
                          : ": the ZooKeeper client gets 'Connection refused' there and moves on to the other hosts, so this entry only slows every "
                            "reconnect and leaves one server fewer to fail over to";
    const auto& e = *s.element;
    auto d = s.port_written ? out.report_value_part(*client.connect, e.port_text.begin, e.port_text.end, std::move(message)) : out.report(s.range, std::move(message));
    if (!every_host) d.severity(Severity::warning);
    for (const Answer& a : answers) relate(d, a);
    // One server that answers: its port is the fix. Several (one machine running the whole
    // ensemble): which one was meant is not known, and each of their ports may already be listed.
    const auto& ports = answers.front().host.client_ports;
    if (answers.size() == 1 && !ports.empty()) {
      const std::string host = s.host.empty() ? "localhost" : s.host.find(':') != std::string_view::npos ? "[" + std::string(s.host) + "]" : std::string(s.host);
      d.suggest(host + ":" + std::to_string(ports.front().port));
    }
  }
}

}  // namespace zklint::rules
