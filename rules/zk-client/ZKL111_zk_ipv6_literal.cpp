// ZKL111 zk-ipv6-literal: IPv6 addresses in zookeeper.connect need [brackets] (ZooKeeper 3.5+).
#include "support/value_edits.hpp"
#include "support/zookeeper_hosts.hpp"
#include "zklint/grammar/connect_string_messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkIpv6Literal)

namespace zklint::rules {

const RuleMeta& ZkIpv6Literal::meta() const {
  static const RuleMeta m{
      .code = "ZKL111",
      .name = "zk-ipv6-literal",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "An IPv6 address in zookeeper.connect is not written as [address]:port",
      .doc = R"md(
The ZooKeeper client splits a host at its **last** `:`. An IPv6 address without brackets
is therefore cut in the wrong place: `::1` becomes host `:` with port 1, and
`2001:db8::1` becomes host `2001:db8:` with port 1. The parser accepts both; the host
then fails to resolve, and a broker without another usable host gives up after
`zookeeper.connection.timeout.ms` (`ZooKeeperClientTimeoutException`). When the cut
happens to leave a valid address and port (`fe80::1:2181` is host `fe80::1`, port
2181) it works, but only by luck of the reading: that case is a warning.

ZooKeeper 3.5+ (Kafka 2.4 and later) understands `[::1]` and `[::1]:2181`. Malformed
brackets stop the broker at startup with an `IllegalArgumentException`: a `[` without
`]`, empty brackets, anything but `:` after the `]`, or a `:` with no port after it.
ZooKeeper 3.4 (Kafka 2.0-2.3) has no bracket syntax at all: `[::1]` is cut at its last
`:` and the port `1]` is not a number (`NumberFormatException`).

Write IPv6 addresses as `[address]:port`. When the current reading already is
`address` + `port`, the fix adds the brackets, which keeps the meaning.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=::1\n", .kafka_version = "3.9"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,fd00::3:2181/kafka\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,[fd00::3]:2181/kafka\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=[fd00::1]:2181,[fd00::2]:2181,[fd00::3]:2181/kafka\n", .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ZkIpv6Literal::check(const LintContext& ctx, Reporter& out) const {
  namespace cs = grammar::connect_string;
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const std::string_view value = zk.connect_value();
  const auto elements = support::classify_hosts(zk);
  // Asked only when a message names it: the bundled client's patch release differs across releases.
  const auto client = [&] { return "the ZooKeeper " + std::string(zk.client_version()) + " client of Kafka " + zk.kafka_version_text; };
  for (const support::HostElement& h : elements) {
    const cs::HostEntry& e = *h.entry;
    const std::string element(e.element.of(value));
    const auto at = [&](const std::string& message) { return out.report_value_part(*zk.connect, e.element.begin, e.element.end, message); };
    if (h.shape == support::HostShape::ipv6_brackets_zk34) {
      at(quoted(element) + ": " + client() + " has no [IPv6] syntax; it cuts the text at its last ':' and fails on the port " +
         quoted(e.port_text.of(value)) + " (NumberFormatException), so the broker does not start")
          .help("ZooKeeper 3.4 cannot take a port-less [address]; write the port: [address]:2181");
      continue;
    }
    const bool bracket_error = e.error == cs::EntryError::bracket_unclosed || e.error == cs::EntryError::bracket_empty ||
                               e.error == cs::EntryError::bracket_junk || e.error == cs::EntryError::bracket_no_port;
    if (h.shape == support::HostShape::rejected && bracket_error) {
      at("malformed [IPv6] host " + quoted(element) + ": " + std::string(cs::message(e.error)) + "; the ZooKeeper client throws " +
         std::string(cs::java_exception(e.error)) + " and the broker does not start");
      continue;
    }
    if (h.shape != support::HostShape::ipv6_unbracketed) continue;
    const std::string reading = "the client cuts it at its last ':' into host " + quoted(e.host.of(value)) +
                                (e.error == cs::EntryError::none ? " and port " + std::to_string(e.port) : " and port " + quoted(e.port_text.of(value)));
    const bool zk35 = zk.client_line() == cs::ClientLine::zk35;
    if (h.connectable) {
      const std::string bracketed = "[" + std::string(e.host.of(value)) + "]:" + std::to_string(e.port);
      auto report = at("IPv6 address " + quoted(element) + " without brackets: " + reading + ", which works, but " + quoted(element) +
                       " could also be read as one address with the default port");
      report.severity(Severity::warning);
      if (zk35) report.suggest(bracketed).fix("add the brackets", {support::replace_in_value(*zk.connect, e.element.begin, e.element.end, bracketed)});
      continue;
    }
    auto report = at("IPv6 address " + quoted(element) + " without brackets: " + reading +
                     (e.error == cs::EntryError::none ? ", which does not resolve" : ", which is not a number (" + std::string(cs::java_exception(e.error)) + ")"));
    report.severity(e.error == cs::EntryError::none ? support::useless_host_severity(elements) : Severity::error);
    if (zk35 && support::is_ipv6_literal(element)) report.suggest("[" + element + "]:2181");
  }
}

}  // namespace zklint::rules
