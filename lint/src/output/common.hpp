// Helpers shared by the report writers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "zklint/lint/engine.hpp"
#include "zklint/lint/rule.hpp"

namespace zklint::output {

/// A stable id for each finding of a file (`all`, in order, found in `path`): rule, file and anchor
/// (the offending entry), plus an occurrence number for identical anchors. It survives edits
/// elsewhere in the file. 16 hex digits each.
std::vector<std::string> fingerprints(std::string_view path, const std::vector<Diagnostic>& all);
/// 16 hex digits identifying `text` (for things that are not diagnostics).
std::string fingerprint_of_text(std::string_view text);

/// GitHub code scanning's primaryLocationLineHash of every line of a file (index 0 = line 1),
/// computed the way github/codeql-action does, so that the upload Action agrees with it.
std::vector<std::string> github_line_hashes(std::string_view bytes);

/// A repository-relative URI for SARIF: forward slashes, percent-encoded, no "./".
std::string relative_uri(std::string_view path);
bool is_absolute_path(std::string_view path);

/// A path as CI systems want it: relative to the working directory (the checkout) when it lies
/// inside it, without a leading "./". Other paths are returned unchanged.
std::string working_directory_path(std::string_view path);

/// The message with its "did you mean" appended, for formats with a single text field.
std::string message_with_suggestion(const Diagnostic& d);

/// "error", "warning" or "info" counts in one phrase: "2 errors, 1 warning".
std::string count_phrase(std::size_t n, std::string_view singular);

/// The first paragraph of a Markdown doc, as plain text (SARIF fullDescription, man page).
std::string first_paragraph(std::string_view markdown);

/// The link to a rule's documentation.
std::string rule_help_uri(const RuleMeta& meta);

}  // namespace zklint::output
