#include "xml.hpp"

namespace zklint::output {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at `s[i]`, or 0 if it is not one (overlong forms included).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  const auto second = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
  if (n == 3 && b == 0xE0 && second < 0xA0) return 0;   // overlong
  if (n == 3 && b == 0xED && second >= 0xA0) return 0;  // UTF-16 surrogate
  if (n == 3 && b == 0xEF && second == 0xBF && (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) return 0;  // U+FFFE/U+FFFF
  if (n == 4 && b == 0xF0 && second < 0x90) return 0;   // overlong
  if (n == 4 && b == 0xF4 && second >= 0x90) return 0;  // beyond U+10FFFF
  return n;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      out += replacement;
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += replacement;
        else out += c;
    }
    ++i;
  }
  return out;
}

}  // namespace zklint::output
