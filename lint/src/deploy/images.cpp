#include "images.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "zklint/lint/image_myid.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::deploy {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// "7.5.0" -> 7, 5, 0; "3.9.0-debian-12-r1" -> 3, 9, 0; "2.13-2.8.1" (wurstmeister: scala-kafka) is read by the caller.
struct TagVersion {
  std::optional<int> first, second, third;
};
TagVersion leading_version(std::string_view tag) {
  int parts[3] = {-1, -1, -1};
  std::size_t i = 0;
  for (int k = 0; k < 3; ++k) {
    if (i >= tag.size() || std::isdigit(static_cast<unsigned char>(tag[i])) == 0) break;
    int v = 0;
    while (i < tag.size() && std::isdigit(static_cast<unsigned char>(tag[i])) != 0 && v < 100000) v = v * 10 + (tag[i++] - '0');
    parts[k] = v;
    if (i < tag.size() && tag[i] == '.') ++i;
    else break;
  }
  TagVersion out;
  if (parts[0] >= 0) out.first = parts[0];
  if (parts[1] >= 0) out.second = parts[1];
  if (parts[2] >= 0) out.third = parts[2];
  return out;
}

// Confluent Platform X.Y ships Apache Kafka: 5.0 -> 2.0 ... 5.5 -> 2.5, 6.0 -> 2.6, 6.1 -> 2.7,
// 6.2 -> 2.8, 7.Y -> 3.Y, 8.Y -> 4.Y (Confluent's "Supported Versions and Interoperability" table).
std::optional<KafkaVersion> kafka_of_confluent(int major, int minor) {
  if (major == 5 && minor <= 5) return KafkaVersion{2, minor};
  if (major == 6 && minor <= 2) return KafkaVersion{2, 6 + minor};
  if (major == 7) return KafkaVersion{3, minor};
  if (major == 8) return KafkaVersion{4, minor};
  return std::nullopt;
}

}  // namespace

std::optional<ImageRef> classify_image(std::string_view image, bool kafka_variables) {
  ImageRef ref;
  std::string_view name = image;
  if (const std::size_t at = name.find('@'); at != std::string_view::npos) name = name.substr(0, at);  // a digest
  const std::size_t slash = name.rfind('/');
  const std::size_t colon = name.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    ref.tag = std::string(name.substr(colon + 1));
    name = name.substr(0, colon);
  }
  // Drop a registry host ("docker.io/", "registry.example.com:5000/") and Docker Hub's "library/".
  std::string repo = lower(name);
  if (const std::size_t first = repo.find('/'); first != std::string::npos) {
    const std::string_view head = std::string_view(repo).substr(0, first);
    if (head.find('.') != std::string_view::npos || head.find(':') != std::string_view::npos || head == "localhost") repo = repo.substr(first + 1);
  }
  if (starts_with(repo, "library/")) repo = repo.substr(8);
  ref.repository = repo;
  const auto [major, minor, patch] = leading_version(ref.tag);
  ref.major = major;
  ref.minor = minor;
  ref.patch = patch;
  const auto own_kafka = [&] {
    if (major && minor) ref.kafka = KafkaVersion{*major, *minor};
  };
  if (repo == "apache/kafka" || repo == "apache/kafka-native") {
    ref.family = ImageFamily::apache_kafka;
    own_kafka();
  } else if (repo == "confluentinc/cp-kafka" || repo == "confluentinc/cp-server") {
    ref.family = ImageFamily::confluent_kafka;
    if (major && minor) ref.kafka = kafka_of_confluent(*major, *minor);
  } else if (repo == "confluentinc/cp-zookeeper") {
    ref.family = ImageFamily::confluent_zookeeper;
  } else if (repo == "bitnami/kafka" || repo == "bitnamilegacy/kafka") {
    ref.family = ImageFamily::bitnami_kafka;
    own_kafka();
  } else if (repo == "bitnami/zookeeper" || repo == "bitnamilegacy/zookeeper") {
    ref.family = ImageFamily::bitnami_zookeeper;
  } else if (repo == "zookeeper") {
    ref.family = ImageFamily::zookeeper;
  } else if (repo == "wurstmeister/kafka") {
    ref.family = ImageFamily::wurstmeister_kafka;
    // Tags are SCALA-KAFKA ("2.13-2.8.1"); older ones are the Kafka version alone.
    // An untagged (latest) image is the last release, Kafka 2.8.1 (2.13-2.8.1).
    if (ref.tag.empty() || ref.tag == "latest") ref.kafka = KafkaVersion{2, 8};
    const std::size_t dash = ref.tag.find('-');
    const auto [kmajor, kminor, kpatch] = leading_version(dash == std::string::npos ? std::string_view(ref.tag) : std::string_view(ref.tag).substr(dash + 1));
    if (kmajor && kminor) ref.kafka = KafkaVersion{*kmajor, *kminor};
  } else if (kafka_variables) {
    ref.family = ImageFamily::unknown_kafka;
  } else {
    return std::nullopt;
  }
  return ref;
}

namespace {

/// The environment as a script sees it: a variable is "set" when it is non-empty, and a
/// placeholder counts as set to something unknown.
class Environment {
 public:
  explicit Environment(const std::vector<EnvVar>& vars) : vars_(vars) {
    for (std::size_t i = 0; i < vars.size(); ++i) index_[vars[i].name] = i;
  }
  std::optional<std::size_t> find(std::string_view name) const {
    const auto it = index_.find(std::string(name));
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }
  /// Set and not empty (bash's -n, dub's os.environ.get), or not known here.
  bool non_empty(std::string_view name) const {
    const auto i = find(name);
    return i && (!vars_[*i].value.empty() || unknown(*i));
  }
  /// Known to be unset or empty.
  bool empty(std::string_view name) const {
    const auto i = find(name);
    return !i || (vars_[*i].value.empty() && !unknown(*i));
  }
  bool unknown(std::size_t i) const { return vars_[i].placeholder || vars_[i].from_shell; }
  /// The value when it is known.
  std::optional<std::string_view> value(std::string_view name) const {
    const auto i = find(name);
    if (!i || unknown(*i)) return std::nullopt;
    return vars_[*i].value;
  }
  const std::vector<EnvVar>& vars() const { return vars_; }

 private:
  const std::vector<EnvVar>& vars_;
  std::map<std::string, std::size_t> index_;
};

class Mapper {
 public:
  Mapper(const ImageRef& image, const std::vector<EnvVar>& vars, bool scripts_run) : image_(image), env_(vars), scripts_run_(scripts_run) {}

  ImageMapping run() {
    switch (image_.family) {
      case ImageFamily::apache_kafka:
      case ImageFamily::unknown_kafka: apache_kafka(); break;
      case ImageFamily::confluent_kafka: confluent_kafka(); break;
      case ImageFamily::confluent_zookeeper: confluent_zookeeper(); break;
      case ImageFamily::bitnami_kafka: bitnami_kafka(); break;
      case ImageFamily::bitnami_zookeeper: bitnami_zookeeper(); break;
      case ImageFamily::zookeeper: official_zookeeper(); break;
      case ImageFamily::wurstmeister_kafka: wurstmeister_kafka(); break;
      case ImageFamily::strimzi: break;  // not an image: the Strimzi adapter writes its nodes itself
    }
    return std::move(out_);
  }

 private:
  void set(std::string key, std::size_t var) { out_.settings.push_back({std::move(key), env_.vars()[var].value, var, true, {}}); }
  void derived(std::string key, std::string value, std::optional<std::size_t> var, std::string how) {
    out_.settings.push_back({std::move(key), std::move(value), var, false, std::move(how)});
  }
  void image_default(std::string key, std::string value) { out_.settings.push_back({std::move(key), std::move(value), std::nullopt, false, "image default"}); }
  bool has(std::string_view key) const {
    return std::any_of(out_.settings.begin(), out_.settings.end(), [&](const MappedSetting& s) { return s.key == key; });
  }
  void exits(std::string message, std::optional<std::size_t> var = std::nullopt) {
    if (scripts_run_) out_.problems.push_back({ContainerFinding::Kind::exits_at_start, std::move(message), var});
  }
  void ignored(std::size_t var, std::string message) { out_.problems.push_back({ContainerFinding::Kind::ignored_variable, std::move(message), var}); }
  void require(std::string_view name, std::string_view why) {
    if (env_.empty(name)) exits(std::string(name) + " is not set, and " + std::string(why) + " exits when it is missing", std::nullopt);
  }
  std::string image_name() const { return image_.repository + (image_.tag.empty() ? "" : ":" + image_.tag); }
  bool version_below(int major, int minor) const { return image_.major && image_.minor && std::pair(*image_.major, *image_.minor) < std::pair(major, minor); }
  bool version_at_least(int major, int minor) const { return image_.major && image_.minor && std::pair(*image_.major, *image_.minor) >= std::pair(major, minor); }

  // listeners from advertised.listeners with each host replaced by 0.0.0.0, as the apache/kafka
  // `configure` script's sed 's|://[^:]*:|://0.0.0.0:|g' and Confluent's `cub listeners` do.
  static std::string listeners_from_advertised(std::string_view advertised) {
    std::string out;
    std::size_t i = 0;
    while (i < advertised.size()) {
      const std::size_t scheme = advertised.find("://", i);
      if (scheme == std::string_view::npos) break;
      const std::size_t host = scheme + 3;
      const std::size_t colon = advertised.find(':', host);
      if (colon == std::string_view::npos) break;
      out.append(advertised.substr(i, host - i));
      out.append("0.0.0.0");
      i = colon;
    }
    out.append(advertised.substr(i));
    return out;
  }

  // Both Kafka images: SSL and SASL listeners need their secrets named, or `configure` exits.
  void check_security_variables(std::string_view script) {
    const auto advertised = env_.value("KAFKA_ADVERTISED_LISTENERS");
    if (!advertised) return;
    if (advertised->find("SSL://") != std::string_view::npos) {
      for (const char* name : {"KAFKA_SSL_KEYSTORE_FILENAME", "KAFKA_SSL_KEY_CREDENTIALS", "KAFKA_SSL_KEYSTORE_CREDENTIALS"}) {
        if (env_.empty(name)) exits(std::string("KAFKA_ADVERTISED_LISTENERS has an SSL listener but ") + name + " is not set: " + std::string(script) + " exits", env_.find("KAFKA_ADVERTISED_LISTENERS"));
      }
    }
    if (advertised->find("SASL_") != std::string_view::npos && advertised->find("://") != std::string_view::npos && env_.empty("KAFKA_OPTS")) {
      exits("KAFKA_ADVERTISED_LISTENERS has a SASL listener but KAFKA_OPTS (with the JAAS file) is not set: " + std::string(script) + " exits",
            env_.find("KAFKA_ADVERTISED_LISTENERS"));
    }
  }

  // The variables the Kafka images' scripts read for themselves: the key and trust store files
  // under /etc/kafka/secrets (`configure`) and the JMX port (`launch`: apache/kafka
  // docker/jvm/launch @3.8.0 L30-38, Confluent kafka/include/etc/confluent/docker/launch
  // @7.9.6-post L28-33). The scripts also write them into server.properties, where Kafka ignores
  // them: not a mistake of the user's, so not reported as unknown keys.
  static bool image_variable(std::string_view name) {
    static const std::set<std::string_view> names = {"KAFKA_SSL_KEYSTORE_FILENAME", "KAFKA_SSL_KEY_CREDENTIALS", "KAFKA_SSL_KEYSTORE_CREDENTIALS",
                                                     "KAFKA_SSL_TRUSTSTORE_FILENAME", "KAFKA_SSL_TRUSTSTORE_CREDENTIALS", "KAFKA_JMX_PORT",
                                                     "KAFKA_JMX_HOSTNAME"};
    return names.count(name) != 0;
  }

  // apache/kafka formats the storage with CLUSTER_ID only (KafkaDockerWrapper.scala
  // formatStorageCmd @3.8.0 L102-106, @4.1 L118-124), which configureDefaults sets to a fixed id
  // when it is unset. KAFKA_CLUSTER_ID merely becomes the property cluster.id, which no broker
  // reads: the id the user chose is not the cluster's.
  void cluster_id_variable(std::size_t var) {
    if (env_.non_empty("CLUSTER_ID")) {
      ignored(var, "KAFKA_CLUSTER_ID has no effect: the apache/kafka image formats the storage with CLUSTER_ID, and only writes this one as the "
                   "property cluster.id, which Kafka never reads");
    } else {
      ignored(var, "KAFKA_CLUSTER_ID has no effect: the apache/kafka image formats the storage with CLUSTER_ID, which is not set, so the node "
                   "gets the image's fixed default id 5L6g3nShT-eMCtK--X86sw (this variable only becomes the property cluster.id, which Kafka never reads)");
    }
  }

  // What `configure` derives from the store variables: the location under /etc/kafka/secrets and
  // the password read from the named file (unknown here, so a placeholder).
  void store_settings() {
    const auto advertised = env_.value("KAFKA_ADVERTISED_LISTENERS");
    if (!advertised || advertised->find("SSL://") == std::string_view::npos) return;
    const auto add = [&](const char* variable, const char* key, bool location) {
      const auto i = env_.find(variable);
      if (!i || env_.vars()[*i].value.empty()) return;
      if (location) derived(key, "/etc/kafka/secrets/" + env_.vars()[*i].value, i, std::string("derived from ") + variable);
      else derived(key, "${file:/etc/kafka/secrets/" + env_.vars()[*i].value + "}", i, std::string("read from the file ") + variable + " names");
    };
    add("KAFKA_SSL_KEYSTORE_FILENAME", "ssl.keystore.location", true);
    add("KAFKA_SSL_KEY_CREDENTIALS", "ssl.key.password", false);
    add("KAFKA_SSL_KEYSTORE_CREDENTIALS", "ssl.keystore.password", false);
    const auto client_auth = env_.value("KAFKA_SSL_CLIENT_AUTH");
    if (client_auth && (client_auth->find("required") != std::string_view::npos || client_auth->find("requested") != std::string_view::npos)) {
      add("KAFKA_SSL_TRUSTSTORE_FILENAME", "ssl.truststore.location", true);
      add("KAFKA_SSL_TRUSTSTORE_CREDENTIALS", "ssl.truststore.password", false);
    }
  }

  void derived_listeners() {
    const auto roles = env_.value("KAFKA_PROCESS_ROLES");
    if (has("listeners") || (roles && *roles == "controller")) return;
    const auto i = env_.find("KAFKA_ADVERTISED_LISTENERS");
    if (!i || env_.vars()[*i].value.empty()) return;
    derived("listeners", listeners_from_advertised(env_.vars()[*i].value), i, "derived from KAFKA_ADVERTISED_LISTENERS (each host replaced by 0.0.0.0)");
  }

  // apache/kafka and apache/kafka-native (Kafka 3.7+):
  // - KafkaDockerWrapper.getServerConfigsFromEnv (apache/kafka
  //   core/src/main/scala/kafka/docker/KafkaDockerWrapper.scala @3.8.0 L171-187; @4.0 L188-195):
  //   every KAFKA_* variable but the excluded ones; drop the prefix (every occurrence before 4.0,
  //   the first from 4.0), lower-case, then '_' -> '.', '...' -> '-', '..' -> '_'.
  // - When no variable makes a setting, the image's default server.properties is used:
  //   config/kraft/server.properties of the release, a single combined node (same file, L103-117).
  // - docker/resources/common-scripts/configure @3.8.0: listeners derived from
  //   KAFKA_ADVERTISED_LISTENERS (L54-60); a controller-only node must not have advertised
  //   listeners (L38-52); SSL and SASL listeners need their secrets (L64-110).
  // - configureDefaults @3.8.0 L17-28 sets CLUSTER_ID when it is empty, so `ensure CLUSTER_ID` never fails.
  void apache_kafka() {
    static const std::set<std::string_view> excluded = {"KAFKA_VERSION", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS",
                                                         "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL", "KAFKA_LOG4J_LOGGERS",
                                                         "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_JMX_HOSTNAME"};
    const bool first_prefix_only = !version_below(4, 0);
    for (std::size_t i = 0; i < env_.vars().size(); ++i) {
      const std::string& name = env_.vars()[i].name;
      if (!starts_with(name, "KAFKA_") || excluded.count(name) != 0 || image_variable(name)) continue;
      if (name == "KAFKA_CLUSTER_ID" && image_.family == ImageFamily::apache_kafka) {
        cluster_id_variable(i);
        continue;
      }
      std::string key = first_prefix_only ? name.substr(6) : replace_all(name, "KAFKA_", "");
      key = replace_all(replace_all(replace_all(lower(key), "_", "."), "...", "-"), "..", "_");
      set(std::move(key), i);
    }
    store_settings();
    derived_listeners();
    if (out_.settings.empty()) {
      // config/kraft/server.properties @3.8.0 (the image copies it as its default server.properties).
      for (const auto& [key, value] : std::initializer_list<std::pair<const char*, const char*>>{
               {"process.roles", "broker,controller"},
               {"node.id", "1"},
               {"controller.quorum.voters", "1@localhost:9093"},
               {"listeners", "PLAINTEXT://:9092,CONTROLLER://:9093"},
               {"inter.broker.listener.name", "PLAINTEXT"},
               {"advertised.listeners", "PLAINTEXT://localhost:9092"},
               {"controller.listener.names", "CONTROLLER"},
               {"listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL"},
               {"log.dirs", "/tmp/kraft-combined-logs"},
               {"offsets.topic.replication.factor", "1"},
               {"transaction.state.log.replication.factor", "1"},
               {"transaction.state.log.min.isr", "1"},
           }) {
        image_default(key, value);
      }
    }
    const auto roles = env_.value("KAFKA_PROCESS_ROLES");
    if (roles && *roles == "controller" && env_.non_empty("KAFKA_ADVERTISED_LISTENERS")) {
      exits("KAFKA_ADVERTISED_LISTENERS is set on a controller-only node: the image's configure script exits (\"not supported on a KRaft controller\")",
            env_.find("KAFKA_ADVERTISED_LISTENERS"));
    }
    check_security_variables("the image's configure script");
  }

  // confluentinc/cp-kafka and cp-server (kafka/include/etc/confluent/docker/ in confluentinc/kafka-images):
  // - kafka.properties.template @7.9.6-post: every KAFKA_* variable through dub's env_to_props
  //   (confluentinc/confluent-docker-utils confluent/docker_utils/dub.py @bb515b8c L50-97: strip the
  //   prefix, lower-case, a '_' between two other characters -> '.', '___' -> '-', '__' -> '_'),
  //   except the excluded list, whose missing comma lets KAFKA_HEAP_OPTS and KAFKA_LOG4J_OPTS
  //   through as `heap.opts`/`log4j.opts` (harmless, not reported); KAFKA_ZOOKEEPER_CLIENT_CNXN_SOCKET
  //   -> zookeeper.clientCnxnSocket; CONFLUENT_SUPPORT_* -> confluent.support.*. 8.x: the same
  //   through the Go `ub` (kafka.properties.template @master f8e3015a).
  // - configure @7.9.6-post L21-84: KRaft (KAFKA_PROCESS_ROLES) needs CLUSTER_ID, and
  //   KAFKA_ADVERTISED_LISTENERS unless controller-only; ZooKeeper mode needs
  //   KAFKA_ZOOKEEPER_CONNECT and KAFKA_ADVERTISED_LISTENERS; listeners derived from the advertised
  //   ones; log.dirs defaults to /var/lib/kafka/data; KAFKA_ADVERTISED_PORT, KAFKA_ADVERTISED_HOST,
  //   KAFKA_HOST and KAFKA_PORT make it exit. Before 7.4 (configure @7.3.10-post L19-20) both
  //   KAFKA_ZOOKEEPER_CONNECT and KAFKA_ADVERTISED_LISTENERS are always required; from 8.0
  //   (configure @master L19-33) KAFKA_PROCESS_ROLES and CLUSTER_ID are.
  void confluent_kafka() {
    static const std::set<std::string_view> excluded = {"KAFKA_VERSION", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS",
                                                         "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL", "KAFKA_LOG4J_LOGGERS",
                                                         "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_ZOOKEEPER_CLIENT_CNXN_SOCKET"};
    static const std::set<std::string_view> exits_when_set = {"KAFKA_ADVERTISED_PORT", "KAFKA_ADVERTISED_HOST", "KAFKA_HOST", "KAFKA_PORT"};
    for (std::size_t i = 0; i < env_.vars().size(); ++i) {
      const std::string& name = env_.vars()[i].name;
      if (name == "KAFKA_ZOOKEEPER_CLIENT_CNXN_SOCKET") set("zookeeper.clientCnxnSocket", i);
      else if (starts_with(name, "KAFKA_") && excluded.count(name) == 0 && !image_variable(name) && exits_when_set.count(name) == 0) set(dub_key(name.substr(6)), i);
      else if (starts_with(name, "CONFLUENT_SUPPORT_")) set("confluent.support." + dub_key(name.substr(18)), i);
      if (exits_when_set.count(name) != 0 && env_.non_empty(name)) {
        exits(name + " is deprecated and the image's configure script exits when it is set; use KAFKA_ADVERTISED_LISTENERS", i);
      }
    }
    store_settings();
    derived_listeners();
    if (!has("log.dirs")) image_default("log.dirs", "/var/lib/kafka/data");
    const bool kraft_only = version_at_least(8, 0);
    const bool zookeeper_only = version_below(7, 4);
    const auto roles = env_.value("KAFKA_PROCESS_ROLES");
    const bool kraft = env_.non_empty("KAFKA_PROCESS_ROLES");
    const std::string script = "the image's configure script";
    if (kraft_only) {
      require("KAFKA_PROCESS_ROLES", script + " (Confluent Platform 8 runs KRaft only)");
      require("CLUSTER_ID", script);
    } else if (zookeeper_only) {
      require("KAFKA_ZOOKEEPER_CONNECT", script + " (images before 7.4 run ZooKeeper mode only)");
      require("KAFKA_ADVERTISED_LISTENERS", script);
    } else if (image_.major && kraft) {
      require("CLUSTER_ID", script + " in KRaft mode");
    } else if (image_.major) {
      require("KAFKA_ZOOKEEPER_CONNECT", script + " in ZooKeeper mode (no KAFKA_PROCESS_ROLES)");
      require("KAFKA_ADVERTISED_LISTENERS", script);
    }
    if ((kraft || kraft_only) && image_.major) {
      if (roles && *roles == "controller") {
        if (env_.non_empty("KAFKA_ADVERTISED_LISTENERS")) {
          exits("KAFKA_ADVERTISED_LISTENERS is set on a controller-only node: " + script + " exits", env_.find("KAFKA_ADVERTISED_LISTENERS"));
        }
      } else if (!zookeeper_only) {
        require("KAFKA_ADVERTISED_LISTENERS", script + " on a broker");
      }
    }
    check_security_variables(script);
  }

  static std::string dub_key(std::string_view raw) {
    // A '_' with a non-'_' on both sides becomes '.'; then '___' -> '-', '__' -> '_'.
    const std::string s = lower(raw);
    std::string dotted;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const bool single = s[i] == '_' && i > 0 && i + 1 < s.size() && s[i - 1] != '_' && s[i + 1] != '_';
      dotted += single ? '.' : s[i];
    }
    return replace_all(replace_all(dotted, "___", "-"), "__", "_");
  }

  // confluentinc/cp-zookeeper (zookeeper/include/etc/confluent/docker/ in confluentinc/kafka-images
  // @7.9.6-post): zookeeper.properties.template L1-85 writes dataDir and dataLogDir, a fixed list of
  // ZOOKEEPER_* variables, and ZOOKEEPER_SERVERS split on ';' as server.1, server.2, ... in order
  // (GROUPS and WEIGHTS likewise); configure L19-34 needs ZOOKEEPER_CLIENT_PORT or
  // ZOOKEEPER_SECURE_CLIENT_PORT, and with ZOOKEEPER_SERVERS a ZOOKEEPER_SERVER_ID, defaulting
  // initLimit and syncLimit to 10 and 5. Any other ZOOKEEPER_* variable is ignored.
  void confluent_zookeeper() {
    out_.kind = FileKind::zookeeper;
    static const std::map<std::string_view, std::string_view> names = {
        {"ZOOKEEPER_CLIENT_PORT", "clientPort"}, {"ZOOKEEPER_TICK_TIME", "tickTime"},
        {"ZOOKEEPER_GLOBAL_OUTSTANDING_LIMIT", "globalOutstandingLimit"}, {"ZOOKEEPER_PRE_ALLOC_SIZE", "preAllocSize"},
        {"ZOOKEEPER_SNAP_COUNT", "snapCount"}, {"ZOOKEEPER_TRACE_FILE", "traceFile"}, {"ZOOKEEPER_MAX_CLIENT_CNXNS", "maxClientCnxns"},
        {"ZOOKEEPER_CLIENT_PORT_ADDRESS", "clientPortAddress"}, {"ZOOKEEPER_MIN_SESSION_TIMEOUT", "minSessionTimeout"},
        {"ZOOKEEPER_MAX_SESSION_TIMEOUT", "maxSessionTimeout"}, {"ZOOKEEPER_FSYNC_WARNING_THRESHOLDMS", "fsync.warningthresholdms"},
        {"ZOOKEEPER_AUTOPURGE_SNAP_RETAIN_COUNT", "autopurge.snapRetainCount"}, {"ZOOKEEPER_AUTOPURGE_PURGE_INTERVAL", "autopurge.purgeInterval"},
        {"ZOOKEEPER_SYNC_ENABLED", "syncEnabled"}, {"ZOOKEEPER_ELECTION_ALG", "electionAlg"}, {"ZOOKEEPER_INIT_LIMIT", "initLimit"},
        {"ZOOKEEPER_LEADER_SERVES", "leaderServes"}, {"ZOOKEEPER_SYNC_LIMIT", "syncLimit"}, {"ZOOKEEPER_CNX_TIMEOUT", "cnxTimeout"},
        {"ZOOKEEPER_FORCE_SYNC", "forceSync"}, {"ZOOKEEPER_JUTE_MAX_BUFFER", "jute.maxbuffer"}, {"ZOOKEEPER_SKIP_ACL", "skipACL"},
        {"ZOOKEEPER_QUORUM_LISTEN_ON_ALL_IPS", "quorumListenOnAllIPs"}, {"ZOOKEEPER_CLIENT_CNXN_SOCKET", "clientCnxnSocket"},
        {"ZOOKEEPER_SECURE_CLIENT_PORT", "secureClientPort"}, {"ZOOKEEPER_SERVER_CNXN_SOCKET", "serverCnxnSocket"},
        {"ZOOKEEPER_X509_AUTHENTICATION_PROVIDER_SUPER_USER", "X509AuthenticationProvider.superUser"},
        {"ZOOKEEPER_SSL_AUTH_PROVIDER", "ssl.authProvider"}, {"ZOOKEEPER_SSL_CLIENT_AUTH", "ssl.clientAuth"},
        {"ZOOKEEPER_SSL_KEYSTORE_LOCATION", "ssl.keyStore.location"}, {"ZOOKEEPER_SSL_KEYSTORE_PASSWORD", "ssl.keyStore.password"},
        {"ZOOKEEPER_SSL_KEYSTORE_TYPE", "ssl.keyStore.type"}, {"ZOOKEEPER_SSL_TRUSTSTORE_LOCATION", "ssl.trustStore.location"},
        {"ZOOKEEPER_SSL_TRUSTSTORE_PASSWORD", "ssl.trustStore.password"}, {"ZOOKEEPER_SSL_TRUSTSTORE_TYPE", "ssl.trustStore.type"},
        {"ZOOKEEPER_SSL_ENABLED_PROTOCOLS", "ssl.enabledProtocols"}, {"ZOOKEEPER_SSL_CONTEXT_SUPPLIER_CLASS", "ssl.context.supplier.class"},
        {"ZOOKEEPER_SSL_CIPHER_SUITES", "ssl.ciphersuites"}, {"ZOOKEEPER_SSL_HOSTNAME_VERIFICATION", "ssl.hostnameVerification"},
        {"ZOOKEEPER_SSL_CRL", "ssl.crl"}, {"ZOOKEEPER_SSL_OCPS", "ssl.ocsp"},
        {"ZOOKEEPER_SSL_HANDSHAKE_DETECTION_TIMEOUT_MILLIS", "ssl.handshakeDetectionTimeoutMillis"}, {"ZOOKEEPER_SSL_QUORUM", "sslQuorum"},
        {"ZOOKEEPER_SSL_QUORUM_CLIENT_AUTH", "ssl.quorum.clientAuth"}, {"ZOOKEEPER_SSL_QUORUM_KEYSTORE_LOCATION", "ssl.quorum.keyStore.location"},
        {"ZOOKEEPER_SSL_QUORUM_KEYSTORE_PASSWORD", "ssl.quorum.keyStore.password"}, {"ZOOKEEPER_SSL_QUORUM_KEYSTORE_TYPE", "ssl.quorum.keyStore.type"},
        {"ZOOKEEPER_SSL_QUORUM_TRUSTSTORE_LOCATION", "ssl.quorum.trustStore.location"},
        {"ZOOKEEPER_SSL_QUORUM_TRUSTSTORE_PASSWORD", "ssl.quorum.trustStore.password"},
        {"ZOOKEEPER_SSL_QUORUM_TRUSTSTORE_TYPE", "ssl.quorum.trustStore.type"}, {"ZOOKEEPER_SSL_QUORUM_ENABLED_PROTOCOLS", "ssl.quorum.enabledProtocols"},
        {"ZOOKEEPER_SSL_QUORUM_CIPHER_SUITES", "ssl.quorum.ciphersuites"},
        {"ZOOKEEPER_SSL_QUORUM_CONTEXT_SUPPLIER_CLASS", "ssl.quorum.context.supplier.class"},
        {"ZOOKEEPER_SSL_QUORUM_HOSTNAME_VERIFICATION", "ssl.quorum.hostnameVerification"}, {"ZOOKEEPER_SSL_QUORUM_CRL", "ssl.quorum.crl"},
        {"ZOOKEEPER_SSL_QUORUM_OCPS", "ssl.quorum.ocsp"},
        {"ZOOKEEPER_SSL_QUORUM_HANDSHAKE_DETECTION_TIMEOUT_MILLIS", "ssl.quorum.handshakeDetectionTimeoutMillis"},
        {"ZOOKEEPER_SERVER_CNXN_FACTORY", "serverCnxnFactory"}, {"ZOOKEEPER_AUTH_PROVIDER_X509", "authProvider.x509"},
        {"ZOOKEEPER_AUTH_PROVIDER_SASL", "authProvider.sasl"}, {"ZOOKEEPER_CLIENT_PORT_UNIFICATION", "client.portUnification"},
        {"ZOOKEEPER_ADMIN_ENABLE_SERVER", "admin.enableServer"}, {"ZOOKEEPER_ADMIN_SERVER_ADDRESS", "admin.serverAddress"},
        {"ZOOKEEPER_ADMIN_SERVER_PORT", "admin.serverPort"}, {"ZOOKEEPER_ADMIN_IDLE_TIMEOUT", "admin.idleTimeout"},
        {"ZOOKEEPER_ADMIN_COMMAND_URL", "admin.commandURL"}};
    static const std::set<std::string_view> control = {"ZOOKEEPER_SERVERS", "ZOOKEEPER_SERVER_ID", "ZOOKEEPER_GROUPS", "ZOOKEEPER_WEIGHTS",
                                                        "ZOOKEEPER_LOG4J_ROOT_LOGLEVEL", "ZOOKEEPER_LOG4J_LOGGERS", "ZOOKEEPER_TOOLS_LOG4J_LOGLEVEL"};
    image_default("dataDir", "/var/lib/zookeeper/data");
    image_default("dataLogDir", "/var/lib/zookeeper/log");
    for (std::size_t i = 0; i < env_.vars().size(); ++i) {
      const std::string& name = env_.vars()[i].name;
      if (const auto it = names.find(name); it != names.end()) set(std::string(it->second), i);
      else if (starts_with(name, "ZOOKEEPER_") && control.count(name) == 0) ignored(i, name + " is not one of the variables the cp-zookeeper image writes to zookeeper.properties: it has no effect");
    }
    numbered("ZOOKEEPER_SERVERS", "server.", ";");
    numbered("ZOOKEEPER_GROUPS", "group.", ";");
    numbered("ZOOKEEPER_WEIGHTS", "weight.", ";");
    if (env_.non_empty("ZOOKEEPER_SERVERS")) {
      if (!has("initLimit")) derived("initLimit", "10", env_.find("ZOOKEEPER_SERVERS"), "image default with ZOOKEEPER_SERVERS");
      if (!has("syncLimit")) derived("syncLimit", "5", env_.find("ZOOKEEPER_SERVERS"), "image default with ZOOKEEPER_SERVERS");
      require("ZOOKEEPER_SERVER_ID", "with ZOOKEEPER_SERVERS the image's configure script");
    }
    server_id(ImageFamily::confluent_zookeeper);
    four_letter_words_from("KAFKA_OPTS");  // launch L30: zookeeper-server-start, whose kafka-run-class.sh passes KAFKA_OPTS to the JVM
    if (env_.empty("ZOOKEEPER_CLIENT_PORT") && env_.empty("ZOOKEEPER_SECURE_CLIENT_PORT")) {
      exits("neither ZOOKEEPER_CLIENT_PORT nor ZOOKEEPER_SECURE_CLIENT_PORT is set: the image's configure script exits");
    }
  }

  // `VAR` split on `separator`, each piece one numbered setting in order (prefix1, prefix2, ...).
  void numbered(std::string_view variable, std::string_view prefix, std::string_view separators) {
    const auto i = env_.find(variable);
    if (!i || env_.unknown(*i) || env_.vars()[*i].value.empty()) return;
    const std::string& value = env_.vars()[*i].value;
    int n = 0;
    for (std::size_t from = 0; from <= value.size();) {
      std::size_t to = value.find_first_of(separators, from);
      if (to == std::string::npos) to = value.size();
      if (to > from || separators == ";") {
        ++n;
        derived(std::string(prefix) + std::to_string(n), value.substr(from, to - from), i, "entry " + std::to_string(n) + " of " + std::string(variable));
      }
      from = to + 1;
    }
  }

  // bitnami/kafka (bitnami/containers bitnami/kafka/3.4/debian-11/rootfs/opt/bitnami/scripts/):
  // libkafka.sh @2ad5e831 kafka_configure_from_environment_variables: every KAFKA_CFG_* variable,
  // prefix dropped, '_' -> '.', lower-case, `sasl.ssl`/`sasl.plaintext` back to `sasl_ssl`/
  // `sasl_plaintext`, KAFKA_CFG_ZOOKEEPER_CLIENTCNXNSOCKET -> zookeeper.clientCnxnSocket;
  // kafka_create_alias_environment_variables: KAFKA_<X> for a fixed list of X (and a few renamed
  // ones) is copied over KAFKA_CFG_<X> when it is set; kafka_initialize writes
  // log.dirs=/bitnami/kafka/data first. kafka-env.sh @35d5d011 defaults
  // KAFKA_CFG_SASL_ENABLED_MECHANISMS, so sasl.enabled.mechanisms is always written.
  void bitnami_kafka() {
    static const std::set<std::string_view> aliased = {
        "ADVERTISED_LISTENERS", "BROKER_ID", "NODE_ID", "CONTROLLER_QUORUM_VOTERS", "PROCESS_ROLES", "DEFAULT_REPLICATION_FACTOR",
        "DELETE_TOPIC_ENABLE", "INTER_BROKER_LISTENER_NAME", "LISTENERS", "LISTENER_SECURITY_PROTOCOL_MAP", "LOG_DIRS",
        "LOG_FLUSH_INTERVAL_MESSAGES", "LOG_FLUSH_INTERVAL_MS", "LOG_MESSAGE_FORMAT_VERSION", "LOG_RETENTION_BYTES",
        "LOG_RETENTION_CHECK_INTERVALS_MS", "LOG_RETENTION_HOURS", "LOG_SEGMENT_BYTES", "MESSAGE_MAX_BYTES", "NUM_IO_THREADS",
        "NUM_NETWORK_THREADS", "NUM_PARTITIONS", "NUM_RECOVERY_THREADS_PER_DATA_DIR", "OFFSETS_TOPIC_REPLICATION_FACTOR",
        "SOCKET_RECEIVE_BUFFER_BYTES", "SOCKET_REQUEST_MAX_BYTES", "SOCKET_SEND_BUFFER_BYTES", "SSL_ENDPOINT_IDENTIFICATION_ALGORITHM",
        "TRANSACTION_STATE_LOG_MIN_ISR", "TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "ZOOKEEPER_CONNECT", "ZOOKEEPER_CONNECTION_TIMEOUT_MS"};
    static const std::map<std::string_view, std::string_view> renamed = {
        {"KAFKA_LOGS_DIRS", "LOG_DIRS"}, {"KAFKA_SEGMENT_BYTES", "LOG_SEGMENT_BYTES"}, {"KAFKA_MAX_MESSAGE_BYTES", "MESSAGE_MAX_BYTES"},
        {"KAFKA_ZOOKEEPER_CONNECT_TIMEOUT_MS", "ZOOKEEPER_CONNECTION_TIMEOUT_MS"}, {"KAFKA_AUTO_CREATE_TOPICS_ENABLE", "AUTO_CREATE_TOPICS_ENABLE"}};
    // The variables the scripts read for themselves (kafka-env.sh and libkafka.sh).
    static const std::set<std::string_view> control = {
        "KAFKA_INTER_BROKER_USER", "KAFKA_INTER_BROKER_PASSWORD", "KAFKA_CONTROLLER_USER", "KAFKA_CONTROLLER_PASSWORD",
        "KAFKA_CERTIFICATE_PASSWORD", "KAFKA_TLS_TRUSTSTORE_FILE", "KAFKA_TLS_TYPE", "KAFKA_TLS_CLIENT_AUTH", "KAFKA_OPTS",
        "KAFKA_KRAFT_CLUSTER_ID", "KAFKA_CLUSTER_ID", "KAFKA_INITIAL_CONTROLLERS", "KAFKA_SKIP_KRAFT_STORAGE_INIT", "KAFKA_CLIENT_LISTENER_NAME",
        "KAFKA_ZOOKEEPER_PROTOCOL", "KAFKA_ZOOKEEPER_PASSWORD", "KAFKA_ZOOKEEPER_USER", "KAFKA_ZOOKEEPER_TLS_KEYSTORE_PASSWORD",
        "KAFKA_ZOOKEEPER_TLS_TRUSTSTORE_PASSWORD", "KAFKA_ZOOKEEPER_TLS_TRUSTSTORE_FILE", "KAFKA_ZOOKEEPER_TLS_VERIFY_HOSTNAME",
        "KAFKA_ZOOKEEPER_TLS_TYPE", "KAFKA_CLIENT_USERS", "KAFKA_CLIENT_PASSWORDS", "KAFKA_HEAP_OPTS", "KAFKA_BROKER_USER",
        "KAFKA_BROKER_PASSWORD", "KAFKA_CLIENT_LISTENER", "KAFKA_JMX_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS",
        "KAFKA_DAEMON_USER", "KAFKA_DAEMON_GROUP", "KAFKA_DEBUG", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_CMD_OPTS", "KAFKA_JMX_PORT",
        "KAFKA_JMX_HOSTNAME", "KAFKA_LOG4J_LOGGERS", "KAFKA_LOG4J_ROOT_LOGLEVEL", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_ENABLE_KRAFT", "KAFKA_KRAFT_BOOTSTRAP_SCRAM_USERS", "KAFKA_ZOOKEEPER_BOOTSTRAP_SCRAM_USERS"};
    std::map<std::string, std::size_t> cfg;  // X of KAFKA_CFG_X -> variable
    for (std::size_t i = 0; i < env_.vars().size(); ++i) {
      const std::string& name = env_.vars()[i].name;
      if (starts_with(name, "KAFKA_CFG_")) cfg.emplace(name.substr(10), i);
    }
    for (std::size_t i = 0; i < env_.vars().size(); ++i) {
      const std::string& name = env_.vars()[i].name;
      if (!starts_with(name, "KAFKA_") || starts_with(name, "KAFKA_CFG_") || control.count(name) != 0 || starts_with(name, "KAFKA_TLS_")) continue;
      const std::string suffix = name.substr(6);
      if (aliased.count(suffix) != 0) cfg[suffix] = i;  // the alias is copied over KAFKA_CFG_<X>
      else if (const auto it = renamed.find(name); it != renamed.end()) cfg[std::string(it->second)] = i;
      else if (!ends_with(name, "_FILE")) ignored(i, name + " is not one of the short names the bitnami/kafka image copies to KAFKA_CFG_*: it has no effect (write KAFKA_CFG_" + suffix + ")");
    }
    image_default("log.dirs", "/bitnami/kafka/data");
    if (cfg.count("SASL_ENABLED_MECHANISMS") == 0) image_default("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512");
    for (const auto& [suffix, i] : cfg) {
      std::string key = lower(replace_all(suffix, "_", "."));
      if (suffix == "ZOOKEEPER_CLIENTCNXNSOCKET") key = "zookeeper.clientCnxnSocket";
      key = replace_all(replace_all(key, "sasl.ssl", "sasl_ssl"), "sasl.plaintext", "sasl_plaintext");
      if (key == "log.dirs") out_.settings.erase(std::remove_if(out_.settings.begin(), out_.settings.end(), [](const MappedSetting& s) { return s.key == "log.dirs"; }), out_.settings.end());
      set(std::move(key), i);
    }
  }

  // bitnami/zookeeper (bitnami/containers bitnami/zookeeper/3.9/debian-12/rootfs/opt/bitnami/scripts/
  // @2d4af38a): zookeeper-env.sh gives the defaults (ZOO_PORT_NUMBER 2181, ZOO_TICK_TIME 2000,
  // ZOO_INIT_LIMIT 10, ZOO_SYNC_LIMIT 5, ...; dataDir fixed to /bitnami/zookeeper/data);
  // libzookeeper.sh zookeeper_generate_conf writes them, and ZOO_SERVERS (entries separated by
  // ',', ';' or ' ', numbered by position or written host:peer:election::id) only when it has more
  // than one entry, each with ';<ZOO_PORT_NUMBER>' appended; zookeeper_configure_from_environment_variables
  // maps ZOO_CFG_<X> to X with '_' -> '.' (case kept).
  void bitnami_zookeeper() {
    out_.kind = FileKind::zookeeper;
    static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> names = {
        {"ZOO_PORT_NUMBER", {"clientPort", "2181"}}, {"ZOO_TICK_TIME", {"tickTime", "2000"}}, {"ZOO_INIT_LIMIT", {"initLimit", "10"}},
        {"ZOO_SYNC_LIMIT", {"syncLimit", "5"}}, {"ZOO_MAX_CNXNS", {"maxCnxns", "0"}}, {"ZOO_MAX_CLIENT_CNXNS", {"maxClientCnxns", "60"}},
        {"ZOO_AUTOPURGE_INTERVAL", {"autopurge.purgeInterval", "0"}}, {"ZOO_AUTOPURGE_RETAIN_COUNT", {"autopurge.snapRetainCount", "3"}},
        {"ZOO_MAX_SESSION_TIMEOUT", {"maxSessionTimeout", "40000"}}, {"ZOO_PRE_ALLOC_SIZE", {"preAllocSize", "65536"}},
        {"ZOO_SNAPCOUNT", {"snapCount", "100000"}}};
    image_default("dataDir", "/bitnami/zookeeper/data");
    server_id(ImageFamily::bitnami_zookeeper);
    for (const auto& [variable, setting] : names) {
      if (const auto i = env_.find(variable); i && !env_.vars()[*i].value.empty()) set(std::string(setting.first), *i);
      else image_default(std::string(setting.first), std::string(setting.second));
    }
    for (std::size_t i = 0; i < env_.vars().size(); ++i) {
      const std::string& name = env_.vars()[i].name;
      if (starts_with(name, "ZOO_CFG_")) set(replace_all(name.substr(8), "_", "."), i);
    }
    const auto servers = env_.find("ZOO_SERVERS");
    if (!servers || env_.unknown(*servers)) return;
    const std::string port = std::string(env_.value("ZOO_PORT_NUMBER").value_or("2181"));
    const std::string& value = env_.vars()[*servers].value;
    std::vector<std::string> entries;
    for (std::size_t from = 0; from < value.size();) {
      std::size_t to = value.find_first_of(",; ", from);
      if (to == std::string::npos) to = value.size();
      if (to > from) entries.push_back(value.substr(from, to - from));
      from = to + 1;
    }
    if (entries.size() < 2) return;
    const bool explicit_ids = value.find("::") != std::string::npos;
    for (std::size_t n = 0; n < entries.size(); ++n) {
      std::string entry = entries[n];
      std::string id = std::to_string(n + 1);
      if (const std::size_t at = entry.find("::"); explicit_ids && at != std::string::npos) {
        id = entry.substr(at + 2);
        entry = entry.substr(0, at);
      }
      derived("server." + id, entry + ";" + port, servers, "entry " + std::to_string(n + 1) + " of ZOO_SERVERS, with ';" + port + "' appended");
    }
  }

  // The official `zookeeper` image (31z4/zookeeper-docker @52a83649 3.9.4/docker-entrypoint.sh
  // L11-42, defaults 3.9.4/Dockerfile L3-14; the same since 3.5): zoo.cfg gets dataDir, dataLogDir,
  // tickTime, initLimit, syncLimit, autopurge, maxClientCnxns, standaloneEnabled and
  // admin.enableServer from ZOO_* variables; each whitespace-separated word of ZOO_SERVERS (default
  // `server.1=localhost:2888:3888;2181`) and of ZOO_CFG_EXTRA is written as a line of its own; no
  // clientPort line. 3.4 images (3.4.14/docker-entrypoint.sh before 10a34d6) wrote clientPort=2181
  // and had neither standaloneEnabled nor admin.enableServer, nor the ZOO_SERVERS default; before
  // 78b76ccb (2019-06-08, "Get rid of ZOO_PORT env variable") they wrote clientPort=$ZOO_PORT, and
  // the 3.4.9 to 3.4.13 images were never rebuilt after it.
  void official_zookeeper() {
    out_.kind = FileKind::zookeeper;
    const bool v34 = image_.major && image_.minor && *image_.major == 3 && *image_.minor <= 4;
    const bool zoo_port = v34 && image_.patch && *image_.patch < 14;
    struct Name {
      std::string_view variable, key, fallback;
    };
    static const std::array<Name, 10> names = {{{"ZOO_DATA_DIR", "dataDir", "/data"}, {"ZOO_DATA_LOG_DIR", "dataLogDir", "/datalog"},
                                                 {"ZOO_TICK_TIME", "tickTime", "2000"}, {"ZOO_INIT_LIMIT", "initLimit", "5"},
                                                 {"ZOO_SYNC_LIMIT", "syncLimit", "2"}, {"ZOO_AUTOPURGE_SNAPRETAINCOUNT", "autopurge.snapRetainCount", "3"},
                                                 {"ZOO_AUTOPURGE_PURGEINTERVAL", "autopurge.purgeInterval", "0"}, {"ZOO_MAX_CLIENT_CNXNS", "maxClientCnxns", "60"},
                                                 {"ZOO_STANDALONE_ENABLED", "standaloneEnabled", "true"}, {"ZOO_ADMINSERVER_ENABLED", "admin.enableServer", "true"}}};
    static const std::set<std::string_view> control = {"ZOO_MY_ID", "ZOO_SERVERS", "ZOO_CFG_EXTRA", "ZOO_4LW_COMMANDS_WHITELIST", "ZOO_CONF_DIR",
                                                        "ZOO_LOG_DIR", "ZOO_LOG4J_PROP", "ZOO_PORT", "JVMFLAGS", "SERVER_JVMFLAGS", "ZOO_USER"};
    if (const auto i = env_.find("ZOO_PORT"); zoo_port && i) set("clientPort", *i);
    else if (v34) image_default("clientPort", "2181");
    for (const Name& n : names) {
      if (v34 && (n.key == "standaloneEnabled" || n.key == "admin.enableServer")) continue;
      if (const auto i = env_.find(n.variable)) set(std::string(n.key), *i);
      else image_default(std::string(n.key), std::string(n.fallback));
    }
    for (std::size_t i = 0; i < env_.vars().size(); ++i) {
      const std::string& name = env_.vars()[i].name;
      const bool known = std::any_of(names.begin(), names.end(), [&](const Name& n) { return n.variable == name; }) || control.count(name) != 0;
      if (!known && (starts_with(name, "ZOO_") || starts_with(name, "ZOOKEEPER_") || name == "ALLOW_ANONYMOUS_LOGIN")) {
        ignored(i, name + " is not read by the official zookeeper image's entrypoint: it has no effect");
      }
    }
    const auto servers = env_.find("ZOO_SERVERS");
    if (servers && !env_.vars()[*servers].value.empty()) lines_of("ZOO_SERVERS");
    else if (!v34) image_default("server.1", "localhost:2888:3888;2181");
    if (const auto i = env_.find("ZOO_4LW_COMMANDS_WHITELIST"); i && !env_.vars()[*i].value.empty()) set("4lw.commands.whitelist", *i);
    lines_of("ZOO_CFG_EXTRA");
    server_id(ImageFamily::zookeeper);
    four_letter_words_from("SERVER_JVMFLAGS");  // zkServer.sh passes both to the server's JVM
    four_letter_words_from("JVMFLAGS");
  }

  // Each whitespace-separated word of `variable` is a zoo.cfg line `key=value`.
  void lines_of(std::string_view variable) {
    const auto i = env_.find(variable);
    if (!i || env_.unknown(*i)) return;
    const std::string& value = env_.vars()[*i].value;
    for (std::size_t from = 0; from < value.size();) {
      std::size_t to = value.find_first_of(" \t\n", from);
      if (to == std::string::npos) to = value.size();
      const std::string word = value.substr(from, to - from);
      from = to + 1;
      if (word.empty()) continue;
      const std::size_t eq = word.find('=');
      derived(word.substr(0, eq), eq == std::string::npos ? "" : word.substr(eq + 1), i, "a line of " + std::string(variable));
    }
  }

  // wurstmeister/kafka (wurstmeister/kafka-docker @901c0848 start-kafka.sh): KAFKA_ZOOKEEPER_CONNECT
  // is required (L13-16); KAFKA_PORT defaults to 9092 (L18-20), KAFKA_BROKER_ID to -1 (L33-41) and
  // KAFKA_LOG_DIRS to /kafka/kafka-logs-$HOSTNAME (L43-45); without KAFKA_ADVERTISED_HOST_NAME or
  // KAFKA_LISTENERS the script exits unless HOSTNAME_COMMAND is set, and KAFKA_ADVERTISED_LISTENERS
  // alone is an error (L84-97); every other KAFKA_* variable but the excluded ones drops its first
  // '_' field, is lower-cased and gets '_' -> '.' (L102-130), with no escape for '_' or '-'.
  void wurstmeister_kafka() {
    static const std::set<std::string_view> excluded = {"KAFKA_VERSION", "KAFKA_HOME", "KAFKA_DEBUG", "KAFKA_GC_LOG_OPTS", "KAFKA_HEAP_OPTS",
                                                         "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG", "KAFKA_OPTS", "KAFKA_CREATE_TOPICS"};
    for (std::size_t i = 0; i < env_.vars().size(); ++i) {
      const std::string& name = env_.vars()[i].name;
      if (!starts_with(name, "KAFKA_") || excluded.count(name) != 0) continue;
      set(lower(replace_all(name.substr(6), "_", ".")), i);
    }
    if (!has("port")) image_default("port", "9092");
    if (!has("broker.id")) image_default("broker.id", "-1");
    if (!has("log.dirs")) image_default("log.dirs", "/kafka/kafka-logs-${HOSTNAME}");
    require("KAFKA_ZOOKEEPER_CONNECT", "start-kafka.sh");
    if (env_.empty("KAFKA_ADVERTISED_HOST_NAME") && env_.empty("KAFKA_LISTENERS")) {
      if (env_.non_empty("KAFKA_ADVERTISED_LISTENERS")) {
        exits("KAFKA_ADVERTISED_LISTENERS is set without KAFKA_LISTENERS: start-kafka.sh exits (\"Must be specified when using KAFKA_ADVERTISED_LISTENERS\")",
              env_.find("KAFKA_ADVERTISED_LISTENERS"));
      } else if (env_.empty("HOSTNAME_COMMAND")) {
        exits("neither KAFKA_LISTENERS nor KAFKA_ADVERTISED_HOST_NAME nor HOSTNAME_COMMAND is set: start-kafka.sh exits");
      }
    }
  }

  // The four-letter-word whitelist given as a JVM system property (-Dzookeeper.4lw.commands.whitelist=...)
  // in `variable`: ZooKeeper reads it from there as it reads the zoo.cfg key, which only sets that
  // property (QuorumPeerConfig.parseProperties @3.8.0, "zookeeper." + key for other keys).
  void four_letter_words_from(std::string_view variable) {
    const auto i = env_.find(variable);
    if (!i || env_.unknown(*i) || has("4lw.commands.whitelist")) return;
    const std::string& flags = env_.vars()[*i].value;
    static constexpr std::string_view property = "-Dzookeeper.4lw.commands.whitelist=";
    const std::size_t at = flags.find(property);
    if (at == std::string::npos) return;
    const std::size_t from = at + property.size();
    const std::size_t to = flags.find_first_of(" \t", from);
    derived("4lw.commands.whitelist", flags.substr(from, to == std::string::npos ? std::string::npos : to - from), i,
            "the JVM system property zookeeper.4lw.commands.whitelist in " + std::string(variable));
  }

  // The myid file the image writes from its variable (or the id it writes when that is unset).
  void server_id(ImageFamily family) {
    const ImageMyid myid = *image_myid(family);
    const auto i = env_.find(myid.variable);
    if (i && env_.unknown(*i)) return;
    if (!i || env_.vars()[*i].value.empty()) {
      out_.server_id = myid.when_unset;
      return;
    }
    const std::string& v = env_.vars()[*i].value;
    if (!v.empty() && v.size() < 10 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) out_.server_id = std::stoll(v);
  }

  const ImageRef& image_;
  Environment env_;
  bool scripts_run_;
  ImageMapping out_;
};

}  // namespace

ImageMapping map_environment(const ImageRef& image, const std::vector<EnvVar>& environment, bool scripts_run) {
  return Mapper(image, environment, scripts_run).run();
}

}  // namespace zklint::deploy
