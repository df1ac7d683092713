#include "zklint/lint/strings.hpp"

#include <algorithm>
#include <cstdio>

namespace zklint {

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = upper(c);
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view java_trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= 0x20) --e;
  return s.substr(b, e - b);
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t pos = s.find(separator, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Only the cells within `limit` of the diagonal can stay within `limit` (Ukkonen's band): the
  // others count as limit + 1. Did-you-mean compares each unknown key with every catalog key of a
  // similar length, so this is much of the cost of a file full of unknown keys. Two rows, on the
  // stack for the usual key lengths.
  const std::size_t beyond = limit + 1;
  constexpr std::size_t on_stack = 128;
  std::size_t stack_rows[2][on_stack];
  std::vector<std::size_t> heap_rows;
  std::size_t* prev = stack_rows[0];
  std::size_t* cur = stack_rows[1];
  if (m + 2 > on_stack) {
    heap_rows.resize(2 * (m + 2));
    prev = heap_rows.data();
    cur = prev + m + 2;
  }
  for (std::size_t j = 0; j <= m; ++j) prev[j] = std::min(j, beyond);
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > limit ? i - limit : 0;
    const std::size_t hi = std::min(m, i + limit);
    std::size_t row_min = beyond;
    if (lo == 0) {
      cur[0] = i;
      row_min = i;
    } else {
      cur[lo - 1] = beyond;
    }
    for (std::size_t j = std::max<std::size_t>(lo, 1); j <= hi; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost, beyond});
      row_min = std::min(row_min, cur[j]);
    }
    if (hi < m) cur[hi + 1] = beyond;  // the next row reads it as the cell above
    if (row_min > limit) return beyond;
    std::swap(prev, cur);
  }
  return std::min(prev[m], beyond);
}

std::optional<std::string_view> closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::size_t limit = word.size() <= 4 ? 1 : word.size() <= 10 ? 2 : 3;
  std::optional<std::string_view> best;
  std::size_t best_distance = limit + 1;
  for (const std::string_view c : candidates) {
    const std::size_t d = edit_distance(word, c, limit);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string quoted(std::string_view text) {
  constexpr std::size_t max_shown = 200;
  std::string out = "'";
  std::size_t shown = 0;
  for (const char ch : text) {
    if (++shown > max_shown) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "'";
}

std::string unicode_escape(std::uint32_t code_point) {
  char buf[16];
  if (code_point >= 0x10000) {
    code_point -= 0x10000;
    std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (code_point >> 10), 0xDC00 + (code_point & 0x3FF));
  } else {
    std::snprintf(buf, sizeof buf, "\\u%04x", code_point);
  }
  return buf;
}

std::string escape_properties_value(std::string_view text) {
  std::string out;
  bool leading = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (leading && (c == ' ' || c == '\t' || c == '\f')) {
      out += c == ' ' ? "\\ " : c == '\t' ? "\\t" : "\\f";
      continue;
    }
    leading = false;
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x80) {
          out += static_cast<char>(c);
        } else {
          // Decode one UTF-8 sequence and write it as \uXXXX (surrogate pairs above U+FFFF).
          std::uint32_t cp = 0;
          std::size_t extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
          cp = c & (0x3F >> extra);
          for (std::size_t k = 0; k < extra && i + 1 < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
          out += unicode_escape(cp);
        }
    }
  }
  return out;
}

}  // namespace zklint
