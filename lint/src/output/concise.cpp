// One line per finding, `path:line:col: severity: message [CODE]`, as gcc, ShellCheck's gcc format
// and ruff's concise format print them: what editors' quickfix lists (Vim's errorformat, Emacs'
// compilation mode) and grep read. Files that could not be linted get one line at 1:1.
#include <ostream>

#include "common.hpp"
#include "writers.hpp"

namespace zklint::output {

void write_concise(const RunResult& run, std::ostream& out, const OutputOptions&) {
  for (const FileResult& f : run.files) {
    if (f.not_linted) out << f.path << ":1:1: error: " << *f.not_linted << "\n";
    for (const std::string& e : f.internal_errors) out << f.path << ":1:1: error: internal error: " << e << "\n";
    for (const Diagnostic& d : f.diagnostics) {
      std::string message = d.message;
      for (char& c : message) c = c == '\n' ? ' ' : c;  // one finding, one line
      out << f.path << ":" << d.range.begin.line << ":" << d.range.begin.column << ": " << to_string(d.severity) << ": " << message
          << " [" << d.rule->meta().code << "]\n";
    }
  }
}

}  // namespace zklint::output
