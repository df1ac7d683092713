// ZKL227 connection-overrides-syntax: a max.connections.per.ip.overrides entry Kafka cannot read.
#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "support/kafka_values.hpp"
#include "zklint/grammar/listeners.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaConnectionOverridesSyntax)

namespace zklint::rules {
namespace {

// Utils.validHostPattern: [0-9a-zA-Z\-%._:]* (checked from Kafka 2.1).
std::size_t first_invalid_host_char(std::string_view host) {
  for (std::size_t i = 0; i < host.size(); ++i) {
    const char c = host[i];
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '%' || c == '.' ||
                    c == '_' || c == ':';
    if (!ok) return i;
  }
  return std::string_view::npos;
}

}  // namespace

const RuleMeta& KafkaConnectionOverridesSyntax::meta() const {
  static const RuleMeta m{
      .code = "ZKL227",
      .name = "connection-overrides-syntax",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A max.connections.per.ip.overrides entry is not host:count: the broker refuses to start",
      .doc = R"md(
`max.connections.per.ip.overrides` is a comma-separated list of `host:count` pairs, split at
the last `:` (so `::1:50` is host `::1`, count 50). The broker reads it when it starts and
stops on:

- an entry without `:` (an empty entry between commas too): `IllegalArgumentException:
  Error parsing configuration property 'max.connections.per.ip.overrides'`;
- a count that is not an int (`10.0.0.5:many`, `10.0.0.5:`): `NumberFormatException`;
- a host with characters other than letters, digits and `- % . _ :` (a CIDR range such as
  `10.0.0.0/8`, a `*`): `IllegalArgumentException: max.connections.per.ip.overrides contains
  invalid addresses` (Kafka 2.1 and later).

Overrides name single hosts or addresses; there are no ranges or wildcards.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "max.connections.per.ip.overrides=10.0.0.0/8:100\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "max.connections.per.ip.overrides=10.0.0.5:100, monitoring.example.com:10, ::1:50\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaConnectionOverridesSyntax::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* e = model.entry("max.connections.per.ip.overrides");
  if (e == nullptr || ctx.value_templated(*e) || model.spec("max.connections.per.ip.overrides") == nullptr) return;
  const std::string consequence = ", so Kafka refuses to start";
  for (const auto& m : grammar::listeners::parse_csv_map(e->value)) {
    const std::string entry = m.entry.empty() ? "an empty entry" : "entry " + quoted(m.entry.of(e->value));
    if (!m.ok()) {
      const auto at = m.entry.empty() && m.entry.end < e->value.size() ? grammar::listeners::Span{m.entry.begin, m.entry.end + 1} : m.entry;
      out.report_value_part(*e, at.begin, at.end,
                            "max.connections.per.ip.overrides has " + entry + " without ':' (the form is host:count)" + consequence +
                                " (IllegalArgumentException: error parsing configuration property)");
      continue;
    }
    const std::string_view host = m.name.of(e->value);
    if (const std::size_t bad = first_invalid_host_char(host); bad != std::string_view::npos && kafka_fact::connection_override_hosts_checked.holds_in(model.version())) {
      out.report_value_part(*e, m.name.begin, m.name.end,
                            "max.connections.per.ip.overrides has host " + quoted(host) + ", which is not a single host or address (" +
                                quoted(host.substr(bad, 1)) + " is not allowed)" + consequence + " (IllegalArgumentException: contains invalid addresses)");
      continue;
    }
    const std::string_view count = m.protocol.of(e->value);
    if (!support::kafka::parse_integer(count, kafka_catalog::Type::int_)) {
      const auto at = m.protocol.empty() ? m.entry : m.protocol;
      out.report_value_part(*e, at.begin, at.end,
                            "max.connections.per.ip.overrides has " + entry + " whose count " + quoted(count) + " is not an int" + consequence +
                                " (NumberFormatException)");
    }
  }
}

}  // namespace zklint::rules
