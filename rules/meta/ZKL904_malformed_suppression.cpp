// ZKL904 malformed-suppression: a comment starts with "zklint:" but is not a valid directive.
#include "zklint/lint/rule.hpp"

ZKL_META_RULE(MalformedSuppression)

namespace zklint::rules {

const RuleMeta& MalformedSuppression::meta() const {
  static const RuleMeta m{
      .code = "ZKL904",
      .name = "malformed-suppression",
      .severity = Severity::warning,
      .summary = "A '# zklint:' comment is not a valid suppression directive",
      .doc = R"md(
A comment whose first word is `zklint:` is read as a directive, and must be one of

    # zklint: disable-next-line RULE[, RULE...] [-- reason]
    # zklint: disable RULE[, RULE...] [-- reason]
    # zklint: enable RULE[, RULE...]
    # zklint: disable-file RULE[, RULE...] [-- reason]

Suppressions sit on their own comment line, because in a `.properties` file a `#`
after a value is part of the value. A misspelled directive (`disabel`, a missing
rule list) silences nothing. In a docker-compose file or a Kubernetes manifest, a
YAML comment after a value on the same line is not a directive either: it would be
unclear whether it covers its own line or the next.
)md",
      .bad = {{.text = "# zklint: disabel-next-line duplicate-key\ngreeting=hello\n", .file_name = "example.properties"},
              {.text = "services:\n  controller:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_NODE_ID: 1\n      KAFKA_PROCESS_ROLES: controller\n"
                       "      KAFKA_LISTENERS: CONTROLLER://:9093\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n"
                       "      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@controller:9093  # zklint: disable-next-line ZKL223\n"
                       "      KAFKA_LOG_DIRS: /var/lib/kafka/data\n",
               .file_name = "compose.yaml"}},
      .good = {{.text = "# zklint: disable-next-line duplicate-key -- both are needed here\ngreeting=hello\ngreeting=hi\n", .file_name = "example.properties"}},
  };
  return m;
}

void MalformedSuppression::check_suppressions(const LintContext&, const SuppressionReport& report, Reporter& out) const {
  for (const Range& r : report.malformed) {
    out.report(r, "not a valid zklint directive; expected a comment line of its own reading 'zklint: disable-next-line|disable|enable|disable-file RULE[, RULE...] [-- reason]'");
  }
}

}  // namespace zklint::rules
