// ZKL108 zk-port-invalid: a port the ZooKeeper client cannot read, or port 0.
#include <algorithm>

#include "support/value_edits.hpp"
#include "support/zookeeper_hosts.hpp"
#include "zklint/grammar/connect_string_messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkPortInvalid)

namespace zklint::rules {

const RuleMeta& ZkPortInvalid::meta() const {
  static const RuleMeta m{
      .code = "ZKL108",
      .name = "zk-port-invalid",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper port is not a number, has blanks in it, or is outside 1-65535",
      .doc = R"md(
The ZooKeeper client reads the text after the last `:` of each host with
`Integer.parseInt`. A port with letters, units or blanks in it (`zk1:2181x`,
`zk1: 2181`, `zk1:21 81`) or too large for an int makes it throw a
`NumberFormatException`; a number outside 0-65535 makes it throw an
`IllegalArgumentException` (port out of range). Either way the broker stops during
startup, when it creates its ZooKeeper client.

Port 0 is accepted by the parser but nothing can be reached on it: the broker logs
connection failures for that host and, if it has no other usable host, gives up after
`zookeeper.connection.timeout.ms` with a `ZooKeeperClientTimeoutException` (a warning
when other hosts of the list are usable).

When the only problem is blanks around the digits, the fix removes them.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2: 2181,zk3:2181/kafka\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:21810,zk2:218100,zk3:21810/kafka\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2182,zk3:2183/kafka\n", .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ZkPortInvalid::check(const LintContext& ctx, Reporter& out) const {
  namespace cs = grammar::connect_string;
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const std::string_view value = zk.connect_value();
  const auto elements = support::classify_hosts(zk);
  for (const support::HostElement& h : elements) {
    const cs::HostEntry& e = *h.entry;
    if (h.shape != support::HostShape::rejected && h.shape != support::HostShape::ok && h.shape != support::HostShape::empty_host) continue;
    const bool port_error = e.error == cs::EntryError::port_not_a_number || e.error == cs::EntryError::port_out_of_range;
    const bool port_zero = e.error == cs::EntryError::none && e.port_form == cs::PortForm::given && e.port == 0;
    if (!port_error && !port_zero) continue;
    const std::string_view port = e.port_text.of(value);
    if (port_zero) {
      out.report_value_part(*zk.connect, e.port_text.begin, e.port_text.end,
                            "ZooKeeper port 0 of " + quoted(e.element.of(value)) + " cannot be connected to: the client accepts it, then every attempt on that host fails")
          .severity(support::useless_host_severity(elements));
      continue;
    }
    auto report = out.report_value_part(*zk.connect, e.port_text.begin, e.port_text.end,
                                        "invalid ZooKeeper port " + quoted(port) + " in " + quoted(e.element.of(value)) + ": " +
                                            std::string(cs::message(e.error)) + "; the ZooKeeper client throws " + std::string(cs::java_exception(e.error)) +
                                            " and the broker does not start");
    // Blanks inside the port are the one mistake with an obvious repair.
    std::string digits(port);
    digits.erase(std::remove_if(digits.begin(), digits.end(), [](char c) { return c == ' ' || c == '\t'; }), digits.end());
    const auto number = cs::java_parse_int(digits);
    if (digits != port && number && *number >= 1 && *number <= 65535) {
      report.suggest(std::string(e.host.of(value)) + ":" + digits).fix("remove the blanks from the port", {support::replace_in_value(*zk.connect, e.port_text.begin, e.port_text.end, digits)});
    }
  }
}

}  // namespace zklint::rules
