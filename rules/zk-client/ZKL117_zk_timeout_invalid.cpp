// ZKL117 zk-timeout-invalid: a ZooKeeper timeout that is not a positive int of milliseconds.
#include <cctype>

#include "support/value_edits.hpp"
#include "support/zookeeper_connect.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkTimeoutInvalid)

namespace zklint::rules {

namespace {

// `30s`, `30 s`, `2min`, `30_000`, `30,000`, `18000ms`: the number of milliseconds meant, when the
// text is a plain amount with a time unit or digit grouping. Nothing else is guessed.
std::optional<std::int64_t> meant_milliseconds(std::string_view text) {
  std::string digits;
  std::size_t i = 0;
  for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || ((text[i] == '_' || text[i] == ',') && !digits.empty())); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i]))) digits += text[i];
    if (digits.size() > 12) return std::nullopt;
  }
  if (digits.empty()) return std::nullopt;
  while (i < text.size() && text[i] == ' ') ++i;
  const std::string unit = to_lower(text.substr(i));
  std::int64_t factor = 0;
  if (unit.empty() || unit == "ms" || unit == "millis") factor = 1;
  else if (unit == "s" || unit == "sec" || unit == "secs" || unit == "seconds") factor = 1000;
  else if (unit == "m" || unit == "min" || unit == "mins" || unit == "minutes") factor = 60000;
  if (factor == 0) return std::nullopt;
  const std::int64_t ms = std::stoll(digits) * factor;
  if (ms <= 0 || ms > 2147483647) return std::nullopt;
  return ms;
}

}  // namespace

const RuleMeta& ZkTimeoutInvalid::meta() const {
  static const RuleMeta m{
      .code = "ZKL117",
      .name = "zk-timeout-invalid",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper timeout is zero, negative, or not a plain number of milliseconds (30s, 30_000)",
      .doc = R"md(
`zookeeper.session.timeout.ms` and `zookeeper.connection.timeout.ms` are ints of
milliseconds, read with `Integer.parseInt` after trimming. Anything else stops the broker
before it does anything:

- units or grouping (`30s`, `2min`, `30_000`, `30,000`, `1e4`) or a number too large for
  an int: `ConfigException`, invalid value for the configuration. The fix writes the
  milliseconds that were meant (`30s` becomes `30000`).
- zero or negative: Kafka has no range check on these keys, so they pass the config
  checks and fail later. A connection timeout of 0 or less makes the broker give up at
  once, before its ZooKeeper client has connected (`ZooKeeperClientTimeoutException`:
  timed out waiting for connection while in state CONNECTING). With a session timeout
  of 0 or less the ZooKeeper client allows each connection attempt no time at all and
  never connects (checked against the ZooKeeper 3.8 client), so the broker fails the same
  way after the connection timeout, which by default is the session timeout.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.session.timeout.ms=0\n",
               .kafka_version = "3.9"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.connection.timeout.ms=-1\n",
               .kafka_version = "3.9"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.session.timeout.ms=30s\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.session.timeout.ms=30000\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "zookeeper.connection.timeout.ms=18000\nzookeeper.session.timeout.ms=30000\n",
                .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ZkTimeoutInvalid::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper) return;
  for (const support::TimeoutSetting* t : {&zk.session_timeout(), &zk.connection_timeout()}) {
    if (t->entry == nullptr || t->templated) continue;
    const Entry& e = *t->entry;
    const std::string key(t->key);
    const std::string_view text = java_trim(e.value);
    if (!t->ms) {
      auto report = out.report_value(e, key + "=" + quoted(text) + " is not a plain int of milliseconds: Kafka refuses to start (ConfigException: invalid value " +
                                            quoted(text) + " for configuration " + key + ")");
      if (const auto ms = meant_milliseconds(text)) {
        report.suggest(key + "=" + std::to_string(*ms))
            .fix("write " + std::to_string(*ms) + " milliseconds", {{e.value_range.begin.offset, e.value_range.end.offset, std::to_string(*ms)}});
      }
      continue;
    }
    if (*t->ms > 0) continue;
    const bool session = t == &zk.session_timeout();
    const std::string what = session ? "the ZooKeeper client gives each connection attempt no time and never connects, so the broker stops with a "
                                       "ZooKeeperClientTimeoutException (timed out waiting for connection)"
                                     : "the broker gives up before its ZooKeeper client has connected: ZooKeeperClientTimeoutException (timed out waiting for "
                                       "connection while in state CONNECTING) at startup";
    out.report_value(e, key + "=" + std::to_string(*t->ms) + " is " + (*t->ms == 0 ? "zero" : "negative") + ": " + what);
  }
}

}  // namespace zklint::rules
