// The engine: discover, load (read, parse, profile), cluster, run rules, apply suppressions and
// config, report.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "zklint/document.hpp"
#include "zklint/lint/config.hpp"
#include "zklint/lint/context.hpp"
#include "zklint/lint/diagnostic.hpp"
#include "zklint/lint/discover.hpp"

namespace zklint {

struct RunOptions {
  std::vector<std::string> paths;
  std::string stdin_filename;                    ///< name for "-" in reports
  std::optional<FileKind> kind;                  ///< --kind
  std::optional<KafkaVersion> kafka_version;     ///< --kafka-version (nullopt: config or auto)
  bool kafka_version_auto = false;               ///< --kafka-version auto: ignore the config's version
  std::optional<ZooKeeperVersion> zookeeper_version;  ///< --zookeeper-version (nullopt: config or auto)
  bool zookeeper_version_auto = false;           ///< --zookeeper-version auto: ignore the config's version
  std::optional<FailOn> fail_on;                 ///< --fail-on
  std::vector<std::string> select;               ///< --select: only these rules (codes, names, families)
  std::vector<std::string> ignore;               ///< --ignore
  std::optional<std::filesystem::path> config_file;  ///< --config
  bool no_config = false;                        ///< --no-config
  std::optional<std::filesystem::path> zookeeper_config;  ///< --zookeeper-config
  /// --cluster GLOB: the configs matching each pattern (relative to the working directory) form
  /// one declared cluster, before the `clusters` of .zklint.json and the directory default.
  std::vector<std::string> cluster_globs;
  unsigned jobs = 0;                             ///< 0: one per core
  /// Texts to lint instead of what is on disk, by content_key() of the file's location: the
  /// --fix loop lints its fixed texts before anything is written.
  std::map<std::string, std::string> contents;
  /// `zklint probe`: looks at the live systems a loaded file names, before its rules run (the
  /// observations stage). Called once per reported file, from the worker threads.
  std::function<std::shared_ptr<const Observations>(const LintContext&)> observe;
};

/// The key of a file in RunOptions::contents: its absolute, normalized location ("-" for stdin).
std::string content_key(const std::filesystem::path& location);

/// A finding that --fix repaired.
struct FixedFinding {
  const class Rule* rule = nullptr;
  std::string message;
  std::string description;  ///< what the fix did
  Range range;              ///< where it was, in the text the fix was applied to
};

/// A baseline entry (see baseline.hpp): a finding accepted when the baseline was written.
struct BaselineEntry {
  std::string path;         ///< relative to the baseline file's directory, with '/'
  std::string code;
  std::string name;
  std::string fingerprint;  ///< rule, path and the offending setting (not its line)
  std::string message;      ///< for people reading the file; not matched
  std::uint32_t line = 0;   ///< likewise
};

/// What --baseline did to a run.
struct BaselineStatus {
  std::string file;                  ///< the baseline file, as given
  std::size_t matched = 0;           ///< findings not reported because the baseline has them
  std::vector<BaselineEntry> fixed;  ///< entries for linted files whose finding is gone
};

/// A file ZooKeeper reads as part of another: the `dynamicConfigFile` of a zoo.cfg, when it sits
/// beside it (QuorumPeerConfig.parse reads it at startup). Read, not reported.
struct CompanionFile {
  std::unique_ptr<Document> doc;  ///< null when it could not be read
  FileProfile profile;
  std::string unreadable;         ///< why not, path first ("x contains NUL bytes: ...")
};

/// One file of the run and everything found in it.
struct FileResult {
  std::string path;                  ///< as shown in reports
  std::filesystem::path location;    ///< what was opened ("-" for stdin)
  bool from_walk = false;
  bool included = false;             ///< walked, and named by `include` in .zklint.json
  bool context_only = false;         ///< a cluster member read to check the others against, not reported
  /// A service of a deployment file (docker-compose): index of that file's result in the run,
  /// which reports this service's findings with its own.
  std::optional<std::size_t> part_of;
  std::string service;               ///< the service's name, for a part of a deployment file
  /// The rules that ran on a deployment file or one of its services: the file's suppressions are
  /// applied to what all of them found, after the merge.
  std::vector<const class Rule*> deferred_rules;
  std::unique_ptr<Document> doc;     ///< null when the file could not be linted
  FileProfile profile;
  std::unique_ptr<CompanionFile> dynamic_config;  ///< its dynamicConfigFile, when found beside it
  std::shared_ptr<const Config> config;
  std::vector<Diagnostic> diagnostics;  ///< final, sorted by position and code
  std::size_t suppressed = 0;
  std::size_t baselined = 0;             ///< findings hidden by --baseline
  std::vector<FixedFinding> fixed;       ///< --fix: what was repaired (diagnostics: what remains)
  std::optional<std::string> not_linted;  ///< why the file could not be linted (exit code 2)
  std::vector<std::string> internal_errors;  ///< a rule failed on this file (a zklint bug)
  const std::vector<const class Rule*>* rules_run = nullptr;
  FailOn fail_on = FailOn::warning;
};

struct RunResult {
  std::vector<FileResult> files;       ///< reported files, sorted by path; context-only cluster members excluded
  std::vector<std::string> config_errors;
  std::vector<SkippedFile> skipped;    ///< what the directory walk did not lint, and why (--verbose)
  std::vector<const class Rule*> rules_in_run;  ///< every rule that ran on some file (for SARIF)
  std::optional<BaselineStatus> baseline;       ///< set when --baseline was used

  std::size_t count(Severity s) const;
  bool had_input_errors() const;
  bool had_internal_errors() const;
};

RunResult run_lint(const RunOptions& options);

/// The clusters of the inputs as the cluster rules see them, for `zklint topology`: run_lint's
/// discover, load and cluster stages, then `visit` once per cluster. Returns what kept inputs out
/// (unreadable files, config errors) as messages; no rule runs.
std::vector<std::string> visit_clusters(const RunOptions& options, const std::function<void(const Cluster&)>& visit);

/// 0: nothing at or above the threshold; 1: findings; 2: unreadable inputs or config errors;
/// 3: an internal error.
int exit_code(const RunResult& result);

/// Lints one in-memory file with default settings, through the same cluster and rules stages as
/// run_lint: the rule examples, tests and the fuzzer use it.
struct SingleFileOptions {
  std::string file_name = "server.properties";
  std::optional<FileKind> kind;  ///< forced kind (otherwise detected from the name and keys)
  std::optional<KafkaVersion> kafka_version;
  std::optional<ZooKeeperVersion> zookeeper_version;
  struct ClusterFile {
    std::string name;
    std::string text;
  };
  /// The other files of its cluster, read to check against (cross-node checks), not reported.
  std::vector<ClusterFile> cluster;
  /// Files in its directory that are not configs of their own: the one its dynamicConfigFile
  /// names (by file name) is read as run_lint reads the file beside a zoo.cfg on disk.
  std::vector<ClusterFile> beside;
  bool cluster_declared = false;  ///< as if the files were a `clusters` entry of .zklint.json
  std::vector<std::string> select;  ///< empty: every rule enabled by default
  std::shared_ptr<const Observations> observed;  ///< what `zklint probe` saw (rules/live/ examples)
};
struct SingleFileResult {
  std::unique_ptr<Document> doc;
  FileProfile profile;
  std::vector<Diagnostic> diagnostics;
};
SingleFileResult lint_text(std::string text, const SingleFileOptions& options);

}  // namespace zklint
