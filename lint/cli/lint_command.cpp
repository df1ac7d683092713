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
#include "zklint/lint/registry.hpp"
#include "zklint/lint/selector.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::cli {

namespace fs = std::filesystem;

bool write_file_atomically(const std::string& path, const std::string& content, std::string& error) {
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
  ::fchmod(fd, 0644);
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
  if (formats.empty()) formats.push_back(Format::text);
  if (args.outputs.size() > formats.size()) {
    std::cerr << "zklint: more --output than --format options: the n-th --output belongs to the n-th --format\n";
    return 2;
  }
  if (formats.size() - args.outputs.size() > 1) {
    std::cerr << "zklint: only one --format may write to standard output; give the others an --output FILE\n";
    return 2;
  }

  const RunResult result = run_lint(args.run);
  const int code = exit_code(result);
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
        final_code = 2;
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
