// Checkstyle XML, the format Jenkins' Warnings Next Generation plugin (recordIssues with the
// checkStyle tool) and many other CI dashboards read. Every file zklint looked at gets a <file>
// element, clean ones too, as Checkstyle itself does; a file that could not be linted gets one
// error so that a quality gate cannot pass over it.
#include "common.hpp"
#include "writers.hpp"
#include "xml.hpp"

namespace zklint::output {

void write_checkstyle(const RunResult& run, std::ostream& out, const OutputOptions&) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const FileResult& f : run.files) {
    const std::string name = xml_escape(f.path);
    if (f.not_linted) {
      out << "  <file name=\"" << name << "\">\n    <error line=\"1\" severity=\"error\" message=\""
          << xml_escape("zklint could not lint this file: " + *f.not_linted) << "\" source=\"zklint.not-linted\"/>\n  </file>\n";
      continue;
    }
    if (f.diagnostics.empty()) {
      out << "  <file name=\"" << name << "\"/>\n";
      continue;
    }
    out << "  <file name=\"" << name << "\">\n";
    for (const Diagnostic& d : f.diagnostics) {
      const RuleMeta& m = d.rule->meta();
      // Checkstyle's severities are error, warning, info and ignore: ours map one to one.
      out << "    <error line=\"" << d.range.begin.line << "\" column=\"" << d.range.begin.column << "\" severity=\""
          << to_string(d.severity) << "\" message=\"" << xml_escape(message_with_suggestion(d) + " [" + std::string(m.code) + " " + std::string(m.name) + "]")
          << "\" source=\"zklint." << m.code << "\"/>\n";
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

}  // namespace zklint::output
