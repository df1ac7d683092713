// ZKL240 min-insync-replicas-too-high: a min.insync.replicas that leaves no room for a broker to
// be down (or that no replica count can meet).
#include "kafka_releases.hpp"
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
  bool offsets_topic;          ///< only while the classic group coordinator writes the offsets (see below)
};

// __consumer_offsets takes the broker's min.insync.replicas (the offsets topic config sets none).
// The classic group coordinator writes commits with offsets.commit.required.acks (default -1,
// GroupMetadataManager.scala @3.9.0), so the minimum applies; the new coordinator (the only one
// from 4.0, and in 3.7-3.9 with group.coordinator.new.enable or the consumer protocol) appends with
// acks=1 (CoordinatorPartitionWriter.scala @4.0), where it does not. __transaction_state is created
// with min.insync.replicas=transaction.state.log.min.isr and written with acks=-1
// (TransactionStateManager.scala, TransactionLog.EnforcedRequiredAcks, @3.9.0 to @4.2).
constexpr Pairing pairings[] = {
    {"min.insync.replicas", "default.replication.factor", "topics created with the default replication factor", "writes with acks=all", false, false},
    {"min.insync.replicas", "offsets.topic.replication.factor", "the __consumer_offsets topic", "offset commits", true, true},
    {"transaction.state.log.min.isr", "transaction.state.log.replication.factor", "the __transaction_state topic", "transactions", true, false},
};

// The classic coordinator writes the offsets with acks=-1: the min.insync.replicas check applies.
bool offsets_written_with_acks_all(const support::KafkaModel& model) {
  if (kafka_fact::classic_group_coordinator_removed.holds_in(model.version())) return false;
  if (model.templated("offsets.commit.required.acks") || model.templated("group.coordinator.new.enable") ||
      model.templated("group.coordinator.rebalance.protocols"))
    return false;
  const auto acks = model.integer("offsets.commit.required.acks");
  if (!acks || *acks != -1) return false;
  if (const auto new_enabled = model.value("group.coordinator.new.enable"); new_enabled && new_enabled->boolean) return false;
  if (const auto protocols = model.value("group.coordinator.rebalance.protocols")) {
    for (const auto& item : protocols->items) {
      if (item.text == "consumer") return false;
    }
  }
  return true;
}

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
- `min.insync.replicas` at or above `offsets.topic.replication.factor`, while the classic
  group coordinator writes the offsets (Kafka before 4.0, `offsets.commit.required.acks=-1`,
  the default, and the new coordinator not enabled): the `__consumer_offsets` topic uses the
  broker's `min.insync.replicas` and commits are written with `acks=all`, so one broker down (a
  rolling restart) stops offset commits of the groups on it; above it, commits never work. The
  new group coordinator (the only one from 4.0) writes with `acks=1`
  (`CoordinatorPartitionWriter.scala` @4.0), so there the minimum does not apply.
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
    // Last: it asks the release which group coordinator writes the offsets.
    if (p.offsets_topic && !offsets_written_with_acks_all(model)) continue;
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
