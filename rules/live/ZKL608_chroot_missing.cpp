// ZKL608 chroot-missing: the chroot of zookeeper.connect does not exist yet.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LiveChrootMissing)

namespace zklint::rules {

const RuleMeta& LiveChrootMissing::meta() const {
  static const RuleMeta m{
      .code = "ZKL608",
      .name = "chroot-missing",
      .severity = Severity::info,
      .applies_to = FileKinds::kafka(),
      .summary = "The chroot path of zookeeper.connect does not exist in ZooKeeper yet; the broker will create it",
      .doc = R"md(
Runs only under `zklint probe`, which looks the chroot up over a ZooKeeper session opened
without it.

A Kafka broker creates its chroot when it is missing (`KafkaZkClient` makes the path before
it registers), so this is not a failure. It is worth a look all the same: on a cluster that
has run before, a missing chroot usually means a typo (`/kafak`) or a chroot that differs
between brokers, and a broker started that way builds a new, empty cluster beside the old
one, with a new cluster id and no topics.
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafak\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3}],
 "session": {"established": true, "server": "10.0.0.11:2181", "requested_ms": 18000, "granted_ms": 18000, "chroot": "/kafak", "chroot_exists": false}})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3}],
 "session": {"established": true, "server": "10.0.0.11:2181", "requested_ms": 18000, "granted_ms": 18000, "chroot": "/kafka", "chroot_exists": true}})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveChrootMissing::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  const auto& session = view.targets().session;
  if (!view.probed() || !session || !view.observed().session) return;
  const SessionObservation& s = *view.observed().session;
  if (!s.established || s.chroot.empty() || s.chroot_exists != false) return;
  const std::string_view value = session->connect->value;
  const std::size_t at = value.rfind(s.chroot);
  const std::string message = "the chroot " + s.chroot + " does not exist on the ZooKeeper servers yet; the broker will create it";
  auto report = at == std::string_view::npos ? out.report_value(*session->connect, message)
                                             : out.report_value_part(*session->connect, at, at + s.chroot.size(), message);
  report.help("if this cluster ran before, check the spelling: a broker in a new chroot starts a new, empty cluster");
}

}  // namespace zklint::rules
