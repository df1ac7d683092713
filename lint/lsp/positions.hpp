// Positions as a language client counts them. LSP positions are (line, character) with zero-based
// lines ended by LF, CRLF or CR (as java.util.Properties ends them) and characters counted in the
// negotiated encoding: UTF-16 code units unless the client offers UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zklint::lsp {

enum class PositionEncoding : std::uint8_t { utf8, utf16 };
std::string_view to_string(PositionEncoding encoding);
std::optional<PositionEncoding> parse_position_encoding(std::string_view name);

struct LspPosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const LspPosition&, const LspPosition&) = default;
};

/// The lines of a file's bytes, and the conversion between byte offsets and LSP positions. The
/// bytes are read as UTF-8, or as Latin-1 (one byte, one character U+0000-U+00FF) for a file an
/// editor decoded as Latin-1 because it is not UTF-8. `bytes` must outlive the index.
class LineIndex {
 public:
  LineIndex(std::string_view bytes, bool latin1);

  LspPosition position(std::uint32_t offset, PositionEncoding encoding) const;
  /// The byte offset of a position. A character beyond the end of its line means the line's end
  /// (LSP 3.17 "defaults back to the line length"); a line beyond the last means the end of text.
  std::uint32_t offset(LspPosition position, PositionEncoding encoding) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }
  /// Byte offsets of the first byte of a zero-based line and of its terminator.
  std::uint32_t line_start(std::uint32_t line) const { return starts_[line]; }
  std::uint32_t line_end(std::uint32_t line) const;

 private:
  /// Bytes and code units of the character at `at`, within the line ending at `end`.
  std::uint32_t char_bytes(std::uint32_t at, std::uint32_t end) const;
  std::uint32_t units(std::uint32_t at, std::uint32_t bytes, PositionEncoding encoding) const;

  std::string_view bytes_;
  bool latin1_;
  std::vector<std::uint32_t> starts_;
};

bool valid_utf8(std::string_view bytes);
/// Each byte as the character with that code point, in UTF-8.
std::string latin1_to_utf8(std::string_view bytes);
/// The Latin-1 bytes of UTF-8 text, or nullopt when a character is above U+00FF.
std::optional<std::string> utf8_to_latin1(std::string_view text);

}  // namespace zklint::lsp
