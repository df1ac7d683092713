// .zklint.json: discovery (the closest file to each linted file wins), explicit `extends`, and
// the effective settings with the origin of each value (for `zklint print-config`).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "zklint/lint/diagnostic.hpp"
#include "zklint/lint/file_kind.hpp"
#include "zklint/lint/release_line.hpp"

namespace zklint {

class Rule;

/// Where a setting came from: "default", "--fail-on", or "path/.zklint.json:4:13".
using Origin = std::string;

template <typename T>
struct Setting {
  T value;
  Origin origin = "default";
};

/// A rule, family or "all" switched off, on, or to a severity.
struct RuleSetting {
  std::string selector;                 ///< as written: code, name, family or "all"
  bool enabled = true;
  std::optional<Severity> severity;     ///< set when the value is a severity
  Origin origin;
};

/// The failure threshold: findings at or above it make zklint exit 1.
enum class FailOn : std::uint8_t { info, warning, error, never };
std::optional<FailOn> parse_fail_on(std::string_view text);
std::string_view to_string(FailOn f);

struct PathPattern {
  std::string pattern;            ///< glob: *, ?, and ** across directories
  std::filesystem::path base;     ///< the directory it is relative to
  Origin origin;
};

struct PairSetting {
  std::filesystem::path kafka;
  std::filesystem::path zookeeper;
  Origin origin;
};

/// A `nodes` entry of a cluster: what the files it matches cannot say about their node.
struct NodeSetting {
  PathPattern file;
  std::optional<std::string> host;   ///< the machine the node runs on
  std::optional<std::int64_t> myid;  ///< a ZooKeeper server's id, as its myid file holds it
};

/// A cluster declared in `clusters`: its files, whatever their directories, run together.
struct ClusterSetting {
  std::string name;
  std::vector<PathPattern> files;
  /// Every node of the cluster runs on this one machine (host evidence for the cross-node rules).
  std::optional<std::string> host;
  /// The node number in a ZooKeeper config's file name is its myid (zoo3.cfg: 3).
  bool myid_from_file_name = false;
  std::vector<NodeSetting> nodes;
  Origin origin;
  bool matches(const std::filesystem::path& path) const;  ///< `path` absolute
  /// The first `nodes` entry whose pattern matches `path` (absolute), if any.
  const NodeSetting* node_of(const std::filesystem::path& path) const;
  /// A config error ("file:line:col: ...") for each `nodes` entry that gives none of `files` (the
  /// cluster's files, absolute) its host or myid.
  std::vector<std::string> idle_nodes(const std::vector<std::filesystem::path>& files) const;
};

/// Rules switched off for the files matching a glob (`per-file-ignores`).
struct PerFileIgnore {
  PathPattern pattern;
  std::vector<std::string> selectors;
};

/// What the config says about one rule: whether it runs, and at which severity if not its own.
struct RuleDecision {
  bool enabled = false;
  std::optional<Severity> severity;
};

struct Config {
  std::vector<std::filesystem::path> files;  ///< the config files read, closest first (empty: defaults)
  std::vector<RuleSetting> rules;            ///< the extended files' first, then this file's
  Setting<FailOn> fail_on{FailOn::warning};
  Setting<std::optional<KafkaVersion>> kafka_version{std::nullopt};  ///< nullopt = auto
  Setting<std::optional<ZooKeeperVersion>> zookeeper_version{std::nullopt};  ///< nullopt = auto
  Setting<std::optional<FileKind>> kind{std::nullopt};
  std::vector<PathPattern> include;  ///< walked files to lint whatever their name
  std::vector<PathPattern> exclude;
  std::vector<PairSetting> pairs;
  std::vector<ClusterSetting> clusters;
  std::vector<PerFileIgnore> per_file_ignores;
  /// The selectors of the per-file-ignores that match the one file this config was made for
  /// (ConfigResolver::for_file); empty in a directory's config.
  std::vector<std::string> file_ignores;

  /// The exclude pattern `path` (absolute) matches, if any.
  const PathPattern* excludes(const std::filesystem::path& path) const;
  /// The include pattern `path` (absolute) matches, if any.
  const PathPattern* includes(const std::filesystem::path& path) const;
  /// The first `clusters` entry whose files include `path` (absolute), if any.
  const ClusterSetting* cluster_of(const std::filesystem::path& path) const;
  /// For each of enabling and severity, the most specific setting that names `rule` decides
  /// (selector_specificity); between equally specific ones, the file that extends another wins.
  /// `file_ignores` are not part of it (they override --select too, see plan_rules).
  RuleDecision decide(const Rule& rule) const;
  /// True if a per-file-ignores selector of this file names `rule`.
  bool ignored_for_file(const Rule& rule) const;
};

/// A problem in a config file, with its position; zklint exits 2.
struct ConfigError {
  std::string message;  ///< "path:line:col: message"
};

/// Loads a config file and what it extends. On failure returns nullopt and fills `error`.
std::optional<Config> load_config(const std::filesystem::path& file, ConfigError& error);

/// Finds and caches the closest .zklint.json for each directory. Thread-safe.
class ConfigResolver {
 public:
  /// `explicit_file`: --config; `disabled`: --no-config.
  ConfigResolver(std::optional<std::filesystem::path> explicit_file, bool disabled);
  /// The config for a file (absolute path); null with `error` set when it cannot be loaded.
  std::shared_ptr<const Config> for_file(const std::filesystem::path& file, ConfigError& error);

 private:
  std::shared_ptr<const Config> for_directory(const std::filesystem::path& dir, ConfigError& error);
  std::shared_ptr<const Config> for_matching_ignores(const std::shared_ptr<const Config>& config, const std::filesystem::path& file);
  std::optional<std::filesystem::path> explicit_file_;
  bool disabled_;
  std::mutex mutex_;
  std::map<std::filesystem::path, std::shared_ptr<const Config>> by_dir_;
  std::map<std::filesystem::path, std::string> errors_;
  /// Configs specialized for files that per-file-ignores match, by base config and matched patterns.
  std::map<std::pair<const Config*, std::string>, std::shared_ptr<const Config>> specialized_;
};

/// Glob matching for exclude patterns: `*` and `?` stay within a path component, `**` spans them.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace zklint
