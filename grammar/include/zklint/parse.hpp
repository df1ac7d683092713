// Entry point of the grammar stage: bytes in, Document out.
#pragma once

#include "zklint/document.hpp"

namespace zklint {

/// Reads `source` exactly as java.util.Properties.load(InputStream) does and returns every logical
/// line with positions. Never throws on user input: the one thing Java rejects, a malformed
/// \uXXXX escape, becomes a SyntaxIssue and parsing goes on.
Document parse(SourceFile source);

}  // namespace zklint
