// ZKL517 duplicate-myid: two ZooKeeper servers of one ensemble with the same myid.
#include "support/cluster_nodes.hpp"
#include "support/zookeeper_compose_example.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(DuplicateMyid)

namespace zklint::rules {
namespace {

// The server.N line of `id` in a quorum member's list, if it has one.
const support::ZkServer* own_line(const support::Node& node, std::int64_t id) {
  if (node.zookeeper == nullptr || node.zookeeper->mode != support::ZkMode::quorum) return nullptr;
  for (const support::ZkServer* s : node.zookeeper->members()) {
    if (*s->id == id) return s;
  }
  return nullptr;
}

// A quorum member's myid that names a line of its server.N list (another myid is invalid-myid's).
std::optional<std::int64_t> member_id(const support::Node& node) {
  if (!node.myid || !node.myid->id || own_line(node, *node.myid->id) == nullptr) return std::nullopt;
  return node.myid->id;
}

}  // namespace

const RuleMeta& DuplicateMyid::meta() const {
  static const RuleMeta m{
      .code = "ZKL517",
      .name = "duplicate-myid",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "Two ZooKeeper servers of one ensemble have the same myid",
      .doc = R"md(
Each member of a ZooKeeper quorum is the `server.N` line whose N is its `myid`. Two
members with one `myid` both take that line's place: both try to open its quorum and
election addresses, and the line of the `myid` they should have had has no server. On
one machine, or on two when the line names the other one's address, the second cannot
bind its election port and exits (`QuorumCnxManager.Listener`, exit code 14, ZooKeeper
3.8); with `quorumListenOnAllIPs=true` both run, and the ensemble has one voter fewer
than its list counts on. ZooKeeper accepts each config on its own and what breaks depends
on where they run, so this is a warning.

zklint compares servers it has evidence run together (a declared cluster, or files that
number one series such as `zoo1.cfg`, `zoo2.cfg`) and whose `myid` it knows (see
`invalid-myid`, ZKL516, for where it finds one). The compose services of the official
image get `myid` 1 when `ZOO_MY_ID` is left out, so two of them without it share id 1.
)md",
      .bad = {{.text = "services:\n" ZKLINT_ZOO_SERVICE("zoo1", "") ZKLINT_ZOO_SERVICE("zoo2", "") ZKLINT_ZOO_SERVICE("zoo3", "      ZOO_MY_ID: 3\n"),
               .file_name = "docker-compose.yml"}},
      .good = {{.text = "services:\n" ZKLINT_ZOO_SERVICE("zoo1", "      ZOO_MY_ID: 1\n") ZKLINT_ZOO_SERVICE("zoo2", "      ZOO_MY_ID: 2\n")
                            ZKLINT_ZOO_SERVICE("zoo3", "      ZOO_MY_ID: 3\n"),
                .file_name = "docker-compose.yml"}},
  };
  return m;
}

void DuplicateMyid::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  const auto mine = me != nullptr ? member_id(*me) : std::nullopt;
  if (!mine) return;
  for (const support::Node& other : nodes.nodes()) {
    const bool together = nodes.peers(*me, other) || support::ClusterNodes::one_deployment(*me, other);
    if (!together || member_id(other) != mine) continue;
    const support::ZkServer* line = own_line(*me, *mine);
    auto d = out.report_key(*line->entry, "this server's myid is " + std::to_string(*mine) + " (" + me->myid->evidence + "), and so is the myid of " +
                                              other.path() + " (" + other.myid->evidence + "): both take the place of server." + std::to_string(*mine) +
                                              ", so one of them cannot bind its election port and exits, or the ensemble runs one voter short");
    d.related(other.path(), own_line(other, *mine)->entry->key_range, "the other server with this myid");
    break;
  }
}

}  // namespace zklint::rules
