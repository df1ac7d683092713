// ZKL304 quorum-voters-syntax: a controller.quorum.voters entry Kafka cannot read as id@host:port.
#include "support/kraft_node.hpp"
#include "zklint/grammar/quorum_voters_messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftQuorumVotersSyntax)

namespace zklint::rules {

const RuleMeta& KraftQuorumVotersSyntax::meta() const {
  static const RuleMeta m{
      .code = "ZKL304",
      .name = "quorum-voters-syntax",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller.quorum.voters entry is not id@host:port",
      .doc = R"md(
`controller.quorum.voters` lists the controllers of a KRaft cluster (the static quorum) as
comma-separated `id@host:port` entries: `1@kafka1:9093,2@kafka2:9093,3@kafka3:9093`.
Kafka checks every entry while it reads the configuration, so one bad entry stops every node
that has the file, broker or controller, with a `ConfigException` (each entry should be in
the form `{id}@{host}:{port}`):

- exactly one `@` (`1@@kafka1:9093` and `kafka1:9093` fail), and no empty entries: a comma at
  the end leaves an empty entry, which fails too;
- the id is an integer as Java's `Integer.parseInt` reads it (no blanks: `1 @kafka1:9093` fails);
- the address is `host:port` or `[ipv6]:port`. From Kafka 3.8 the host may only contain
  letters, digits and `- % . _ :` (an optional `scheme://` in front is tolerated); earlier
  releases read whatever comes before the last run of such characters, so only a missing or
  non-numeric port fails there;
- the port is digits only, at most 65535 (`IllegalArgumentException`: port out of range).

Fix the entry; the message says which characters Kafka cannot read.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093,2@[fd00::2]:9093,3@kafka3:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftQuorumVotersSyntax::check(const LintContext& ctx, Reporter& out) const {
  namespace quorum = grammar::quorum;
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = node.voters_entry();
  if (e == nullptr || !node.voters() || node.kafka().spec("controller.quorum.voters") == nullptr) return;
  const std::string_view value = e->value;
  for (const quorum::Voter& v : *node.voters()) {
    if (v.ok()) continue;
    const quorum::Span at = v.error == quorum::VoterError::empty_entry ? support::empty_item_span(value, v.entry.begin) : v.error_span;
    const std::string clause(v.error == quorum::VoterError::bad_address ? quorum::message(v.address.error) : quorum::message(v.error));
    const std::string entry = v.entry.empty() ? std::string("an empty entry") : "the entry " + quoted(v.entry.of(value));
    out.report_value_part(*e, at.begin, at.end,
                          "controller.quorum.voters has " + entry + ": " + clause + "; the node refuses to start (" +
                              std::string(quorum::java_exception(v.error, v.address.error)) + ")")
        .help("write each voter as id@host:port, for example 1@kafka1:9093, separated by commas");
  }
}

}  // namespace zklint::rules
