#include "zklint/lint/config.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>

#include "config_json.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/lint/registry.hpp"
#include "zklint/lint/selector.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint {

namespace fs = std::filesystem;

std::optional<FailOn> parse_fail_on(std::string_view text) {
  if (text == "info") return FailOn::info;
  if (text == "warning") return FailOn::warning;
  if (text == "error") return FailOn::error;
  if (text == "never") return FailOn::never;
  return std::nullopt;
}

std::string_view to_string(FailOn f) {
  switch (f) {
    case FailOn::info: return "info";
    case FailOn::warning: return "warning";
    case FailOn::error: return "error";
    case FailOn::never: return "never";
  }
  return "warning";
}

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (starts_with(pattern, "**")) {
    std::string_view rest = pattern.substr(2);
    if (starts_with(rest, "/")) rest.remove_prefix(1);
    if (rest.empty()) return true;  // a trailing ** matches everything below
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if ((i == 0 || path[i - 1] == '/') && glob_match(rest, path.substr(i))) return true;
    }
    return false;
  }
  if (pattern[0] == '*') {
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if (glob_match(pattern.substr(1), path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') return false;
    }
    return false;
  }
  if (path.empty()) return false;
  if (pattern[0] == '?' ? path[0] != '/' : pattern[0] == path[0]) return glob_match(pattern.substr(1), path.substr(1));
  return false;
}

namespace {

// A pattern matches the path itself or any directory above it ("build" matches build/x).
bool pattern_matches(const PathPattern& p, const fs::path& path) {
  const std::string rel = path.lexically_relative(p.base).generic_string();
  if (rel.empty() || starts_with(rel, "..")) return false;
  return glob_match(p.pattern, rel) || glob_match(p.pattern + "/**", rel);
}

const PathPattern* first_match(const std::vector<PathPattern>& patterns, const fs::path& path) {
  for (const PathPattern& p : patterns) {
    if (pattern_matches(p, path)) return &p;
  }
  return nullptr;
}

}  // namespace

const PathPattern* Config::excludes(const fs::path& path) const { return first_match(exclude, path); }
const PathPattern* Config::includes(const fs::path& path) const { return first_match(include, path); }

bool ClusterSetting::matches(const fs::path& path) const { return first_match(files, path) != nullptr; }

const NodeSetting* ClusterSetting::node_of(const fs::path& path) const {
  for (const NodeSetting& n : nodes) {
    if (pattern_matches(n.file, path)) return &n;
  }
  return nullptr;
}

std::vector<std::string> ClusterSetting::idle_nodes(const std::vector<fs::path>& members) const {
  std::string patterns;
  for (const PathPattern& p : files) patterns += (patterns.empty() ? "" : ", ") + p.pattern;
  std::vector<std::string> out;
  for (const NodeSetting& node : nodes) {
    if (std::any_of(members.begin(), members.end(), [&](const fs::path& f) { return node_of(f) == &node; })) continue;
    const std::string entry = node.file.origin + ": the `nodes` entry '" + node.file.pattern + "' of cluster '" + name + "'";
    const auto matched = std::find_if(members.begin(), members.end(), [&](const fs::path& f) { return pattern_matches(node.file, f); });
    if (matched == members.end()) {
      out.push_back(entry + " matches none of the cluster's files (" + patterns + "), so its host and myid go to no node");
    } else {
      out.push_back(entry + " gives no file its host or myid: the entries before it take every file it matches (" +
                    matched->lexically_relative(node.file.base).generic_string() + " takes the one at " + node_of(*matched)->file.origin +
                    "), and the first entry that matches a file wins");
    }
  }
  return out;
}

const ClusterSetting* Config::cluster_of(const fs::path& path) const {
  for (const ClusterSetting& c : clusters) {
    if (c.matches(path)) return &c;
  }
  return nullptr;
}

RuleDecision Config::decide(const Rule& rule) const {
  RuleDecision decision{rule.meta().enabled_by_default, std::nullopt};
  int enabling = -1, severity = -1;
  for (const RuleSetting& s : rules) {  // extended files first: at equal specificity the later wins
    if (!selector_matches(s.selector, rule)) continue;
    const int specificity = selector_specificity(s.selector, rule);
    if (specificity >= enabling) {
      enabling = specificity;
      decision.enabled = s.enabled;
    }
    if (s.severity && specificity >= severity) {
      severity = specificity;
      decision.severity = s.severity;
    }
  }
  return decision;
}

bool Config::ignored_for_file(const Rule& rule) const {
  return std::any_of(file_ignores.begin(), file_ignores.end(), [&](const std::string& s) { return selector_matches(s, rule); });
}

namespace {

constexpr std::string_view known_fields[] = {"$schema", "extends", "rules", "fail-on", "kafka-version", "zookeeper-version", "kind", "include", "exclude", "per-file-ignores", "pairs", "clusters"};

class Loader {
 public:
  explicit Loader(ConfigError& error) : error_(error) {}

  // Applies `file` (after what it extends) on top of `config`.
  bool apply(const fs::path& file, Config& config) {
    const fs::path canonical = fs::weakly_canonical(file);
    if (!visiting_.insert(canonical).second) return fail(file.string() + ": `extends` forms a cycle through this file");
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(file.string() + ": cannot read the config file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string syntax_error;
    const auto located = config_json::parse(buffer.str(), syntax_error);
    if (!located) return fail(file.string() + ":" + syntax_error);
    file_ = file;
    positions_ = &located->positions;
    const nlohmann::json& j = located->value;
    if (!j.is_object()) return fail(where("") + "the config must be a JSON object");

    for (const auto& [key, value] : j.items()) {
      if (std::find(std::begin(known_fields), std::end(known_fields), key) != std::end(known_fields)) continue;
      std::vector<std::string_view> candidates(std::begin(known_fields), std::end(known_fields));
      const auto close = closest_match(key, candidates);
      return fail(where("/" + key) + "unknown field '" + key + "'" + (close ? "; did you mean '" + std::string(*close) + "'?" : ""));
    }
    // Parents first, so this file's values win.
    if (j.contains("extends")) {
      const nlohmann::json& ext = j.at("extends");
      std::vector<std::string> parents;
      if (ext.is_string()) parents.push_back(ext.get<std::string>());
      else if (ext.is_array() && std::all_of(ext.begin(), ext.end(), [](const auto& e) { return e.is_string(); })) {
        for (const auto& e : ext) parents.push_back(e.get<std::string>());
      } else {
        return fail(where("/extends") + "`extends` must be a path or a list of paths");
      }
      const fs::path self = file_;
      const auto* self_positions = positions_;
      for (const std::string& parent : parents) {
        const fs::path target = self.parent_path() / parent;
        if (!fs::exists(target)) return fail(where("/extends") + "extended config '" + parent + "' does not exist");
        if (!apply(target, config)) return false;
        file_ = self;
        positions_ = self_positions;
      }
    }
    config.files.insert(config.files.begin(), file);
    if (!read_rules(j, config) || !read_scalars(j, config) || !read_paths(j, config)) return false;
    visiting_.erase(canonical);
    return true;
  }

 private:
  std::string where(const std::string& pointer) const {
    const auto it = positions_->find(pointer);
    return file_.string() + ":" + (it != positions_->end() ? it->second : std::string("1:1")) + ": ";
  }
  bool fail(std::string message) {
    error_.message = std::move(message);
    return false;
  }

  bool read_rules(const nlohmann::json& j, Config& config) {
    if (!j.contains("rules")) return true;
    const nlohmann::json& rules = j.at("rules");
    if (!rules.is_object()) return fail(where("/rules") + "`rules` must be an object of rule -> \"off\", \"on\", \"error\", \"warning\" or \"info\"");
    const RuleRegistry& registry = RuleRegistry::instance();
    for (const auto& [selector, value] : rules.items()) {
      const std::string at = where("/rules/" + selector);
      if (!known_selector(registry, selector, at)) return false;
      RuleSetting setting{selector, true, std::nullopt, at.substr(0, at.size() - 2)};
      const std::string text = value.is_string() ? value.get<std::string>() : value.is_boolean() ? (value.get<bool>() ? "on" : "off") : "";
      if (text == "off") setting.enabled = false;
      else if (text == "on") setting.enabled = true;
      else if (const auto s = parse_severity(text)) setting.severity = s;
      else return fail(at + "a rule setting must be \"off\", \"on\", \"error\", \"warning\" or \"info\"");
      config.rules.push_back(setting);
    }
    return true;
  }

  bool known_selector(const RuleRegistry& registry, const std::string& selector, const std::string& at) {
    if (!select_rules(registry, selector).empty()) return true;
    const auto close = closest_match(selector, selector_words(registry));
    return fail(at + "unknown rule '" + selector + "'" + (close ? "; did you mean '" + std::string(*close) + "'?" : ""));
  }

  /// "kafka-version" or "zookeeper-version": "auto" or a release line zklint knows.
  template <typename Version>
  bool read_version(const nlohmann::json& j, const std::string& field, std::string_view example,
                    std::optional<std::string> (*unsupported)(Version), Setting<std::optional<Version>>& setting) {
    if (!j.contains(field)) return true;
    const auto& v = j.at(field);
    const std::string at = "/" + field;
    if (!v.is_string()) return fail(where(at) + "`" + field + "` must be a string such as \"" + std::string(example) + "\" or \"auto\"");
    const std::string text = v.get<std::string>();
    if (text == "auto") {
      setting = {std::nullopt, origin(at)};
      return true;
    }
    const auto version = Version::parse(text);
    if (!version) return fail(where(at) + "`" + field + "` must look like \"" + std::string(example) + "\" or be \"auto\", not '" + text + "'");
    if (const auto refused = unsupported(*version)) return fail(where(at) + *refused);
    setting = {version, origin(at)};
    return true;
  }

  bool read_scalars(const nlohmann::json& j, Config& config) {
    if (j.contains("fail-on")) {
      const auto& v = j.at("fail-on");
      const auto f = v.is_string() ? parse_fail_on(v.get<std::string>()) : std::nullopt;
      if (!f) return fail(where("/fail-on") + "`fail-on` must be \"error\", \"warning\", \"info\" or \"never\"");
      config.fail_on = {*f, origin("/fail-on")};
    }
    if (!read_version(j, "kafka-version", "3.9", unsupported_kafka_version, config.kafka_version)) return false;
    if (!read_version(j, "zookeeper-version", "3.8", unsupported_zookeeper_version, config.zookeeper_version)) return false;
    if (j.contains("kind")) {
      const auto& v = j.at("kind");
      const auto k = v.is_string() ? parse_file_kind(v.get<std::string>()) : std::nullopt;
      if (!k) return fail(where("/kind") + "`kind` must be \"kafka\", \"zookeeper\" or \"unknown\"");
      config.kind = {k, origin("/kind")};
    }
    return true;
  }

  bool read_paths(const nlohmann::json& j, Config& config) {
    const fs::path base = fs::absolute(file_).parent_path();
    for (const std::string field : {"include", "exclude"}) {
      if (!j.contains(field)) continue;
      const auto& v = j.at(field);
      if (!v.is_array()) return fail(where("/" + field) + "`" + field + "` must be a list of glob patterns");
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string()) return fail(where("/" + field + "/" + std::to_string(i)) + "an " + field + " pattern must be a string");
        (field == "include" ? config.include : config.exclude).push_back({v[i].get<std::string>(), base, origin("/" + field + "/" + std::to_string(i))});
      }
    }
    if (j.contains("per-file-ignores")) {
      const auto& v = j.at("per-file-ignores");
      const std::string shape = "`per-file-ignores` must map glob patterns to lists of rules: {\"legacy/**\": [\"ZKL201\"]}";
      if (!v.is_object()) return fail(where("/per-file-ignores") + shape);
      const RuleRegistry& registry = RuleRegistry::instance();
      for (const auto& [pattern, selectors] : v.items()) {
        const std::string at = "/per-file-ignores/" + pattern;
        if (!selectors.is_array()) return fail(where(at) + shape);
        PerFileIgnore ignore{{pattern, base, origin(at)}, {}};
        for (std::size_t i = 0; i < selectors.size(); ++i) {
          const std::string element = at + "/" + std::to_string(i);
          if (!selectors[i].is_string()) return fail(where(element) + shape);
          if (!known_selector(registry, selectors[i].get<std::string>(), where(element))) return false;
          ignore.selectors.push_back(selectors[i].get<std::string>());
        }
        config.per_file_ignores.push_back(std::move(ignore));
      }
    }
    if (j.contains("pairs")) {
      const auto& v = j.at("pairs");
      if (!v.is_array()) return fail(where("/pairs") + "`pairs` must be a list of {\"kafka\": PATH, \"zookeeper\": PATH}");
      for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string at = "/pairs/" + std::to_string(i);
        const auto& p = v[i];
        if (!p.is_object() || !p.contains("kafka") || !p.contains("zookeeper") || !p.at("kafka").is_string() ||
            !p.at("zookeeper").is_string() || p.size() != 2) {
          return fail(where(at) + "a pair must be {\"kafka\": PATH, \"zookeeper\": PATH}");
        }
        config.pairs.push_back({(base / p.at("kafka").get<std::string>()).lexically_normal(),
                                (base / p.at("zookeeper").get<std::string>()).lexically_normal(), origin(at)});
      }
    }
    return read_clusters(j, base, config);
  }

  bool read_clusters(const nlohmann::json& j, const fs::path& base, Config& config) {
    if (!j.contains("clusters")) return true;
    const auto& v = j.at("clusters");
    const std::string shape =
        "`clusters` must be a list of {\"name\": NAME, \"files\": [GLOB, ...]} with optional \"host\": HOST, "
        "\"myid-from-file-name\": true|false and \"nodes\": [{\"file\": GLOB, \"host\": HOST, \"myid\": N}, ...]";
    if (!v.is_array()) return fail(where("/clusters") + shape);
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string at = "/clusters/" + std::to_string(i);
      const auto& c = v[i];
      const bool named = c.is_object() && c.contains("name") && c.at("name").is_string() && !c.at("name").get<std::string>().empty();
      const bool has_files = named && c.contains("files") && c.at("files").is_array() && !c.at("files").empty();
      if (!has_files) return fail(where(at) + shape);
      for (const auto& [field, value] : c.items()) {
        if (field != "name" && field != "files" && field != "host" && field != "myid-from-file-name" && field != "nodes") {
          return fail(where(at + "/" + field) + "unknown field '" + field + "' in a cluster; " + shape);
        }
      }
      ClusterSetting cluster{c.at("name").get<std::string>(), {}, std::nullopt, false, {}, origin(at)};
      if (c.contains("host") && !read_host(c.at("host"), at + "/host", cluster.host)) return false;
      if (c.contains("myid-from-file-name")) {
        if (!c.at("myid-from-file-name").is_boolean()) return fail(where(at + "/myid-from-file-name") + "`myid-from-file-name` must be true or false");
        cluster.myid_from_file_name = c.at("myid-from-file-name").get<bool>();
      }
      const auto& files = c.at("files");
      for (std::size_t f = 0; f < files.size(); ++f) {
        if (!files[f].is_string()) return fail(where(at + "/files/" + std::to_string(f)) + "a cluster's file pattern must be a string");
        cluster.files.push_back({files[f].get<std::string>(), base, origin(at + "/files/" + std::to_string(f))});
      }
      if (c.contains("nodes") && !read_nodes(c.at("nodes"), at + "/nodes", base, cluster)) return false;
      config.clusters.push_back(std::move(cluster));
    }
    return true;
  }

  bool read_host(const nlohmann::json& v, const std::string& at, std::optional<std::string>& host) {
    if (!v.is_string() || v.get<std::string>().empty()) return fail(where(at) + "a host must be a non-empty string");
    host = v.get<std::string>();
    return true;
  }

  // `nodes`: what a cluster's file cannot say about its node, per file: the machine it runs on, its ZooKeeper myid.
  bool read_nodes(const nlohmann::json& v, const std::string& at, const fs::path& base, ClusterSetting& cluster) {
    const std::string shape = "`nodes` must be a list of {\"file\": GLOB, \"host\": HOST, \"myid\": N} (host or myid, or both)";
    if (!v.is_array()) return fail(where(at) + shape);
    for (std::size_t n = 0; n < v.size(); ++n) {
      const std::string node_at = at + "/" + std::to_string(n);
      const auto& e = v[n];
      const bool has_file = e.is_object() && e.contains("file") && e.at("file").is_string();
      const std::size_t facts = has_file ? e.count("host") + e.count("myid") : 0;
      if (!has_file || facts == 0 || e.size() != facts + 1) return fail(where(node_at) + shape);
      NodeSetting node{{e.at("file").get<std::string>(), base, origin(node_at + "/file")}, std::nullopt, std::nullopt};
      if (e.contains("host") && !read_host(e.at("host"), node_at + "/host", node.host)) return false;
      if (e.contains("myid")) {
        // ZooKeeper reads myid with Long.parseLong.
        const auto& id = e.at("myid");
        const bool too_large = id.is_number_unsigned() && id.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX);
        if (!id.is_number_integer() || too_large) return fail(where(node_at + "/myid") + "`myid` must be a whole number (the server id of the node's myid file)");
        node.myid = id.get<std::int64_t>();
      }
      cluster.nodes.push_back(std::move(node));
    }
    return true;
  }

  Origin origin(const std::string& pointer) const {
    const std::string w = where(pointer);
    return w.substr(0, w.size() - 2);
  }

  ConfigError& error_;
  fs::path file_;
  const std::map<std::string, std::string>* positions_ = nullptr;
  std::set<fs::path> visiting_;
};

}  // namespace

std::optional<Config> load_config(const fs::path& file, ConfigError& error) {
  Config config;
  Loader loader(error);
  if (!loader.apply(file, config)) return std::nullopt;
  return config;
}

ConfigResolver::ConfigResolver(std::optional<fs::path> explicit_file, bool disabled)
    : explicit_file_(std::move(explicit_file)), disabled_(disabled) {}

std::shared_ptr<const Config> ConfigResolver::for_file(const fs::path& file, ConfigError& error) {
  std::lock_guard lock(mutex_);
  if (disabled_) {
    static const auto defaults = std::make_shared<const Config>();
    return defaults;
  }
  const fs::path absolute = fs::absolute(file);
  std::shared_ptr<const Config> config = for_directory(explicit_file_ ? *explicit_file_ : absolute.parent_path(), error);  // --config: keyed by the file itself
  if (!config || config->per_file_ignores.empty()) return config;
  return for_matching_ignores(config, absolute);
}

std::shared_ptr<const Config> ConfigResolver::for_matching_ignores(const std::shared_ptr<const Config>& config, const fs::path& file) {
  std::string matched;  // which patterns match, as a key: files matching the same ones share a config
  std::vector<std::string> selectors;
  for (std::size_t i = 0; i < config->per_file_ignores.size(); ++i) {
    const PerFileIgnore& ignore = config->per_file_ignores[i];
    if (!pattern_matches(ignore.pattern, file)) continue;
    matched += std::to_string(i) + ",";
    selectors.insert(selectors.end(), ignore.selectors.begin(), ignore.selectors.end());
  }
  if (matched.empty()) return config;
  auto& slot = specialized_[{config.get(), matched}];
  if (!slot) {
    Config copy = *config;
    copy.file_ignores = std::move(selectors);
    slot = std::make_shared<const Config>(std::move(copy));
  }
  return slot;
}

std::shared_ptr<const Config> ConfigResolver::for_directory(const fs::path& dir, ConfigError& error) {
  if (const auto it = by_dir_.find(dir); it != by_dir_.end()) return it->second;
  if (const auto it = errors_.find(dir); it != errors_.end()) {
    error.message = it->second;
    return nullptr;
  }
  std::shared_ptr<const Config> result;
  const bool explicit_config = explicit_file_ && dir == *explicit_file_;
  const fs::path candidate = explicit_config ? dir : dir / ".zklint.json";
  std::error_code ec;
  if (explicit_config || fs::is_regular_file(candidate, ec)) {
    ConfigError e;
    if (auto loaded = load_config(candidate, e)) {
      result = std::make_shared<const Config>(std::move(*loaded));
    } else {
      errors_[dir] = e.message;
      error = e;
      return nullptr;
    }
  } else if (dir.has_parent_path() && dir.parent_path() != dir) {
    result = for_directory(dir.parent_path(), error);
    if (!result) {
      errors_[dir] = error.message;
      return nullptr;
    }
  } else {
    result = std::make_shared<const Config>();
  }
  by_dir_[dir] = result;
  return result;
}

}  // namespace zklint
