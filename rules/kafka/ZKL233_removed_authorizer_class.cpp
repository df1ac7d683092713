// ZKL233 removed-authorizer-class: authorizer.class.name names an authorizer Kafka no longer ships.
#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "support/kafka_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaRemovedAuthorizerClass)

namespace zklint::rules {

namespace {

struct RemovedAuthorizer {
  std::string_view class_name;
  const kafka_fact::ReleaseFact& removed;
  std::string_view replacement;
};

// SimpleAclAuthorizer.scala is gone from the 3.0.0 tree (KIP-504 replaced it in 2.4), and
// AclAuthorizer.scala, the ZooKeeper-backed authorizer, from 4.0 (StandardAuthorizer.java is
// KRaft's, from 3.2).
const RemovedAuthorizer removed_authorizers[] = {
    {"kafka.security.auth.SimpleAclAuthorizer", kafka_fact::simple_acl_authorizer_removed,
     "kafka.security.authorizer.AclAuthorizer (ZooKeeper mode) or org.apache.kafka.metadata.authorizer.StandardAuthorizer (KRaft)"},
    {"kafka.security.authorizer.AclAuthorizer", kafka_fact::acl_authorizer_removed, "org.apache.kafka.metadata.authorizer.StandardAuthorizer"},
};

}  // namespace

const RuleMeta& KafkaRemovedAuthorizerClass::meta() const {
  static const RuleMeta m{
      .code = "ZKL233",
      .name = "removed-authorizer-class",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "authorizer.class.name names an authorizer the Kafka version no longer has: the broker refuses to start",
      .doc = R"md(
The broker instantiates `authorizer.class.name` when it starts (`AuthorizerUtils.createAuthorizer`,
`Utils.newInstance`); a class that is not on the classpath stops it with
`ClassNotFoundException`. When the Kafka version is guessed from the file rather than given,
the finding is a warning: the file may be for a release that still has the class. Two authorizers that old configs still name were removed:

| class | removed in | use instead |
|---|---|---|
| `kafka.security.auth.SimpleAclAuthorizer` | 3.0 | `kafka.security.authorizer.AclAuthorizer` (ZooKeeper mode, 2.4 to 3.9), `org.apache.kafka.metadata.authorizer.StandardAuthorizer` (KRaft, 3.2+) |
| `kafka.security.authorizer.AclAuthorizer` | 4.0 | `org.apache.kafka.metadata.authorizer.StandardAuthorizer` |

(`core/src/main/scala/kafka/security/auth/SimpleAclAuthorizer.scala` exists @2.8.0 and not
@3.0.0; `core/src/main/scala/kafka/security/authorizer/AclAuthorizer.scala` exists @3.9.0
and not @4.0.) The ACLs themselves are kept: AclAuthorizer reads the same ZooKeeper ACLs,
and a ZooKeeper-to-KRaft migration copies them into the metadata log.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "authorizer.class.name=kafka.security.auth.SimpleAclAuthorizer\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "authorizer.class.name=kafka.security.authorizer.AclAuthorizer\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaRemovedAuthorizerClass::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* e = model.entry("authorizer.class.name");
  if (e == nullptr || ctx.value_templated(*e)) return;
  const std::string_view name = java_trim(e->value);
  for (const RemovedAuthorizer& removed : removed_authorizers) {
    if (name != removed.class_name || !removed.removed.holds_in(model.version())) continue;
    out.report_value(*e, std::string(name) + " was removed in Kafka " + removed.removed.since.to_string() + ": Kafka " +
                             removed.removed.since.to_string() + " and later cannot load it and refuse to start (ClassNotFoundException)")
        .help("use " + std::string(removed.replacement));
  }
}

}  // namespace zklint::rules
