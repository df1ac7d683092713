// Fix edits addressed in decoded value offsets: the edit lands on the source bytes those
// characters came from, through escapes and continuation lines, and leaves the rest byte for byte.
#pragma once

#include <cstdint>
#include <string>

#include "zklint/document.hpp"
#include "zklint/lint/diagnostic.hpp"

namespace zklint::support {

/// Replaces the source of decoded value bytes [begin, end) with `raw` (already .properties-escaped).
inline TextEdit replace_in_value(const Entry& e, std::uint32_t begin, std::uint32_t end, std::string raw) {
  return {e.value_map.source_begin(begin), e.value_map.source_end(end), std::move(raw)};
}

/// Inserts `raw` right after decoded value byte `at - 1` (at 0: before the value).
inline TextEdit insert_in_value(const Entry& e, std::uint32_t at, std::string raw) {
  const std::uint32_t offset = at == 0 ? e.value_map.source_begin(0) : e.value_map.source_end(at);
  return {offset, offset, std::move(raw)};
}

}  // namespace zklint::support
