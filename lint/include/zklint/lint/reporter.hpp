// The diagnostic builder rules report through: `out.report(range, "message").help("...").fix(...)`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "zklint/document.hpp"
#include "zklint/lint/diagnostic.hpp"

namespace zklint {

class Rule;

/// Adds details to the diagnostic it was created for. Holds an index, not a reference, so a rule
/// may report again while an earlier builder is still alive.
class DiagnosticBuilder {
 public:
  DiagnosticBuilder(std::vector<Diagnostic>& sink, std::size_t index) : sink_(&sink), index_(index) {}
  /// Overrides the rule's default severity for this finding (e.g. error on a numeric key).
  DiagnosticBuilder& severity(Severity s);
  /// A secondary location in the same file.
  DiagnosticBuilder& related(Range range, std::string message);
  /// A secondary location in another file (cross-file checks).
  DiagnosticBuilder& related(std::string path, Range range, std::string message);
  DiagnosticBuilder& help(std::string text);
  /// "did you mean ...?": the corrected spelling or text.
  DiagnosticBuilder& suggest(std::string text);
  DiagnosticBuilder& fix(std::string description, std::vector<TextEdit> edits, FixSafety safety = FixSafety::safe);
  /// Overrides what identifies the finding across edits (default: the offending entry).
  DiagnosticBuilder& anchor(std::string text);

 private:
  Diagnostic& diagnostic() { return (*sink_)[index_]; }
  std::vector<Diagnostic>* sink_;
  std::size_t index_;
};

/// Collects the diagnostics of one rule on one file.
class Reporter {
 public:
  Reporter(const Rule& rule, const SourceFile& source, std::vector<Diagnostic>& sink, std::optional<Range> file_anchor = std::nullopt)
      : rule_(rule), source_(source), sink_(sink), file_anchor_(file_anchor) {}

  DiagnosticBuilder report(Range range, std::string message);
  /// At the key of an entry.
  DiagnosticBuilder report_key(const Entry& entry, std::string message);
  /// At the whole value of an entry (or where it would be, when empty).
  DiagnosticBuilder report_value(const Entry& entry, std::string message);
  /// At decoded value bytes [begin, end), mapped back through escapes and continuation lines.
  DiagnosticBuilder report_value_part(const Entry& entry, std::size_t begin, std::size_t end, std::string message);
  /// At the whole logical line of an entry.
  DiagnosticBuilder report_entry(const Entry& entry, std::string message);
  /// For findings about the file as a whole (a missing key): the first line that holds a setting
  /// (comments and blank lines skipped), or line 1 when none does; for settings that come from a
  /// deployment file, the service that has them.
  DiagnosticBuilder report_file(std::string message);

  const SourceFile& source() const { return source_; }

 private:
  const Rule& rule_;
  const SourceFile& source_;
  std::vector<Diagnostic>& sink_;
  std::optional<Range> file_anchor_;
};

}  // namespace zklint
