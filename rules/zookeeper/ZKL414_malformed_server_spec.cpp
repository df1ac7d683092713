// ZKL414 malformed-server-spec: a server.N value QuorumServer cannot read.
#include <algorithm>

#include "support/value_edits.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zookeeper_releases.hpp"
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

// What String.trim() removes.
bool is_trimmed_by_java(char c) { return static_cast<unsigned char>(c) <= ' '; }

/// A `[...]` part that ZooKeeper 3.5 refuses: its getHostAndPort needs the literal "]:".
bool lacks_bracket_colon(std::string_view value, const qs::Span& part, bool bracketed) {
  return bracketed && part.of(value).find("]:") == std::string_view::npos;
}

bool inside(const qs::Span& inner, const qs::Span& outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

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

ZooKeeper 3.5 reads two things more strictly (zklint judges them per release line):

- An IPv6 address must be followed by `]:` exactly. 3.6 and later skip the character
  after `]` unchecked and read `[2001:db8::1]x2888:3888` as `[2001:db8::1]:2888:3888`;
  3.5 refuses it with `starts with '[' but has no matching ']:'`
  (`ConfigUtils.getHostAndPort`: `indexOf("]:")` @release-3.5.10, `indexOf("]")`
  @release-3.6.0). A `]:` with nothing after it fails on every line, on 3.5 as `does not
  have the form ...` (or `Address unresolved` after the `;`).
- The type is not trimmed: `zk1:2888:3888: observer` or `...:participant` followed by a blank
  fail with `Unrecognised peertype` (`QuorumPeer.QuorumServer.setType` @release-3.5.10
  compares `s.toLowerCase()`; `getType` @release-3.6.0 trims first).

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

namespace {

/// What ZooKeeper 3.5 refuses in a value that later lines read: the parts 3.5 cannot open (a
/// `[` without "]:") and the types with blanks around them. Several addresses are ZKL416's.
struct StricterReading {
  std::vector<qs::Span> unopened;
  std::vector<qs::Span> untrimmed_types;
};

// Asks the release facts only of values they can change, so that most files are judged once.
StricterReading stricter_reading(const LintContext& ctx, std::string_view value, const qs::ServerSpec& spec) {
  StricterReading r;
  if (spec.addresses.size() != 1) return r;
  const qs::Address& a = spec.addresses.front();
  const auto brackets_read_strictly = [&] { return !zookeeper_fact::any_character_after_ipv6_bracket.holds_in(ctx.zookeeper_version()); };
  if (lacks_bracket_colon(value, a.text, a.bracketed) && brackets_read_strictly()) r.unopened.push_back(a.text);
  if (spec.client && lacks_bracket_colon(value, spec.client->text, spec.client->bracketed) && brackets_read_strictly()) {
    r.unopened.push_back(spec.client->text);
  }
  if (a.type && a.type_span) {
    const std::string_view type = a.type_span->of(value);
    if ((is_trimmed_by_java(type.front()) || is_trimmed_by_java(type.back())) && !zookeeper_fact::server_type_trimmed.holds_in(ctx.zookeeper_version())) {
      r.untrimmed_types.push_back(*a.type_span);
    }
  }
  return r;
}

void report_stricter_reading(const LintContext& ctx, const support::ZkServer& s, const StricterReading& r, Reporter& out) {
  const std::string version = "ZooKeeper " + ctx.zookeeper_version_text();
  for (const qs::Span& part : r.unopened) {
    out.report_value_part(*s.entry, part.begin, part.end,
                          std::string(s.entry->key) + ": " + version +
                              " needs ']:' right after an IPv6 address and refuses to start (ConfigException (starts with '[' but has no matching ']:'))")
        .help("write the address as [2001:db8::1]:2888:3888");
  }
  for (const qs::Span& type : r.untrimmed_types) {
    out.report_value_part(*s.entry, type.begin, type.end,
                          std::string(s.entry->key) + ": the server type has blanks around it, which " + version +
                              " does not trim, and refuses to start (ConfigException (Unrecognised peertype))")
        .help("remove the blanks around participant or observer");
  }
}

// The exception, as the line at hand words it: 3.5 finds an empty port after "]:" (ConfigUtils.getHostAndPort
// @release-3.5.10), where later lines throw "doesn't have a port after colon".
std::string java_exception(const LintContext& ctx, const qs::ServerSpec& spec, const qs::Problem& p) {
  if (p.kind != qs::ProblemKind::no_port_after_bracket || zookeeper_fact::any_character_after_ipv6_bracket.holds_in(ctx.zookeeper_version())) {
    return std::string(qs::java_exception(p.kind));
  }
  const bool in_client = spec.client && inside(p.at, spec.client->text);
  return std::string(qs::java_exception(in_client ? qs::ProblemKind::port_not_a_number : qs::ProblemKind::wrong_field_count));
}

}  // namespace

void MalformedServerSpec::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  for (const support::ZkServer& s : zk.servers) {
    if (s.templated || s.inline_comment) continue;
    const std::string_view value = s.entry->value;
    const StricterReading stricter = stricter_reading(ctx, value, s.spec);
    report_stricter_reading(ctx, s, stricter, out);
    for (const qs::Problem& p : s.spec.problems) {
      if (owned_elsewhere(p.kind)) continue;
      // A part 3.5 cannot open has no fields to find fault with.
      if (std::any_of(stricter.unopened.begin(), stricter.unopened.end(), [&](const qs::Span& u) { return inside(p.at, u); })) continue;
      std::string message = std::string(s.entry->key) + ": " + std::string(qs::message(p.kind));
      if (p.kind == qs::ProblemKind::wrong_field_count && std::count(value.begin(), value.end(), ':') > 4 && value.find('[') == std::string_view::npos) {
        message += " (an IPv6 address must be written in brackets: [2001:db8::1]:2888:3888)";
      }
      message += ": ZooKeeper refuses to start (" + java_exception(ctx, s.spec, p) + ")";
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
