#include "zklint/parse.hpp"

#include <algorithm>
#include <cstring>

#include "zklint/grammar/decode.hpp"
#include "zklint/grammar/properties.hpp"

namespace zklint {

namespace pegtl = tao::pegtl;
namespace g = grammar::properties;

/// Collects the raw pieces of the logical line being parsed, then decodes it into the Document.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(Document& doc) : doc_(doc), bytes_(doc.source().bytes()) { reserve(); }

  // --- called by the grammar actions, in file order --------------------------------------------
  void key_run(std::uint32_t begin, std::uint32_t end) { key_runs_.push_back({begin, end}); }
  void value_run(std::uint32_t begin, std::uint32_t end) { value_runs_.push_back({begin, end}); }
  void continuation() { continued_ = true; }
  void separator_mark(std::uint32_t offset) {
    separator_ = bytes_[offset] == '=' ? Separator::equals : Separator::colon;
    separator_offset_ = offset;
  }
  void separator_blank() {
    if (separator_ == Separator::none) separator_ = Separator::blank;
  }
  void entry_end(std::uint32_t end, bool dropped_backslash) { finish_entry(end, dropped_backslash, false); }
  void lone_backslash_entry(std::uint32_t offset) {
    key_runs_.clear();
    value_runs_.clear();
    entry_start_override_ = offset;
    finish_entry(offset, true, true);
  }
  void comment(std::uint32_t marker, std::uint32_t end) {
    Comment c;
    c.marker = bytes_[marker];
    c.text = bytes_.substr(marker + 1, end - marker - 1);
    c.range = range(marker, end);
    doc_.lines_.push_back({LineItem::Kind::comment, static_cast<std::uint32_t>(doc_.comments_.size())});
    doc_.comments_.push_back(c);
  }
  void blank_line(std::uint32_t eol_offset) {
    doc_.lines_.push_back({LineItem::Kind::blank, position(eol_offset).line});
  }

  void finish() { doc_.last_by_key_.build(doc_.entries_); }

 private:
  // Room for every line and for the likely number of entries (lines that are not blank or
  // comments), so that growing the vectors never holds two copies of them. The entries' share is
  // capped at a few times the file size: a file of a million continuation lines has one entry.
  void reserve() {
    const SourceFile& source = doc_.source();
    std::size_t likely_entries = 0;
    for (std::uint32_t line = 1; line <= source.line_count(); ++line) {
      const std::string_view text = source.line_text(line);
      std::size_t first = 0;
      while (first < text.size() && (text[first] == ' ' || text[first] == '\t' || text[first] == '\f')) ++first;
      if (first < text.size() && text[first] != '#' && text[first] != '!') ++likely_entries;
    }
    doc_.lines_.reserve(source.line_count());
    doc_.entries_.reserve(std::min(likely_entries, 4 * bytes_.size() / sizeof(Entry) + 1));
  }

  Position position(std::uint32_t offset) { return doc_.source().position_at(offset, line_hint_); }
  Range range(std::uint32_t begin, std::uint32_t end) {
    const Position b = position(begin);
    return {b, position(end)};
  }

  // Decoded text either points into the source bytes (the common, escape-free case) or into
  // storage owned by the Document.
  std::string_view store(const grammar::Decoded& decoded, std::span<const grammar::RawRun> runs) {
    if (decoded.verbatim) return runs.empty() ? std::string_view{} : bytes_.substr(runs[0].begin, runs[0].end - runs[0].begin);
    return doc_store(decoded.text);
  }

  std::string_view doc_store(std::string_view text) {
    if (text.empty()) return {};
    // Decoded text is at most twice as long as its source (a Latin-1 byte becomes two UTF-8
    // bytes): a small file never needs a whole chunk.
    const std::size_t chunk_size = std::min<std::size_t>(64 * 1024, 2 * bytes_.size());
    if (text.size() > chunk_free_) {
      const std::size_t size = std::max(chunk_size, text.size());
      doc_.text_chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      chunk_next_ = doc_.text_chunks_.back().get();
      chunk_free_ = size;
    }
    char* dst = chunk_next_;
    std::memcpy(dst, text.data(), text.size());
    chunk_next_ += text.size();
    chunk_free_ -= text.size();
    return {dst, text.size()};
  }

  void finish_entry(std::uint32_t end, bool dropped_backslash, bool from_lone_backslash) {
    Entry e;
    e.index = static_cast<std::uint32_t>(doc_.entries_.size());
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
    e.key_map = PositionMap(key_begin, std::move(key.pieces));
    e.value_map = PositionMap(value_begin, std::move(value.pieces));
    // Java converts the key first; either failure aborts the load at this line.
    for (const auto& bad : {key.malformed_escape, value.malformed_escape}) {
      if (bad) doc_.issues_.push_back({SyntaxIssue::Kind::malformed_unicode_escape, range(bad->begin, bad->end), e.index});
    }
    doc_.lines_.push_back({LineItem::Kind::entry, e.index});
    doc_.entries_.push_back(std::move(e));

    key_runs_.clear();
    value_runs_.clear();
    continued_ = false;
    separator_ = Separator::none;
    separator_offset_ = 0;
  }

  Document& doc_;
  std::string_view bytes_;
  std::uint32_t line_hint_ = 1;
  char* chunk_next_ = nullptr;
  std::size_t chunk_free_ = 0;
  std::vector<grammar::RawRun> key_runs_;
  std::vector<grammar::RawRun> value_runs_;
  bool continued_ = false;
  Separator separator_ = Separator::none;
  std::uint32_t separator_offset_ = 0;
  std::uint32_t entry_start_override_ = 0;
};

namespace {

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <typename Input>
std::uint32_t begin_of(const Input& in) {
  return static_cast<std::uint32_t>(in.begin() - in.input().begin());
}
template <typename Input>
std::uint32_t end_of(const Input& in) {
  return static_cast<std::uint32_t>(in.end() - in.input().begin());
}

template <>
struct action<g::key_text> {
  template <typename Input>
  static void apply(const Input& in, DocumentBuilder& b) { b.key_run(begin_of(in), end_of(in)); }
};
template <>
struct action<g::value_text> {
  template <typename Input>
  static void apply(const Input& in, DocumentBuilder& b) { b.value_run(begin_of(in), end_of(in)); }
};
template <>
struct action<g::continuation> {
  template <typename Input>
  static void apply(const Input&, DocumentBuilder& b) { b.continuation(); }
};
template <>
struct action<g::separator_mark> {
  template <typename Input>
  static void apply(const Input& in, DocumentBuilder& b) { b.separator_mark(begin_of(in)); }
};
template <>
struct action<g::separator_blank> {
  template <typename Input>
  static void apply(const Input&, DocumentBuilder& b) { b.separator_blank(); }
};
template <>
struct action<g::entry_end> {
  template <typename Input>
  static void apply(const Input& in, DocumentBuilder& b) {
    const bool dropped = in.size() == 1 && *in.begin() == '\\';
    b.entry_end(begin_of(in), dropped);
  }
};
template <>
struct action<g::lone_backslash_entry> {
  template <typename Input>
  static void apply(const Input& in, DocumentBuilder& b) { b.lone_backslash_entry(begin_of(in)); }
};
template <>
struct action<g::comment_text> {
  template <typename Input>
  static void apply(const Input& in, DocumentBuilder& b) { b.comment(begin_of(in) - 1, end_of(in)); }  // the marker precedes the text
};
template <>
struct action<g::blank_line_end> {
  template <typename Input>
  static void apply(const Input& in, DocumentBuilder& b) { b.blank_line(begin_of(in)); }
};

}  // namespace

Document parse(SourceFile source) {
  Document doc(std::move(source));
  DocumentBuilder builder(doc);
  const std::string_view bytes = doc.source().bytes();
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(bytes.data(), bytes.size(), doc.source().path());
  // The grammar matches every byte sequence; a failed match would be a bug in the grammar.
  const bool matched = pegtl::parse<g::file, action>(in, builder);
  (void)matched;
  builder.finish();
  return doc;
}

}  // namespace zklint
