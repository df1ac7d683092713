// JUnit XML for CI systems that gate on test reports (Jenkins' junit step, GitLab's
// artifacts:reports:junit, Azure DevOps). One <testsuite> per file and one <testcase> per
// finding. JUnit has no severities, so the report follows the exit code: a finding at or above
// the file's --fail-on threshold is a <failure>; one below it is a passing test case that keeps
// the finding in <system-out>. A file that could not be linted is an <error>. A clean file is one
// passing test case, so that every linted file shows up in the report.
#include <sstream>

#include "common.hpp"
#include "writers.hpp"
#include "xml.hpp"

namespace zklint::output {
namespace {

bool fails(const FileResult& f, const Diagnostic& d) {
  return f.fail_on != FailOn::never && static_cast<int>(d.severity) >= static_cast<int>(f.fail_on);
}

// Jenkins splits a class name at its last dot into package and class; a file name's dots would
// turn "server.properties" into package "server", class "properties".
std::string class_name(std::string_view path) {
  std::string out(path);
  for (char& c : out) {
    if (c == '.') c = '_';
  }
  return out;
}

struct Suite {
  std::ostringstream cases;
  std::size_t tests = 0, failures = 0, errors = 0;
};

Suite suite_of(const FileResult& f) {
  Suite s;
  const std::string classname = xml_escape(class_name(f.path));
  const std::string file = xml_escape(f.path);
  if (f.not_linted) {
    s.tests = s.errors = 1;
    s.cases << "    <testcase name=\"lint\" classname=\"" << classname << "\" file=\"" << file << "\">\n      <error message=\""
            << xml_escape(*f.not_linted) << "\">" << xml_escape(f.path + ": " + *f.not_linted) << "</error>\n    </testcase>\n";
    return s;
  }
  if (f.diagnostics.empty()) {
    s.tests = 1;
    s.cases << "    <testcase name=\"no problems\" classname=\"" << classname << "\" file=\"" << file << "\"/>\n";
    return s;
  }
  for (const Diagnostic& d : f.diagnostics) {
    const RuleMeta& m = d.rule->meta();
    const std::string position = std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column);
    const std::string detail = f.path + ":" + position + ": " + std::string(to_string(d.severity)) + ": " + message_with_suggestion(d) + " [" +
                               std::string(m.code) + " " + std::string(m.name) + "]" + (d.help.empty() ? "" : "\nhelp: " + d.help);
    ++s.tests;
    s.cases << "    <testcase name=\"" << m.code << " " << m.name << " at " << position << "\" classname=\"" << classname << "\" file=\"" << file
            << "\" line=\"" << d.range.begin.line << "\">\n";
    if (fails(f, d)) {
      ++s.failures;
      s.cases << "      <failure type=\"" << to_string(d.severity) << "\" message=\"" << xml_escape(message_with_suggestion(d)) << "\">"
              << xml_escape(detail) << "</failure>\n";
    } else {
      s.cases << "      <system-out>" << xml_escape(detail) << "</system-out>\n";
    }
    s.cases << "    </testcase>\n";
  }
  return s;
}

}  // namespace

void write_junit(const RunResult& run, std::ostream& out, const OutputOptions&) {
  std::ostringstream suites;
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const FileResult& f : run.files) {
    const Suite s = suite_of(f);
    tests += s.tests;
    failures += s.failures;
    errors += s.errors;
    suites << "  <testsuite name=\"" << xml_escape(f.path) << "\" tests=\"" << s.tests << "\" failures=\"" << s.failures << "\" errors=\""
           << s.errors << "\" skipped=\"0\">\n"
           << s.cases.str() << "  </testsuite>\n";
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"zklint\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\">\n"
      << suites.str() << "</testsuites>\n";
}

}  // namespace zklint::output
