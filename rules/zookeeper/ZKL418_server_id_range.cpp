// ZKL418 server-id-range: a server id outside the documented 1-255.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ServerIdRange)

namespace zklint::rules {

const RuleMeta& ServerIdRange::meta() const {
  static const RuleMeta m{
      .code = "ZKL418",
      .name = "server-id-range",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A server id is outside 1-255",
      .doc = R"md(
ZooKeeper accepts any number as a server id when it reads the config, but the
administrator's guide requires 1 to 255: the server puts its id into the top byte of the
session ids it hands out (`id << 56`), so only the lowest byte of the id survives there.
Two servers whose ids share that byte (256 and 0, 257 and 1) hand out clashing session
ids, which breaks session handling in ways that are hard to trace: a warning, pointing at
both. An id outside the range that shares its byte with no other member (a lone `server.0`)
works, and gets an info note.

The id **-1** is worse: ZooKeeper uses -1 internally for "no id", so in a quorum the member
whose `myid` says -1 refuses to start (`IllegalArgumentException: myid file is missing`):
an error.

Number the members 1, 2, 3, ... and write the same number into each member's `myid`.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.0=zk1:2888:3888\nserver.1=zk2:2888:3888\nserver.2=zk3:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
  };
  return m;
}

void ServerIdRange::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  for (const support::ZkServer& s : zk.servers) {
    if (!s.id || (*s.id >= 1 && *s.id <= 255)) continue;
    const std::string_view id = s.entry->key.substr(s.entry->key.find('.') + 1);
    const auto begin = static_cast<std::uint32_t>(s.entry->key.size() - id.size());
    if (*s.id == -1 && zk.mode == support::ZkMode::quorum) {
      out.report(s.entry->key_source_range(ctx.source(), begin, static_cast<std::uint32_t>(s.entry->key.size())),
                 "server id -1 is the value ZooKeeper uses for 'no id': the member with myid -1 refuses to start (myid file is missing)")
          .severity(Severity::error)
          .help("number the members from 1 to 255, matching each member's myid file");
      continue;
    }
    // Only the lowest byte of the id reaches the session ids: a clash needs another id with that byte.
    const support::ZkServer* clash = nullptr;
    for (const support::ZkServer& other : zk.servers) {
      if (&other != &s && other.id && *other.id != *s.id && (*other.id & 0xFF) == (*s.id & 0xFF)) clash = &other;
    }
    const Range where = s.entry->key_source_range(ctx.source(), begin, static_cast<std::uint32_t>(s.entry->key.size()));
    const std::string outside = "server id " + std::to_string(*s.id) + " is outside the 1-255 of ZooKeeper's administrator's guide";
    if (clash != nullptr) {
      out.report(where, outside + ": session ids carry only the id's lowest byte, which server id " + std::to_string(*clash->id) +
                            " shares, so the two hand out clashing session ids")
          .related(clash->entry->key_range, "server id " + std::to_string(*clash->id) + " here")
          .help("number the members from 1 to 255, matching each member's myid file");
    } else {
      out.report(where, outside + ": ZooKeeper accepts it, but an id that later shares its lowest byte with another member's makes their session ids clash")
          .severity(Severity::info)
          .help("number the members from 1 to 255, matching each member's myid file");
    }
  }
}

}  // namespace zklint::rules
