// A piece of a decoded value, as offsets into it. Every value sub-grammar returns its pieces this
// way, so that a rule can point at the exact characters (Reporter::report_value_part) whatever
// grammar found them.
#pragma once

#include <cstdint>
#include <string_view>

namespace zklint::grammar {

/// Decoded value bytes [begin, end).
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool empty() const { return begin == end; }
  std::uint32_t size() const { return end - begin; }
  std::string_view of(std::string_view value) const { return value.substr(begin, end - begin); }
  bool operator==(const Span&) const = default;
};

}  // namespace zklint::grammar
