#include "support/kafka_keys.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "kafka_releases.hpp"
#include "zklint/lint/release_questions.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support::kafka {
namespace {

using kafka_catalog::KeySpec;

// KRaft keys Kafka 2.8 defines with defineInternal (KafkaConfig.scala @2.8 ~L1080-1087, ~L1314-1320):
// they work in 2.8 but only the 3.0 table documents them.
constexpr std::array<std::string_view, 15> kraft_internal_in_2_8 = {
    "broker.heartbeat.interval.ms", "broker.session.timeout.ms", "controller.listener.names",
    "controller.quorum.append.linger.ms", "controller.quorum.election.backoff.max.ms", "controller.quorum.election.timeout.ms",
    "controller.quorum.fetch.timeout.ms", "controller.quorum.request.timeout.ms", "controller.quorum.retry.backoff.ms",
    "controller.quorum.voters", "initial.broker.registration.timeout.ms", "metadata.log.dir", "node.id", "process.roles",
    "sasl.mechanism.controller.protocol"};

// Keys a docs table lacks between releases that have them (the per-release docs/generated broker config tables): a table artifact, not a
// removal. max.decompressed.message.bytes appears only in the re-published 4.2 page.
constexpr std::array<std::string_view, 1> table_artifacts = {"max.decompressed.message.bytes"};

// Keys the broker reads before the docs table lists them. config.providers (KIP-421) is read by
// the AbstractConfig constructor from 2.3 (AbstractConfig.java @2.3.0, resolveConfigVariables),
// but enters the broker's ConfigDef, and so the table, only in 4.2 (ServerConfigs.java @4.2.0).
struct ReadBeforeDocumented {
  std::string_view key;
  const kafka_fact::ReleaseFact& read;
};
const std::array<ReadBeforeDocumented, 1> read_before_documented = {{{"config.providers", kafka_fact::config_providers_read}}};
const kafka_fact::ReleaseFact& config_providers = kafka_fact::config_providers_read;
// config.providers.<name>.class and config.providers.<name>.param.<param> configure a provider
// (AbstractConfig.instantiateConfigProviders @2.3.0).
constexpr std::string_view config_provider_prefix = "config.providers.";

// Settings of plug-ins that ship with Kafka or are common, which Kafka hands every setting to:
// the ACL authorizers (AclAuthorizer, StandardAuthorizer) and their ZooKeeper client overrides.
constexpr std::array<std::string_view, 6> plugin_keys = {
    "super.users", "allow.everyone.if.no.acl.found", "authorizer.zookeeper.url", "authorizer.zookeeper.connection.timeout.ms",
    "authorizer.zookeeper.session.timeout.ms", "authorizer.zookeeper.max.in.flight.requests"};

// Default prefixes of the remote storage plug-ins (remote.log.storage.manager.impl.prefix,
// remote.log.metadata.manager.impl.prefix) and of common metrics reporters.
constexpr std::array<std::string_view, 3> plugin_prefixes_builtin = {"rsm.config.", "rlmm.config.", "external.kafka.statsd."};

constexpr std::array<std::string_view, 1> vendor_prefixes = {"confluent."};

// Plug-ins that read their own settings from the broker's configs (Kafka passes every setting to
// a plug-in's configure()), and the namespace of those settings. Keys in a namespace are plug-in
// settings only when the file configures that plug-in.
struct PluginNamespace {
  std::string_view class_name, prefix;
};
constexpr std::array<PluginNamespace, 6> plugin_namespaces = {{
    // CruiseControlMetricsReporterConfig (cruise-control-metrics-reporter): cruise.control.metrics.topic, ...
    {"com.linkedin.kafka.cruisecontrol.metricsreporter.CruiseControlMetricsReporter", "cruise.control.metrics."},
    // strimzi-kafka-oauth: AuthzConfig reads strimzi.authorization.*
    {"io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer", "strimzi.authorization."},
    {"io.strimzi.kafka.oauth.server.authorizer.KeycloakRBACAuthorizer", "strimzi.authorization."},
    // strimzi kafka-quotas-plugin: client.quota.callback.static.produce, ...
    {"io.strimzi.kafka.quotas.StaticQuotaCallback", "client.quota.callback.static."},
    // opa-kafka-plugin: opa.authorizer.url, ...
    {"org.openpolicyagent.kafka.OpaAuthorizer", "opa.authorizer."},
    {"com.bisnode.kafka.authorization.OpaAuthorizer", "opa.authorizer."},
}};

// Settings of Kafka 0.7/0.8 that later releases renamed or dropped (KafkaConfig.scala @0.7,
// @0.8.0, @0.8.1.1, @0.8.2.2, @0.9.0.1): Kafka ignores them. The keys of 0.8.0 to 1.1.1 that no
// release from 2.0 on defines are all here.
struct LegacyKey {
  std::string_view key, removed_in, replacement;
};
constexpr std::string_view topic_configs = "a per-topic config (retention.ms, segment.bytes, ... set with kafka-configs --entity-type topics)";
constexpr std::array<LegacyKey, 24> legacy_keys = {{
    {"brokerid", "0.8", "broker.id"},
    {"hostname", "0.8", "listeners"},
    {"enable.zookeeper", "0.8", ""},
    {"zk.connect", "0.8", "zookeeper.connect"},
    {"zk.connectiontimeout.ms", "0.8", "zookeeper.connection.timeout.ms"},
    {"zk.sessiontimeout.ms", "0.8", "zookeeper.session.timeout.ms"},
    {"socket.send.buffer", "0.8", "socket.send.buffer.bytes"},
    {"socket.receive.buffer", "0.8", "socket.receive.buffer.bytes"},
    {"max.socket.request.bytes", "0.8", "socket.request.max.bytes"},
    {"max.message.size", "0.8", "message.max.bytes"},
    {"num.threads", "0.8", "num.network.threads and num.io.threads"},
    {"log.file.size", "0.8", "log.segment.bytes"},
    {"log.retention.size", "0.8", "log.retention.bytes"},
    {"log.flush.interval", "0.8", "log.flush.interval.messages"},
    {"log.default.flush.interval.ms", "0.8", "log.flush.interval.ms"},
    {"log.default.flush.scheduler.interval.ms", "0.8", "log.flush.scheduler.interval.ms"},
    {"log.cleanup.interval.mins", "0.8.1", "log.retention.check.interval.ms"},
    {"replica.lag.max.messages", "0.9", "replica.lag.time.max.ms"},
    {"controller.message.queue.size", "0.9", ""},
    {"log.flush.interval.ms.per.topic", "0.8.1", topic_configs},
    {"log.retention.bytes.per.topic", "0.8.1", topic_configs},
    {"log.retention.hours.per.topic", "0.8.1", topic_configs},
    {"log.roll.hours.per.topic", "0.8.1", topic_configs},
    {"log.segment.bytes.per.topic", "0.8.1", topic_configs},
}};

// What replaces a key the catalog shows as removed (its DEPRECATED doc, KafkaConfig.scala @2.8; docs/upgrade.html @4.0).
struct Successor {
  std::string_view key, replacement;
};
constexpr std::array<Successor, 12> successors = {{
    {"host.name", "listeners (for example PLAINTEXT://host:9092)"},
    {"port", "listeners (for example PLAINTEXT://:9092)"},
    {"advertised.host.name", "advertised.listeners"},
    {"advertised.port", "advertised.listeners"},
    {"quota.producer.default", "default client quotas set with kafka-configs --entity-default"},
    {"quota.consumer.default", "default client quotas set with kafka-configs --entity-default"},
    {"auto.include.jmx.reporter", "metric.reporters (its 4.0 default is org.apache.kafka.common.metrics.JmxReporter)"},
    {"broker.id.generation.enable", "an explicit node.id"},
    {"reserved.broker.max.id", "an explicit node.id"},
    {"delegation.token.master.key", "delegation.token.secret.key"},
    {"log.message.timestamp.difference.max.ms", "log.message.timestamp.before.max.ms and log.message.timestamp.after.max.ms"},
    {"inter.broker.protocol.version", "the metadata.version feature (kafka-storage format, kafka-features upgrade)"},
}};

// Settings of other scopes people put into broker files, which the broker never reads from the
// file, and what the broker uses instead (`replacement`, offered as "did you mean" when it is a key).
struct MisplacedKey {
  std::string_view key, hint, replacement;
};
constexpr std::string_view topic_hint = "a topic config, which a broker never reads from its own file; the broker-wide default is ";
// Topic configs and their broker-wide synonyms (LogConfig.java / ServerTopicConfigSynonyms.java @3.9.0).
constexpr std::array<MisplacedKey, 25> misplaced_keys = {{
    {"security.protocol", "a client setting: the broker's own connections use security.inter.broker.protocol or inter.broker.listener.name", ""},
    {"sasl.mechanism", "a client setting: the broker uses sasl.enabled.mechanisms and sasl.mechanism.inter.broker.protocol", ""},
    {"bootstrap.servers", "a client setting: brokers find each other through the metadata quorum or ZooKeeper", ""},
    {"group.id", "a consumer setting, not a broker setting", ""},
    // Dynamic broker configs: ConfigHandler.scala @3.9.0 (BrokerConfigHandler) reads them only from
    // the dynamic configs (kafka-configs --entity-type brokers), never from server.properties.
    {"leader.replication.throttled.rate", "a dynamic broker config, read only when set with kafka-configs --entity-type brokers, never from this file", ""},
    {"follower.replication.throttled.rate", "a dynamic broker config, read only when set with kafka-configs --entity-type brokers, never from this file", ""},
    {"replica.alter.log.dirs.io.max.bytes.per.second",
     "a dynamic broker config, read only when set with kafka-configs --entity-type brokers, never from this file", ""},
    {"cleanup.policy", topic_hint, "log.cleanup.policy"},
    {"retention.ms", topic_hint, "log.retention.ms"},
    {"retention.bytes", topic_hint, "log.retention.bytes"},
    {"segment.bytes", topic_hint, "log.segment.bytes"},
    {"segment.ms", topic_hint, "log.roll.ms"},
    {"segment.jitter.ms", topic_hint, "log.roll.jitter.ms"},
    {"segment.index.bytes", topic_hint, "log.index.size.max.bytes"},
    {"flush.messages", topic_hint, "log.flush.interval.messages"},
    {"flush.ms", topic_hint, "log.flush.interval.ms"},
    {"max.message.bytes", topic_hint, "message.max.bytes"},
    {"index.interval.bytes", topic_hint, "log.index.interval.bytes"},
    {"delete.retention.ms", topic_hint, "log.cleaner.delete.retention.ms"},
    {"min.compaction.lag.ms", topic_hint, "log.cleaner.min.compaction.lag.ms"},
    {"max.compaction.lag.ms", topic_hint, "log.cleaner.max.compaction.lag.ms"},
    {"file.delete.delay.ms", topic_hint, "log.segment.delete.delay.ms"},
    {"min.cleanable.dirty.ratio", topic_hint, "log.cleaner.min.cleanable.ratio"},
    {"message.timestamp.type", topic_hint, "log.message.timestamp.type"},
    {"preallocate", topic_hint, "log.preallocate"},
}};

template <typename Array>
bool contains(const Array& array, std::string_view key) {
  return std::find(array.begin(), array.end(), key) != array.end();
}

bool has_any_prefix(std::string_view key, std::span<const std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return !p.empty() && starts_with(key, p); });
}

// Metrics reporter plug-ins read settings under their own prefix: `kafka.<name>.metrics.` for the
// Yammer reporters (KafkaCSVMetricsReporter reads kafka.csv.metrics.dir), `<name>.metrics.reporter.`
// for reporters such as Cruise Control's.
bool metrics_reporter_key(std::string_view key) {
  if (key.find("metrics.reporter.") != std::string_view::npos && !starts_with(key, "metrics.reporter.")) return true;
  if (!starts_with(key, "kafka.")) return false;
  const std::size_t second = key.find('.', 6);
  return second != std::string_view::npos && second > 6 && starts_with(key.substr(second), ".metrics.");
}

// A key the newest or an older catalog line knows, and which release first/last had it.
const KeySpec* any_version_spec(std::string_view key) {
  for (auto it = kafka_catalog::versions().rbegin(); it != kafka_catalog::versions().rend(); ++it) {
    if (const KeySpec* s = kafka_catalog::find(*it, key)) return s;
  }
  return nullptr;
}

// The first release that reads `key`, as far as the catalog and read_before_documented know.
std::optional<KafkaVersion> first_read_in(std::string_view key) {
  for (const ReadBeforeDocumented& r : read_before_documented) {
    if (r.key == key) return r.read.since;
  }
  return kafka_catalog::first_version_with(key);
}

std::string next_release_after(KafkaVersion last) {
  const auto versions = kafka_catalog::versions();
  const auto it = std::upper_bound(versions.begin(), versions.end(), last);
  return it != versions.end() ? it->to_string() : "";
}

KeyInfo classify_plain(KafkaVersion version, std::string_view key, std::span<const std::string_view> plugin_prefixes) {
  KeyInfo info;
  if ((info.spec = broker_spec(version, key)) != nullptr) {
    info.kind = KeyKind::broker;
    return info;
  }
  if (has_any_prefix(key, vendor_prefixes)) {
    info.kind = KeyKind::vendor;
    return info;
  }
  if (contains(plugin_keys, key) || has_any_prefix(key, plugin_prefixes_builtin) || has_any_prefix(key, plugin_prefixes) ||
      metrics_reporter_key(key) || (starts_with(key, "authorizer.zookeeper.") && any_version_spec(key.substr(11)) != nullptr)) {
    info.kind = KeyKind::plugin;
    return info;
  }
  // Before the release checks: a later table may list a dynamic config, which this release still
  // reads only through kafka-configs.
  for (const MisplacedKey& m : misplaced_keys) {
    if (m.key != key) continue;
    info.kind = KeyKind::unknown;
    info.hint = m.hint;
    if (broker_spec(version, m.replacement) != nullptr) info.replacement = m.replacement;
    return info;
  }
  if (starts_with(key, config_provider_prefix)) {
    info.kind = config_providers.holds_in(version) ? KeyKind::plugin : KeyKind::not_yet;
    info.release = config_providers.since.to_string();
    return info;
  }
  const auto first = first_read_in(key);
  const auto last = kafka_catalog::last_version_with(key);
  if (first && *first > version) {
    info.kind = KeyKind::not_yet;
    info.release = first->to_string();
    return info;
  }
  if (last && *last < version) {
    info.kind = KeyKind::removed;
    info.release = next_release_after(*last);
    for (const Successor& s : successors) {
      if (s.key == key) info.replacement = s.replacement;
    }
    return info;
  }
  for (const LegacyKey& legacy : legacy_keys) {
    if (legacy.key == key) {
      info.kind = KeyKind::removed;
      info.release = std::string(legacy.removed_in);
      info.replacement = legacy.replacement;
      return info;
    }
  }
  info.kind = KeyKind::unknown;
  return info;
}

}  // namespace

const KeySpec* broker_spec(KafkaVersion version, std::string_view key) {
  if (const KeySpec* s = kafka_catalog::find(version, key)) return s;
  // The release is asked only about the keys it changes the answer for (release_questions.hpp).
  if (contains(kraft_internal_in_2_8, key) && kafka_fact::kraft_internal_keys_undocumented.holds_in(version)) return kafka_catalog::find({3, 0}, key);
  // A gap in the tables: an older and a newer line both have the key.
  const auto first = kafka_catalog::first_version_with(key);
  const auto last = kafka_catalog::last_version_with(key);
  if (first && last && *first < version && *last > version) return any_version_spec(key);
  if (contains(table_artifacts, key) && first && *first <= version) return any_version_spec(key);
  for (const ReadBeforeDocumented& r : read_before_documented) {
    if (r.key == key && r.read.holds_in(version)) return any_version_spec(key);
  }
  return nullptr;
}

KeyInfo classify_key(KafkaVersion version, std::string_view key, std::span<const std::string_view> plugin_prefixes) {
  // listener.name.<listener>.<key> and listener.name.<listener>.<prefix>.<key> (a SASL mechanism,
  // say) are read for that listener when <key> is a broker key (AbstractConfig.valuesWithPrefixOverride).
  constexpr std::string_view listener_prefix = "listener.name.";
  if (starts_with(key, listener_prefix)) {
    const std::size_t dot = key.find('.', listener_prefix.size());
    if (dot != std::string_view::npos && dot > listener_prefix.size() && dot + 1 < key.size()) {
      KeyInfo info;
      info.kind = KeyKind::listener_override;
      info.listener = key.substr(listener_prefix.size(), dot - listener_prefix.size());
      info.inner_key = key.substr(dot + 1);
      info.spec = broker_spec(version, info.inner_key);
      if (info.spec == nullptr) {
        const std::size_t second = info.inner_key.find('.');
        if (second != std::string_view::npos) info.spec = broker_spec(version, info.inner_key.substr(second + 1));
      }
      info.unknown_inner = info.spec == nullptr;
      return info;
    }
  }
  return classify_plain(version, key, plugin_prefixes);
}

std::string_view plugin_namespace(std::string_view class_name) {
  for (const PluginNamespace& p : plugin_namespaces) {
    if (p.class_name == class_name) return p.prefix;
  }
  return {};
}

std::span<const std::string_view> spelling_candidates(KafkaVersion version) {
  static const std::map<KafkaVersion, std::vector<std::string_view>> by_version = [] {
    const ReleaseLog::Paused once;  // built once for every release; what a search asks is noted below
    std::map<KafkaVersion, std::vector<std::string_view>> out;
    for (const KafkaVersion v : kafka_catalog::versions()) {
      std::vector<std::string_view>& names = out[v];
      for (const KeySpec* s : kafka_catalog::keys(v)) names.push_back(s->name);
      if (kafka_fact::kraft_internal_keys_undocumented.holds_in(v)) names.insert(names.end(), kraft_internal_in_2_8.begin(), kraft_internal_in_2_8.end());
      names.insert(names.end(), plugin_keys.begin(), plugin_keys.begin() + 2);
    }
    return out;
  }();
  // The lines where the candidates change: what a did-you-mean search asks about the release.
  static const std::uint64_t changes = [] {
    std::uint64_t mask = 0;
    const auto lines = kafka_catalog::versions();
    for (std::size_t i = 1; i < lines.size(); ++i) {
      if (by_version.at(lines[i - 1]) != by_version.at(lines[i])) mask |= std::uint64_t{1} << i;
    }
    return mask;
  }();
  note_release_questions(ReleaseQuestions{changes});
  const auto it = by_version.find(kafka_catalog::nearest(version));
  return it != by_version.end() ? std::span<const std::string_view>(it->second) : std::span<const std::string_view>();
}

}  // namespace zklint::support::kafka
