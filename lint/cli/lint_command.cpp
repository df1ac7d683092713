// `zklint [options] PATH...`: lint, write each requested report, exit with the documented code.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "fix_files.hpp"
#include "report_targets.hpp"
#include "zklint/lint/baseline.hpp"
#include "zklint/lint/fixing.hpp"
#include "zklint/lint/registry.hpp"
#include "zklint/lint/selector.hpp"
#include "zklint/lint/strings.hpp"
#include "zklint/lint/unified_diff.hpp"

namespace zklint::cli {

namespace fs = std::filesystem;

bool write_file_atomically(const std::string& path, const std::string& content, std::string& error, unsigned mode) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".zklint-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = "cannot create a file next to " + path + ": " + std::strerror(errno);
    return false;
  }
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = "cannot write " + path + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, static_cast<mode_t>(mode));
  if (::close(fd) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

bool check_selectors(const std::vector<std::string>& selectors, const char* option) {
  const RuleRegistry& registry = RuleRegistry::instance();
  for (const std::string& s : selectors) {
    if (!select_rules(registry, s).empty()) continue;
    const auto close = closest_match(s, selector_words(registry));
    std::cerr << "zklint: " << option << ": unknown rule, code or family '" << s << "'";
    if (close) std::cerr << "; did you mean '" << *close << "'?";
    std::cerr << "\n";
    return false;
  }
  return true;
}

namespace {

// --color always/never, then NO_COLOR (https://no-color.org), then FORCE_COLOR
// (https://force-color.org), then whether standard output is a terminal.
bool use_color(const std::string& setting) {
  if (setting == "always") return true;
  if (setting == "never") return false;
  const auto set = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
  };
  if (set("NO_COLOR")) return false;
  if (set("FORCE_COLOR")) return true;
  return ::isatty(STDOUT_FILENO) == 1;
}

bool reads_stdin(const LintArgs& args) { return std::find(args.run.paths.begin(), args.run.paths.end(), "-") != args.run.paths.end(); }

// The option combinations that make no sense, with a message; nullopt when the arguments are fine.
// `explicit_on_stdout`: reports the user sent to standard output with --format.
std::optional<std::string> usage_error(const LintArgs& args, std::size_t explicit_on_stdout) {
  if (args.fix && args.diff) return "--fix writes the fixes and --diff only shows them: choose one";
  if (args.unsafe_fixes && !args.fix && !args.diff) return "--unsafe-fixes needs --fix or --diff";
  if (args.diff && explicit_on_stdout > 0) return "--diff prints the diff on standard output: give each --format an --output FILE";
  if (args.fix && reads_stdin(args) && explicit_on_stdout > 0) {
    return "--fix - prints the fixed text on standard output: give each --format an --output FILE (the findings go to standard error)";
  }
  return std::nullopt;
}

// The name of a fixed file in --diff headers: relative to the root of its git work tree, as
// `git apply` (run at that root) expects, so that `zklint --diff ../x` applies; relative to the
// working directory outside a repository.
std::string diff_name(const FixedFile& f) {
  const fs::path absolute = fs::absolute(f.location == "-" ? fs::path(f.path) : f.location).lexically_normal();
  for (fs::path dir = absolute.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::exists(dir / ".git", ec)) return absolute.lexically_relative(dir).generic_string();
    if (dir == dir.root_path()) break;
  }
  return fs::path(f.path).lexically_normal().generic_string();
}

struct Outcome {
  RunResult result;
  int problems = 0;          ///< 2: a fix could not be written; 3: fixes did not settle
  bool fixes_left = false;   ///< --diff: there is something to fix
};

// Lints, and for --fix/--diff applies the fixes until nothing changes, then writes or shows them.
Outcome lint_and_fix(const LintArgs& args) {
  Outcome outcome;
  if (!args.fix && !args.diff) {
    outcome.result = run_lint(args.run);
    return outcome;
  }
  FixOptions options;
  options.unsafe = args.unsafe_fixes;
  if (args.fix) options.refuse = [](const FileResult& f) { return f.location == "-" ? std::nullopt : refuse_to_write(f.location); };
  FixRun run = fix_until_stable(args.run, options);
  for (const auto& [path, why] : run.refused) {
    std::cerr << "zklint: not fixing " << path << ": " << why << "\n";
    outcome.problems = 2;
  }
  if (!run.settled) {
    std::cerr << "zklint: internal error: fixes still changed the files after " << options.max_passes
              << " passes; this is a zklint bug, please report it with the file\n";
    outcome.problems = 3;
  }
  if (args.diff) {
    for (const FixedFile& f : run.changed) std::cout << unified_diff(f.original, f.fixed, diff_name(f));
    outcome.fixes_left = !run.changed.empty();
    outcome.result = run.before ? std::move(*run.before) : std::move(run.after);
    return outcome;
  }
  for (const FixedFile& f : run.changed) {
    if (f.location == "-") continue;  // printed by print_fixed_stdin, once the run is over
    std::string error;
    if (!write_fixed_file(f, error)) {
      std::cerr << "zklint: " << error << "\n";
      outcome.problems = std::max(outcome.problems, 2);
    }
  }
  outcome.result = std::move(run.after);
  return outcome;
}

// --fix -: standard input's text, fixed or as it came, on standard output, as formatters do.
void print_fixed_stdin(const RunResult& result) {
  for (const FileResult& f : result.files) {
    if (f.location == "-" && f.doc) std::cout << f.doc->source().bytes();
  }
}

// --baseline and --write-baseline. Returns 2 when a baseline cannot be read or written.
int handle_baseline(const LintArgs& args, RunResult& result) {
  std::string baseline_file = args.baseline;
  if (!args.write_baseline.empty()) {
    std::string error;
    if (!write_file_atomically(args.write_baseline, baseline_text(result, args.write_baseline), error)) {
      std::cerr << "zklint: " << error << "\n";
      return 2;
    }
    std::size_t count = 0;
    for (const FileResult& f : result.files) count += f.diagnostics.size();
    if (!args.quiet) std::cerr << "zklint: wrote " << count << (count == 1 ? " finding" : " findings") << " to the baseline " << args.write_baseline << "\n";
    if (baseline_file.empty()) baseline_file = args.write_baseline;  // what was just recorded is accepted
  }
  if (baseline_file.empty()) return 0;
  std::string error;
  const auto baseline = load_baseline(baseline_file, error);
  if (!baseline) {
    std::cerr << "zklint: --baseline: " << error << "\n";
    return 2;
  }
  apply_baseline(result, *baseline, baseline_file);
  return 0;
}

// --show-severity: drops the findings below `shown` from what is printed; returns how many.
std::size_t hide_below(RunResult& result, Severity shown) {
  std::size_t hidden = 0;
  for (FileResult& f : result.files) {
    const auto below = [&](const Diagnostic& d) { return static_cast<int>(d.severity) < static_cast<int>(shown); };
    hidden += static_cast<std::size_t>(std::count_if(f.diagnostics.begin(), f.diagnostics.end(), below));
    f.diagnostics.erase(std::remove_if(f.diagnostics.begin(), f.diagnostics.end(), below), f.diagnostics.end());
  }
  return hidden;
}

std::string join_paths(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += (out.empty() ? "" : " ") + p;
  return out;
}

}  // namespace

int write_reports(const std::vector<ReportTarget>& targets, const RunResult& result, int code, const ReportStyle& style) {
  int final_code = code;
  for (const ReportTarget& target : targets) {
    OutputOptions options;
    options.exit_code = code;
    options.verbose = style.verbose;
    if (target.file) {
      std::ostringstream buffer;
      write_report(target.format, result, buffer, options);
      std::string error;
      if (!write_file_atomically(*target.file, buffer.str(), error)) {
        std::cerr << "zklint: " << error << "\n";
        final_code = std::max(final_code, 2);
      }
    } else {
      options.color = target.format == Format::text && use_color(style.color);
      if (style.statistics) write_statistics(result, style.out);
      else write_report(target.format, result, style.out, options);
    }
  }
  return final_code;
}

int run_lint_command(const LintArgs& args) {
  if (!check_selectors(args.run.select, "--select") || !check_selectors(args.run.ignore, "--ignore")) return 2;
  auto planned = plan_reports(args.formats, args.outputs, !args.diff);
  if (const auto* error = std::get_if<std::string>(&planned)) {
    std::cerr << "zklint: " << *error << "\n";
    return 2;
  }
  const auto& targets = std::get<std::vector<ReportTarget>>(planned);
  const auto on_stdout = static_cast<std::size_t>(std::count_if(targets.begin(), targets.end(), [](const ReportTarget& t) { return !t.file; }));
  if (const auto error = usage_error(args, args.formats.empty() ? 0 : on_stdout)) {
    std::cerr << "zklint: " << *error << "\n";
    return 2;
  }
  if (!args.baseline.empty() && !fs::is_regular_file(args.baseline)) {
    std::cerr << "zklint: --baseline: " << args.baseline << " does not exist (write one with --write-baseline)\n";
    return 2;
  }

  Outcome outcome = lint_and_fix(args);
  RunResult& result = outcome.result;
  const int baseline_problem = handle_baseline(args, result);
  int code = exit_code(result);
  if (args.diff && code < 2) code = outcome.fixes_left ? 1 : 0;
  code = std::max({code, outcome.problems, baseline_problem});
  const bool nothing_linted = result.files.empty() && !args.allow_empty;
  if (nothing_linted) code = std::max(code, 2);
  // The exit code is decided; --show-severity only changes what is printed.
  const std::size_t hidden = args.show_severity ? hide_below(result, *args.show_severity) : 0;

  // --fix - owns standard output: the findings left go to standard error.
  std::ostream& out = args.fix && reads_stdin(args) ? std::cerr : std::cout;
  const int final_code = write_reports(targets, result, code, {out, args.color, args.verbose, args.statistics});
  if (args.fix && reads_stdin(args)) print_fixed_stdin(result);
  std::cout.flush();
  if (args.verbose) {
    for (const SkippedFile& s : result.skipped) std::cerr << "zklint: skipped " << s.display << ": " << s.reason << "\n";
  }
  if (!args.quiet) {
    write_summary(result, std::cerr);
    if (hidden > 0) std::cerr << "zklint: " << hidden << (hidden == 1 ? " finding" : " findings") << " below --show-severity " << to_string(*args.show_severity) << " not shown\n";
  }
  if (nothing_linted) {
    std::cerr << "zklint: no Kafka or ZooKeeper config found under " << join_paths(args.run.paths)
              << " (--verbose lists what was skipped; --allow-empty accepts an empty run)\n";
  }
  return final_code;
}

}  // namespace zklint::cli
