// A streaming JSON writer that produces exactly what nlohmann::json::dump produces for the same
// document (same indentation, same escapes, keys in the order given), without building a tree:
// `zklint dump` of a 100 MB file needs the output, not a few gigabytes of nodes.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/source.hpp"

namespace zklint {

class JsonWriter {
 public:
  /// `indent` spaces per level, as dump(indent); negative: one line, as dump(-1).
  JsonWriter(std::ostream& out, int indent);
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// The key of the next member; objects must list their keys sorted to match nlohmann's output.
  void key(std::string_view name);
  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(std::uint64_t number);
  void value(std::int64_t number);
  void value(bool flag);
  void null();
  /// Writes what is buffered to the stream.
  void flush();

 private:
  void before_value();
  void close(char bracket);
  void newline_and_indent(std::size_t depth);
  void string(std::string_view text);

  std::ostream& out_;
  int indent_;
  std::string buffer_;
  std::vector<std::uint8_t> counts_;  ///< per open container: 0 = empty so far, 1 = has members
  bool after_key_ = false;
};

/// A source range as {"end": {...}, "start": {...}}, each position {"column", "line"} and, when
/// `with_offsets`, "offset" (the JSON report has byte offsets; `zklint dump` shows lines and columns).
void write_range(JsonWriter& w, const Range& r, bool with_offsets);

}  // namespace zklint
