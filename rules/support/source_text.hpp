// Raw source text helpers for rules that build fixes.
#pragma once

#include <string>
#include <string_view>

#include "zklint/document.hpp"

namespace zklint::support {

/// The UTF-8 byte order mark. Java reads .properties files as ISO-8859-1 and keeps it as three
/// characters at the start of the first line.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// The source bytes of a range.
inline std::string_view raw(const SourceFile& source, const Range& r) {
  return source.bytes().substr(r.begin.offset, r.end.offset - r.begin.offset);
}

/// The terminator of `line` as text ("\n", "\r\n", "\r"), or the file's usual one when the line
/// has none (the last line), so inserted lines match the file.
inline std::string line_ending_text(const SourceFile& source, std::uint32_t line) {
  const auto as_text = [](LineEnding e) -> std::string {
    switch (e) {
      case LineEnding::crlf: return "\r\n";
      case LineEnding::cr: return "\r";
      default: return "\n";
    }
  };
  if (source.line_ending(line) != LineEnding::none) return as_text(source.line_ending(line));
  return line > 1 ? as_text(source.line_ending(1)) : "\n";
}

/// The blanks before the first character of `line` (to indent an inserted line the same way).
inline std::string_view indentation(const SourceFile& source, std::uint32_t line) {
  const std::string_view text = source.line_text(line);
  return text.substr(0, text.find_first_not_of(" \t\f"));
}

}  // namespace zklint::support
