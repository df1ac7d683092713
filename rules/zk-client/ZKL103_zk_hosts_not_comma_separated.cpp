// ZKL103 zk-hosts-not-comma-separated: hosts joined by blanks or ';' are one bogus host to ZooKeeper.
#include <algorithm>

#include "support/value_edits.hpp"
#include "support/zookeeper_hosts.hpp"
#include "zklint/grammar/template.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkHostsNotCommaSeparated)

namespace zklint::rules {
namespace {

bool separator(char c) { return c == ' ' || c == '\t' || c == '\f' || c == ';'; }

// A templated value (`${ZK1}:2181 ${ZK2}:2181`): a blank or ';' between two pieces of text outside
// the placeholders separates hosts whatever they render to. Error when every element is glued.
void check_templated(const Entry& e, Reporter& out) {
  const std::string masked = grammar::mask_templates(e.value);
  const std::string_view hosts = std::string_view(masked).substr(0, std::min(masked.find('/'), masked.size()));  // the chroot follows the first '/'
  struct Glued {
    std::uint32_t begin, end;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> gaps;  // separator runs
  };
  std::vector<Glued> glued;
  std::size_t elements = 0;
  std::size_t start = 0;
  while (start <= hosts.size()) {
    const std::size_t comma = std::min(hosts.find(',', start), hosts.size());
    std::size_t b = start, en = comma;
    while (b < en && separator(hosts[b])) ++b;
    while (en > b && separator(hosts[en - 1])) --en;
    if (b < en) {
      ++elements;
      Glued g{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(en), {}};
      for (std::size_t i = b; i < en;) {
        if (!separator(hosts[i])) {
          ++i;
          continue;
        }
        const std::size_t run = i;
        while (i < en && separator(hosts[i])) ++i;
        g.gaps.emplace_back(static_cast<std::uint32_t>(run), static_cast<std::uint32_t>(i));
      }
      if (!g.gaps.empty()) glued.push_back(std::move(g));
    }
    start = comma + 1;
  }
  for (const Glued& g : glued) {
    std::vector<TextEdit> edits;
    for (const auto& [b, en] : g.gaps) edits.push_back(support::replace_in_value(e, b, en, ","));
    out.report_value_part(e, g.begin, g.end,
                          "ZooKeeper hosts separated by blanks or ';' instead of commas, whatever the placeholders render to: the ZooKeeper "
                          "client splits on ',' only, so it sees one host that does not resolve")
        .severity(glued.size() == elements ? Severity::error : Severity::warning)
        .fix("separate the hosts with commas", std::move(edits));
  }
}

}  // namespace

const RuleMeta& ZkHostsNotCommaSeparated::meta() const {
  static const RuleMeta m{
      .code = "ZKL103",
      .name = "zk-hosts-not-comma-separated",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "ZooKeeper hosts are separated by blanks or ';' instead of commas",
      .doc = R"md(
The ZooKeeper client splits `zookeeper.connect` on commas only. In
`zookeeper.connect=zk1:2181 zk2:2181` it sees one host: everything up to the last `:`,
`zk1:2181 zk2`, with port 2181. The parser accepts that; the name then fails to resolve
when the client connects. The broker logs `UnknownHostException` warnings for the
bogus name over and over, gives up after `zookeeper.connection.timeout.ms`
(`ZooKeeperClientTimeoutException`: timed out waiting for connection while in state
CONNECTING) and shuts down. With `;` or a blank before a port-less host
(`zk1:2181;zk2`) the "port" is not a number and startup fails at once with
`NumberFormatException`.

The finding is an error when no other host of the list is usable, and a warning when the
broker can still reach ZooKeeper through the other hosts (it just has fewer servers to
fail over to than you think).

The fix replaces each blank or `;` run between hosts with a comma. Placeholders do not hide
it: in `zookeeper.connect=${ZK1}:2181 ${ZK2}:2181` the blank is there whatever `${ZK1}` and
`${ZK2}` become.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181 zk2:2181 zk3:2181/kafka\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181, zk2:2181, zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ZkHostsNotCommaSeparated::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (zk.uses_zookeeper && zk.connect_templated && !ctx.template_control_line(*zk.connect)) check_templated(*zk.connect, out);
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const auto elements = support::classify_hosts(zk);
  const std::string_view value = zk.connect_value();
  for (const support::HostElement& h : elements) {
    if (h.shape != support::HostShape::glued) continue;
    const auto& hosts = h.glued_hosts;
    std::vector<TextEdit> edits;
    std::string fixed;
    for (std::size_t i = 0; i < hosts.size(); ++i) {
      fixed += (i ? "," : "") + std::string(hosts[i].of(value));
      if (i + 1 < hosts.size()) edits.push_back(support::replace_in_value(*zk.connect, hosts[i].end, hosts[i + 1].begin, ","));
    }
    const std::string_view element = h.entry->element.of(value);
    const bool semicolon = element.find(';') != std::string_view::npos;
    const bool blank = std::any_of(element.begin(), element.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; });
    const std::string separators = semicolon && blank ? "blanks and ';'" : semicolon ? "';'" : "blanks";
    const std::string consequence = h.entry->error == grammar::connect_string::EntryError::none
                                        ? "it connects to a single host named " + quoted(h.entry->host.of(value)) + ", which fails to resolve (UnknownHostException)"
                                        : "its port " + quoted(h.entry->port_text.of(value)) + " is not a number (NumberFormatException at startup)";
    out.report_value_part(*zk.connect, h.entry->element.begin, h.entry->element.end,
                          "ZooKeeper hosts separated by " + separators + " instead of commas: the ZooKeeper client splits on ',' only, so " + consequence)
        .severity(h.entry->error != grammar::connect_string::EntryError::none ? Severity::error : support::useless_host_severity(elements))
        .suggest(fixed)
        .fix("separate the hosts with commas", std::move(edits));
  }
}

}  // namespace zklint::rules
