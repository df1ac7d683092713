#include "properties_text.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "zklint/parse.hpp"

namespace zklint::deploy {

namespace {

/// Where each line of a scalar's decoded text starts in the source, for the lines YAML left as
/// written. A literal block scalar keeps its lines after the indentation it strips; any line that
/// does not sit in the source byte for byte ends the mapping there (the rest is unmapped).
class ScalarLineMap {
 public:
  ScalarLineMap(const SourceFile& source, const yaml::Node& scalar) {
    const std::string_view text = scalar.text;
    for (std::size_t start = 0;;) {
      starts_.push_back(static_cast<std::uint32_t>(start));
      const std::size_t eol = text.find('\n', start);
      lines_.push_back(text.substr(start, eol == std::string_view::npos ? std::string_view::npos : eol - start));
      if (eol == std::string_view::npos) break;
      start = eol + 1;
    }
    sources_.assign(lines_.size(), std::nullopt);
    if (scalar.verbatim && lines_.size() == 1) {
      sources_[0] = scalar.begin;
    } else if (scalar.style == yaml::ScalarStyle::block) {
      map_block(source.bytes(), scalar.begin);
    }
  }

  /// The source offset of decoded offset `decoded`, when its line is mapped.
  std::optional<std::uint32_t> source(std::uint32_t decoded) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), decoded);
    const auto line = static_cast<std::size_t>(it - starts_.begin()) - 1;
    if (!sources_[line]) return std::nullopt;
    return *sources_[line] + (decoded - starts_[line]);
  }

 private:
  // `first` is the first content of the block's first non-blank line; its column is the block's
  // indentation. Blank lines of the text are blank lines of the source.
  void map_block(std::string_view bytes, std::uint32_t first) {
    std::size_t line = 0;
    while (line < lines_.size() && lines_[line].empty()) ++line;
    if (line == lines_.size()) return;
    const std::size_t line_start = bytes.rfind('\n', first == 0 ? 0 : first - 1);
    const std::size_t indent = first - (line_start == std::string_view::npos ? 0 : line_start + 1);
    std::size_t at = first - indent;  // start of the source line
    for (; line < lines_.size() && at <= bytes.size(); ++line) {
      std::size_t eol = std::min(bytes.find('\n', at), bytes.size());
      std::string_view physical = bytes.substr(at, eol - at);
      if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
      if (lines_[line].empty()) {
        if (physical.find_first_not_of(" \t") != std::string_view::npos) return;
      } else {
        if (physical.size() < indent || physical.substr(0, indent).find_first_not_of(' ') != std::string_view::npos) return;
        if (physical.substr(indent) != lines_[line]) return;
        sources_[line] = static_cast<std::uint32_t>(at + indent);
      }
      at = eol + 1;
    }
  }

  std::vector<std::uint32_t> starts_;
  std::vector<std::string_view> lines_;
  std::vector<std::optional<std::uint32_t>> sources_;
};

/// `entry` with its offsets in the decoded text moved to the source, or nullopt when one of them
/// lies on a line YAML rewrote.
std::optional<DerivedSetting> mapped(const Entry& entry, const ScalarLineMap& lines) {
  DerivedSetting s;
  s.key = std::string(entry.key);
  s.value = std::string(entry.value);
  s.separator = entry.separator;
  const auto key_begin = lines.source(entry.key_range.begin.offset);
  const auto key_end = lines.source(entry.key_range.end.offset);
  const auto value_begin = lines.source(entry.value_range.begin.offset);
  const auto value_end = lines.source(entry.value_range.end.offset);
  const bool has_separator = entry.separator == Separator::equals || entry.separator == Separator::colon;
  const auto separator = has_separator ? lines.source(entry.separator_offset) : key_end;
  if (!key_begin || !key_end || !value_begin || !value_end || !separator) return std::nullopt;
  s.key_begin = *key_begin;
  s.key_end = *key_end;
  s.value_begin = *value_begin;
  s.value_end = *value_end;
  s.separator_offset = *separator;
  if (!entry.value_map.identity()) {
    for (const MapPiece& piece : entry.value_map.pieces()) {
      const auto from = lines.source(piece.source);
      const auto last = lines.source(piece.source + std::max<std::uint32_t>(piece.source_length, 1) - 1);
      if (!from || !last || *last - *from != std::max<std::uint32_t>(piece.source_length, 1) - 1) return std::nullopt;
      s.value_pieces.push_back({piece.decoded, *from, piece.decoded_length, piece.source_length});
    }
  }
  return s;
}

}  // namespace

std::vector<DerivedSetting> properties_in_scalar(const SourceFile& source, const yaml::Node& scalar) {
  std::vector<DerivedSetting> out;
  if (!scalar.is_scalar() || scalar.text.empty()) return out;
  const Document text = parse(SourceFile(source.path(), scalar.text));
  const ScalarLineMap lines(source, scalar);
  for (const Entry& entry : text.entries()) {
    if (std::optional<DerivedSetting> s = mapped(entry, lines)) {
      out.push_back(std::move(*s));
      continue;
    }
    // A line YAML rewrote: the setting is somewhere in the scalar.
    DerivedSetting s;
    s.key = std::string(entry.key);
    s.value = std::string(entry.value);
    s.separator = entry.separator;
    s.key_begin = s.value_begin = s.separator_offset = scalar.begin;
    s.key_end = s.value_end = scalar.end;
    s.value_pieces = {{0, scalar.begin, static_cast<std::uint32_t>(s.value.size()), scalar.end - scalar.begin}};
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<grammar::CommentSpan> comments_in_scalar(const SourceFile& source, const yaml::Node& scalar) {
  std::vector<grammar::CommentSpan> out;
  if (!scalar.is_scalar() || scalar.text.empty()) return out;
  const Document text = parse(SourceFile(source.path(), scalar.text));
  const ScalarLineMap lines(source, scalar);
  const std::string_view bytes = source.bytes();
  for (const Comment& comment : text.comments()) {
    const auto begin = lines.source(comment.range.begin.offset);
    const auto end = lines.source(comment.range.end.offset);
    if (!begin || !end) continue;
    // In a one-line scalar the comment shares its line with the YAML key: no line of its own.
    const std::string_view before = bytes.substr(0, *begin);
    const std::string_view line = before.substr(before.find_last_of("\r\n") + 1);  // npos + 1 is 0: the first line
    const bool own_line = line.find_first_not_of(" \t") == std::string_view::npos;
    out.push_back({*begin, *end, own_line});
  }
  return out;
}

}  // namespace zklint::deploy
