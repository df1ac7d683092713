// ZKL106 zk-chroot-missing: advice to give Kafka its own chroot in a shared ensemble.
#include "support/zookeeper_hosts.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ZkChrootMissing)

namespace zklint::rules {

const RuleMeta& ZkChrootMissing::meta() const {
  static const RuleMeta m{
      .code = "ZKL106",
      .name = "zk-chroot-missing",
      .severity = Severity::info,
      .applies_to = FileKinds::kafka(),
      .summary = "zookeeper.connect has no chroot: Kafka's znodes go to the root of the ensemble",
      .doc = R"md(
Without a chroot (`zk1:2181,zk2:2181,zk3:2181` instead of `.../kafka`) the broker keeps
its znodes (`/brokers`, `/controller`, `/config`, `/admin`, ...) at the root of the
ZooKeeper ensemble. That works, and nothing is logged, but an ensemble shared with other
applications or with a second Kafka cluster then mixes their data, and two clusters
without chroots on one ensemble silently become one.

Use a path per cluster: `zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka`. Kafka
creates a missing chroot at startup. On an existing cluster, moving to a chroot means
moving the metadata too, so there is no automatic fix.

This is advice: switch it off for a dedicated ensemble with `"zk-chroot-missing": "off"`
under `rules` in `.zklint.json`.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

namespace {
// The value without its chroot (`zk1:2181/` has the chroot `/`, which means none).
std::string_view host_list(const support::ZooKeeperClientSettings& zk) {
  const auto span = zk.parsed->value;
  const std::uint32_t end = zk.parsed->chroot ? zk.parsed->chroot->text.begin : span.end;
  return zk.connect_value().substr(span.begin, end - span.begin);
}
}  // namespace

void ZkChrootMissing::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed || !zk.chroot.empty() || !support::sound_connect_string(zk, support::classify_hosts(zk))) return;
  out.report_value(*zk.connect, "zookeeper.connect has no chroot: the broker keeps its znodes at the root of the ZooKeeper ensemble, "
                                "mixed with anything else stored there")
      .help("give each Kafka cluster its own path, e.g. " + std::string(host_list(zk)) + "/kafka");
}

}  // namespace zklint::rules
