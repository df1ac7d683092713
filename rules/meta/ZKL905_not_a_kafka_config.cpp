// ZKL905 not-a-kafka-config: a file named like a Kafka config whose keys are not Kafka's.
#include "zklint/lint/rule.hpp"

ZKL_RULE(NotAKafkaConfig)

namespace zklint::rules {

const RuleMeta& NotAKafkaConfig::meta() const {
  static const RuleMeta m{
      .code = "ZKL905",
      .name = "not-a-kafka-config",
      .severity = Severity::info,
      .applies_to = FileKinds::foreign(),
      .summary = "The file is named like a Kafka config but none of its keys are Kafka's, so it is skipped",
      .doc = R"md(
`server.properties` is also the name of the config of Minecraft servers, Spring Boot
apps, game servers and many others. When a file's name says Kafka but its keys do not
(`server-port`, `motd`, `level-name`...), zklint reports this one note and checks
nothing else, instead of a flood of "unknown key" findings.

If the file really is a Kafka config, say so with `--kind kafka` or `"kind": "kafka"`
in `.zklint.json`.
)md",
      .bad = {{.text = "server-port=25565\nmotd=A Minecraft Server\nlevel-name=world\n", .file_name = "server.properties"}},
      .good = {{.text = "greeting=hello\n", .file_name = "example.properties"}},
  };
  return m;
}

void NotAKafkaConfig::check(const LintContext& ctx, Reporter& out) const {
  out.report_file("skipped: named like a Kafka config, but none of its keys are Kafka or ZooKeeper settings (" + ctx.profile().kind_reason + ")")
      .help("if it is a Kafka config, pass --kind kafka or set \"kind\": \"kafka\" in .zklint.json");
}

}  // namespace zklint::rules
