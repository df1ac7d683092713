// What goes to standard error after the report: what --fix repaired, what --baseline found
// fixed, and the one-line count. Reports on standard output stay machine-readable.
#include <ostream>

#include "common.hpp"
#include "writers.hpp"

namespace zklint::output {
namespace {

std::string rule_label(std::string_view code, std::string_view name) { return "[" + std::string(code) + " " + std::string(name) + "]"; }

}  // namespace

void write_summary(const RunResult& run, std::ostream& err) {
  std::size_t files = 0, unreadable = 0, fixable = 0, suppressed = 0, fixed = 0, fixed_files = 0, baselined = 0;
  for (const FileResult& f : run.files) {
    if (f.not_linted) ++unreadable;
    else ++files;
    suppressed += f.suppressed;
    baselined += f.baselined;
    for (const Diagnostic& d : f.diagnostics) fixable += d.fix && d.fix->safety == FixSafety::safe;
    for (const FixedFinding& x : f.fixed) {
      err << f.path << ":" << x.range.begin.line << ":" << x.range.begin.column << ": fixed: " << x.message << " "
          << rule_label(x.rule->meta().code, x.rule->meta().name) << " (" << x.description << ")\n";
    }
    fixed += f.fixed.size();
    fixed_files += !f.fixed.empty();
  }
  if (run.baseline) {
    for (const BaselineEntry& e : run.baseline->fixed) {
      err << "zklint: baseline " << run.baseline->file << ": fixed: " << e.path << " (was line " << e.line << "): " << e.message << " "
          << rule_label(e.code, e.name) << "\n";
    }
  }
  const std::size_t errors = run.count(Severity::error), warnings = run.count(Severity::warning), infos = run.count(Severity::info);
  err << "zklint: ";
  if (errors + warnings + infos == 0) err << "no problems";
  else err << count_phrase(errors, "error") << ", " << count_phrase(warnings, "warning") << ", " << count_phrase(infos, "info");
  err << " in " << count_phrase(files, "file");
  if (fixed > 0) err << "; fixed " << fixed << " in " << count_phrase(fixed_files, "file");
  if (suppressed > 0) err << "; " << suppressed << " suppressed";
  if (baselined > 0) err << "; " << baselined << " in the baseline";
  if (run.baseline && !run.baseline->fixed.empty()) {
    err << "; " << count_phrase(run.baseline->fixed.size(), "baseline entry") << " fixed (--write-baseline drops "
        << (run.baseline->fixed.size() == 1 ? "it" : "them") << ")";
  }
  if (fixable > 0) err << "; " << fixable << " fixable with --fix";
  if (unreadable > 0) err << "; " << count_phrase(unreadable, "file") << " could not be linted";
  for (const std::string& e : run.config_errors) err << "\nzklint: config error: " << e;
  err << "\n";
}

}  // namespace zklint::output
