// ZKL208 missing-required-key: a setting without a default that the file does not set.
#include <algorithm>
#include <vector>

#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaMissingRequiredKey)

namespace zklint::rules {

const RuleMeta& KafkaMissingRequiredKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL208",
      .name = "missing-required-key",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A setting the assumed Kafka version requires is missing (process.roles and node.id from 4.0): the broker refuses to start",
      .doc = R"md(
A few settings have no default, and the broker stops without them: `ConfigException:
Missing required configuration "process.roles" which has no default value.`

- Kafka 4.0 and later: `process.roles` and `node.id`; from 4.2 also
  `controller.listener.names`. `node.id` may also come from `broker.id`, which Kafka
  copies over when only one of the two is set.
- Kafka 3.x in KRaft mode (`process.roles` set): `node.id` (or `broker.id`); the broker
  says `node.id` is required when `process.roles` is defined.
- Kafka 2.0 to 3.9 in ZooKeeper mode: `zookeeper.connect` (reported by `zk-connect-missing`).

When `process.roles` itself is missing, only it is reported: what else is required depends
on the roles. Without `--kafka-version`, a file that sets neither `process.roles` nor
`zookeeper.connect` gets one finding saying so: every release needs one of the two, and
nothing in the file tells which release or mode it is for. Files whose lines may come from
template code (a templated key, `{{ extra_config }}` alone on a line, `{% include %}`) are not
checked, since the missing line may be generated; `{% if %}` and `{% for %}` blocks are, since
a key written in no branch is missing from every rendering.

A ZooKeeper-mode file checked against 4.x (it sets `zookeeper.*` keys but no
`process.roles`) is reported once, by `zookeeper-keys-on-kafka-4` (ZKL322), whose message
lists every KRaft setting to add; this rule stays quiet about it.
)md",
      .bad = {{.text = "node.id=1\ncontroller.quorum.voters=1@kafka1:9093\nlisteners=PLAINTEXT://:9092,CONTROLLER://:9093\n"
                       "advertised.listeners=PLAINTEXT://kafka1:9092\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n",
               .kafka_version = "4.0"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nnum.partitions=3\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n",
                .kafka_version = "4.0"}},
  };
  return m;
}


namespace {
// Every key that some release requires (no default), in name order. Each is looked up in the
// release under judgement, so that a guessed range is split where what is required changes
// (controller.listener.names is required from 4.2).
const std::vector<std::string_view>& required_in_some_release() {
  static const std::vector<std::string_view> keys = [] {
    const ReleaseLog::Paused once;  // built once for every release
    std::vector<std::string_view> out;
    for (const std::string_view key : kafka_catalog::all_key_names()) {
      const auto lines = kafka_catalog::versions();
      if (std::any_of(lines.begin(), lines.end(), [&](KafkaVersion v) {
            const kafka_catalog::KeySpec* s = kafka_catalog::find(v, key);
            return s != nullptr && s->required;
          })) {
        out.push_back(key);
      }
    }
    return out;
  }();
  return keys;
}
}  // namespace

void KafkaMissingRequiredKey::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  if (model.mode_keys_missing()) {
    out.report_file("neither process.roles nor zookeeper.connect is set, and a broker of any release refuses to start without one of them "
                    "(ConfigException: missing required configuration): KRaft nodes and Kafka 4.x need process.roles, ZooKeeper-mode "
                    "brokers before 4.0 need zookeeper.connect")
        .help("add the setting for your mode, or pass --kafka-version to check the file against one release");
    return;
  }
  if (model.keys_generated() || model.mode() == support::KafkaMode::unknown) return;
  const KafkaVersion version = model.version();
  const std::string& v = model.version_text();
  const std::string no_default = "Kafka " + v + " refuses to start without it (ConfigException: missing required configuration which has no default value)";
  const auto missing = [&](std::string_view key, const std::string& why) { out.report_file("missing required setting " + quoted(key) + ": " + why); };
  if (kafka_fact::zookeeper_mode_removed.holds_in(version) && model.entry("process.roles") == nullptr) {
    // zookeeper-keys-on-kafka-4 reports a ZooKeeper-mode file there, with the whole list.
    if (!ctx.model<support::KraftNode>().zookeeper_entries().empty()) return;
    missing("process.roles", "Kafka " + v + " has no ZooKeeper mode and refuses to start without it (ConfigException: missing required "
                             "configuration which has no default value); set broker, controller, or both");
    return;
  }
  // broker.id stands in for node.id: Kafka copies whichever of the two is set to the other.
  const bool has_id = model.entry("node.id") != nullptr || model.entry("broker.id") != nullptr;
  if (model.mode() == support::KafkaMode::kraft && !has_id) {
    missing("node.id", kafka_fact::node_id_has_no_default.holds_in(version) ? no_default
                                                     : "Kafka " + v + " refuses to start in KRaft mode without it (ConfigException: node.id is "
                                                                      "required when process.roles is defined)");
  }
  for (const std::string_view key : required_in_some_release()) {
    if (key == "process.roles" || key == "node.id" || key == "zookeeper.connect") continue;
    const kafka_catalog::KeySpec* spec = kafka_catalog::find(version, key);  // asked of this release
    if (spec != nullptr && spec->required && model.entry(key) == nullptr) missing(key, no_default);
  }
}

}  // namespace zklint::rules
