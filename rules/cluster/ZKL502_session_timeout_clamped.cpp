// ZKL502 session-timeout-clamped: the cluster's ZooKeeper grants another session timeout than the broker asks for.
#include <algorithm>
#include <optional>

#include "support/zookeeper_pairing.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(SessionTimeoutClamped)

namespace zklint::rules {

const RuleMeta& SessionTimeoutClamped::meta() const {
  static const RuleMeta m{
      .code = "ZKL502",
      .name = "session-timeout-clamped",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "The broker's zookeeper.session.timeout.ms is outside the [minSessionTimeout, maxSessionTimeout] of the cluster's ZooKeeper: it gets another timeout",
      .doc = R"md(
A broker only asks for `zookeeper.session.timeout.ms` (18000 by default since Kafka 2.5,
6000 before). The ZooKeeper server raises a request below `minSessionTimeout` to it and
caps one above `maxSessionTimeout` at it, without an error or a log line on either side;
the limits default to 2 and 20 × `tickTime`. With the ZooKeeper configs of the cluster zklint
computes what the broker actually gets: `zookeeper.session.timeout.ms=60000` against
`tickTime=2000` is granted 40000.

- Capped: the broker's session expires sooner than planned (`Session expired`) during
  GC pauses or network trouble it was meant to ride out.
- Raised: a dead broker is noticed later than planned.

Align the two: change the broker's timeout, or `tickTime`/`maxSessionTimeout`/
`minSessionTimeout` on every ZooKeeper server. Without a ZooKeeper config in the cluster,
`zk-session-timeout-outside-limits` checks against ZooKeeper's defaults instead.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.session.timeout.ms=60000\n",
               .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                            "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n",
               .companion_name = "zookeeper.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.session.timeout.ms=30000\n",
                .companion = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                            "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n",
                .companion_name = "zookeeper.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

namespace {

// What a ZooKeeper config grants the broker: its limits and the timeout it hands out.
struct Grant {
  const LintContext* node;
  std::int64_t min, max, granted;
};

std::optional<Grant> grant(const LintContext& zk_ctx, std::int64_t asked) {
  const auto& zk = zk_ctx.model<support::ZookeeperModel>();
  if (!zk.min_session_timeout || !zk.max_session_timeout || *zk.min_session_timeout > *zk.max_session_timeout || *zk.tick_time.value <= 0) {
    return std::nullopt;
  }
  const std::int64_t min = *zk.min_session_timeout, max = *zk.max_session_timeout;
  // ZooKeeperServer: raise to the minimum first, then cap at the maximum.
  return Grant{&zk_ctx, min, max, asked < min ? min : asked > max ? max : asked};
}

}  // namespace

void SessionTimeoutClamped::check(const LintContext& ctx, Reporter& out) const {
  const auto& client = ctx.model<support::ZooKeeperClientSettings>();
  if (!client.uses_zookeeper || !client.session_timeout().ms || *client.session_timeout().ms <= 0) return;
  const std::int64_t asked = *client.session_timeout().ms;
  // The ensemble's members that would hand out another timeout, one finding per set of limits.
  std::vector<std::vector<Grant>> by_limits;
  for (const LintContext* zk : support::cluster_zookeepers(ctx)) {
    const auto g = grant(*zk, asked);
    if (!g || g->granted == asked) continue;
    auto same = std::find_if(by_limits.begin(), by_limits.end(), [&](const auto& group) { return group.front().min == g->min && group.front().max == g->max; });
    if (same == by_limits.end()) by_limits.push_back({*g});
    else same->push_back(*g);
  }
  for (const std::vector<Grant>& group : by_limits) {
    const Grant& first = group.front();
    const auto& zk = first.node->model<support::ZookeeperModel>();
    const bool capped = first.granted < asked;
    const support::ZkNumber& limit = capped ? zk.max_session_raw : zk.min_session_raw;
    const bool limit_set = limit.is_set() && *limit.value != -1;
    const std::string tick = zk.tick_time.is_set() ? "tickTime=" + std::to_string(*zk.tick_time.value) : "the default tickTime 3000";
    const std::string bound = std::string(capped ? "maxSessionTimeout" : "minSessionTimeout") + " " + std::to_string(capped ? first.max : first.min) +
                              (limit_set ? "" : std::string(" (") + (capped ? "20" : "2") + " x " + tick + ")");
    std::string nodes;
    for (std::size_t i = 0; i < group.size(); ++i) nodes += (i == 0 ? "" : ", ") + support::node_name(*group[i].node);
    const std::string what = client.session_timeout().entry != nullptr ? "zookeeper.session.timeout.ms=" + std::to_string(asked)
                                                                     : "the broker's default zookeeper.session.timeout.ms " + std::to_string(asked);
    std::string message = what + " is " + (capped ? "above" : "below") + " the " + bound + " of " + nodes + ": ZooKeeper silently grants " +
                          std::to_string(first.granted) + " ms instead";
    message += capped ? ", so the session expires sooner than the broker expects" : ", so a dead broker is noticed later than planned";
    auto d = client.session_timeout().entry != nullptr ? support::report_trimmed_value(out, *client.session_timeout().entry, std::move(message))
             : client.connect != nullptr                ? out.report_value(*client.connect, std::move(message))
                                                        : out.report_file(std::move(message));
    for (const Grant& g : group) {
      const auto& model = g.node->model<support::ZookeeperModel>();
      const support::ZkNumber& raw = capped ? model.max_session_raw : model.min_session_raw;
      const bool set = raw.is_set() && *raw.value != -1;
      const Entry* where = set ? raw.entry : model.tick_time.entry;
      if (where != nullptr) d.related(g.node->source().path(), where->value_range, set ? "the ZooKeeper limit" : "ZooKeeper's tickTime");
    }
    d.help("use a timeout between " + std::to_string(first.min) + " and " + std::to_string(first.max) + ", or change the ZooKeeper limits on every server");
  }
}

}  // namespace zklint::rules
