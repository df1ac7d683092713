// ZKL210 listener-syntax: a listeners / advertised.listeners entry Kafka cannot read.
#include "support/kafka_model.hpp"
#include "zklint/grammar/listener_messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaListenerSyntax)

namespace zklint::rules {

const RuleMeta& KafkaListenerSyntax::meta() const {
  static const RuleMeta m{
      .code = "ZKL210",
      .name = "listener-syntax",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A listeners or advertised.listeners entry is not NAME://host:port: the broker refuses to start",
      .doc = R"md(
Each comma-separated entry of `listeners` and `advertised.listeners` must be
`NAME://host:port` and nothing else:

- `NAME` is the listener name (upper-cased by Kafka), mapped to a security protocol by
  `listener.security.protocol.map` (`PLAINTEXT`, `SSL`, ... map to themselves);
- the host may be empty (`PLAINTEXT://:9092`: all interfaces), a name or IPv4 address of
  letters, digits and `- % . _ :`, or an IPv6 address, best in brackets (`[::1]`);
- the port is a decimal number; nothing may follow it (no `/path`, no trailing `:`).

Anything else stops the broker when it reads its config: `IllegalArgumentException: Error
creating broker listeners from '...': Unable to parse ... to a broker endpoint` (a blank
name gives a `ConfigException`). Common causes: `localhost:9092` without a name, a space or
`*` in the host, a missing port. A port outside 0-65535 parses, but binding the listener
fails at startup (`port out of range`); in `advertised.listeners` it is a warning, since
clients simply cannot connect.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlisteners=PLAINTEXT://*:9092\n",
               .kafka_version = "3.9"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlisteners=PLAINTEXT://:9092\n"
                       "advertised.listeners=PLAINTEXT://kafka1.example.com\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listeners=PLAINTEXT://0.0.0.0:9092,SSL://[::]:9093\nadvertised.listeners=PLAINTEXT://kafka1.example.com:9092,SSL://kafka1.example.com:9093\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaListenerSyntax::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  for (const support::ListenerList* list : {&model.listeners(), &model.advertised_listeners()}) {
    if (!list->known || list->source != support::ListenerSource::explicit_value) continue;
    const Entry& e = *list->entry;
    const bool advertised = e.key == "advertised.listeners";
    for (const support::Listener& l : list->listeners) {
      const auto& p = l.endpoint;
      const std::string entry_text = quoted(p.entry.of(l.text));
      if (!p.ok()) {
        out.report_value_part(e, p.error_span.begin, p.error_span.end,
                              std::string(e.key) + " entry " + entry_text + ": " + std::string(grammar::listeners::message(p.error)) +
                                  ", so Kafka refuses to start (" + std::string(grammar::listeners::java_exception(p.error)) + ")");
        continue;
      }
      if (p.port && (*p.port < 0 || *p.port > 65535)) {
        auto d = out.report_value_part(e, p.port_text.begin, p.port_text.end,
                                       std::string(e.key) + " entry " + entry_text + ": port " + std::to_string(*p.port) + " is outside 0-65535" +
                                           (advertised ? ", so clients cannot connect to it" : ", so binding the listener fails at startup (port out of range)"));
        if (advertised) d.severity(Severity::warning);
      }
    }
  }
}

}  // namespace zklint::rules
