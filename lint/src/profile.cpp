#include "zklint/lint/profile.hpp"

#include <algorithm>
#include <array>

#include "kafka_catalog.hpp"
#include "zklint/grammar/template.hpp"
#include "zklint/lint/strings.hpp"
#include "zookeeper_keys.hpp"

namespace zklint {
namespace {

constexpr std::array template_suffixes = {".j2",   ".jinja",  ".jinja2",  ".erb",  ".tmpl",    ".tpl",    ".template",
                                          ".mustache", ".ctmpl", ".in", ".example", ".sample", ".dist", ".default"};

std::string_view raw_text(const Document& doc, const Range& r) {
  return doc.source().bytes().substr(r.begin.offset, r.end.offset - r.begin.offset);
}

// How strongly a key says "Kafka broker": 2 for keys no other software uses, 1 for other catalog
// keys, 0 otherwise. Generic names such as `port` alone do not make a file a Kafka config.
int kafka_weight(std::string_view key) {
  static constexpr std::string_view strong[] = {"advertised.listeners", "broker.id", "controller.listener.names",
                                                "controller.quorum.voters", "listeners", "log.dir", "log.dirs",
                                                "node.id", "num.partitions", "process.roles", "zookeeper.connect"};
  if (std::find(std::begin(strong), std::end(strong), key) != std::end(strong)) return 2;
  if (starts_with(key, "listener.name.") || starts_with(key, "zookeeper.")) return 2;
  const auto names = kafka_catalog::all_key_names();
  if (std::binary_search(names.begin(), names.end(), key)) return 1;
  return key == "host.name" || key == "port" || key == "advertised.host.name" || key == "advertised.port" ? 1 : 0;
}

int zookeeper_weight(std::string_view key) {
  if (key == "tickTime" || key == "dataDir" || key == "initLimit" || key == "syncLimit" || zookeeper_keys::is_family_key(key)) return 2;
  return zookeeper_keys::find(key) != nullptr ? 1 : 0;
}

/// The words of a broker or ZooKeeper `.properties` file name, in the order they decide its kind.
struct NameWord {
  std::string_view word;
  bool prefix_only;  ///< counts only at the start of the name
  FileKind kind;
  bool discovers;    ///< the name alone makes a directory walk lint the file
};
constexpr NameWord properties_words[] = {
    {"zookeeper", false, FileKind::zookeeper, true}, {"zoo", true, FileKind::zookeeper, true},
    {"server", false, FileKind::kafka, true},        {"broker", false, FileKind::kafka, true},
    {"controller", false, FileKind::kafka, true},    {"kraft", false, FileKind::kafka, true},
    // A bare kafka.properties holds an application's client settings as often as a broker's: a walk
    // takes it only from a Kafka folder (discover.cpp), but named explicitly it is a broker config.
    {"kafka", true, FileKind::kafka, false},
};

/// The first word of properties_words in a lower-case `.properties` name that is not a non-broker name.
const NameWord* properties_word(std::string_view name) {
  if (!ends_with(name, ".properties") || is_non_broker_name(name)) return nullptr;
  for (const NameWord& w : properties_words) {
    if (w.prefix_only ? starts_with(name, w.word) : name.find(w.word) != std::string_view::npos) return &w;
  }
  return nullptr;
}

}  // namespace

std::string config_base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const std::string_view suffix : template_suffixes) {
      if (name.size() > suffix.size() && ends_with(to_lower(name), suffix)) {
        name.resize(name.size() - suffix.size());
        stripped = true;
      }
    }
  }
  return name;
}

bool is_non_broker_name(std::string_view name) {
  // Kafka ships these next to server.properties; Confluent Platform adds its components' folders.
  static constexpr std::string_view prefixes[] = {"producer", "consumer", "connect", "log4j", "tools-log4j", "trogdor", "mirror", "client",
                                                  "admin", "kafka-run", "zookeeper-client", "ksql", "schema-registry", "rest"};
  std::string lower = to_lower(name);
  for (const std::string_view vendor : {"kafka-", "kafka_", "confluent-"}) {
    if (starts_with(lower, vendor) && !starts_with(lower, "kafka-run")) lower.erase(0, vendor.size());
  }
  return std::any_of(std::begin(prefixes), std::end(prefixes), [&](std::string_view p) { return starts_with(lower, p); });
}

bool is_zookeeper_cfg_name(std::string_view path) {
  const std::string lower = to_lower(path);
  const std::string name = to_lower(config_base_name(path));
  if (!ends_with(name, ".cfg") || is_non_broker_name(name)) return false;
  if (name.find("zoo") != std::string::npos || starts_with(name, "zk")) return true;
  const std::size_t slash = lower.find_last_of('/');
  return slash != std::string::npos && lower.substr(0, slash).find("zookeeper") != std::string::npos;
}

bool names_node_properties(std::string_view lower_name) {
  const NameWord* w = properties_word(lower_name);
  return w != nullptr && w->discovers;
}

FileKind kind_from_name(std::string_view path) {
  const std::string name = to_lower(config_base_name(path));
  if (ends_with(name, ".cfg")) return is_zookeeper_cfg_name(path) ? FileKind::zookeeper : FileKind::unknown;
  if (const NameWord* w = properties_word(name)) return w->kind;
  if (ends_with(name, ".properties") && !is_non_broker_name(name) && path.find("/kraft/") != std::string_view::npos) return FileKind::kafka;
  return FileKind::unknown;
}

FileProfile make_profile(const Document& doc, const ProfileSettings& settings) {
  FileProfile p;
  p.entry_template_flags.assign(doc.entries().size(), 0);
  int kafka_score = 0, zookeeper_score = 0, literal_keys = 0;
  for (const Entry& e : doc.entries()) {
    std::uint8_t flags = 0;
    if (doc.derived()) {
      flags = e.index < settings.derived_template_flags.size() ? settings.derived_template_flags[e.index] : 0;
    } else {
      const std::string_view line = raw_text(doc, e.line_range());
      if (grammar::is_template_control(line)) flags |= LintContext::template_control;
      if (grammar::contains_template(raw_text(doc, e.key_range))) flags |= LintContext::template_in_key;
      if (grammar::contains_template(raw_text(doc, e.value_range))) flags |= LintContext::template_in_value;
    }
    p.entry_template_flags[e.index] = flags;
    if (flags != 0) p.templated = true;
    if (flags & (LintContext::template_control | LintContext::template_in_key)) continue;
    ++literal_keys;
    kafka_score += kafka_weight(e.key);
    zookeeper_score += zookeeper_weight(e.key);
  }

  // Kind: an explicit setting wins; otherwise the name proposes and the keys confirm.
  const FileKind by_name = kind_from_name(doc.source().path());
  const std::string scores = "Kafka score " + std::to_string(kafka_score) + ", ZooKeeper score " + std::to_string(zookeeper_score);
  const bool kafka_keys = kafka_score >= 2 && kafka_score >= zookeeper_score;
  const bool zookeeper_keys = zookeeper_score >= 2 && zookeeper_score > kafka_score;
  if (settings.kind) {
    p.kind = *settings.kind;
    p.kind_reason = settings.kind_origin;
    p.kind_forced = true;
  } else if (by_name == FileKind::zookeeper) {
    p.kind = zookeeper_score == 0 && kafka_score >= 4 ? FileKind::kafka : FileKind::zookeeper;
    p.kind_reason = "file name; " + scores;
  } else if (by_name == FileKind::kafka) {
    if (zookeeper_keys) p.kind = FileKind::zookeeper;
    else if (kafka_keys || literal_keys == 0 || (kafka_score == 1 && literal_keys <= 2)) p.kind = FileKind::kafka;
    else p.kind = FileKind::foreign;  // named like a broker config, but none of its keys are Kafka's
    p.kind_reason = "file name; " + scores;
  } else {
    p.kind = kafka_keys ? FileKind::kafka : zookeeper_keys ? FileKind::zookeeper : FileKind::unknown;
    p.kind_reason = scores;
  }

  // Kafka version: explicit, else what the keys imply.
  if (settings.kafka_version) {
    p.kafka_version = kafka_catalog::nearest(*settings.kafka_version);
    p.kafka_version_reason = settings.kafka_version_origin;
    if (p.kafka_version != *settings.kafka_version) {
      p.kafka_version_reason += " (" + settings.kafka_version->to_string() + " uses the catalog of " + p.kafka_version.to_string() + ")";
    }
  } else {
    p.kafka_version_guessed = true;
    const Entry* roles = doc.find("process.roles");
    if (roles != nullptr && (p.entry_template_flags[roles->index] != 0 || !java_trim(roles->value).empty())) {
      p.kafka_version = kafka_catalog::newest();
      p.kafka_version_reason = "auto: process.roles is set (KRaft), newest catalog line";
    } else if (doc.find("zookeeper.connect") != nullptr) {
      p.kafka_version = KafkaVersion{3, 9};
      p.kafka_version_reason = "auto: zookeeper.connect without process.roles (ZooKeeper mode), the last line that supports it";
    } else {
      p.kafka_version = kafka_catalog::newest();
      p.kafka_version_reason = "auto: neither process.roles nor zookeeper.connect, newest catalog line";
    }
  }
  return p;
}

}  // namespace zklint
