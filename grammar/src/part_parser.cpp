#include "part_parser.hpp"

#include <algorithm>
#include <cstring>

#include "zklint/grammar/decode.hpp"
#include "zklint/grammar/properties.hpp"

namespace zklint {

namespace pegtl = tao::pegtl;
namespace g = grammar::properties;

namespace {

/// Collects the raw pieces of the logical line being parsed, then decodes it into the part.
class PartBuilder {
 public:
  PartBuilder(const SourceFile& source, ParsedPart& out, std::uint32_t first_line)
      : source_(source), out_(out), bytes_(source.bytes()), line_hint_(first_line) {}

  /// The offset in the file of a pointer into its bytes.
  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - bytes_.data()); }

  // --- called by the grammar actions, in file order --------------------------------------------
  void key_run(std::uint32_t begin, std::uint32_t end) { key_runs_.push_back({begin, end}); }
  void value_run(std::uint32_t begin, std::uint32_t end) { value_runs_.push_back({begin, end}); }
  void continuation() { continued_ = true; }
  void separator_mark(std::uint32_t at) {
    separator_ = bytes_[at] == '=' ? Separator::equals : Separator::colon;
    separator_offset_ = at;
  }
  void separator_blank() {
    if (separator_ == Separator::none) separator_ = Separator::blank;
  }
  void entry_end(std::uint32_t end, bool dropped_backslash) { finish_entry(end, dropped_backslash, false); }
  void lone_backslash_entry(std::uint32_t at) {
    key_runs_.clear();
    value_runs_.clear();
    entry_start_override_ = at;
    finish_entry(at, true, true);
  }
  void comment(std::uint32_t marker, std::uint32_t end) {
    Comment c;
    c.marker = bytes_[marker];
    c.text = bytes_.substr(marker + 1, end - marker - 1);
    c.range = range(marker, end);
    out_.lines.push_back({LineItem::Kind::comment, static_cast<std::uint32_t>(out_.comments.size())});
    out_.comments.push_back(c);
  }
  void blank_line(std::uint32_t eol_offset) {
    out_.lines.push_back({LineItem::Kind::blank, position(eol_offset).line});
  }

 private:
  Position position(std::uint32_t offset) { return source_.position_at(offset, line_hint_); }
  Range range(std::uint32_t begin, std::uint32_t end) {
    const Position b = position(begin);
    return {b, position(end)};
  }

  // Decoded text either points into the source bytes (the common, escape-free case) or into the
  // part's arena (and then the Document's).
  std::string_view store(const grammar::Decoded& decoded, std::span<const grammar::RawRun> runs) {
    if (decoded.verbatim) return runs.empty() ? std::string_view{} : bytes_.substr(runs[0].begin, runs[0].end - runs[0].begin);
    return out_.arena.copy(decoded.text);
  }

  void finish_entry(std::uint32_t end, bool dropped_backslash, bool from_lone_backslash) {
    Entry e;
    e.index = static_cast<std::uint32_t>(out_.entries.size());
    e.separator = separator_;
    e.separator_offset = separator_offset_;
    e.continued = continued_;
    e.dropped_backslash_at_eof = dropped_backslash;
    e.from_lone_backslash = from_lone_backslash;

    // An empty key sits where the entry starts; an empty value sits where the line ends.
    const std::uint32_t key_begin = from_lone_backslash   ? entry_start_override_
                                    : !key_runs_.empty()  ? key_runs_.front().begin
                                                          : separator_offset_;
    const std::uint32_t key_end = key_runs_.empty() ? key_begin : key_runs_.back().end;
    // An empty value is shown right after the separator (or the key), on the entry's first line.
    const std::uint32_t after_key = separator_ == Separator::equals || separator_ == Separator::colon
                                        ? std::max(key_end, separator_offset_ + 1)
                                        : key_end;
    const std::uint32_t value_begin = value_runs_.empty() ? after_key : value_runs_.front().begin;
    const std::uint32_t value_end = value_runs_.empty() ? after_key : value_runs_.back().end;
    e.key_range = range(key_begin, key_end);
    e.value_range = range(value_begin, value_end);
    e.last_line = position(end).line;

    grammar::Decoded key = grammar::decode(bytes_, key_runs_);
    grammar::Decoded value = grammar::decode(bytes_, value_runs_);
    e.key = store(key, key_runs_);
    e.value = store(value, value_runs_);
    e.key_map = PositionMap(key_begin, out_.arena.copy(std::span<const MapPiece>(key.pieces)));
    e.value_map = PositionMap(value_begin, out_.arena.copy(std::span<const MapPiece>(value.pieces)));
    // Java converts the key first; either failure aborts the load at this line.
    for (const auto& bad : {key.malformed_escape, value.malformed_escape}) {
      if (bad) out_.issues.push_back({SyntaxIssue::Kind::malformed_unicode_escape, range(bad->begin, bad->end), e.index});
    }
    out_.lines.push_back({LineItem::Kind::entry, e.index});
    out_.entries.push_back(std::move(e));

    key_runs_.clear();
    value_runs_.clear();
    continued_ = false;
    separator_ = Separator::none;
    separator_offset_ = 0;
  }

  const SourceFile& source_;
  ParsedPart& out_;
  std::string_view bytes_;
  std::uint32_t line_hint_;
  std::vector<grammar::RawRun> key_runs_;
  std::vector<grammar::RawRun> value_runs_;
  bool continued_ = false;
  Separator separator_ = Separator::none;
  std::uint32_t separator_offset_ = 0;
  std::uint32_t entry_start_override_ = 0;
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// Offsets are the file's, whichever stretch of it the input covers.
template <typename Input>
std::uint32_t begin_of(const Input& in, const PartBuilder& b) {
  return b.offset(in.begin());
}
template <typename Input>
std::uint32_t end_of(const Input& in, const PartBuilder& b) {
  return b.offset(in.end());
}

template <>
struct action<g::key_text> {
  template <typename Input>
  static void apply(const Input& in, PartBuilder& b) { b.key_run(begin_of(in, b), end_of(in, b)); }
};
template <>
struct action<g::value_text> {
  template <typename Input>
  static void apply(const Input& in, PartBuilder& b) { b.value_run(begin_of(in, b), end_of(in, b)); }
};
template <>
struct action<g::continuation> {
  template <typename Input>
  static void apply(const Input&, PartBuilder& b) { b.continuation(); }
};
template <>
struct action<g::separator_mark> {
  template <typename Input>
  static void apply(const Input& in, PartBuilder& b) { b.separator_mark(begin_of(in, b)); }
};
template <>
struct action<g::separator_blank> {
  template <typename Input>
  static void apply(const Input&, PartBuilder& b) { b.separator_blank(); }
};
template <>
struct action<g::entry_end> {
  template <typename Input>
  static void apply(const Input& in, PartBuilder& b) {
    const bool dropped = in.size() == 1 && *in.begin() == '\\';
    b.entry_end(begin_of(in, b), dropped);
  }
};
template <>
struct action<g::lone_backslash_entry> {
  template <typename Input>
  static void apply(const Input& in, PartBuilder& b) { b.lone_backslash_entry(begin_of(in, b)); }
};
template <>
struct action<g::comment_text> {
  template <typename Input>
  static void apply(const Input& in, PartBuilder& b) { b.comment(begin_of(in, b) - 1, end_of(in, b)); }  // the marker precedes the text
};
template <>
struct action<g::blank_line_end> {
  template <typename Input>
  static void apply(const Input& in, PartBuilder& b) { b.blank_line(begin_of(in, b)); }
};


}  // namespace

std::size_t likely_entries(const SourceFile& source, std::uint32_t first_line, std::uint32_t end_line) {
  std::size_t count = 0;
  for (std::uint32_t line = first_line; line < end_line; ++line) {
    const std::string_view text = source.line_text(line);
    std::size_t first = 0;
    while (first < text.size() && (text[first] == ' ' || text[first] == '\t' || text[first] == '\f')) ++first;
    if (first < text.size() && text[first] != '#' && text[first] != '!') ++count;
  }
  return count;
}

ParsedPart parse_part(const SourceFile& source, std::uint32_t first_line, std::uint32_t end_line, std::size_t expected_entries) {
  // Decoded text is at most twice as long as its source (a Latin-1 byte becomes two UTF-8 bytes):
  // a small file never needs a whole block.
  ParsedPart part{.arena = Arena(std::min<std::size_t>(64 * 1024, 2 * source.bytes().size()))};
  // Room for every line and the expected entries, so that growing the vectors never holds two
  // copies of them. The entries' share is capped at a few times the file size: a file of a million
  // continuation lines has one entry.
  part.lines.reserve(end_line - first_line);
  part.entries.reserve(std::min(expected_entries, 4 * source.bytes().size() / sizeof(Entry) + 1));
  const std::string_view bytes = source.bytes();
  const std::uint32_t begin = source.line_start(first_line);
  const std::uint32_t end = end_line > source.line_count() ? static_cast<std::uint32_t>(bytes.size()) : source.line_start(end_line);
  PartBuilder builder(source, part, first_line);
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(bytes.data() + begin, bytes.data() + end, source.path());
  // The grammar matches every byte sequence; a failed match would be a bug in the grammar.
  const bool matched = pegtl::parse<g::file, action>(in, builder);
  (void)matched;
  return part;
}

}  // namespace zklint
