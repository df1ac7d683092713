#include "strimzi.hpp"
#include "node_settings.hpp"
#include "source_range.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

#include "zklint/lint/context.hpp"
#include "zklint/lint/strings.hpp"
#include "zklint/yaml.hpp"

namespace zklint::deploy {

namespace {

// The keys the operator sets itself or forbids in spec.kafka.config: it drops them with only a
// log line ("Configuration option ... is forbidden and will be ignored"). A key is dropped when
// its lower-cased form starts with a prefix, unless it is an exception, compared as written
// (AbstractConfiguration.java filterForbidden, strimzi/strimzi-kafka-operator @1.2.0 and @0.45.0).
struct ForbiddenList {
  std::string_view release;
  std::vector<std::string_view> prefixes;
  std::vector<std::string_view> exceptions;
  std::vector<std::string_view> per_listener;  ///< allowed as listener.name.<name>-<port>.<option>
};

// KafkaClusterSpec.java FORBIDDEN_PREFIXES and FORBIDDEN_PREFIX_EXCEPTIONS @0.45.0, the last
// release line that runs ZooKeeper-based clusters.
const ForbiddenList& kafka_forbidden_zookeeper_mode() {
  static const ForbiddenList list{
      "0.45.0",
      {"listeners", "advertised.", "broker.", "listener.", "host.name", "port", "inter.broker.listener.name", "sasl.", "ssl.", "security.", "password.",
       "log.dir", "zookeeper.connect", "zookeeper.set.acl", "zookeeper.ssl", "zookeeper.clientCnxnSocket", "authorizer.", "super.user",
       "cruise.control.metrics.topic", "cruise.control.metrics.reporter.bootstrap.servers", "node.id", "process.roles", "controller.", "metadata.log.dir",
       "zookeeper.metadata.migration.enable", "client.quota.callback.static.kafka.admin.", "client.quota.callback.static.produce",
       "client.quota.callback.static.fetch", "client.quota.callback.static.storage.per.volume.limit.min.available.",
       "client.quota.callback.static.excluded.principal.name.list"},
      {"zookeeper.connection.timeout.ms", "sasl.server.max.receive.size", "ssl.cipher.suites", "ssl.protocol", "ssl.enabled.protocols",
       "ssl.secure.random.implementation", "cruise.control.metrics.topic.num.partitions", "cruise.control.metrics.topic.replication.factor",
       "cruise.control.metrics.topic.retention.ms", "cruise.control.metrics.topic.auto.create.retries", "cruise.control.metrics.topic.auto.create.timeout.ms",
       "cruise.control.metrics.topic.min.insync.replicas", "controller.quorum.election.backoff.max.ms", "controller.quorum.election.timeout.ms",
       "controller.quorum.fetch.timeout.ms"},
      {},
  };
  return list;
}

// The same @1.2.0: two more prefixes, three more exceptions, and ALLOWED_PER_LISTENER_CONFIGS.
const ForbiddenList& kafka_forbidden_kraft() {
  static const ForbiddenList list = [] {
    ForbiddenList l = kafka_forbidden_zookeeper_mode();
    l.release = "1.2.0";
    l.prefixes.insert(l.prefixes.end(), {"prometheus.metrics.reporter.", "cordoned.log.dirs"});
    l.exceptions.insert(l.exceptions.end(), {"broker.session.timeout.ms", "broker.heartbeat.interval.ms", "controller.socket.timeout.ms"});
    l.per_listener = {"connections.max.reauth.ms", "max.connections", "max.connection.creation.rate"};
    return l;
  }();
  return list;
}

// ZookeeperClusterSpec.java @0.45.0. The operator compares the lower-cased key with these as
// written, so the camel-case ones (dataDir, clientPort, ...) never match and pass through.
const ForbiddenList& zookeeper_forbidden() {
  static const ForbiddenList list{
      "0.45.0",
      {"server.", "dataDir", "dataLogDir", "clientPort", "authProvider", "quorum.auth", "requireClientAuthScheme", "snapshot.trust.empty",
       "standaloneEnabled", "reconfigEnabled", "4lw.commands.whitelist", "secureClientPort", "ssl.", "serverCnxnFactory", "sslQuorum"},
      {"ssl.protocol", "ssl.quorum.protocol", "ssl.enabledProtocols", "ssl.quorum.enabledProtocols", "ssl.ciphersuites", "ssl.quorum.ciphersuites",
       "ssl.hostnameVerification", "ssl.quorum.hostnameVerification"},
      {},
  };
  return list;
}

/// The forbidden prefix that drops `key`, or empty when the operator passes it on.
std::string_view dropping_prefix(const ForbiddenList& list, const std::string& key, const std::vector<std::string>& listener_ids) {
  const std::string folded = to_lower(key);
  for (std::string_view prefix : list.prefixes) {
    if (!starts_with(folded, prefix)) continue;
    if (std::find(list.exceptions.begin(), list.exceptions.end(), key) != list.exceptions.end()) return {};
    for (const std::string& id : listener_ids) {
      for (std::string_view option : list.per_listener) {
        if (key == "listener.name." + id + "." + std::string(option)) return {};
      }
    }
    return prefix;
  }
  return {};
}

// Java's Double.toString, the text the operator makes of a JSON number with a fraction.
std::string java_double(double x) {
  if (x == 0) return "0.0";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string s(buf, r.ptr);
  std::string sign;
  if (s[0] == '-') {
    sign = "-";
    s.erase(0, 1);
  }
  const std::size_t e = s.find('e');
  const int exponent = std::atoi(s.c_str() + e + 1);
  std::string digits = s.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const double magnitude = std::fabs(x);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent < 0) return sign + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    const auto point = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= point) return sign + digits + std::string(point - digits.size(), '0') + ".0";
    return sign + digits.substr(0, point) + "." + digits.substr(point);
  }
  return sign + digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "E" + std::to_string(exponent);
}

bool is_float_text(std::string_view t) {
  // go-yaml v2 resolve.go yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i - from;
  };
  const std::size_t whole = digits();
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (digits() == 0 && whole == 0) return false;
  } else if (whole == 0) {
    return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == t.size();
}

}  // namespace

// kubectl converts the YAML to JSON with sigs.k8s.io/yaml, which resolves plain scalars as
// go-yaml v2 does (YAML 1.1: yes/no/on/off are booleans, `_` is dropped from numbers, 0x and a
// leading 0 are bases); Go's encoding/json writes a float64 without a fraction as an integer;
// the operator reads numbers with Jackson and turns them into text with String.valueOf
// (OrderedProperties.java addIterablePairs @1.2.0).
std::string operator_scalar_text(std::string_view plain) {
  static const std::vector<std::string_view> yes = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
  static const std::vector<std::string_view> no = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
  if (std::find(yes.begin(), yes.end(), plain) != yes.end()) return "true";
  if (std::find(no.begin(), no.end(), plain) != no.end()) return "false";
  if (plain.empty() || std::string_view("+-.0123456789").find(plain.front()) == std::string_view::npos) return std::string(plain);
  std::string number(plain);
  number.erase(std::remove(number.begin(), number.end(), '_'), number.end());
  std::string body = number;
  bool negative = false;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body.erase(0, 1);
  }
  int base = 10;
  std::string_view digits = body;
  if (starts_with(body, "0x")) base = 16, digits.remove_prefix(2);
  else if (starts_with(body, "0o")) base = 8, digits.remove_prefix(2);
  else if (starts_with(body, "0b")) base = 2, digits.remove_prefix(2);
  else if (body.size() > 1 && body[0] == '0') base = 8, digits.remove_prefix(1);
  std::int64_t value = 0;
  if (!digits.empty()) {
    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (r.ec == std::errc() && r.ptr == digits.data() + digits.size()) return std::to_string(negative ? -value : value);
  }
  if (!is_float_text(number)) return std::string(plain);
  const double x = std::strtod(number.c_str(), nullptr);
  if (!std::isfinite(x)) return std::string(plain);
  if (std::fabs(x) < 1e21 && x == std::trunc(x)) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
    return std::string(buf, r.ptr);
  }
  return java_double(x);
}

namespace {

struct Resource {
  const yaml::Node* root = nullptr;
  std::string kind, name;
};

/// A KafkaNodePool as the operator reads it (KafkaNodePoolSpec): roles and replicas.
struct Pool {
  const Resource* resource = nullptr;
  bool broker = false, controller = false;
};

/// `replicas` as the operator reads it: a plain whole number, else unknown here (a placeholder).
std::optional<int> replica_count(const yaml::Node* replicas) {
  if (replicas == nullptr || !replicas->is_scalar() || replicas->style != yaml::ScalarStyle::plain) return std::nullopt;
  const std::string text = operator_scalar_text(replicas->text);
  int count = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (error != std::errc{} || end != text.data() + text.size() || count < 0) return std::nullopt;
  return count;
}

class StrimziReader {
 public:
  explicit StrimziReader(const SourceFile& source) : source_(source), model_(std::make_shared<ComposeModel>()) {}

  ComposeLoad run() {
    const yaml::Tree tree = yaml::parse(source_);
    std::vector<Resource> resources;
    for (const yaml::Node* doc : tree.documents()) {
      if (doc == nullptr || !doc->is_mapping()) continue;
      if (!starts_with(scalar_text(yaml::find(*doc, "apiVersion")), "kafka.strimzi.io/")) continue;
      const std::string kind = scalar_text(yaml::find(*doc, "kind"));
      if (kind != "Kafka" && kind != "KafkaNodePool") continue;
      resources.push_back({doc, kind, scalar_text(value_at(doc, {"metadata", "name"}))});
    }
    load_.what = "Kubernetes manifest with Strimzi Kafka resources";
    load_.recognized = !resources.empty();
    if (!load_.recognized) return std::move(load_);
    load_.comments = grammar::yaml_comments(source_.bytes());
    for (const yaml::Issue& issue : tree.issues()) file_finding(FileFinding::Kind::invalid_yaml, issue.message, range(issue.offset, issue.offset + 1));
    for (const Resource& r : resources) {
      if (r.kind == "Kafka") read_kafka(r, resources);
    }
    load_.model = model_;
    return std::move(load_);
  }

 private:
  Range range(std::uint32_t begin, std::uint32_t end) const { return clamped_range(source_, begin, end); }
  Range range(const yaml::Node& node) const { return range(node.begin, node.is_scalar() ? node.end : node.begin); }

  void file_finding(FileFinding::Kind kind, std::string message, const Range& where) { model_->findings.push_back({kind, std::move(message), where}); }

  /// Where settings about a resource as a whole point: its metadata.name, else its kind.
  const yaml::Node& anchor(const Resource& r) const {
    const yaml::Node* name = value_at(r.root, {"metadata", "name"});
    if (name != nullptr && name->is_scalar()) return *name;
    return *yaml::find(*r.root, "kind");
  }

  void read_kafka(const Resource& kafka, const std::vector<Resource>& resources) {
    const yaml::Node* spec = value_at(kafka.root, {"spec", "kafka"});
    const yaml::Node* zookeeper = value_at(kafka.root, {"spec", "zookeeper"});
    const std::string kraft_annotation = scalar_text(value_at(kafka.root, {"metadata", "annotations", "strimzi.io/kraft"}));
    // Strimzi 0.46 and later run KRaft only; before, spec.zookeeper made a ZooKeeper-based cluster
    // unless the strimzi.io/kraft annotation said `enabled` (KafkaCluster.java @0.45.0).
    const bool zookeeper_mode = zookeeper != nullptr && zookeeper->is_mapping() && kraft_annotation != "enabled";
    const std::vector<std::string> listener_ids = listeners(spec);
    const ForbiddenList& forbidden = zookeeper_mode ? kafka_forbidden_zookeeper_mode() : kafka_forbidden_kraft();
    std::vector<DerivedSetting> config = read_config(value_at(spec, {"config"}), forbidden, listener_ids, "spec.kafka.config", kafka);

    // spec.kafka.version: the Kafka release of every node (when absent, the operator's default).
    std::optional<std::string> version;
    if (const yaml::Node* v = value_at(spec, {"version"}); v != nullptr && v->is_scalar() && !v->is_null()) {
      const std::string text = v->style == yaml::ScalarStyle::plain ? operator_scalar_text(v->text) : v->text;
      const auto parsed = KafkaVersion::parse(text);
      if (text.find("${") != std::string::npos || text.find("{{") != std::string::npos) {
        // a placeholder filled in before the manifest is applied: the version is not known here
      } else if (!parsed || *parsed < KafkaVersion{2, 0} || KafkaVersion{4, 3} < *parsed) {
        file_finding(FileFinding::Kind::unsupported_kafka_version,
                     "Kafka '" + kafka.name + "': spec.kafka.version '" + text +
                         "' is not a Kafka release zklint knows (2.0 to 4.3): its config is not checked against Kafka's rules",
                     range(*v));
        if (zookeeper_mode) read_config(yaml::find(*zookeeper, "config"), zookeeper_forbidden(), {}, "spec.zookeeper.config", kafka);
        return;
      } else {
        version = text;
      }
    }

    std::vector<Pool> pools;
    for (const Resource& r : resources) {
      if (r.kind != "KafkaNodePool" || scalar_text(value_at(r.root, {"metadata", "labels", "strimzi.io/cluster"})) != kafka.name) continue;
      Pool pool{&r};
      if (const yaml::Node* roles = value_at(r.root, {"spec", "roles"})) {
        for (const yaml::Node* role : roles->items) {
          pool.broker = pool.broker || scalar_text(role) == "broker";
          pool.controller = pool.controller || scalar_text(role) == "controller";
        }
      }
      pools.push_back(pool);
    }
    if (!zookeeper_mode) judge_controller_quorum(kafka, pools);
    if (pools.empty()) {
      add_kafka_node(kafka, nullptr, zookeeper_mode, listener_ids, config, version);
    } else {
      for (const Pool& pool : pools) add_kafka_node(kafka, &pool, zookeeper_mode, listener_ids, config, version);
    }
    if (zookeeper_mode) add_zookeeper_node(kafka, *zookeeper, version);
  }

  // Every node of a pool with the controller role is a voter of the metadata quorum (the operator
  // lists them in controller.quorum.voters: KafkaBrokerConfigurationBuilder.withKRaft @0.45.0,
  // @1.2.0), and Raft needs a majority of the voters up. Judged when the pools of this file give
  // every controller pool a known replica count.
  void judge_controller_quorum(const Resource& kafka, const std::vector<Pool>& pools) {
    int controllers = 0;
    const yaml::Node* last = nullptr;
    std::string counts;
    for (const Pool& pool : pools) {
      if (!pool.controller) continue;
      const yaml::Node* replicas = value_at(pool.resource->root, {"spec", "replicas"});
      const std::optional<int> count = replica_count(replicas);
      if (!count) return;
      controllers += *count;
      last = replicas;
      counts += std::string(counts.empty() ? "" : ", ") + pool.resource->name + " " + std::to_string(*count);
    }
    if (controllers < 2 || controllers % 2 != 0) return;
    const int survived = (controllers - 1) / 2;
    std::string message = "Kafka '" + kafka.name + "': the KafkaNodePools of this file with the controller role have " + std::to_string(controllers) +
                          " replicas (" + counts + "), so the metadata quorum needs " + std::to_string(controllers / 2 + 1) + " of them up and survives " +
                          std::to_string(survived) + (survived == 1 ? " failure" : " failures");
    message += controllers == 2 ? ": losing either controller stops it; use three controllers (or one)"
                                : ", no more than " + std::to_string(controllers - 1) + " would; use an odd number of controllers";
    file_finding(FileFinding::Kind::even_controller_quorum, std::move(message), range(*last));
  }

  /// The listener identifiers (`<name>-<port>`, ListenersUtils.identifier @1.2.0) of spec.kafka.listeners.
  static std::vector<std::string> listeners(const yaml::Node* spec) {
    std::vector<std::string> ids;
    const yaml::Node* list = value_at(spec, {"listeners"});
    if (list == nullptr) return ids;
    for (const yaml::Node* item : list->items) {
      if (item->is_mapping()) ids.push_back(scalar_text(yaml::find(*item, "name")) + "-" + scalar_text(yaml::find(*item, "port")));
    }
    return ids;
  }

  // The user's config as the operator passes it on: dropped keys and values of the wrong type are
  // findings, the rest settings pointing at their YAML.
  std::vector<DerivedSetting> read_config(const yaml::Node* config, const ForbiddenList& forbidden, const std::vector<std::string>& listener_ids,
                                          std::string_view where, const Resource& owner) {
    std::vector<DerivedSetting> out;
    if (config == nullptr || config->is_null()) return out;
    if (!config->is_mapping()) {
      file_finding(FileFinding::Kind::config_value_type,
                   "Kafka '" + owner.name + "': " + std::string(where) + " must be a map of keys to values; the API server refuses the resource",
                   range(*config));
      return out;
    }
    for (const auto& [key, value] : yaml::entries(*config)) {
      if (!key->is_scalar()) continue;
      const std::string_view prefix = dropping_prefix(forbidden, key->text, listener_ids);
      if (!prefix.empty()) {
        file_finding(FileFinding::Kind::operator_owned_key,
                     "Kafka '" + owner.name + "': the operator drops '" + key->text + "' from " + std::string(where) + " (its keys starting with '" +
                         std::string(prefix) + "' are the operator's, Strimzi " + std::string(forbidden.release) + "), so this setting has no effect",
                     range(*key));
        continue;
      }
      if (!value->is_scalar() || (value->is_null() && value->style == yaml::ScalarStyle::plain)) {
        const std::string what = value->is_mapping() ? "a map" : value->is_sequence() ? "a list" : "null";
        file_finding(FileFinding::Kind::config_value_type,
                     "Kafka '" + owner.name + "': '" + key->text + "' in " + std::string(where) + " is " + what +
                         ", not a string, number or boolean: the operator refuses the config and the resource fails to reconcile",
                     value->is_null() ? range(*key) : range(*value));
        continue;
      }
      DerivedSetting s;
      s.key = key->text;
      s.value = value->style == yaml::ScalarStyle::plain ? operator_scalar_text(value->text) : value->text;
      s.key_begin = key->begin;
      s.key_end = key->end;
      s.value_begin = value->begin;
      s.value_end = value->end;
      s.separator = Separator::colon;
      s.separator_offset = key->end;
      if (!value->verbatim || s.value != value->text) {
        s.value_pieces = {{0, value->begin, static_cast<std::uint32_t>(s.value.size()), value->end - value->begin}};
      }
      out.push_back(std::move(s));
    }
    return out;
  }

  void add_node(std::string name, FileKind kind, const yaml::Node& at, const std::vector<MadeSetting>& made, const std::vector<DerivedSetting>& user,
                const std::vector<MadeSetting>& after, const std::optional<std::string>& version) {
    DeployedNode node;
    node.service = std::move(name);
    node.image = "strimzi";
    node.family = ImageFamily::strimzi;
    node.kind = kind;
    node.service_range = range(at);
    node.image_range = node.service_range;
    node.kafka_version = version;
    NodeSettings settings(source_, at);
    settings.add_made(made, "written by the Strimzi cluster operator");
    settings.add_user(user, "config");
    settings.add_made(after, "written by the Strimzi cluster operator");
    settings.finish(std::move(node), *model_, load_);
  }

  static bool has(const std::vector<DerivedSetting>& settings, std::string_view key) {
    return std::any_of(settings.begin(), settings.end(), [&](const DerivedSetting& s) { return s.key == key; });
  }

  // What KafkaBrokerConfigurationBuilder writes around the user's config (@1.2.0 for KRaft,
  // @0.45.0 for ZooKeeper mode): ids, roles, quorum, listeners with operator-made host names and
  // log directories. Host names and ids exist only in the running pods: they stay placeholders.
  void add_kafka_node(const Resource& kafka, const Pool* pool, bool zookeeper_mode, const std::vector<std::string>& listener_ids,
                      const std::vector<DerivedSetting>& config, const std::optional<std::string>& version) {
    const bool broker = pool == nullptr || pool->broker || zookeeper_mode;
    const bool controller = pool != nullptr && pool->controller && !zookeeper_mode;
    std::string listeners, protocols = "CONTROLPLANE-9090:SSL";
    if (controller) listeners = "CONTROLPLANE-9090://0.0.0.0:9090";
    if (broker) {
      listeners += std::string(listeners.empty() ? "" : ",") + "REPLICATION-9091://0.0.0.0:9091";
      protocols += ",REPLICATION-9091:SSL";
      for (const std::string& id : listener_ids) {
        const std::string name = to_upper(id);
        listeners += "," + name + "://0.0.0.0:" + id.substr(id.rfind('-') + 1);
        protocols += "," + name + ":${protocol}";
      }
    }
    std::vector<MadeSetting> made;
    if (zookeeper_mode) {
      made.push_back({"broker.id", "${STRIMZI_BROKER_ID}"});
      made.push_back({"zookeeper.connect", kafka.name + "-zookeeper-client:2181"});
    } else {
      made.push_back({"node.id", "${STRIMZI_NODE_ID}"});
      // A Kafka resource without pools in this file: its pools (and so its roles) are elsewhere.
      if (pool != nullptr) made.push_back({"process.roles", broker && controller ? "broker,controller" : broker ? "broker" : "controller", true});
      else made.push_back({"process.roles", "${KafkaNodePool roles}"});
      made.push_back({"controller.listener.names", "CONTROLPLANE-9090"});
      made.push_back({"controller.quorum.voters", "${controllers}"});
    }
    made.push_back({"listener.security.protocol.map", protocols});
    made.push_back({"listeners", listeners});
    made.push_back({"advertised.listeners", "${advertised listeners}"});
    if (broker) made.push_back({"inter.broker.listener.name", "REPLICATION-9091"});
    made.push_back({"log.dirs", "/var/lib/kafka/data/kafka-log${STRIMZI_BROKER_ID}"});
    // KafkaConfiguration.java DEFAULTS: min.insync.replicas=1 unless the config sets it.
    if (!has(config, "min.insync.replicas")) made.push_back({"min.insync.replicas", "1"});
    const Resource& owner = pool != nullptr ? *pool->resource : kafka;
    add_node(to_lower(owner.kind) + "/" + owner.name, FileKind::kafka, anchor(owner), std::move(made), config, {}, version);
  }

  // zookeeper_config_generator.sh @0.45.0: the operator's settings, the user's config, then one
  // server.N line per replica. ZookeeperConfiguration.java DEFAULTS come before the user's config.
  void add_zookeeper_node(const Resource& kafka, const yaml::Node& zookeeper, const std::optional<std::string>& version) {
    std::vector<DerivedSetting> config = read_config(yaml::find(zookeeper, "config"), zookeeper_forbidden(), {}, "spec.zookeeper.config", kafka);
    std::vector<MadeSetting> made = {
        {"dataDir", "/var/lib/zookeeper/data"},
        {"4lw.commands.whitelist", "*"},
        {"standaloneEnabled", "false"},
        {"reconfigEnabled", "true"},
        {"serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory"},
        {"ssl.clientAuth", "need"},
        {"ssl.quorum.clientAuth", "need"},
        {"secureClientPort", "2181"},
        {"sslQuorum", "true"},
        {"ssl.trustStore.location", "/tmp/zookeeper/cluster.truststore.p12"},
        {"ssl.quorum.trustStore.location", "/tmp/zookeeper/cluster.truststore.p12"},
        {"ssl.keyStore.location", "/tmp/zookeeper/cluster.keystore.p12"},
        {"ssl.quorum.keyStore.location", "/tmp/zookeeper/cluster.keystore.p12"},
    };
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"tickTime", "2000"}, {"initLimit", "5"}, {"syncLimit", "2"}, {"autopurge.purgeInterval", "1"}, {"admin.enableServer", "false"}}) {
      if (!has(config, key)) made.push_back({key, value});
    }
    // The replicas give the servers; their host names are the operator's. Unknown replicas (a
    // placeholder): one server line stands for the ensemble, so that its size is not judged.
    std::vector<MadeSetting> servers;
    const int count = replica_count(yaml::find(zookeeper, "replicas")).value_or(0);
    const bool known = count >= 1 && count <= 255;
    for (int n = 1; n <= (known ? count : 1); ++n) {
      servers.push_back({"server." + std::to_string(n), "${pod " + std::to_string(n - 1) + "}:2888:3888:participant;127.0.0.1:12181", known});
    }
    add_node("kafka/" + kafka.name + " (zookeeper)", FileKind::zookeeper, anchor(kafka), std::move(made), config, std::move(servers), version);
  }

  const SourceFile& source_;
  std::shared_ptr<ComposeModel> model_;
  ComposeLoad load_;
};

}  // namespace

ComposeLoad load_strimzi(const SourceFile& source) { return StrimziReader(source).run(); }

}  // namespace zklint::deploy
