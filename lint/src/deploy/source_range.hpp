// A source range from offsets that a YAML node or issue gives, clamped to the file: an issue at the
// end of the file, or a node whose end was never seen (truncated input), must still point inside it.
#pragma once

#include <algorithm>
#include <cstdint>

#include "zklint/document.hpp"

namespace zklint::deploy {

inline Range clamped_range(const SourceFile& source, std::uint32_t begin, std::uint32_t end) {
  const auto size = static_cast<std::uint32_t>(source.bytes().size());
  begin = std::min(begin, size);
  return source.range(begin, std::clamp(end, begin, size));
}

}  // namespace zklint::deploy
