// ZKL241 protocol-map-duplicate-listener: listener.security.protocol.map names one listener twice
// in different letter cases (CONTROLLER:SSL,controller:PLAINTEXT).
#include <map>

#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "zklint/grammar/listeners.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaProtocolMapDuplicateListener)

namespace zklint::rules {

namespace {


}  // namespace

const RuleMeta& KafkaProtocolMapDuplicateListener::meta() const {
  static const RuleMeta m{
      .code = "ZKL241",
      .name = "protocol-map-duplicate-listener",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "listener.security.protocol.map names one listener in two letter cases: Kafka 4.1+ refuses to start, older releases keep one at random",
      .doc = R"md(
Kafka upper-cases listener names, so `CONTROLLER:SSL` and `controller:PLAINTEXT` in
`listener.security.protocol.map` are two protocols for one listener. `Csv.parseCsvMap` keeps
both (their keys differ), and then:

- from Kafka 4.1, `AbstractKafkaConfig.effectiveListenerSecurityProtocolMap` collects them
  under the upper-cased name with `Collectors.toMap`, and the broker refuses to start:
  `IllegalStateException: Duplicate key CONTROLLER` (`AbstractKafkaConfig.java` @4.1 to @4.3);
- before, `KafkaConfig.scala` (@3.9.0, @4.0) put both into a Scala map and silently kept one,
  in hash order: a warning, since which protocol the listener gets is left to chance.

A name written twice in the same case is no conflict: the later entry wins before names
are compared. Keep one entry per listener.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,controller:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n",
               .kafka_version = "4.1"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n",
                .kafka_version = "4.1"}},
  };
  return m;
}

void KafkaProtocolMapDuplicateListener::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* e = model.protocol_map().entry;
  if (e == nullptr || ctx.value_templated(*e)) return;
  // Csv.parseCsvMap: a name written twice in the same case keeps its last entry.
  std::map<std::string, const grammar::listeners::Mapping*> last_by_name;
  for (const auto& m : model.protocol_map().mappings) {
    if (m.ok()) last_by_name[std::string(m.name.of(e->value))] = &m;
  }
  std::map<std::string, const grammar::listeners::Mapping*> first_by_upper;
  for (const auto& [name, m] : last_by_name) {
    const std::string upper = grammar::listeners::normalised(name);
    const auto [it, inserted] = first_by_upper.emplace(upper, m);
    if (inserted) continue;
    const grammar::listeners::Mapping* other = it->second;
    const auto& later = other->entry.begin < m->entry.begin ? *m : *other;
    const auto& earlier = other->entry.begin < m->entry.begin ? *other : *m;
    const bool fatal = kafka_fact::protocol_map_case_twins_fatal.holds_in(model.version());
    auto d = out.report_value_part(*e, later.name.begin, later.name.end,
                                   "listener.security.protocol.map names listener " + upper + " twice, as " + quoted(earlier.name.of(e->value)) + " and " +
                                       quoted(later.name.of(e->value)) +
                                       (fatal ? ": Kafka " + model.version_text() + " refuses to start (IllegalStateException: Duplicate key " + upper + ")"
                                              : ": Kafka " + model.version_text() + " silently keeps one of the two protocols, in hash order"));
    d.help("keep one entry for " + upper);
    if (!fatal) d.severity(Severity::warning);
  }
}

}  // namespace zklint::rules
