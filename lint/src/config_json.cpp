#include "config_json.hpp"

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/json.hpp>
#include <vector>

namespace zklint::config_json {
namespace {

namespace pegtl = tao::pegtl;
namespace json = pegtl::json;

// Walks the document with PEGTL's JSON grammar and records where each member and element starts.
struct Tracker {
  struct Level {
    bool array = false;
    long index = -1;
    std::string key;
  };
  std::vector<Level> path;
  std::map<std::string, std::string> positions;

  std::string pointer() const {
    std::string p;
    for (const Level& l : path) {
      p += '/';
      if (l.array) {
        p += std::to_string(l.index);
        continue;
      }
      for (const char c : l.key) p += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return p;
  }
};

// "line:col" of a match; `back` moves left on the same line (to a key's opening quote).
template <typename Input>
std::string where(const Input& in, std::size_t back = 0) {
  const auto pos = in.position();
  return std::to_string(pos.line) + ":" + std::to_string(pos.column - back);
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<json::key_content> {
  template <typename Input>
  static void apply(const Input& in, Tracker& t) {
    std::string key;
    const std::string raw = in.string();
    for (std::size_t i = 0; i < raw.size(); ++i) key += (raw[i] == '\\' && i + 1 < raw.size()) ? raw[++i] : raw[i];
    t.path.back().key = key;
    t.positions[t.pointer()] = where(in, 1);
  }
};

template <typename Rule>
struct control : pegtl::normal<Rule> {};

template <>
struct control<json::member> : pegtl::normal<json::member> {
  template <typename Input>
  static void start(const Input&, Tracker& t) { t.path.push_back({}); }
  template <typename Input>
  static void success(const Input&, Tracker& t) { t.path.pop_back(); }
  template <typename Input>
  static void failure(const Input&, Tracker& t) { t.path.pop_back(); }
};

template <>
struct control<json::array> : pegtl::normal<json::array> {
  template <typename Input>
  static void start(const Input&, Tracker& t) { t.path.push_back({true, -1, {}}); }
  template <typename Input>
  static void success(const Input&, Tracker& t) { t.path.pop_back(); }
  template <typename Input>
  static void failure(const Input&, Tracker& t) { t.path.pop_back(); }
};

template <>
struct control<json::array_element> : pegtl::normal<json::array_element> {
  template <typename Input>
  static void start(const Input& in, Tracker& t) {
    ++t.path.back().index;
    t.positions[t.pointer()] = where(in);
  }
};

// "line 3, column 5" -> "3:5"; nlohmann's messages carry the position in prose.
std::string nlohmann_position(const nlohmann::json::parse_error& e, const std::string& text) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

std::string blank_comments(std::string_view text) {
  std::string out(text);
  bool in_string = false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (in_string) {
      if (out[i] == '\\') ++i;
      else if (out[i] == '"') in_string = false;
      continue;
    }
    if (out[i] == '"') {
      in_string = true;
    } else if (out.compare(i, 2, "//") == 0) {
      for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
    } else if (out.compare(i, 2, "/*") == 0) {
      const std::size_t end = out.find("*/", i + 2);
      if (end == std::string::npos) return out;  // unterminated: left for the parser to report
      for (; i < end + 2; ++i) out[i] = out[i] == '\n' ? '\n' : ' ';
      --i;
    }
  }
  return out;
}

std::optional<Located> parse(const std::string& raw, std::string& error) {
  Located result;
  // Comments become blanks, so that positions in the file stay where they were.
  const std::string text = blank_comments(raw);
  try {
    result.value = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string message = e.what();
    const std::size_t colon = message.find(": ");
    if (colon != std::string::npos) message = message.substr(colon + 2);  // drop "[json.exception...] parse error at ...:"
    error = nlohmann_position(e, text) + ": invalid JSON: " + message;
    return std::nullopt;
  }
  Tracker tracker;
  pegtl::memory_input in(text, "config");
  try {
    pegtl::parse<json::text, action, control>(in, tracker);
  } catch (const pegtl::parse_error&) {
    // nlohmann accepted it, so only positions are missing; errors then name the key without them.
  }
  result.positions = std::move(tracker.positions);
  return result;
}

}  // namespace zklint::config_json
