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

}  // namespace zklint
