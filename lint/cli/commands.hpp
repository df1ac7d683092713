// The subcommands of the zklint binary.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "zklint/lint/engine.hpp"
#include "zklint/lint/output.hpp"

namespace zklint::cli {

struct LintArgs {
  RunOptions run;
  std::vector<std::string> formats;   ///< --format, in order
  std::vector<std::string> outputs;   ///< --output FILE (the n-th belongs to the n-th --format) or FORMAT=FILE
  std::string color = "auto";
  bool verbose = false;
  bool quiet = false;
  bool allow_empty = false;    ///< --allow-empty: finding no config to lint is not an error
  bool statistics = false;     ///< --statistics: a count per rule instead of the report on standard output
  std::optional<Severity> show_severity;  ///< --show-severity: print only findings at or above it
  bool fix = false;            ///< --fix: write the safe fixes
  bool unsafe_fixes = false;   ///< --unsafe-fixes: also the unsafe ones
  bool diff = false;           ///< --diff: print the fixes as a unified diff, write nothing
  std::string baseline;        ///< --baseline FILE
  std::string write_baseline;  ///< --write-baseline FILE
};

int run_lint_command(const LintArgs& args);

struct ReportTarget;
/// Where and how the reports go that are not written to a file.
struct ReportStyle {
  std::ostream& out;
  std::string color = "auto";
  bool verbose = false;
  bool statistics = false;
};
/// Writes each planned report of `result` (whose exit code is `code`); returns `code`, or 2 when a
/// report file could not be written.
int write_reports(const std::vector<ReportTarget>& targets, const RunResult& result, int code, const ReportStyle& style);

struct ProbeArgs {
  std::vector<std::string> paths;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string color = "auto";
  double timeout_seconds = 3;
  std::optional<double> max_time_seconds;  ///< default: four step timeouts
  std::vector<std::string> resolve;        ///< NAME=ADDRESS
  bool local = false;
  bool quiet = false;
  std::optional<std::filesystem::path> config_file;
  bool no_config = false;
};
int run_probe_command(const ProbeArgs& args);

struct ExplainLogArgs {
  std::string log;      ///< the log file, "-" for standard input
  std::string config;   ///< --config: the node's config, to point at the responsible line
  std::string format = "text";
  bool quiet = false;
};
int run_explain_log(const ExplainLogArgs& args);
int run_dump(const std::vector<std::string>& files);
int run_rules(const std::string& format);
int run_explain(const std::string& id);
/// The manual page (roff) for `app`, to standard output or to `output`.
int run_man(const CLI::App& app, const std::string& output);
void write_man_page(const CLI::App& app, std::ostream& out);
/// `zklint lsp`: the language server on standard input and output, linting as `lint` would.
int run_lsp(const RunOptions& lint, unsigned debounce_ms);
/// False (after telling the user) when a --select or --ignore selector names no rule.
bool check_selectors(const std::vector<std::string>& selectors, const char* option);
/// `zklint topology`: the clusters of the inputs as text, mermaid, dot or json. 0, or 2 when an input
/// could not be read or none is a Kafka or ZooKeeper config.
int run_topology(const RunOptions& options, const std::string& format);
int run_print_config(const std::string& file, const std::optional<std::string>& config_file, bool no_config);

/// Writes `content` to `path` atomically (a temporary file in the same directory, then rename),
/// with permission bits `mode`.
bool write_file_atomically(const std::string& path, const std::string& content, std::string& error, unsigned mode = 0644);

}  // namespace zklint::cli
