// ZKL413 no-voters: observers without a voting quorum, or standaloneEnabled=false without voters.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(NoVoters)

namespace zklint::rules {

const RuleMeta& NoVoters::meta() const {
  static const RuleMeta m{
      .code = "ZKL413",
      .name = "no-voters",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "Observers without voters, observers with a single voter, or standaloneEnabled=false without any voter",
      .doc = R"md(
Observers (`server.N=host:2888:3888:observer`) follow a quorum of voters; they cannot
form one. ZooKeeper refuses to start when the server list does not give them one:

- observers and no voting server: `Observers w/o participants is an invalid configuration`;
- observers and a single voter (with `standaloneEnabled` at its default `true`, where one
  voter means standalone mode): `Observers w/o quorum is an invalid configuration`;
- `standaloneEnabled=false` and no voting server at all: `standaloneEnabled = false then
  number of participants should be >0`.

Add voting servers (three or more), or drop the `:observer` suffix.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888:observer\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\n"
                        "server.3=zk3:2888:3888\nserver.4=zk4:2888:3888:observer\n"}},
  };
  return m;
}

void NoVoters::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (!zk.members_known || !zk.standalone_enabled || !zk.ids_readable()) return;
  const std::size_t voters = zk.voters(), observers = zk.observers();
  if (voters == 0 && !*zk.standalone_enabled) {
    support::report_trimmed_value(out, *ctx.find("standaloneEnabled"),
                                  "standaloneEnabled=false needs at least one voting server.N line, and there is none: ZooKeeper refuses to start "
                                  "(standaloneEnabled = false then number of participants should be >0)");
    return;
  }
  if (observers == 0 || voters > 1 || (voters == 1 && !*zk.standalone_enabled)) return;
  const std::string message = voters == 0 ? "observers without any voting server: ZooKeeper refuses to start (Observers w/o participants is an invalid configuration)"
                                          : "observers with a single voter, which means standalone mode: ZooKeeper refuses to start (Observers w/o quorum is an invalid configuration)";
  for (const support::ZkServer* s : zk.members()) {
    if (!s->observer()) continue;
    const auto& spec = s->spec;
    std::uint32_t begin = 0, end = static_cast<std::uint32_t>(s->entry->value.size());
    for (const auto& a : spec.addresses) {
      if (a.type_span) {
        begin = a.type_span->begin;
        end = a.type_span->end;
        break;
      }
    }
    out.report_value_part(*s->entry, begin, end, message).help("list three or more voting servers, or remove ':observer'");
  }
}

}  // namespace zklint::rules
