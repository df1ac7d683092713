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

namespace {

bool check_selectors(const std::vector<std::string>& selectors, const char* option) {
  const RuleRegistry& registry = RuleRegistry::instance();
  for (const std::string& s : selectors) {
    if (!select_rules(registry, s).empty()) continue;
    std::vector<std::string_view> names;
    for (const Rule* r : registry.rules()) names.push_back(r->meta().name);
    const auto close = closest_match(s, names);
    std::cerr << "zklint: " << option << ": unknown rule, code or family '" << s << "'";
    if (close) std::cerr << "; did you mean '" << *close << "'?";
    std::cerr << "\n";
    return false;
  }
  return true;
}

bool use_color(const std::string& setting) {
  if (setting == "always") return true;
  if (setting == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

// The option combinations that make no sense, with a message; nullopt when the arguments are fine.
std::optional<std::string> usage_error(const LintArgs& args, std::size_t formats_on_stdout) {
  if (args.fix && args.diff) return "--fix writes the fixes and --diff only shows them: choose one";
  if (args.unsafe_fixes && !args.fix && !args.diff) return "--unsafe-fixes needs --fix or --diff";
  if (args.diff && formats_on_stdout > 0) return "--diff prints the diff on standard output: give each --format an --output FILE";
  if (args.fix && std::find(args.run.paths.begin(), args.run.paths.end(), "-") != args.run.paths.end()) {
    return "--fix cannot write standard input back; use --diff to see the fixes";
  }
  return std::nullopt;
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
  if (args.fix) options.refuse = [](const FileResult& f) { return refuse_to_write(f.location); };
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
    for (const FixedFile& f : run.changed) std::cout << unified_diff(f.original, f.fixed, f.path);
    outcome.fixes_left = !run.changed.empty();
    outcome.result = run.before ? std::move(*run.before) : std::move(run.after);
    return outcome;
  }
  for (const FixedFile& f : run.changed) {
    std::string error;
    if (!write_fixed_file(f, error)) {
      std::cerr << "zklint: " << error << "\n";
      outcome.problems = std::max(outcome.problems, 2);
    }
  }
  outcome.result = std::move(run.after);
  return outcome;
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

}  // namespace

int run_lint_command(const LintArgs& args) {
  if (!check_selectors(args.run.select, "--select") || !check_selectors(args.run.ignore, "--ignore")) return 2;
  std::vector<Format> formats;
  for (const std::string& name : args.formats) {
    const auto f = parse_format(name);
    if (!f) {
      std::cerr << "zklint: --format: unknown format '" << name << "' (" << format_names() << ")\n";
      return 2;
    }
    formats.push_back(*f);
  }
  if (formats.empty() && !args.diff) formats.push_back(Format::text);
  if (args.outputs.size() > formats.size()) {
    std::cerr << "zklint: more --output than --format options: the n-th --output belongs to the n-th --format\n";
    return 2;
  }
  if (formats.size() - args.outputs.size() > 1) {
    std::cerr << "zklint: only one --format may write to standard output; give the others an --output FILE\n";
    return 2;
  }
  if (const auto error = usage_error(args, formats.size() - args.outputs.size())) {
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

  int final_code = code;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    OutputOptions options;
    options.exit_code = code;
    options.verbose = args.verbose;
    if (i < args.outputs.size()) {
      std::ostringstream buffer;
      write_report(formats[i], result, buffer, options);
      std::string error;
      if (!write_file_atomically(args.outputs[i], buffer.str(), error)) {
        std::cerr << "zklint: " << error << "\n";
        final_code = std::max(final_code, 2);
      }
    } else {
      options.color = formats[i] == Format::text && use_color(args.color);
      write_report(formats[i], result, std::cout, options);
    }
  }
  std::cout.flush();
  if (!args.quiet) write_summary(result, std::cerr);
  return final_code;
}

}  // namespace zklint::cli
