// The bytes of one input file and the mapping from byte offsets to line/column positions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zklint {

/// A point in a source file. `line` and `column` are 1-based; `offset` is the 0-based byte offset.
/// Columns count UTF-16 code units of the line as an editor shows it: the line is decoded as UTF-8
/// when it is valid UTF-8 (what editors and GitHub assume) and byte by byte otherwise. For ASCII
/// lines this is simply the byte column. SARIF's `utf16CodeUnits` column kind uses the same unit.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t offset = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

/// A half-open range [begin, end) of source text.
struct Range {
  Position begin;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

/// The line terminator that ends a physical line.
enum class LineEnding : std::uint8_t { none, lf, crlf, cr };

/// One input file: its name as given by the user, its bytes, and a physical line index.
/// Java's Properties reader (and so this one) ends lines at LF, CRLF and a lone CR.
class SourceFile {
 public:
  /// Files larger than this are refused before parsing; offsets are 32-bit.
  static constexpr std::size_t max_size = std::size_t{1} << 30;

  SourceFile(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  std::string_view bytes() const { return bytes_; }
  /// No byte is >= 0x80 (checks for non-ASCII text can stop here).
  bool ascii() const { return all_ascii_; }
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

  /// Byte offset of the first byte of a 1-based line.
  std::uint32_t line_start(std::uint32_t line) const { return line_starts_[line - 1]; }
  /// The text of a 1-based line without its terminator.
  std::string_view line_text(std::uint32_t line) const;
  LineEnding line_ending(std::uint32_t line) const;

  /// The position of a byte offset (0 <= offset <= size).
  Position position_at(std::uint32_t offset) const;
  /// Same, but starts the line search at `hint_line`; used by the parser, which moves forward only.
  Position position_at(std::uint32_t offset, std::uint32_t& hint_line) const;
  Range range(std::uint32_t begin, std::uint32_t end) const;

  /// The column of `offset` on `line`, in the unit described at `Position`.
  std::uint32_t column_of(std::uint32_t line, std::uint32_t offset) const;

 private:
  void index_lines();

  std::string path_;
  std::string bytes_;
  std::vector<std::uint32_t> line_starts_;
  bool all_ascii_ = true;             ///< no byte >= 0x80: every column is a byte column
  std::vector<bool> line_is_ascii_;  ///< per line, only when !all_ascii_
};

}  // namespace zklint
