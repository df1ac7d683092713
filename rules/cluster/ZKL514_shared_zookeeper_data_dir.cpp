// ZKL514 shared-zookeeper-data-dir: two ZooKeeper servers of one machine use the same data directory.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(SharedZookeeperDataDir)

namespace zklint::rules {
namespace {

struct DataDir {
  std::string_view key;      ///< dataDir or dataLogDir
  std::string path;          ///< as java.io.File keeps it, after QuorumPeerConfig's trim
  const Entry* entry = nullptr;
  std::uint32_t begin = 0, end = 0;
};

// The directories a server writes, as it sets them. An unset dataLogDir is dataDir itself
// (QuorumPeerConfig.parseProperties @ZooKeeper 3.8), so comparing the explicit ones finds every
// pair of servers that write into one directory.
std::vector<DataDir> data_dirs(const support::Node& node) {
  std::vector<DataDir> out;
  for (const std::string_view key : {std::string_view{"dataDir"}, std::string_view{"dataLogDir"}}) {
    const Entry* e = node.ctx->find(key);
    if (e == nullptr || node.ctx->value_templated(*e)) continue;
    const auto [begin, end] = support::trimmed_span(e->value);
    if (begin == end) continue;
    out.push_back({key, support::java_file_path(std::string_view(e->value).substr(begin, end - begin)), e, begin, end});
  }
  return out;
}

}  // namespace

const RuleMeta& SharedZookeeperDataDir::meta() const {
  static const RuleMeta m{
      .code = "ZKL514",
      .name = "shared-zookeeper-data-dir",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "Two ZooKeeper servers on one machine use the same dataDir or dataLogDir",
      .doc = R"md(
ZooKeeper takes no lock on its data directories (nothing in `FileTxnSnapLog` or
`QuorumPeerConfig` locks them, ZooKeeper 3.8), so two servers of a one-host ensemble
that share `dataDir` both start. They then read one `myid` file, so both claim the same
server id, and they write snapshots and transaction logs with the same names into one
directory: one server's data overwrites the other's. An unset `dataLogDir` is `dataDir`,
so a shared `dataDir` shares the transaction log too.

It is a warning, not an error, because ZooKeeper accepts the config: what breaks first
depends on the mode (two standalone servers corrupt each other's log; two members with
one id collide on that id's quorum ports) and on which starts first.

zklint reports it only with evidence that the servers run together (a declared cluster,
or files that number one series such as `zoo1.cfg`, `zoo2.cfg`) and on one machine (the
`host` `.zklint.json` gives both, only loopback addresses in both, or the same explicit
host). Relative directories are compared as written: they depend on where each server
starts. Two brokers that share a log directory are `shared-log-dir` (ZKL509).
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper-log/1\nclientPort=2181\nadmin.enableServer=false\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\n"
                       "server.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2889:3889\nserver.3=127.0.0.1:2890:3890\n",
               .file_name = "zoo1.cfg",
               .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper-log/2\nclientPort=2182\nadmin.enableServer=false\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\n"
                            "server.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2889:3889\nserver.3=127.0.0.1:2890:3890\n",
               .companion_name = "zoo2.cfg"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/1\ndataLogDir=/var/lib/zookeeper-log/1\nclientPort=2181\nadmin.enableServer=false\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\n"
                        "server.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2889:3889\nserver.3=127.0.0.1:2890:3890\n",
                .file_name = "zoo1.cfg",
                .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper/2\ndataLogDir=/var/lib/zookeeper-log/2\nclientPort=2182\nadmin.enableServer=false\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\n"
                             "server.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2889:3889\nserver.3=127.0.0.1:2890:3890\n",
                .companion_name = "zoo2.cfg"}},
  };
  return m;
}

void SharedZookeeperDataDir::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr || me->zookeeper == nullptr) return;
  const auto mates = nodes.machine_mates(*me);
  for (const DataDir& mine : data_dirs(*me)) {
    for (const support::Node* mate : mates) {
      if (mate->zookeeper == nullptr) continue;
      const support::Node& other = *mate;
      const auto theirs = data_dirs(other);
      const auto match = std::find_if(theirs.begin(), theirs.end(), [&](const DataDir& t) { return t.path == mine.path; });
      if (match == theirs.end()) continue;
      const std::string message = std::string(mine.key) + " " + mine.path + " is also the " + std::string(match->key) + " of " + other.path() +
                                  ", on the same machine (" + nodes.same_machine_reason(*me, other) +
                                  "): ZooKeeper does not lock it, so both servers write " +
                                  (mine.key == "dataDir" && match->key == "dataDir" ? "snapshots and logs into it and read one myid file" : "into it");
      out.report_value_part(*mine.entry, mine.begin, mine.end, message)
          .related(other.path(), match->entry->value_source_range(other.ctx->source(), match->begin, match->end), "the same directory");
      break;
    }
  }
}

}  // namespace zklint::rules
