// ZKL110 zk-duplicate-host: the same ZooKeeper server twice in zookeeper.connect.
#include "support/value_edits.hpp"
#include "support/zookeeper_hosts.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkDuplicateHost)

namespace zklint::rules {

const RuleMeta& ZkDuplicateHost::meta() const {
  static const RuleMeta m{
      .code = "ZKL110",
      .name = "zk-duplicate-host",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "The same ZooKeeper host and port appear twice in zookeeper.connect",
      .doc = R"md(
The ZooKeeper client accepts duplicates and simply tries that server more often. The
broker starts, but the list promises more redundancy than it has: `zk1:2181,zk1:2181,zk3:2181`
is two servers, and the copy usually hides a typo for a third host (`zk2`). The client
also divides the session timeout by the number of entries to get the time it allows
each connection attempt, so padding the list shortens every attempt.

Host names are compared without regard to case, with the port each entry really uses
(2181 when none is written). The fix removes the later copy.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk1:2181,zk3:2181/kafka\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk1:2182,zk1:2183/kafka\n", .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ZkDuplicateHost::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const std::string_view value = zk.connect_value();
  const auto elements = support::classify_hosts(zk);
  const auto& entries = zk.parsed->entries;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const auto& later = *elements[i].entry;
    if (!elements[i].connectable || elements[i].shape != support::HostShape::ok) continue;
    for (std::size_t k = 0; k < i; ++k) {
      const auto& earlier = *elements[k].entry;
      if (!elements[k].connectable || elements[k].shape != support::HostShape::ok || earlier.port != later.port || !iequals(earlier.host.of(value), later.host.of(value))) continue;
      // Remove the later copy with the comma before it (it is never the first entry).
      const auto index = static_cast<std::size_t>(&later - entries.data());
      const std::uint32_t comma = zk.parsed->commas[index - 1];
      out.report_value_part(*zk.connect, later.element.begin, later.element.end,
                            "ZooKeeper host " + quoted(later.element.of(value)) + " is listed twice (same host and port " + std::to_string(later.port) +
                                "): the list has fewer distinct servers than it looks")
          .related(zk.connect->value_source_range(ctx.source(), earlier.element.begin, earlier.element.end), "first listed here")
          .fix("remove the second copy", {support::replace_in_value(*zk.connect, comma, later.piece.end, "")});
      break;
    }
  }
}

}  // namespace zklint::rules
