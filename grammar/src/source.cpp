#include "zklint/source.hpp"

#include <algorithm>
#include <cstring>

#include "zklint/text.hpp"

namespace zklint {
namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 if it is not a valid, shortest-form sequence.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) { n = 2; cp = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { n = 3; cp = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { n = 4; cp = b0 & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr std::uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::size_t valid_utf8_prefix(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return text.size();
}

SourceFile::SourceFile(std::string path, std::string bytes) : path_(std::move(path)), bytes_(std::move(bytes)) {
  index_lines();
  all_ascii_ = is_ascii(bytes_);
  if (!all_ascii_) {
    line_is_ascii_.reserve(line_starts_.size());
    for (std::uint32_t line = 1; line <= line_count(); ++line) line_is_ascii_.push_back(is_ascii(line_text(line)));
  }
}

// The start of every physical line. Most files have no CR at all: then memchr finds the LFs.
void SourceFile::index_lines() {
  line_starts_.push_back(0);
  const char* const data = bytes_.data();
  const std::size_t size = bytes_.size();
  if (std::memchr(data, '\r', size) == nullptr) {
    for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', size - static_cast<std::size_t>(p - data)))) != nullptr;) {
      ++p;
      line_starts_.push_back(static_cast<std::uint32_t>(p - data));
    }
    return;
  }
  for (std::size_t i = 0; i < size; ++i) {
    const char c = data[i];
    if (c != '\n' && c != '\r') continue;
    if (c == '\r' && i + 1 < size && data[i + 1] == '\n') ++i;
    line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  const std::uint32_t begin = line_start(line);
  std::uint32_t end = line < line_count() ? line_start(line + 1) : static_cast<std::uint32_t>(bytes_.size());
  // Strip exactly one terminator: "\r\n", "\n" or "\r".
  if (end > begin && bytes_[end - 1] == '\n') {
    --end;
    if (end > begin && bytes_[end - 1] == '\r') --end;
  } else if (end > begin && bytes_[end - 1] == '\r') {
    --end;
  }
  return std::string_view(bytes_).substr(begin, end - begin);
}

LineEnding SourceFile::line_ending(std::uint32_t line) const {
  const std::string_view text = line_text(line);
  const std::size_t after = line_start(line) + text.size();
  if (after >= bytes_.size()) return LineEnding::none;
  if (bytes_[after] == '\n') return LineEnding::lf;
  return after + 1 < bytes_.size() && bytes_[after + 1] == '\n' ? LineEnding::crlf : LineEnding::cr;
}

std::uint32_t SourceFile::column_of(std::uint32_t line, std::uint32_t offset) const {
  const std::uint32_t start = line_start(line);
  if (all_ascii_ || line_is_ascii_[line - 1]) return offset - start + 1;
  const std::string_view text = line_text(line);
  const std::size_t prefix = std::min<std::size_t>(offset - start, text.size());
  if (valid_utf8_prefix(text) != text.size()) return static_cast<std::uint32_t>(offset - start + 1);
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < prefix;) {
    const std::size_t n = utf8_sequence_length(text, i);
    units += n == 4 ? 2 : 1;  // code points above U+FFFF take a surrogate pair
    i += n;
  }
  return units + 1 + static_cast<std::uint32_t>(offset - start - prefix);
}

Position SourceFile::position_at(std::uint32_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  return {line, column_of(line, offset), offset};
}

Position SourceFile::position_at(std::uint32_t offset, std::uint32_t& hint_line) const {
  if (hint_line < 1 || hint_line > line_count() || line_start(hint_line) > offset) return position_at(offset);
  while (hint_line < line_count() && line_start(hint_line + 1) <= offset) ++hint_line;
  return {hint_line, column_of(hint_line, offset), offset};
}

Range SourceFile::range(std::uint32_t begin, std::uint32_t end) const {
  std::uint32_t hint = position_at(begin).line;
  const Position b = position_at(begin, hint);
  return {b, position_at(end, hint)};
}

}  // namespace zklint
