// ZKL306 quorum-voter-unroutable: a voter address of 0.0.0.0 (or an empty host) that other nodes cannot reach.
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftQuorumVoterUnroutable)

namespace zklint::rules {
const RuleMeta& KraftQuorumVoterUnroutable::meta() const {
  static const RuleMeta m{
      .code = "ZKL306",
      .name = "quorum-voter-unroutable",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller.quorum.voters address is 0.0.0.0 (or empty), which other nodes cannot connect to",
      .doc = R"md(
Every node connects to the controllers at the addresses in `controller.quorum.voters`, so
each address must be one the other nodes can reach. `0.0.0.0` is the wildcard a server
*binds* to, not an address to connect to. It usually comes from copying a `listeners` value
(`CONTROLLER://0.0.0.0:9093`) into the voters.

From Kafka 3.8 a KRaft node refuses to start when building its voter set
(`ConfigException`: host string 0.0.0.0 is not routable): an error. Earlier releases accept
the entry, but the voter cannot be reached there: a warning.

An empty host (`1@:9093`) is accepted and means the loopback address of whichever node
reads it, which works only when every node runs on one machine: a warning.

Write the controller's host name or IP address: `1@kafka1.example.com:9093`. In plain
ZooKeeper mode the voters are ignored, so this rule only looks at KRaft nodes and at
ZooKeeper-mode brokers in a migration.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@0.0.0.0:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@10.0.0.11:9093\n"
                        "listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://10.0.0.11:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftQuorumVoterUnroutable::check(const LintContext& ctx, Reporter& out) const {
  namespace quorum = grammar::quorum;
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = node.voters_entry();
  if (e == nullptr || !node.voters() || !(node.kraft() || node.kafka().migration())) return;
  const std::string_view value = e->value;
  const bool rejected = kafka_fact::quorum_addresses_strict.holds_in(node.version());
  for (const quorum::Voter& v : *node.voters()) {
    if (!v.ok()) continue;
    const std::string_view host = v.address.host.of(value);
    const std::string entry = quoted(v.entry.of(value));
    if (host == "0.0.0.0") {
      auto report = out.report_value_part(*e, v.address.host.begin, v.address.host.end,
                                          "voter " + entry + " has the address 0.0.0.0, which only a server binds to; no node can connect to it" +
                                              (rejected ? ": Kafka " + node.version_text() +
                                                              " refuses to start (ConfigException: host string 0.0.0.0 is not routable)"
                                                        : std::string(" (Kafka 3.8 and later refuse to start with it)")));
      if (!rejected) report.severity(Severity::warning);
      report.help("write the controller's host name or IP address, as the other nodes reach it");
    } else if (host.empty()) {
      out.report_value_part(*e, v.address.text.begin, v.address.text.end,
                            "voter " + entry + " has an empty host, which means the loopback address of every node that reads it; it works only when all nodes run on one machine")
          .severity(Severity::warning)
          .help("write the controller's host name or IP address");
    }
  }
}

}  // namespace zklint::rules
