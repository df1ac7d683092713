// ZKL101 zk-connect-missing: a ZooKeeper-mode broker (Kafka < 4.0, no process.roles) without zookeeper.connect.
#include "support/kafka_model.hpp"
#include "support/zookeeper_connect.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ZkConnectMissing)

namespace zklint::rules {

const RuleMeta& ZkConnectMissing::meta() const {
  static const RuleMeta m{
      .code = "ZKL101",
      .name = "zk-connect-missing",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper-mode broker (Kafka before 4.0, no process.roles) has no zookeeper.connect",
      .doc = R"md(
Before Kafka 4.0 a broker whose `process.roles` is unset (or empty) runs in ZooKeeper
mode, and it cannot start without `zookeeper.connect`. Kafka 2.0-2.7 declare the key
as required; 2.8-3.9 check it when the config is built. Either way the broker stops at
once with a `ConfigException` saying that the required configuration
`zookeeper.connect` is missing and has no default value.

Add the ZooKeeper ensemble, with a chroot: `zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka`.
If the node is meant to run in KRaft mode, set `process.roles` (and `node.id`,
`controller.quorum.voters`, ...) instead.

This rule needs to know the Kafka version: without `--kafka-version`, a file that has
neither `process.roles` nor `zookeeper.connect` says nothing about its mode, so
`missing-required-key` (ZKL208) reports that one of the two is needed; pass
`--kafka-version 3.9` (or set it in `.zklint.json`) for ZooKeeper-mode brokers. Kafka 4.x has
no ZooKeeper mode; this rule is silent there. Files whose keys come partly from template code
are not checked, since the missing line may be generated.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nnum.partitions=3\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void ZkConnectMissing::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.zookeeper_mode || zk.connect != nullptr) return;
  // missing-required-key reports a file that sets neither mode key; generated keys may include it.
  const auto& kafka = ctx.model<support::KafkaModel>();
  if (kafka.mode_keys_missing() || kafka.template_structure()) return;
  out.report_file("zookeeper.connect is missing: without process.roles a Kafka " + zk.kafka_version_text +
                  " broker runs in ZooKeeper mode and refuses to start without it (ConfigException: missing required configuration)")
      .help("add zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka, or set process.roles for a KRaft node");
}

}  // namespace zklint::rules
