// ZKL107 zk-port-missing: a ZooKeeper host without a port silently uses 2181.
#include "support/value_edits.hpp"
#include "support/zookeeper_hosts.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkPortMissing)

namespace zklint::rules {

const RuleMeta& ZkPortMissing::meta() const {
  static const RuleMeta m{
      .code = "ZKL107",
      .name = "zk-port-missing",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper host has no port, so the client silently uses 2181",
      .doc = R"md(
When a host of `zookeeper.connect` has no port (`192.168.1.100`, `zk1`, `[::1]`) or ends
with a bare colon (`zk1:`), the ZooKeeper client uses port 2181 without a word. That is
right only if the ZooKeeper servers listen on 2181; when they use another `clientPort`,
the broker logs `Connection refused` for that host over and over and, if no host
answers, gives up after `zookeeper.connection.timeout.ms` with a
`ZooKeeperClientTimeoutException`.

Write the port explicitly, so that the next reader (and zklint's cross-file check against
the ZooKeeper config) sees which port is meant. The fix adds `:2181`, which is what the
client uses today, so it changes nothing at runtime.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1,zk2:2181,zk3:2181/kafka\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ZkPortMissing::check(const LintContext& ctx, Reporter& out) const {
  namespace cs = grammar::connect_string;
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const std::string_view value = zk.connect_value();
  for (const support::HostElement& h : support::classify_hosts(zk)) {
    const cs::HostEntry& e = *h.entry;
    const bool no_port = e.port_form == cs::PortForm::absent || e.port_form == cs::PortForm::empty;
    if (!no_port || e.error != cs::EntryError::none) continue;
    if (h.shape != support::HostShape::ok && h.shape != support::HostShape::empty_host) continue;  // another rule speaks about it
    const std::string insert = e.port_form == cs::PortForm::empty ? "2181" : ":2181";
    out.report_value_part(*zk.connect, e.element.begin, e.element.end,
                          "ZooKeeper host " + quoted(e.element.of(value)) + " has no port: the client silently uses 2181")
        .suggest(std::string(e.element.of(value)) + insert)
        .fix("write the default port 2181", {support::insert_in_value(*zk.connect, e.element.end, insert)});
  }
}

}  // namespace zklint::rules
