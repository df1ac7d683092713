// What the server answers, computed from a linted document. Each function is pure: the session
// (session.cpp) owns the documents and the protocol.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "view.hpp"

namespace zklint::lsp {

/// The LSP Location of `range` in another file (by its path as the engine reports it), or nullopt
/// when that file cannot be read any more.
using Locate = std::function<std::optional<json>(const std::string& path, const Range& range)>;

/// An LSP Diagnostic: code, link to the rule's documentation, severity as the CLI reports it,
/// related locations (also in other files), and the unnecessary/deprecated tags rules declare.
json lsp_diagnostic(const Diagnostic& d, const LintedView& view, const Locate& locate);

/// What textDocument/codeAction offers: the rules' fixes (preferred when safe), suppressions for a
/// line and for the file, and source.fixAll.zklint. `fix_all` computes the text `zklint --fix`
/// would write (nullopt: nothing to fix).
struct CodeActionInput {
  const json& params;
  const Locate& locate;
  std::function<std::optional<std::string>()> fix_all;
  /// Edit with versioned documentChanges (the client supports them) instead of `changes`.
  bool document_changes = false;
  std::int64_t version = 0;
};
json code_actions(const LintedView& view, const CodeActionInput& input);

/// The hover at a byte offset: a key's facts from the catalog of the assumed version, or the
/// parsed hosts of zookeeper.connect and controller.quorum.voters. Null when there is nothing.
json hover(const LintedView& view, std::uint32_t offset);

/// Completion at a byte offset: keys of the file's kind and version, or the values a key accepts.
json completion(const LintedView& view, std::uint32_t offset);

}  // namespace zklint::lsp
