#include "json_writer.hpp"

#include <nlohmann/json.hpp>

namespace zklint {
namespace {

constexpr std::size_t flush_at = 1 << 16;

// True if `text` is well-formed UTF-8 (shortest forms, no surrogates, at most U+10FFFF): what
// nlohmann's serializer accepts without replacing anything.
bool valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if ((*p & 0xE0) == 0xC0) { n = 2; cp = *p & 0x1Fu; }
    else if ((*p & 0xF0) == 0xE0) { n = 3; cp = *p & 0x0Fu; }
    else if ((*p & 0xF8) == 0xF0) { n = 4; cp = *p & 0x07u; }
    else return false;
    if (static_cast<std::size_t>(end - p) < n) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((p[k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[k] & 0x3Fu);
    }
    static constexpr std::uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += n;
  }
  return true;
}

}  // namespace

JsonWriter::JsonWriter(std::ostream& out, int indent) : out_(out), indent_(indent) { buffer_.reserve(flush_at + 4096); }

JsonWriter::~JsonWriter() { flush(); }

void JsonWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void JsonWriter::newline_and_indent(std::size_t depth) {
  if (indent_ < 0) return;
  buffer_.push_back('\n');
  buffer_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;  // the top-level value
  if (counts_.back() != 0) buffer_.push_back(',');
  newline_and_indent(counts_.size());
  counts_.back() = 1;
}

void JsonWriter::begin_object() {
  before_value();
  buffer_.push_back('{');
  counts_.push_back(0);
}

void JsonWriter::begin_array() {
  before_value();
  buffer_.push_back('[');
  counts_.push_back(0);
}

void JsonWriter::close(char bracket) {
  const bool had_members = counts_.back() != 0;
  counts_.pop_back();
  if (had_members) newline_and_indent(counts_.size());
  buffer_.push_back(bracket);
  if (buffer_.size() >= flush_at) flush();
}

void JsonWriter::end_object() { close('}'); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::key(std::string_view name) {
  before_value();
  string(name);
  buffer_.append(indent_ < 0 ? ":" : ": ");
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  string(text);
  if (buffer_.size() >= flush_at) flush();
}

void JsonWriter::value(std::uint64_t number) {
  before_value();
  buffer_.append(std::to_string(number));
}

void JsonWriter::value(std::int64_t number) {
  before_value();
  buffer_.append(std::to_string(number));
}

void JsonWriter::null() {
  before_value();
  buffer_.append("null");
}

void JsonWriter::value(bool flag) {
  before_value();
  buffer_.append(flag ? "true" : "false");
}

void JsonWriter::string(std::string_view text) {
  if (!valid_utf8(text)) {
    // Rare (a file name that is not UTF-8): let nlohmann replace the bad bytes its own way.
    buffer_.append(nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  static constexpr char hex[] = "0123456789abcdef";
  buffer_.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    buffer_.append(text.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': buffer_.append("\\\""); break;
      case '\\': buffer_.append("\\\\"); break;
      case '\b': buffer_.append("\\b"); break;
      case '\t': buffer_.append("\\t"); break;
      case '\n': buffer_.append("\\n"); break;
      case '\f': buffer_.append("\\f"); break;
      case '\r': buffer_.append("\\r"); break;
      default:
        buffer_.append("\\u00");
        buffer_.push_back(hex[c >> 4]);
        buffer_.push_back(hex[c & 0xF]);
        break;
    }
  }
  buffer_.append(text.substr(run));
  buffer_.push_back('"');
}

namespace {
void write_position(JsonWriter& w, const Position& p, bool with_offset) {
  w.begin_object();
  w.key("column");
  w.value(std::uint64_t{p.column});
  w.key("line");
  w.value(std::uint64_t{p.line});
  if (with_offset) {
    w.key("offset");
    w.value(std::uint64_t{p.offset});
  }
  w.end_object();
}
}  // namespace

void write_range(JsonWriter& w, const Range& r, bool with_offsets) {
  w.begin_object();
  w.key("end");
  write_position(w, r.end, with_offsets);
  w.key("start");
  write_position(w, r.begin, with_offsets);
  w.end_object();
}

}  // namespace zklint
