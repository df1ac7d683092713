// ZKL217 protocol-map-syntax: a listener.security.protocol.map entry Kafka cannot read.
#include <array>

#include "support/kafka_model.hpp"
#include "zklint/grammar/listener_messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaProtocolMapSyntax)

namespace zklint::rules {

const RuleMeta& KafkaProtocolMapSyntax::meta() const {
  static const RuleMeta m{
      .code = "ZKL217",
      .name = "protocol-map-syntax",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A listener.security.protocol.map entry is not NAME:PROTOCOL with a known protocol: the broker refuses to start",
      .doc = R"md(
`listener.security.protocol.map` is a comma-separated list of `NAME:PROTOCOL` pairs, split
at the last `:` of each entry. The protocol must be `PLAINTEXT`, `SSL`, `SASL_PLAINTEXT`
or `SASL_SSL` (in any case). The broker stops on:

- an entry without `:` (an empty entry between commas too): `IllegalArgumentException:
  Error parsing configuration property 'listener.security.protocol.map'`;
- an empty name: `ConfigException: The provided listener name is null or empty string`;
- another protocol (`TLS`, `SASL`, `SCRAM`): `ConfigException: Invalid security protocol`.
  The mechanism (SCRAM, PLAIN, GSSAPI) belongs in `sasl.enabled.mechanisms`, not here.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "listeners=INTERNAL://:9092\ninter.broker.listener.name=INTERNAL\nlistener.security.protocol.map=INTERNAL:TLS\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listeners=INTERNAL://:9092\ninter.broker.listener.name=INTERNAL\nlistener.security.protocol.map=INTERNAL:ssl\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaProtocolMapSyntax::check(const LintContext& ctx, Reporter& out) const {
  const auto& map = ctx.model<support::KafkaModel>().protocol_map();
  if (map.entry == nullptr || ctx.value_templated(*map.entry)) return;
  const Entry& e = *map.entry;
  static constexpr std::array<std::string_view, 4> protocols = {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"};
  for (const auto& m : map.mappings) {
    if (m.ok()) continue;
    using grammar::listeners::MappingError;
    grammar::listeners::Span at = m.error == MappingError::unknown_protocol ? m.protocol : m.entry;
    // An empty entry has no characters: point at the comma after it (or before it, at the end).
    if (at.empty()) at = at.end < e.value.size() ? grammar::listeners::Span{at.begin, at.end + 1} : grammar::listeners::Span{at.begin - 1, at.end};
    const std::string text = m.entry.empty() ? "an empty entry" : "entry " + quoted(m.entry.of(e.value));
    auto d = out.report_value_part(e, at.begin, at.end,
                                   "listener.security.protocol.map has " + text + ": " + std::string(grammar::listeners::message(m.error)) +
                                       ", so Kafka refuses to start (" + std::string(grammar::listeners::java_exception(m.error)) + ")");
    if (m.error == MappingError::unknown_protocol) {
      const std::string upper = grammar::listeners::normalised(m.protocol.of(e.value));
      if (const auto close = closest_match(upper, std::vector<std::string_view>(protocols.begin(), protocols.end()))) d.suggest(std::string(*close));
    }
  }
}

}  // namespace zklint::rules
