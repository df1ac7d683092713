// ZKL507 ensemble-members-differ: ZooKeeper servers of one ensemble with different server.N lists.
#include <algorithm>
#include <map>

#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(EnsembleMembersDiffer)

namespace zklint::rules {
namespace {

/// server id -> the quorum address part of its line, lower-case, and the line.
using MemberList = std::map<std::int64_t, std::pair<std::string, const Entry*>>;

std::optional<MemberList> member_list(const support::Node& node) {
  const support::ZookeeperModel* zk = node.zookeeper;
  if (zk == nullptr || zk->mode != support::ZkMode::quorum || !zk->members_known || !zk->ids_readable()) return std::nullopt;
  MemberList out;
  for (const support::ZkServer* s : zk->members()) {
    if (s->templated || !s->spec.ok() || s->spec.parts.empty()) return std::nullopt;
    out[*s->id] = {to_lower(java_trim(s->spec.parts.front().of(s->entry->value))), s->entry};
  }
  return out;
}

bool same_members(const MemberList& a, const MemberList& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) { return x.first == y.first && x.second.first == y.second.first; });
}

bool share_a_member(const MemberList& a, const MemberList& b) {
  for (const auto& [id, line] : a) {
    const auto it = b.find(id);
    if (it != b.end() && it->second.first == line.first) return true;
  }
  return false;
}

void report_differences(const MemberList& mine, const MemberList& theirs, const support::Node& other, Reporter& out) {
  for (const auto& [id, line] : mine) {
    const auto it = theirs.find(id);
    if (it != theirs.end() && it->second.first == line.first) continue;
    const std::string message = it == theirs.end() ? "server." + std::to_string(id) + " is not a member in " + other.path()
                                                   : other.path() + " has server." + std::to_string(id) + "=" + it->second.first;
    auto d = out.report_value(*line.second, message + ": the servers of one ensemble disagree on its members, so the quorum may not form, or may form twice");
    if (it != theirs.end()) d.related(other.path(), it->second.second->value_range, "the other server list's line");
  }
  const Entry* first = mine.begin()->second.second;
  for (const auto& [id, line] : theirs) {
    if (mine.count(id) != 0) continue;
    out.report_key(*first, other.path() + " lists server." + std::to_string(id) + "=" + line.first +
                               ", which this server's list lacks: the servers of one ensemble disagree on its members")
        .related(other.path(), line.second->line_range(), "the member this list lacks");
  }
}

}  // namespace

const RuleMeta& EnsembleMembersDiffer::meta() const {
  static const RuleMeta m{
      .code = "ZKL507",
      .name = "ensemble-members-differ",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "ZooKeeper servers of one ensemble list different server.N members",
      .doc = R"md(
Every server of a ZooKeeper ensemble must have the same `server.N` lines: the ids, hosts,
quorum and election ports (`QuorumPeerConfig.java @3.8`). Each server computes its
majority over its own list. With differing lists the servers disagree on how many votes
make a quorum and whom to ask, so an election can fail to finish, or two groups can each
believe they have a majority. ZooKeeper starts anyway and only logs connection errors, so
this is a warning.

zklint compares servers it has evidence belong to one ensemble: one declared cluster or
files that number one series (`zoo1.cfg`, `zoo2.cfg`), with at least one identical member
line in common. When most servers agree, only the servers that differ from them are
reported.
)md",
      .bad = {{.text = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper-log\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n",
               .file_name = "zoo1.cfg",
               .companion = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper-log\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                            "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk4:2888:3888\n",
               .companion_name = "zoo2.cfg"}},
      .good = {{.text = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper-log\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n",
                .file_name = "zoo1.cfg",
                .companion = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper-log\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                             "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n",
                .companion_name = "zoo2.cfg"}},
  };
  return m;
}

void EnsembleMembersDiffer::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  const auto mine = me != nullptr ? member_list(*me) : std::nullopt;
  if (!mine || mine->empty()) return;
  const auto list_text = [](const support::Node& n) -> std::optional<std::string> {
    const auto list = member_list(n);
    if (!list) return std::nullopt;
    std::string text;
    for (const auto& [id, line] : *list) text += std::to_string(id) + "=" + line.first + ",";
    return text;
  };
  if (nodes.in_majority(*me, list_text)) return;  // the servers that differ from it report
  for (const support::Node& other : nodes.nodes()) {
    if (other.kind != support::NodeKind::zookeeper || !nodes.peers(*me, other)) continue;
    const auto theirs = member_list(other);
    if (!theirs || same_members(*mine, *theirs) || !share_a_member(*mine, *theirs)) continue;
    report_differences(*mine, *theirs, other, out);
    return;
  }
}

}  // namespace zklint::rules
