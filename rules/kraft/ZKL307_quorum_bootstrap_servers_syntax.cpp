// ZKL307 quorum-bootstrap-servers-syntax: a controller.quorum.bootstrap.servers entry is not host:port.
#include "support/kraft_node.hpp"
#include "zklint/grammar/quorum_voters_messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftQuorumBootstrapServersSyntax)

namespace zklint::rules {

const RuleMeta& KraftQuorumBootstrapServersSyntax::meta() const {
  static const RuleMeta m{
      .code = "ZKL307",
      .name = "quorum-bootstrap-servers-syntax",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller.quorum.bootstrap.servers entry is not host:port",
      .doc = R"md(
`controller.quorum.bootstrap.servers` (Kafka 3.9+, KIP-853) tells a KRaft node where to find
the controllers when the quorum is dynamic: comma-separated `host:port` entries such as
`kafka1:9093,kafka2:9093,kafka3:9093`, without voter ids. Kafka checks every entry while it
reads the configuration and stops with a `ConfigException` (failed to parse host name ...;
each entry should be in the form `{host}:{port}`) when one is not:

- a host of letters, digits and `- % . _ :`, or `[ipv6]`, then `:` and a port;
- no voter id: `1@kafka1:9093` belongs in `controller.quorum.voters`;
- no empty entries (a trailing comma leaves one);
- a port of digits only, at most 65535 (`IllegalArgumentException`: port out of range).
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.bootstrap.servers=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.bootstrap.servers=kafka1:9093,kafka2:9093,kafka3:9093\n"
                        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftQuorumBootstrapServersSyntax::check(const LintContext& ctx, Reporter& out) const {
  namespace quorum = grammar::quorum;
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = node.bootstrap_entry();
  if (e == nullptr || !node.bootstrap_servers()) return;
  const std::string_view value = e->value;
  for (const quorum::BootstrapServer& s : *node.bootstrap_servers()) {
    if (s.ok()) continue;
    const bool empty = s.entry.empty();
    const quorum::Span at = empty ? support::empty_item_span(value, s.entry.begin) : s.address.error_span;
    const std::string_view text = s.entry.of(value);
    const bool voter_entry = text.find('@') != std::string_view::npos;
    const std::string clause = empty         ? "the entry is empty (two commas in a row, or a comma at the end)"
                               : voter_entry ? "it looks like a voter (id@host:port); bootstrap servers are host:port only"
                                             : std::string(quorum::message(s.address.error));
    out.report_value_part(*e, at.begin, at.end,
                          "controller.quorum.bootstrap.servers has " + (empty ? std::string("an empty entry") : "the entry " + quoted(text)) + ": " +
                              clause + "; the node refuses to start (" + std::string(quorum::bootstrap_exception(s.address.error)) + ")")
        .help(voter_entry ? "drop the 'id@' part, or move the list to controller.quorum.voters"
                          : "write each controller as host:port, for example kafka1:9093, separated by commas");
  }
}

}  // namespace zklint::rules
