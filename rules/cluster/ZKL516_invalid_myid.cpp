// ZKL516 invalid-myid: a ZooKeeper server whose myid stops it at startup.
#include <algorithm>

#include "support/cluster_nodes.hpp"
#include "support/zookeeper_compose_example.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(InvalidMyid)

namespace zklint::rules {
namespace {

// Why a quorum member with this myid stops at startup; empty when it does not.
std::string failure(std::int64_t myid, const std::vector<const support::ZkServer*>& members) {
  if (myid == -1) return "the value ZooKeeper uses for no id: a quorum member with it stops at startup (IllegalArgumentException: myid file is missing)";
  if (std::any_of(members.begin(), members.end(), [&](const support::ZkServer* s) { return *s->id == myid; })) return "";
  std::string ids;
  for (const support::ZkServer* s : members) ids += (ids.empty() ? "" : ", ") + std::to_string(*s->id);
  return "but the server.N list has no server." + std::to_string(myid) + " (it lists " + ids + "): ZooKeeper stops at startup (RuntimeException: My id " +
         std::to_string(myid) + " not in the peer list)";
}

}  // namespace

const RuleMeta& InvalidMyid::meta() const {
  static const RuleMeta m{
      .code = "ZKL516",
      .name = "invalid-myid",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A ZooKeeper server whose myid stops it at startup: not a number, -1, or missing from its server.N list",
      .doc = R"md(
A member of a ZooKeeper quorum finds its own `server.N` line by the number in the `myid`
file of its `dataDir`. Three `myid` values stop a server at startup (ZooKeeper 3.5 to
3.9; each confirmed by starting ZooKeeper 3.8), so each is an error:

- **Not a number.** ZooKeeper reads the first line of `<dataDir>/myid`, when the file
  exists, with `Long.parseLong` and nothing else: a leading or trailing blank, an empty
  first line or an empty file fail (`IllegalArgumentException: serverid abc is not a
  number`, `QuorumPeerConfig.setupMyId`). This stops a standalone server too: it reads
  the file all the same. A line break after the number is fine.
- **Missing from the list.** A quorum member whose `myid` has no `server.N` line stops
  with `RuntimeException: My id 4 not in the peer list` (`QuorumPeer.start`).
- **-1**, the value ZooKeeper uses for "no id": a quorum member stops with
  `IllegalArgumentException: myid file is missing` (`QuorumPeerConfig.checkValidity`).

A standalone server (one `server.N` line or none, `standaloneEnabled` left true) never
looks its `myid` up in the list, so the last two do not apply to it.

zklint knows a `myid` only from evidence, never from a guess: the `myid` file of a
`dataDir` given as an absolute path inside the repository (the git work tree) that holds
the config; the `myid` file a container's image writes (`ZOO_MY_ID` of the official
image); `myid` in the server's `nodes` entry of `.zklint.json`; or its file name
(`zoo3.cfg` is server 3) when its `clusters` entry sets `myid-from-file-name`. A relative
`dataDir` depends on the directory the server starts in, so its `myid` file is not read,
and a first line with bytes outside ASCII is left alone (Java also reads the digits of
other scripts). Two servers with one `myid` are `duplicate-myid` (ZKL517).
)md",
      .bad = {{.text = "services:\n" ZKLINT_ZOO_SERVICE("zoo1", "      ZOO_MY_ID: 1\n") ZKLINT_ZOO_SERVICE("zoo2", "      ZOO_MY_ID: 2\n")
                           ZKLINT_ZOO_SERVICE("zoo3", "      ZOO_MY_ID: 4\n"),
               .file_name = "docker-compose.yml"}},
      .good = {{.text = "services:\n" ZKLINT_ZOO_SERVICE("zoo1", "      ZOO_MY_ID: 1\n") ZKLINT_ZOO_SERVICE("zoo2", "      ZOO_MY_ID: 2\n")
                            ZKLINT_ZOO_SERVICE("zoo3", "      ZOO_MY_ID: 3\n"),
                .file_name = "docker-compose.yml"}},
  };
  return m;
}

void InvalidMyid::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr || me->zookeeper == nullptr || !me->myid) return;
  const support::NodeMyid& myid = *me->myid;
  if (!myid.id) {
    const Entry* data_dir = ctx.find("dataDir");
    if (data_dir == nullptr) return;
    const auto [begin, end] = support::trimmed_span(data_dir->value);
    // Java's message holds the line as it is; one with control characters is not repeated.
    const bool printable = std::all_of(myid.text.begin(), myid.text.end(), [](char c) { return c >= ' ' && c != 0x7f; });
    out.report_value_part(*data_dir, begin, end,
                          myid.evidence + " " + myid.described() + ", which is not a number: ZooKeeper stops at startup (IllegalArgumentException: serverid " +
                              (printable ? myid.text : "...") + " is not a number)");
    return;
  }
  const support::ZookeeperModel& zk = *me->zookeeper;
  if (zk.mode != support::ZkMode::quorum || !zk.ids_readable()) return;  // a standalone server does not look its myid up
  const auto members = zk.members();
  if (members.empty()) return;
  const std::string why = failure(*myid.id, members);
  if (why.empty()) return;
  out.report_key(*members.front()->entry, "this server's myid is " + std::to_string(*myid.id) + " (" + myid.evidence + "), " + why);
}

}  // namespace zklint::rules
