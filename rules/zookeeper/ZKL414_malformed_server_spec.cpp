// ZKL414 malformed-server-spec: a server.N value QuorumServer cannot read.
#include <algorithm>

#include "support/value_edits.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/grammar/quorum_server_messages.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(MalformedServerSpec)

namespace zklint::rules {
namespace {

namespace qs = grammar::quorum_server;

// Problems with a rule of their own.
bool owned_elsewhere(qs::ProblemKind k) {
  return k == qs::ProblemKind::same_ports || k == qs::ProblemKind::multiple_addresses || k == qs::ProblemKind::port_out_of_range;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

}  // namespace

const RuleMeta& MalformedServerSpec::meta() const {
  static const RuleMeta m{
      .code = "ZKL414",
      .name = "malformed-server-spec",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A server.N value is not host:quorumPort:electionPort[:participant|observer][;[host:]clientPort]",
      .doc = R"md(
ZooKeeper reads `server.N` values itself, field by field, and refuses to start on the
first one it cannot read:

    server.<id>=<host>:<quorumPort>:<electionPort>[:participant|observer][;[<clientHost>:]<clientPort>]

- The value is split on `;` (at most one client part) and on `:`. Empty parts at the end
  are dropped, so `zk1:2888:3888:` and `zk1:2888:3888;` are fine, but `zk1:2888` or
  `zk1:2888:3888:observer:x` are not: `ConfigException: ... does not have the form
  server_config or server_config;client_config ...`.
- IPv6 addresses need brackets: `[2001:db8::1]:2888:3888`. Without them the address has
  too many `:` fields. A `[` without `]` fails with `starts with '[' but has no matching ']:'`.
- Ports are read with `Integer.parseInt` **without trimming**: `zk1: 2888:3888` or a
  letter in a port fails with `ConfigException: Address unresolved: zk1: 2888`.
- The fourth field is `participant` or `observer` (any case, blanks allowed):
  anything else fails with `Unrecognised peertype`.

Blanks at the very end of the value are reported by `trailing-whitespace`, a `#` comment
after it by `inline-comment`, port ranges by `port-out-of-range`. The fix removes blanks
inside a port.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2: 2888:3888\nserver.3=zk3:2888:3888\n",
               .fixed = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=2001:db8::1:2888:3888\nserver.2=2001:db8::2:2888:3888\n"
                       "server.3=2001:db8::3:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=[2001:db8::1]:2888:3888;2181\n"
                        "server.2=[2001:db8::2]:2888:3888:participant;2181\nserver.3=[2001:db8::3]:2888:3888;2181\nserver.4=[2001:db8::4]:2888:3888:observer;2181\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void MalformedServerSpec::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  for (const support::ZkServer& s : zk.servers) {
    if (s.templated || s.inline_comment) continue;
    const std::string_view value = s.entry->value;
    for (const qs::Problem& p : s.spec.problems) {
      if (owned_elsewhere(p.kind)) continue;
      std::string message = std::string(s.entry->key) + ": " + std::string(qs::message(p.kind));
      if (p.kind == qs::ProblemKind::wrong_field_count && std::count(value.begin(), value.end(), ':') > 4 && value.find('[') == std::string_view::npos) {
        message += " (an IPv6 address must be written in brackets: [2001:db8::1]:2888:3888)";
      }
      message += ": ZooKeeper refuses to start (" + std::string(qs::java_exception(p.kind)) + ")";
      auto d = out.report_value_part(*s.entry, p.at.begin, p.at.end, message);
      // A port with blanks inside: removing them is what was meant.
      const std::string_view text = p.at.of(value);
      if (p.kind == qs::ProblemKind::port_not_a_number && std::any_of(text.begin(), text.end(), is_blank)) {
        std::string digits;
        for (const char c : text) {
          if (!is_blank(c)) digits += c;
        }
        if (support::java_int(digits)) d.fix("remove the blanks from the port", {support::replace_in_value(*s.entry, p.at.begin, p.at.end, digits)});
      }
    }
  }
}

}  // namespace zklint::rules
