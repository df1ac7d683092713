// Turning the raw bytes of a key or value into the string Java produces (Properties.loadConvert).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/document.hpp"

namespace zklint::grammar {

/// A run of raw key or value bytes on one physical line: [begin, end) in the file.
/// Continuations split a key or value into several runs.
struct RawRun {
  std::uint32_t begin;
  std::uint32_t end;
};

struct Decoded {
  /// True when the decoded text is the source bytes of a single run, unchanged (no escapes, ASCII only).
  bool verbatim = false;
  std::string text;                 ///< UTF-8 (generalized for unpaired surrogates); empty when verbatim
  std::vector<MapPiece> pieces;     ///< empty when verbatim
  /// Source range [begin, end) of the first malformed \uXXXX escape, if any.
  std::optional<RawRun> malformed_escape;
};

/// Decodes the logical text formed by `runs` of `bytes` the way Java does: ISO-8859-1 bytes,
/// `\t \n \r \f`, `\uXXXX` (hex digits may sit across a continuation), and `\c` for any other c.
Decoded decode(std::string_view bytes, std::span<const RawRun> runs);

}  // namespace zklint::grammar
