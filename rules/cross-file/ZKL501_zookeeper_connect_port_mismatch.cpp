// ZKL501 zookeeper-connect-port-mismatch: zookeeper.connect points at a port the paired ZooKeeper does not listen on.
#include <algorithm>

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
      .summary = "A zookeeper.connect host names the paired ZooKeeper server, but not a port it listens on for clients",
      .doc = R"md(
When zklint lints a broker together with its ZooKeeper server config (both in one
directory as in Kafka's `config/`, `--zookeeper-config`, or `pairs` in `.zklint.json`),
it checks that `zookeeper.connect` reaches that server:

- a host that a `server.N` line of the ZooKeeper config names must use that member's
  client port (its `;clientPort` suffix, else `clientPort`, or `secureClientPort` for TLS);
- `localhost`, a loopback or a wildcard address means the ZooKeeper server runs on the
  broker's machine with the paired config: the port must be its client port, on an
  address that loopback reaches (a `clientPortAddress` of another interface does not).

Nothing listens on any other port: the broker's ZooKeeper client gets `Connection
refused` again and again, and after `zookeeper.connection.timeout.ms` the broker stops
with `ZooKeeperClientTimeoutException: Timed out waiting for connection while in state:
CONNECTING`. The seed case is `zookeeper.connect=localhost:2182` with `clientPort=2181`.

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

void ZookeeperConnectPortMismatch::check(const LintContext& ctx, Reporter& out) const {
  const LintContext* pair = support::paired_zookeeper(ctx);
  if (pair == nullptr) return;
  const auto& client = ctx.model<support::ZooKeeperClientSettings>();
  if (!client.uses_zookeeper || client.connect == nullptr) return;
  const auto& zk = pair->model<support::ZookeeperModel>();
  const auto& model = ctx.model<support::KafkaModel>();
  for (const support::ZooKeeperServer& s : client.servers) {
    if (own_listener(s, model)) continue;
    const auto judged = support::judge_host(zk, s);
    if (!judged) continue;
    const auto& ports = judged->client_ports;
    if (std::any_of(ports.begin(), ports.end(), [&](const support::ZkBinding& b) { return b.port == s.port; })) continue;

    const std::string who = judged->member != nullptr ? std::string(judged->member->entry->key) + " of the paired ZooKeeper config"
                                                      : "the paired ZooKeeper server, which runs on this machine,";
    std::string message = "ZooKeeper host " + quoted(s.element->element.of(client.connect_value())) + " uses port " + std::to_string(s.port) +
                          (s.port_written ? "" : " (the default)") + ", but " + who;
    message += ports.empty() ? " opens no client port that this host reaches" : " listens for clients on " + ports_text(ports);
    message += ": the broker gets 'Connection refused' and stops after zookeeper.connection.timeout.ms (ZooKeeperClientTimeoutException)";
    const auto& e = *s.element;
    auto d = s.port_written ? out.report_value_part(*client.connect, e.port_text.begin, e.port_text.end, std::move(message)) : out.report(s.range, std::move(message));
    const std::string path = pair->source().path();
    if (!ports.empty() && ports.front().entry != nullptr) {
      d.related(path, ports.front().entry->value_source_range(pair->source(), ports.front().begin, ports.front().end), "ZooKeeper's client port");
    } else if (judged->member != nullptr) {
      d.related(path, judged->member->entry->value_range, "the ZooKeeper server this host names");
    } else if (zk.client_port.entry != nullptr) {
      d.related(path, zk.client_port.entry->value_range, "ZooKeeper's client port setting");
    } else {
      d.related(path, pair->source().range(0, 0), "the paired ZooKeeper config");
    }
    if (!ports.empty()) {
      const std::string host = s.host.empty() ? "localhost" : s.host.find(':') != std::string_view::npos ? "[" + std::string(s.host) + "]" : std::string(s.host);
      d.suggest(host + ":" + std::to_string(ports.front().port));
    }
  }
}

}  // namespace zklint::rules
