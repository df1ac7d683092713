#include "zklint/text.hpp"

#include <cstdint>
#include <cstring>

namespace zklint {

std::string to_valid_utf8(std::string_view decoded) {
  std::string out;
  out.reserve(decoded.size());
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const auto b = static_cast<unsigned char>(decoded[i]);
    // Generalized UTF-8 surrogates are ED A0..BF xx; everything else the decoder writes is valid.
    if (b == 0xED && i + 2 < decoded.size() && (static_cast<unsigned char>(decoded[i + 1]) & 0xE0) == 0xA0) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    out.push_back(decoded[i]);
  }
  return out;
}

bool is_printable_ascii(std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

bool is_ascii(std::string_view text) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; i < n; ++i) {
    if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
  }
  return true;
}

}  // namespace zklint
