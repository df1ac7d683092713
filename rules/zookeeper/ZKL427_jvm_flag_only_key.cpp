// ZKL427 jvm-flag-only-key: a key that only works as a JVM flag, or is prefixed with zookeeper. twice.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zookeeper_keys.hpp"

ZKL_RULE(JvmFlagOnlyKey)

namespace zklint::rules {

const RuleMeta& JvmFlagOnlyKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL427",
      .name = "jvm-flag-only-key",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A setting that does nothing in zoo.cfg: it only works as a JVM flag (jute.maxbuffer), or it already starts with 'zookeeper.'",
      .doc = R"md(
Keys that ZooKeeper's config parser does not handle itself become JVM system properties
with a `zookeeper.` prefix: `snapCount=50000` in zoo.cfg sets `zookeeper.snapCount`. That
only helps when the code reads the prefixed name. Some settings are read **without** the
prefix, so in zoo.cfg they do nothing, silently:

- `jute.maxbuffer` (the largest znode or request the server accepts; Kafka clusters with
  many partitions often raise it),
- `readonlymode.enabled`,
- `znode.container.checkIntervalMs`, `znode.container.maxPerMinute`,
  `znode.container.maxNeverUsedIntervalMs`.

Set them as JVM flags instead: `-Djute.maxbuffer=4194304` in `SERVER_JVMFLAGS` (or
`KAFKA_OPTS` for Kafka's bundled ZooKeeper).

A key that already starts with `zookeeper.` (copied from a `-Dzookeeper.X` flag) becomes
`zookeeper.zookeeper.X`, which nothing reads: write it without the prefix.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "jute.maxbuffer=4194304\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "snapCount=50000\n"}},
  };
  return m;
}

void JvmFlagOnlyKey::check(const LintContext& ctx, Reporter& out) const {
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.key_templated(e) || ctx.find(e.key) != &e) continue;
    const std::string key(e.key);
    if (starts_with(e.key, "zookeeper.")) {
      const std::string_view bare = e.key.substr(10);
      const zookeeper_keys::Key* known = zookeeper_keys::find(bare);
      auto d = out.report_key(e, quoted(key) + " becomes the JVM property zookeeper." + key + ", which nothing reads: zoo.cfg keys are written without the 'zookeeper.' prefix");
      if (known != nullptr && known->handling != zookeeper_keys::Handling::jvm_flag_only) d.suggest(std::string(bare));
      else d.help("pass it as the JVM flag -D" + key + "=... instead");
      continue;
    }
    const zookeeper_keys::Key* k = zookeeper_keys::find(e.key);
    if (k == nullptr || k->handling != zookeeper_keys::Handling::jvm_flag_only) continue;
    out.report_key(e, quoted(key) + " has no effect in zoo.cfg: ZooKeeper reads it only as the JVM flag -D" + key + ", not as zookeeper." + key)
        .help("move it to the JVM flags: -D" + key + "=" + std::string(java_trim(e.value)) + " in SERVER_JVMFLAGS (KAFKA_OPTS for Kafka's bundled ZooKeeper)");
  }
}

}  // namespace zklint::rules
