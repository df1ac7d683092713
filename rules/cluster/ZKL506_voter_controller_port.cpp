// ZKL506 voter-controller-port-mismatch: a voter's port is not the controller listener port of the
// controller with that node.id.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(VoterControllerPortMismatch)

namespace zklint::rules {
namespace {

// The ports the controller listens on for the quorum: its controller listeners.
std::vector<const support::NodePort*> controller_ports(const support::Node& controller) {
  std::vector<const support::NodePort*> out;
  for (const support::NodePort& p : controller.ports) {
    if (starts_with(p.purpose, "controller listener ")) out.push_back(&p);
  }
  return out;
}

}  // namespace

const RuleMeta& VoterControllerPortMismatch::meta() const {
  static const RuleMeta m{
      .code = "ZKL506",
      .name = "voter-controller-port-mismatch",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller.quorum.voters entry names a port on which the controller with that node.id does not listen",
      .doc = R"md(
Each entry `id@host:port` of `controller.quorum.voters` says where the controller whose
`node.id` is `id` listens for the quorum: on its controller listener (the listener named
in `controller.listener.names`). When the port differs, every node that uses this voter
list reaches nothing there ("Connection refused" in the Raft client). Kafka starts anyway,
and a quorum of three then works with two: it silently tolerates no failure, and a
second unreachable voter stops the cluster. So this is a warning.

zklint checks each voter against the controller configs of the cluster whose `node.id` is
the voter's id: the node itself, a controller with the very same voter list, or one it has
evidence runs in the same cluster (one declared cluster, or files that number one series,
such as `broker-1.properties` and `controller-1.properties`) with a voter in common. The
controller listener's port is compared, not its host: the host may be another name for
the same machine.
)md",
      .bad = {{.text = "process.roles=controller\nnode.id=1\nlog.dirs=/var/lib/kafka/meta\nlisteners=CONTROLLER://:9095\ncontroller.listener.names=CONTROLLER\n"
                       "controller.quorum.voters=1@localhost:9093\n",
               .file_name = "controller.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=controller\nnode.id=1\nlog.dirs=/var/lib/kafka/meta\nlisteners=CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\n"
                        "controller.quorum.voters=1@localhost:9093\n",
                .file_name = "controller.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void VoterControllerPortMismatch::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr || me->quorum.source != support::MetadataQuorum::Source::voters) return;
  const Entry& voters_entry = *me->kafka->voters_entry();
  for (const auto& voter : *me->kafka->voters()) {
    for (const support::Node& controller : nodes.nodes()) {
      if (!controller.is_controller() || controller.id != voter.id || !voter.address.port) continue;
      const bool same_voters = controller.quorum.source == me->quorum.source && controller.quorum.endpoints == me->quorum.endpoints;
      const bool related = &controller == me || same_voters || (nodes.peers(*me, controller) && me->quorum.shared_with(controller.quorum));
      if (!related) continue;
      const auto ports = controller_ports(controller);
      if (ports.empty()) continue;
      // Any listener on the voter's port counts: one that controller.listener.names fails to name
      // (a case mismatch) stops the controller at startup, and the kraft rules report that.
      const bool reachable = std::any_of(controller.ports.begin(), controller.ports.end(), [&](const support::NodePort& p) { return p.port == *voter.address.port; });
      if (reachable) continue;
      const support::NodePort& listener = *ports.front();
      const std::string whose = &controller == me ? "this controller (node.id=" + std::to_string(*voter.id) + ")"
                                                  : controller.path() + " (node.id=" + std::to_string(*voter.id) + ")";
      auto d = out.report_value_part(voters_entry, voter.address.port_text.begin, voter.address.port_text.end,
                                     "voter " + std::to_string(*voter.id) + " is at port " + std::to_string(*voter.address.port) + ", but " + whose +
                                         " listens for the quorum on " + std::to_string(listener.port) + " (" + listener.purpose +
                                         "): no node reaches this voter, and the quorum tolerates one failure fewer");
      if (listener.entry != nullptr) d.related(controller.path(), listener.entry->value_source_range(controller.ctx->source(), listener.begin, listener.end), "the controller listener");
      d.suggest(std::to_string(listener.port));
      break;
    }
  }
}

}  // namespace zklint::rules
