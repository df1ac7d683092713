#include "zklint/grammar/decode.hpp"

#include <cstring>

namespace zklint::grammar {
namespace {

// The raw logical text (runs joined, continuations removed), read one Java char at a time.
class RawCursor {
 public:
  RawCursor(std::string_view bytes, std::span<const RawRun> runs) : bytes_(bytes), runs_(runs) { skip_empty(); }

  bool done() const { return run_ == runs_.size(); }
  unsigned char peek() const { return static_cast<unsigned char>(bytes_[offset_]); }
  std::uint32_t offset() const { return offset_; }
  /// Offset just past the char that was consumed last.
  std::uint32_t last_end() const { return last_end_; }
  /// True when the next char follows the previous one directly in the file (no continuation between).
  bool contiguous_with_last() const { return offset_ == last_end_; }

  unsigned char take() {
    const unsigned char c = peek();
    last_end_ = offset_ + 1;
    ++offset_;
    if (offset_ == runs_[run_].end) {
      ++run_;
      skip_empty();
    }
    return c;
  }

 private:
  void skip_empty() {
    while (run_ < runs_.size() && runs_[run_].begin == runs_[run_].end) ++run_;
    if (run_ < runs_.size()) offset_ = runs_[run_].begin;
  }

  std::string_view bytes_;
  std::span<const RawRun> runs_;
  std::size_t run_ = 0;
  std::uint32_t offset_ = 0;
  std::uint32_t last_end_ = 0;
};

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {  // includes unpaired surrogates (generalized UTF-8)
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// True if `text` has neither a backslash nor a byte >= 0x80, so that decoding changes nothing.
// Eight bytes at a time (a byte loop over every key and value was a tenth of a large file's time).
bool plain(std::string_view text) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL, backslashes = ones * '\\';
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    const std::uint64_t x = word ^ backslashes;  // a zero byte where a backslash was
    if ((word & highs) != 0 || ((x - ones) & ~x & highs) != 0) return false;
  }
  for (; i < text.size(); ++i) {
    if (text[i] == '\\' || static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

class Decoder {
 public:
  Decoder(std::string_view bytes, std::span<const RawRun> runs) : bytes_(bytes), in_(bytes, runs) {}

  Decoded run() && {
    while (!in_.done()) {
      const std::uint32_t start = in_.offset();
      const unsigned char c = in_.take();
      if (c != '\\') {
        emit_char(c, start, 1);
        continue;
      }
      // The grammar guarantees a char after every backslash it hands us (pairs only).
      const unsigned char e = in_.take();
      switch (e) {
        case 't': emit_char('\t', start, in_.last_end() - start); break;
        case 'n': emit_char('\n', start, in_.last_end() - start); break;
        case 'r': emit_char('\r', start, in_.last_end() - start); break;
        case 'f': emit_char('\f', start, in_.last_end() - start); break;
        case 'u': unicode_escape(start); break;
        default: emit_char(e, start, in_.last_end() - start); break;
      }
    }
    result_.text = std::move(out_);
    return std::move(result_);
  }

 private:
  // Java: fewer than four chars left, or a non-hex char among them, throws for the whole load.
  void unicode_escape(std::uint32_t start) {
    const std::uint32_t u_end = in_.last_end();
    std::uint32_t unit = 0;
    std::uint32_t digits_source[4] = {};
    for (int i = 0; i < 4; ++i) {
      if (in_.done() || hex_value(in_.peek()) < 0) {
        const std::uint32_t end = in_.done() ? in_.last_end() : in_.offset() + 1;
        return malformed(start, u_end, end, std::span(digits_source, static_cast<std::size_t>(i)));
      }
      digits_source[i] = in_.offset();
      unit = (unit << 4) | static_cast<std::uint32_t>(hex_value(in_.take()));
    }
    emit_unit(unit, start, in_.last_end() - start);
  }

  // Keeps the offending text literally (so messages can show it); the char that broke the escape
  // is left for the main loop.
  void malformed(std::uint32_t start, std::uint32_t u_end, std::uint32_t end, std::span<const std::uint32_t> digits) {
    if (!result_.malformed_escape) result_.malformed_escape = RawRun{start, end};
    emit_char('\\', start, 1);
    emit_char('u', u_end - 1, 1);
    for (const std::uint32_t offset : digits) emit_char(static_cast<unsigned char>(bytes_[offset]), offset, 1);
  }

  void emit_char(unsigned char c, std::uint32_t source, std::uint32_t source_length) {
    const std::size_t before = out_.size();
    append_utf8(out_, c);
    add_piece(static_cast<std::uint32_t>(out_.size() - before), source, source_length);
    high_surrogate_at_ = npos;
  }

  void emit_unit(std::uint32_t unit, std::uint32_t source, std::uint32_t source_length) {
    const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (low && high_surrogate_at_ != npos && high_surrogate_at_ + 3 == out_.size()) {
      // A \uD8xx\uDCxx pair is one code point in Java's String; store it as 4-byte UTF-8.
      const std::uint32_t high = high_unit_;
      out_.resize(high_surrogate_at_);
      MapPiece& previous = result_.pieces.back();
      append_utf8(out_, 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00));
      previous.decoded_length = 4;
      previous.source_length = source + source_length - previous.source;
      high_surrogate_at_ = npos;
      return;
    }
    const std::size_t before = out_.size();
    append_utf8(out_, unit);
    add_piece(static_cast<std::uint32_t>(out_.size() - before), source, source_length);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      high_surrogate_at_ = before;
      high_unit_ = unit;
    } else {
      high_surrogate_at_ = npos;
    }
  }

  // Extends the last verbatim piece when this one continues it in both texts.
  void add_piece(std::uint32_t decoded_length, std::uint32_t source, std::uint32_t source_length) {
    const auto decoded = static_cast<std::uint32_t>(out_.size() - decoded_length);
    const bool verbatim = decoded_length == 1 && source_length == 1;
    if (verbatim && !result_.pieces.empty()) {
      MapPiece& last = result_.pieces.back();
      if (last.verbatim() && last.source + last.source_length == source && last.decoded + last.decoded_length == decoded) {
        ++last.decoded_length;
        ++last.source_length;
        return;
      }
    }
    result_.pieces.push_back({decoded, source, decoded_length, source_length});
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::string_view bytes_;
  RawCursor in_;
  std::string out_;
  Decoded result_;
  std::size_t high_surrogate_at_ = npos;
  std::uint32_t high_unit_ = 0;
};

}  // namespace

Decoded decode(std::string_view bytes, std::span<const RawRun> runs) {
  if (runs.size() <= 1) {
    const std::string_view text = runs.empty() ? std::string_view{} : bytes.substr(runs[0].begin, runs[0].end - runs[0].begin);
    if (plain(text)) return Decoded{.verbatim = true};
  }
  return Decoder(bytes, runs).run();
}

}  // namespace zklint::grammar
