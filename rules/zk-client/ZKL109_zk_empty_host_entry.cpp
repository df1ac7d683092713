// ZKL109 zk-empty-host-entry: `a:2181,,b:2181`: ZooKeeper 3.4 clients keep the empty entry.
#include <optional>

#include "support/value_edits.hpp"
#include "support/zookeeper_connect.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkEmptyHostEntry)

namespace zklint::rules {

const RuleMeta& ZkEmptyHostEntry::meta() const {
  static const RuleMeta m{
      .code = "ZKL109",
      .name = "zk-empty-host-entry",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "zookeeper.connect has an empty entry between commas",
      .doc = R"md(
A doubled, leading or trailing comma (`zk1:2181,,zk2:2181`) leaves an empty entry in the
host list. How bad that is depends on the ZooKeeper client the broker bundles:

- ZooKeeper 3.5 and later (Kafka 2.4+) trim the entries and skip empty ones: nothing
  happens, but the config breaks when it is reused with an older broker.
- ZooKeeper 3.4 (Kafka 2.0-2.3) splits with Java's `String.split`, which keeps empty
  entries except trailing ones. The empty entry becomes a host with an empty name, which
  Java resolves to the loopback address: the broker also tries `localhost:2181`, and a
  blank entry (`, ,`) is a host named " " that fails to resolve.

Trailing commas are dropped by every client and are only reported as info. The fix
removes the empty entry and its comma.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,,zk2:2181,zk3:2181/kafka\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ZkEmptyHostEntry::check(const LintContext& ctx, Reporter& out) const {
  namespace cs = grammar::connect_string;
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const auto& entries = zk.parsed->entries;
  const auto& commas = zk.parsed->commas;
  const std::string_view value = zk.connect_value();
  const auto zk34 = [&] { return zk.client_line() == cs::ClientLine::zk34; };
  // Index of the last entry that has text: entries after it are trailing.
  std::optional<std::size_t> last_filled;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!java_trim(entries[i].piece.of(value)).empty()) last_filled = i;
  }
  if (!last_filled) return;  // no host at all: zk-connect-no-hosts
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const cs::HostEntry& e = entries[i];
    if (!java_trim(e.piece.of(value)).empty()) continue;
    const bool trailing = i > *last_filled;
    const bool blank = !e.piece.empty();
    std::string message = "empty entry in the ZooKeeper host list: ";
    Severity severity = Severity::warning;
    if (trailing && !blank) {
      message += "every ZooKeeper client drops a trailing empty entry, so this is harmless, but it reads like a missing host";
      severity = Severity::info;
    } else if (zk34()) {
      message += "the ZooKeeper " + std::string(zk.client_version()) + " client of Kafka " + zk.kafka_version_text +
                 (blank ? " keeps it as a host named " + quoted(e.piece.of(value)) + ", which fails to resolve"
                        : " keeps it as a host with an empty name, which Java resolves to the loopback address: the broker also tries localhost:2181");
    } else {
      message += "ZooKeeper " + std::string(zk.client_version()) + " skips it, but ZooKeeper 3.4 clients (Kafka 2.0-2.3) keep it as a host";
    }
    // Remove the entry together with the comma before it (or after it, for the first entry).
    const std::uint32_t begin = i > 0 ? commas[i - 1] : e.piece.begin;
    const std::uint32_t end = i > 0 ? e.piece.end : (commas.empty() ? e.piece.end : commas[0] + 1);
    const std::uint32_t at = i > 0 ? commas[i - 1] : e.piece.begin;
    out.report_value_part(*zk.connect, at, at + 1, message)
        .severity(severity)
        .fix("remove the empty entry", {support::replace_in_value(*zk.connect, begin, end, "")});
  }
}

}  // namespace zklint::rules
