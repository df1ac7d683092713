// ZKL211 duplicate-listener: two listeners with one name, or two listeners on one port.
#include <map>

#include "kafka_releases.hpp"
#include "support/ip_literals.hpp"
#include "support/kafka_model.hpp"
#include "support/zookeeper_hosts.hpp"
#include "zklint/grammar/template.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaDuplicateListener)

namespace zklint::rules {
namespace {

// Kafka allows one port twice only for exactly one IPv4 and one IPv6 literal (CoreUtils @3.9 ~L160-200).
bool ipv4_and_ipv6(const support::Listener& a, const support::Listener& b) {
  const auto v4 = [](const support::Listener& l) { return support::is_ipv4_literal(l.host()); };
  const auto v6 = [](const support::Listener& l) { return support::is_ipv6_literal(l.host()); };
  return (v4(a) && v6(b)) || (v6(a) && v4(b));
}

// A templated value (`PLAINTEXT://${HOST1}:9092,PLAINTEXT://${HOST2}:9093`): two entries whose
// names are written out clash whatever the placeholders render to.
void report_templated_names(const LintContext& ctx, const Entry& e, bool list_validated, Reporter& out) {
  const std::string masked = grammar::mask_templates(e.value);
  const auto spans = grammar::template_spans(e.value);
  const auto endpoints = grammar::listeners::parse_listeners(masked);
  const auto name_of = [&](const grammar::listeners::Endpoint& p) { return grammar::listeners::normalised(p.name.of(e.value)); };
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    const auto& later = endpoints[i];
    if (later.name.empty() || grammar::overlaps_template(spans, later.name.begin, later.name.end)) continue;
    for (std::size_t j = 0; j < i; ++j) {
      const auto& first = endpoints[j];
      if (first.name.empty() || grammar::overlaps_template(spans, first.name.begin, first.name.end) || name_of(first) != name_of(later)) continue;
      if (list_validated && first.entry.of(e.value) == later.entry.of(e.value)) break;  // the same text: 4.2 drops the repeat
      out.report_value_part(e, later.name.begin, later.name.end,
                            "listener name " + name_of(later) + " appears twice in " + std::string(e.key) +
                                ", whatever the placeholders render to, so Kafka refuses to start (requirement failed: each listener must have a different name)")
          .related(e.value_source_range(ctx.source(), first.name.begin, first.name.end), "first listener named " + name_of(first));
      break;
    }
  }
}

}  // namespace

const RuleMeta& KafkaDuplicateListener::meta() const {
  static const RuleMeta m{
      .code = "ZKL211",
      .name = "duplicate-listener",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Two listeners share a name, or two entries of listeners share a port: the broker refuses to start",
      .doc = R"md(
Listener names must be unique within `listeners` and within `advertised.listeners` (names
are compared upper-cased, so `internal` and `INTERNAL` clash), and every entry of
`listeners` needs its own port. Otherwise the broker stops when it reads its config:
`IllegalArgumentException: requirement failed: Each listener must have a different name`
(or `... a different port`).

One exception: two listeners may share a port when one binds an IPv4 address and the other
an IPv6 address (`PLAINTEXT://0.0.0.0:9092,PLAINTEXT6://[::]:9092`); a third listener on that
port, or two of one family, still fails. Port 0 (a random port) is never a duplicate.
`advertised.listeners` may repeat ports, since several listeners can sit behind one address.

In a template, two entries whose names are written out clash whatever their placeholders
render to (`PLAINTEXT://${HOST1}:9092,PLAINTEXT://${HOST2}:9093`), and are reported too.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "listeners=PLAINTEXT://:9092,SSL://:9092\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listeners=PLAINTEXT://0.0.0.0:9092,EXTERNAL://[::]:9092\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,EXTERNAL:PLAINTEXT\n"
                        "advertised.listeners=PLAINTEXT://kafka1:9092,EXTERNAL://kafka1.example.com:9092\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaDuplicateListener::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const bool list_validated = kafka_fact::list_values_validated.holds_in(model.version());
  for (const std::string_view key : {"listeners", "advertised.listeners"}) {
    const Entry* e = ctx.find(key);
    if (e != nullptr && ctx.value_templated(*e) && !ctx.template_control_line(*e)) report_templated_names(ctx, *e, list_validated, out);
  }
  for (const support::ListenerList* list : {&model.listeners(), &model.advertised_listeners()}) {
    if (!list->known || list->source != support::ListenerSource::explicit_value) continue;
    const Entry& e = *list->entry;
    const auto& ls = list->listeners;
    std::map<std::int64_t, std::vector<const support::Listener*>> by_port;
    for (std::size_t i = 0; i < ls.size(); ++i) {
      if (!ls[i].endpoint.ok()) continue;
      for (std::size_t j = 0; j < i; ++j) {
        if (!ls[j].endpoint.ok() || ls[j].name != ls[i].name) continue;
        if (list_validated && ls[j].endpoint.entry.of(ls[j].text) == ls[i].endpoint.entry.of(ls[i].text)) break;
        out.report_value_part(e, ls[i].endpoint.name.begin, ls[i].endpoint.name.end,
                              "listener name " + ls[i].name + " appears twice in " + std::string(e.key) +
                                  ", so Kafka refuses to start (requirement failed: each listener must have a different name)")
            .related(e.value_source_range(ctx.source(), ls[j].endpoint.name.begin, ls[j].endpoint.name.end), "first listener named " + ls[j].name);
        break;
      }
      if (e.key == "listeners" && ls[i].endpoint.port && *ls[i].endpoint.port != 0) by_port[*ls[i].endpoint.port].push_back(&ls[i]);
    }
    for (const auto& [port, group] : by_port) {
      if (group.size() < 2 || (group.size() == 2 && ipv4_and_ipv6(*group[0], *group[1]))) continue;
      if (list_validated && group.size() == 2 && group[0]->endpoint.entry.of(group[0]->text) == group[1]->endpoint.entry.of(group[1]->text)) continue;
      // The first listener keeps the port, with its IPv4/IPv6 partner if it has one; the others clash.
      const support::Listener* partner = nullptr;
      for (std::size_t k = 1; k < group.size() && partner == nullptr; ++k) {
        if (ipv4_and_ipv6(*group[0], *group[k])) partner = group[k];
      }
      for (std::size_t k = 1; k < group.size(); ++k) {
        if (group[k] == partner) continue;
        const auto& p = group[k]->endpoint;
        out.report_value_part(e, p.port_text.begin, p.port_text.end,
                              "listeners " + group[0]->name + " and " + group[k]->name + " both use port " + std::to_string(port) +
                                  ", so Kafka refuses to start (requirement failed: each listener must have a different port, unless one is "
                                  "an IPv4 and the other an IPv6 address)")
            .related(e.value_source_range(ctx.source(), group[0]->endpoint.port_text.begin, group[0]->endpoint.port_text.end),
                     "port " + std::to_string(port) + " of listener " + group[0]->name);
      }
    }
  }
}

}  // namespace zklint::rules
