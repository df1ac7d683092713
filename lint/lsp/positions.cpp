#include "positions.hpp"

#include <algorithm>

namespace zklint::lsp {

std::string_view to_string(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::utf8: return "utf-8";
    case PositionEncoding::utf16: return "utf-16";
  }
  return "utf-16";
}

std::optional<PositionEncoding> parse_position_encoding(std::string_view name) {
  for (const auto e : {PositionEncoding::utf8, PositionEncoding::utf16}) {
    if (to_string(e) == name) return e;
  }
  return std::nullopt;
}

namespace {

// The length of a UTF-8 sequence from its lead byte; 1 for a byte that cannot lead one.
std::uint32_t utf8_length(unsigned char lead) {
  if (lead < 0xC2) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF5) return 4;
  return 1;
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view bytes, bool latin1) : bytes_(bytes), latin1_(latin1) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    if (bytes[i] == '\n' || bytes[i] == '\r') starts_.push_back(i + 1);
  }
}

std::uint32_t LineIndex::line_end(std::uint32_t line) const {
  if (line + 1 >= starts_.size()) return static_cast<std::uint32_t>(bytes_.size());
  std::uint32_t end = starts_[line + 1];
  if (end > starts_[line] && bytes_[end - 1] == '\n') --end;
  if (end > starts_[line] && bytes_[end - 1] == '\r') --end;
  return end;
}

std::uint32_t LineIndex::char_bytes(std::uint32_t at, std::uint32_t end) const {
  if (latin1_) return 1;
  const std::uint32_t n = utf8_length(static_cast<unsigned char>(bytes_[at]));
  if (at + n > end) return 1;
  for (std::uint32_t k = 1; k < n; ++k) {
    if (!continuation(static_cast<unsigned char>(bytes_[at + k]))) return 1;
  }
  return n;
}

std::uint32_t LineIndex::units(std::uint32_t at, std::uint32_t bytes, PositionEncoding encoding) const {
  switch (encoding) {
    case PositionEncoding::utf8:
      // A Latin-1 byte above 0x7F is a two-byte character in the client's UTF-8 text.
      return latin1_ && static_cast<unsigned char>(bytes_[at]) >= 0x80 ? 2 : bytes;
    case PositionEncoding::utf16: return bytes == 4 ? 2 : 1;  // above U+FFFF: a surrogate pair
  }
  return 1;
}

LspPosition LineIndex::position(std::uint32_t offset, PositionEncoding encoding) const {
  if (offset > bytes_.size()) offset = static_cast<std::uint32_t>(bytes_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
  const std::uint32_t end = line_end(line);
  std::uint32_t character = 0;
  for (std::uint32_t at = starts_[line]; at < offset && at < end;) {
    const std::uint32_t n = char_bytes(at, end);
    character += units(at, n, encoding);
    at += n;
  }
  return {line, character};
}

std::uint32_t LineIndex::offset(LspPosition position, PositionEncoding encoding) const {
  if (position.line >= starts_.size()) return static_cast<std::uint32_t>(bytes_.size());
  const std::uint32_t end = line_end(position.line);
  std::uint32_t at = starts_[position.line];
  for (std::uint32_t character = 0; at < end;) {
    const std::uint32_t n = char_bytes(at, end);
    const std::uint32_t u = units(at, n, encoding);
    if (character + u > position.character) break;  // inside a character: its start
    character += u;
    at += n;
  }
  return at;
}

bool valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    const std::uint32_t n = utf8_length(lead);
    if (n == 1 || i + n > bytes.size()) return false;
    const auto second = static_cast<unsigned char>(bytes[i + 1]);
    // Overlong forms, surrogates and code points above U+10FFFF are not UTF-8.
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) ||
        (lead == 0xF4 && second > 0x8F)) {
      return false;
    }
    for (std::uint32_t k = 1; k < n; ++k) {
      if (!continuation(static_cast<unsigned char>(bytes[i + k]))) return false;
    }
    i += n;
  }
  return true;
}

std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else {
      out += static_cast<char>(0xC0 | (b >> 6));
      out += static_cast<char>(0x80 | (b & 0x3F));
    }
  }
  return out;
}

std::optional<std::string> utf8_to_latin1(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out += text[i];
    } else if ((b == 0xC2 || b == 0xC3) && i + 1 < text.size() && continuation(static_cast<unsigned char>(text[i + 1]))) {
      out += static_cast<char>(((b & 0x03) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F));
      ++i;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace zklint::lsp
