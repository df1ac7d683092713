// ZKL513 loopback-voter-across-hosts: a voter at localhost in a KRaft cluster that spans machines.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(LoopbackVoterAcrossHosts)

namespace zklint::rules {
namespace {

// The machine .zklint.json puts the node on, else the explicit names it calls its own.
std::vector<std::string> machine_names(const support::Node& n) {
  if (n.declared_host) return {to_lower(*n.declared_host)};
  std::vector<std::string> out;
  for (const std::string& h : n.own_hosts) {
    if (!support::is_local_host(h)) out.push_back(h);
  }
  return out;
}

bool disjoint(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::none_of(a.begin(), a.end(), [&](const std::string& h) { return std::find(b.begin(), b.end(), h) != b.end(); });
}

// Two nodes of the quorum that name different machines as their own: the cluster spans machines.
std::optional<std::pair<const support::Node*, const support::Node*>> two_machines(const support::ClusterNodes& nodes, const support::Node& me) {
  std::vector<const support::Node*> quorum{&me};
  for (const support::Node& n : nodes.nodes()) {
    if (n.is_kafka() && nodes.peers(me, n) && me.quorum.shared_with(n.quorum)) quorum.push_back(&n);
  }
  for (const support::Node* a : quorum) {
    for (const support::Node* b : quorum) {
      const auto ha = machine_names(*a), hb = machine_names(*b);
      if (a != b && !ha.empty() && !hb.empty() && disjoint(ha, hb)) return std::make_pair(a, b);
    }
  }
  return std::nullopt;
}

}  // namespace

const RuleMeta& LoopbackVoterAcrossHosts::meta() const {
  static const RuleMeta m{
      .code = "ZKL513",
      .name = "loopback-voter-across-hosts",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller.quorum.voters entry is at localhost in a KRaft cluster whose nodes run on several machines",
      .doc = R"md(
`localhost` (or `127.0.0.1`, `::1`) in `controller.quorum.voters` means "this machine" to
every node that reads it. In a cluster whose nodes run on several machines, the nodes on
the other machines try their own loopback address and never reach that controller: the
voter counts toward the quorum but cannot vote for them, so the quorum tolerates fewer
failures, or cannot form. Kafka starts, so this is a warning. Name the controller's host.

zklint reports it only when two nodes that share the quorum, and that it has evidence run
together (one declared cluster, or files that number one series), name different machines
as their own (in their listeners or advertised listeners).
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=4\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://b1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "controller.quorum.voters=1@localhost:9093\n",
               .file_name = "broker-1.properties",
               .companion = "process.roles=broker\nnode.id=5\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://b2:9092\n"
                            "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                            "controller.quorum.voters=1@localhost:9093\n",
               .companion_name = "broker-2.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=broker\nnode.id=4\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://b1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "controller.quorum.voters=1@c1:9093\n",
                .file_name = "broker-1.properties",
                .companion = "process.roles=broker\nnode.id=5\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://b2:9092\n"
                             "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                             "controller.quorum.voters=1@c1:9093\n",
                .companion_name = "broker-2.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void LoopbackVoterAcrossHosts::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr || me->quorum.source != support::MetadataQuorum::Source::voters) return;
  const auto spread = two_machines(nodes, *me);
  if (!spread) return;
  const Entry& entry = *me->kafka->voters_entry();
  for (const auto& voter : *me->kafka->voters()) {
    const std::string_view host = voter.address.host.of(entry.value);
    if (!support::is_local_host(host) || host == "0.0.0.0") continue;
    const auto& [a, b] = *spread;
    out.report_value_part(entry, voter.address.host.begin, voter.address.host.end,
                          "voter " + std::to_string(voter.id.value_or(-1)) + " is at " + std::string(host) + ", but the cluster spans machines (" +
                              a->path() + " is " + machine_names(*a).front() + ", " + b->path() + " is " + machine_names(*b).front() +
                              "): the nodes on other machines reach their own loopback, not this controller");
  }
}

}  // namespace zklint::rules
