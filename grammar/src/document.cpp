#include "zklint/document.hpp"

#include <algorithm>

namespace zklint {

std::uint32_t PositionMap::source_begin(std::uint32_t decoded) const {
  if (size_ == 0) return origin_ + decoded;
  const MapPiece* const first = pieces_;
  const auto it = std::upper_bound(first, first + size_, decoded, [](std::uint32_t d, const MapPiece& p) { return d < p.decoded; });
  if (it == first) return origin_;
  const MapPiece& p = *(it - 1);
  if (decoded >= p.decoded + p.decoded_length) return p.source + p.source_length;  // at or past the end
  return p.verbatim() ? p.source + (decoded - p.decoded) : p.source;
}

std::uint32_t PositionMap::source_end(std::uint32_t decoded_end) const {
  if (size_ == 0) return origin_ + decoded_end;
  if (decoded_end == 0) return source_begin(0);
  const std::uint32_t last = decoded_end - 1;
  const MapPiece* const first = pieces_;
  const auto it = std::upper_bound(first, first + size_, last, [](std::uint32_t d, const MapPiece& p) { return d < p.decoded; });
  if (it == first) return origin_;
  const MapPiece& p = *(it - 1);
  if (last >= p.decoded + p.decoded_length) return p.source + p.source_length;
  return p.verbatim() ? p.source + (decoded_end - p.decoded) : p.source + p.source_length;
}

Range Entry::value_source_range(const SourceFile& source, std::uint32_t begin, std::uint32_t end) const {
  return source.range(value_map.source_begin(begin), value_map.source_end(end));
}

Range Entry::key_source_range(const SourceFile& source, std::uint32_t begin, std::uint32_t end) const {
  return source.range(key_map.source_begin(begin), key_map.source_end(end));
}

Document::Document(SourceFile source) : source_(std::make_unique<SourceFile>(std::move(source))) {}

const Entry* Document::find(std::string_view key) const {
  const std::int64_t index = last_by_key_.find(entries_, key);
  return index < 0 ? nullptr : &entries_[static_cast<std::size_t>(index)];
}

std::optional<std::string_view> Document::get(std::string_view key) const {
  const Entry* e = find(key);
  if (e == nullptr) return std::nullopt;
  return e->value;
}

std::optional<std::uint32_t> Document::load_failure_entry() const {
  if (issues_.empty()) return std::nullopt;
  return issues_.front().entry_index;
}

namespace {

// The map of a key or value written elsewhere: identity where the source holds exactly the text,
// else one unit spanning its whole source range.
PositionMap map_for(Arena& arena, std::string_view source_bytes, std::string_view text, std::uint32_t begin, std::uint32_t end,
                    const std::vector<MapPiece>& pieces) {
  if (!pieces.empty()) return PositionMap(begin, arena.copy(std::span<const MapPiece>(pieces)));
  if (source_bytes.substr(begin, end - begin) == text) return PositionMap(begin, {});
  const MapPiece whole{0, begin, static_cast<std::uint32_t>(text.size()), end - begin};
  if (whole.verbatim()) return PositionMap(begin, {});  // same length, different bytes: still one to one
  return PositionMap(begin, arena.copy(std::span<const MapPiece>(&whole, 1)));
}

}  // namespace

Document Document::derive(SourceFile source, const std::vector<DerivedSetting>& settings, std::optional<Range> anchor,
                          const std::vector<grammar::CommentSpan>& comments) {
  Document doc(std::move(source));
  doc.derived_ = true;
  doc.file_anchor_ = anchor;
  const SourceFile& src = doc.source();
  const std::string_view bytes = src.bytes();
  const auto clamp = [&](std::uint32_t offset) { return std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(bytes.size())); };
  doc.entries_.reserve(settings.size());
  for (const DerivedSetting& s : settings) {
    Entry e;
    const std::uint32_t kb = clamp(s.key_begin), ke = std::max(kb, clamp(s.key_end));
    const std::uint32_t vb = clamp(s.value_begin), ve = std::max(vb, clamp(s.value_end));
    e.key = doc.arena_.copy(std::string_view(s.key));
    e.value = doc.arena_.copy(std::string_view(s.value));
    e.key_range = src.range(kb, ke);
    e.value_range = src.range(vb, ve);
    e.separator = s.separator;
    e.separator_offset = clamp(s.separator_offset);
    e.key_map = map_for(doc.arena_, bytes, e.key, kb, ke, {});
    e.value_map = map_for(doc.arena_, bytes, e.value, vb, ve, s.value_pieces);
    e.last_line = std::max(e.key_range.begin.line, e.value_range.end.line);
    e.index = static_cast<std::uint32_t>(doc.entries_.size());
    doc.lines_.push_back({LineItem::Kind::entry, e.index});
    doc.entries_.push_back(e);
  }
  doc.last_by_key_.build(doc.entries_);
  for (const grammar::CommentSpan& c : comments) {
    const std::uint32_t b = clamp(c.begin), e = std::max(b, clamp(c.end));
    if (b == e) continue;
    doc.comments_.push_back({src.range(b, e), bytes.substr(b + 1, e - b - 1), bytes[b], c.own_line});
  }
  return doc;
}

}  // namespace zklint
