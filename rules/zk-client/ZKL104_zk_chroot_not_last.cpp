// ZKL104 zk-chroot-not-last: a chroot after the first host swallows the hosts that follow it.
#include "support/value_edits.hpp"
#include "support/zookeeper_hosts.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkChrootNotLast)

namespace zklint::rules {

const RuleMeta& ZkChrootNotLast::meta() const {
  static const RuleMeta m{
      .code = "ZKL104",
      .name = "zk-chroot-not-last",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "The chroot is written after a host that is not the last one, so the hosts after it are dropped",
      .doc = R"md(
The ZooKeeper client takes everything from the **first** `/` of `zookeeper.connect` to
the end as the chroot. In `zk1:2181/kafka,zk2:2181,zk3:2181` the chroot is therefore
`/kafka,zk2:2181,zk3:2181` (commas and colons are legal in znode names) and the host list
is `zk1:2181` alone.

Nothing fails at startup: Kafka creates the oddly named chroot and the broker runs, but
it only ever talks to zk1 (no failover when zk1 is down), and its metadata lives under a
different path than a broker configured with `zk1:2181,zk2:2181,zk3:2181/kafka`, so such
brokers do not see each other's cluster. Hence a warning, not an error.

Write the chroot once, after the last host. The fix does that, but it is marked unsafe:
on a cluster that already runs with the mangled chroot, moving it points the broker at
a different (empty) znode tree.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181/kafka,zk2:2181,zk3:2181\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .fix = FixSafety::unsafe,
  };
  return m;
}

void ZkChrootNotLast::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed || !zk.parsed->chroot) return;
  const std::string_view value = zk.connect_value();
  const auto chroot = zk.parsed->chroot->text;
  const std::string_view text = chroot.of(value);
  const std::size_t comma = text.find(',');
  if (comma == std::string_view::npos) return;
  const std::string_view path = text.substr(0, comma);
  std::string_view rest = text.substr(comma + 1);
  // The swallowed hosts may end with a chroot of their own: `zk1/kafka,zk2/kafka`.
  const std::size_t slash = rest.find('/');
  const std::string_view rest_chroot = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  rest = rest.substr(0, slash);
  std::vector<std::string_view> swallowed;
  for (const std::string_view piece : split(rest, ',')) {
    const std::string_view host = java_trim(piece);
    if (host.empty()) continue;
    if (!support::looks_like_host(host)) return;  // a real chroot that happens to hold a comma
    swallowed.push_back(host);
  }
  if (swallowed.empty()) return;
  std::string dropped;
  for (const std::string_view h : swallowed) dropped += (dropped.empty() ? "" : ", ") + std::string(h);
  auto report = out.report_value_part(*zk.connect, chroot.begin, chroot.end,
                                      "the chroot is not at the end: ZooKeeper takes everything from the first '/' as the chroot, " + quoted(text) +
                                          ", and drops " + dropped + " from the host list; the broker only connects to " +
                                          std::string(zk.parsed->hosts().size() == 1 ? "one host" : "the hosts before the '/'"));
  if (!rest_chroot.empty() && rest_chroot != path) return;  // two different chroots: nothing to guess
  const std::string moved = "," + std::string(rest) + std::string(path);
  const std::string new_value = std::string(zk.parsed->value.of(value).substr(0, chroot.begin - zk.parsed->value.begin)) + moved;
  report.suggest("zookeeper.connect=" + new_value)
      .fix("move the chroot after the last host", {support::replace_in_value(*zk.connect, chroot.begin, chroot.end, escape_properties_value(moved))},
           FixSafety::unsafe);
}

}  // namespace zklint::rules
