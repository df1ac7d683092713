// ZKL240 min-insync-replicas-too-high: a min.insync.replicas that leaves no room for a broker to
// be down (or that no replica count can meet).
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaMinInsyncReplicasTooHigh)

namespace zklint::rules {

namespace {

struct Pairing {
  std::string_view min_isr_key;
  std::string_view replication_key;
  std::string_view topic;      ///< what the pair governs, for messages
  std::string_view blocked;    ///< what stops when the minimum is not met
  bool equal_is_fragile;       ///< min ISR == replicas: one broker down blocks writes (for internal topics)
};

// __consumer_offsets takes the broker's min.insync.replicas (GroupCoordinator's offsets topic
// config sets none) and is written with acks=-1 (offsets.commit.required.acks); __transaction_state
// is created with min.insync.replicas=transaction.state.log.min.isr (TransactionStateManager).
constexpr Pairing pairings[] = {
    {"min.insync.replicas", "default.replication.factor", "topics created with the default replication factor", "writes with acks=all", false},
    {"min.insync.replicas", "offsets.topic.replication.factor", "the __consumer_offsets topic", "offset commits", true},
    {"transaction.state.log.min.isr", "transaction.state.log.replication.factor", "the __transaction_state topic", "transactions", true},
};

}  // namespace

const RuleMeta& KafkaMinInsyncReplicasTooHigh::meta() const {
  static const RuleMeta m{
      .code = "ZKL240",
      .name = "min-insync-replicas-too-high",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "min.insync.replicas is above the replication factor, or equal to it for an internal topic: writes stop when a broker is down",
      .doc = R"md(
A write with `acks=all` needs `min.insync.replicas` in-sync replicas; with fewer the
partition answers `NOT_ENOUGH_REPLICAS`. The broker starts either way, so these are
warnings:

- `min.insync.replicas` above `default.replication.factor`: topics created with the default
  replication factor (auto-created ones included) never accept an `acks=all` write.
- `min.insync.replicas` at or above `offsets.topic.replication.factor`: the
  `__consumer_offsets` topic uses the broker's `min.insync.replicas` and offset commits are
  written with `acks=all`, so one broker down (a rolling restart) stops offset commits of the
  groups on it; above it, commits never work.
- `transaction.state.log.min.isr` at or above `transaction.state.log.replication.factor`:
  the same for `__transaction_state` and every transactional producer.

A replication factor of 1 with a minimum of 1 (a single-broker setup) is not reported: there
is no other broker to lose. Keep the minimum one below the replication factor (the usual
3 replicas, minimum 2).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "default.replication.factor=3\nmin.insync.replicas=3\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "default.replication.factor=3\nmin.insync.replicas=2\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaMinInsyncReplicasTooHigh::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  for (const Pairing& p : pairings) {
    const Entry* min_entry = model.entry(p.min_isr_key);
    const Entry* replication_entry = model.entry(p.replication_key);
    if (min_entry == nullptr && replication_entry == nullptr) continue;
    if (model.templated(p.min_isr_key) || model.templated(p.replication_key)) continue;
    if ((min_entry == nullptr || replication_entry == nullptr) && model.template_structure()) continue;
    const auto min_isr = model.integer(p.min_isr_key);
    const auto replicas = model.integer(p.replication_key);
    if (!min_isr || !replicas || *replicas < 1) continue;
    const bool above = *min_isr > *replicas;
    if (!above && !(p.equal_is_fragile && *min_isr == *replicas && *replicas > 1)) continue;
    const auto shown = [](std::string_view key, std::int64_t value, const Entry* e) {
      return std::string(key) + "=" + std::to_string(value) + (e == nullptr ? " (the default)" : "");
    };
    const std::string message =
        shown(p.min_isr_key, *min_isr, min_entry) + (above ? " is above " : " equals ") + shown(p.replication_key, *replicas, replication_entry) + ": " +
        (above ? "for " + std::string(p.topic) + ", " + std::string(p.blocked) + " never succeed (NOT_ENOUGH_REPLICAS)"
               : "one broker down (a rolling restart) stops " + std::string(p.blocked) + " on " + std::string(p.topic));
    const Entry* at = min_entry != nullptr ? min_entry : replication_entry;
    auto d = out.report_value(*at, message);
    const Entry* other = at == min_entry ? replication_entry : nullptr;
    if (other != nullptr) d.related(other->value_range, std::string(p.replication_key) + " is set here");
    d.help("keep " + std::string(p.min_isr_key) + " below " + std::string(p.replication_key) + " (3 replicas with a minimum of 2 survive one broker down)");
  }
}

}  // namespace zklint::rules
