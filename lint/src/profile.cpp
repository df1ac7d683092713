#include "zklint/lint/profile.hpp"

#include <algorithm>
#include <array>
#include <bit>

#include "kafka_catalog.hpp"
#include "kafka_releases.hpp"
#include "zklint/grammar/template.hpp"
#include "zklint/lint/strings.hpp"
#include "zookeeper_keys.hpp"
#include "zookeeper_releases.hpp"

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

// The catalog lines that define the most of the file's keys: the keys a release added or removed
// (process.roles, zookeeper.connect, zookeeper.metadata.migration.enable, 4.x-only keys, ...)
// narrow the range, and a key of no release (a typo, a plug-in's key) says nothing. When keys of
// different eras tie (a 4.x file with one stale key), every line of the tie stays possible. A
// KRaft file is not taken for an early-access release (2.8-3.2): those are judged only when chosen.
void guess_kafka_versions(const Document& doc, FileProfile& p) {
  p.kafka_version_guessed = true;
  const auto lines = kafka_catalog::versions();
  std::vector<int> defined(lines.size(), 0);
  std::vector<std::pair<std::string_view, std::uint64_t>> keys;  // literal keys some release defines, and the lines that do
  for (const Entry& e : doc.entries()) {
    if (p.entry_template_flags[e.index] & (LintContext::template_control | LintContext::template_in_key)) continue;
    if (doc.find(e.key) != &e) continue;
    const std::uint64_t defining = kafka_catalog::defining_lines(e.key);
    if (defining == 0) continue;
    keys.emplace_back(e.key, defining);
    for (std::size_t i = 0; i < lines.size(); ++i) defined[i] += static_cast<int>(defining >> i & 1);
  }
  const int best = *std::max_element(defined.begin(), defined.end());
  const Entry* roles = doc.find("process.roles");
  const bool kraft = roles != nullptr && p.entry_template_flags[roles->index] == 0 && !java_trim(roles->value).empty();
  const auto possible = [&](std::size_t i, bool early_access_kraft) {
    return defined[i] == best && (early_access_kraft || !kraft || kafka_fact::kraft_production_ready.holds_in(lines[i]));
  };
  bool early_access_only = true;
  for (std::size_t i = 0; i < lines.size(); ++i) early_access_only = early_access_only && !possible(i, false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (possible(i, early_access_only)) p.kafka_versions.push_back(lines[i]);
  }
  // Why: the keys that set the bounds (the first and the last line defining them).
  const KafkaVersion front = p.kafka_versions.front(), back = p.kafka_versions.back();
  std::string_view from, upto;
  for (const auto& [key, defining] : keys) {
    const KafkaVersion first = lines[static_cast<std::size_t>(std::countr_zero(defining))];
    const KafkaVersion last = lines[static_cast<std::size_t>(63 - std::countl_zero(defining))];
    if (from.empty() && first == front && front != lines.front()) from = key;
    if (upto.empty() && last == back && back != lines.back()) upto = key;
  }
  std::string why;
  if (!from.empty() && from == upto) {
    why = std::string(from) + " exists in " + front.to_string() + "\u2013" + back.to_string() + " only";
  } else {
    if (!from.empty()) {
      why = std::string(from) + " exists from " + front.to_string();
    } else if (kraft && !early_access_only && front == kafka_fact::kraft_production_ready.since) {
      why = "process.roles is set, and KRaft is production ready from " + front.to_string();
    }
    if (!upto.empty()) why += (why.empty() ? "" : ", ") + std::string(upto) + " up to " + back.to_string();
  }
  if (why.empty()) why = keys.empty() ? "no key of the file is a broker setting" : "no key of the file narrows it";
  p.kafka_version_reason = "guessed from the keys: " + why;
}

// The ZooKeeper lines that read the file's keys: no key is gone in a later line, so a key that
// a line added (observerMasterPort and multiAddress.* in 3.6, enforceQuota in 3.7, oraclePath in
// 3.8) sets the oldest possible line, and a key of no line (a typo, a plug-in's key) says nothing.
void guess_zookeeper_versions(const Document& doc, FileProfile& p) {
  p.zookeeper_version_guessed = true;
  ZooKeeperVersion oldest = zookeeper_fact::lines().front();
  std::string_view newest_key;
  for (const Entry& e : doc.entries()) {
    if (p.entry_template_flags[e.index] & (LintContext::template_control | LintContext::template_in_key)) continue;
    ZooKeeperVersion since = oldest;
    if (const zookeeper_keys::Key* key = zookeeper_keys::find(e.key)) since = key->since;
    else if (const zookeeper_keys::Family* family = zookeeper_keys::family_of(e.key)) since = family->since;
    if (since > oldest) {
      oldest = since;
      newest_key = e.key;
    }
  }
  for (const ZooKeeperVersion line : zookeeper_fact::lines()) {
    if (oldest <= line) p.zookeeper_versions.push_back(line);
  }
  p.zookeeper_version_reason = newest_key.empty() ? "guessed from the keys: no key of the file narrows it"
                                                  : "guessed from the keys: " + std::string(newest_key) + " exists from " + oldest.to_string();
}

/// Release lines as runs of neighbours in `all`: {2.8, 3.0, 3.1, 4.1} -> "2.8–3.1, 4.1".
template <typename Version>
std::string describe_lines(std::span<const Version> versions, std::span<const Version> all) {
  const auto position = [&](Version v) { return std::find(all.begin(), all.end(), v) - all.begin(); };
  std::string out;
  for (std::size_t i = 0; i < versions.size();) {
    std::size_t j = i;
    while (j + 1 < versions.size() && position(versions[j + 1]) == position(versions[j]) + 1) ++j;
    if (!out.empty()) out += ", ";
    out += versions[i].to_string();
    if (j > i) out += "\u2013" + versions[j].to_string();
    i = j + 1;
  }
  return out;
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

  // Kafka version: explicit (the caller refused lines outside the catalog), else what the keys imply.
  if (settings.kafka_version) {
    p.kafka_version = kafka_catalog::nearest(*settings.kafka_version);
    p.kafka_versions = {p.kafka_version};
    p.kafka_version_reason = settings.kafka_version_origin;
  } else {
    guess_kafka_versions(doc, p);
  }
  p.kafka_version = p.kafka_versions.back();
  p.kafka_version_text = p.kafka_version.to_string();

  // ZooKeeper version: the same, over the lines of zookeeper_releases.hpp.
  if (settings.zookeeper_version) {
    p.zookeeper_versions = {*settings.zookeeper_version};
    p.zookeeper_version_reason = settings.zookeeper_version_origin;
  } else {
    guess_zookeeper_versions(doc, p);
  }
  p.zookeeper_version = p.zookeeper_versions.back();
  p.zookeeper_version_text = p.zookeeper_version.to_string();
  return p;
}

std::optional<std::string> unsupported_kafka_version(KafkaVersion v) {
  const auto lines = kafka_catalog::versions();
  if (std::find(lines.begin(), lines.end(), v) != lines.end()) return std::nullopt;
  std::string known;  // per major version, so that 2.9 and 3.10 do not look included
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && lines[i].major == lines[i - 1].major) continue;
    std::size_t last = i;
    while (last + 1 < lines.size() && lines[last + 1].major == lines[i].major) ++last;
    known += (known.empty() ? "" : ", ") + lines[i].to_string() + (last > i ? "\u2013" + lines[last].to_string() : "");
  }
  return "Kafka " + v.to_string() + " is not a release line zklint knows; it knows " + known;
}

std::string describe_kafka_versions(std::span<const KafkaVersion> versions) { return describe_lines(versions, kafka_catalog::versions()); }

std::optional<std::string> unsupported_zookeeper_version(ZooKeeperVersion v) {
  const auto lines = zookeeper_fact::lines();
  if (zookeeper_fact::line_index(v) < lines.size()) return std::nullopt;
  return "ZooKeeper " + v.to_string() + " is not a release line zklint knows; it knows " + describe_zookeeper_versions(lines);
}

std::string describe_zookeeper_versions(std::span<const ZooKeeperVersion> versions) { return describe_lines(versions, zookeeper_fact::lines()); }

}  // namespace zklint
