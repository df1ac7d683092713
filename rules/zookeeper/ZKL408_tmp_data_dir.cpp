// ZKL408 tmp-data-dir: ZooKeeper's data under /tmp, which is cleared on reboot.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(TmpDataDir)

namespace zklint::rules {

const RuleMeta& TmpDataDir::meta() const {
  static const RuleMeta m{
      .code = "ZKL408",
      .name = "tmp-data-dir",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "dataDir or dataLogDir is under /tmp, which many systems empty on reboot",
      .doc = R"md(
`/tmp` is emptied at boot on many systems (tmpfs, systemd-tmpfiles) and cleaned of old
files by others. ZooKeeper starts normally from an emptied data directory: a standalone
server comes back with no znodes at all (for Kafka: no topics, ACLs or broker
registrations), and a quorum member loses its `myid` file and cannot start.

Kafka's sample `config/zookeeper.properties` and ZooKeeper's `zoo_sample.cfg` both use
`/tmp/zookeeper` for a quick start; move it for anything that must survive a reboot.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/tmp/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void TmpDataDir::check(const LintContext& ctx, Reporter& out) const {
  for (const std::string_view key : {"dataDir", "dataLogDir"}) {
    const Entry* e = ctx.find(key);
    if (e == nullptr || support::placeholder_value(ctx, *e)) continue;
    const std::string path = support::java_file_path(java_trim(e->value));
    if (path != "/tmp" && !starts_with(path, "/tmp/")) continue;
    support::report_trimmed_value(out, *e, std::string(key) + " " + quoted(path) +
                                               " is under /tmp, which is emptied on reboot on many systems: ZooKeeper then starts with no data")
        .help("use a persistent directory such as /var/lib/zookeeper");
  }
}

}  // namespace zklint::rules
