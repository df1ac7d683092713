#include "zklint/grammar/csv.hpp"

namespace zklint::grammar::csv {
namespace {

// `\s` of java.util.regex without UNICODE_CHARACTER_CLASS.
bool regex_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\x0B' || c == '\f' || c == '\r'; }

}  // namespace

Item trimmed(std::string_view value) {
  std::size_t begin = 0, end = value.size();
  while (begin < end && static_cast<unsigned char>(value[begin]) <= 0x20) ++begin;
  while (end > begin && static_cast<unsigned char>(value[end - 1]) <= 0x20) --end;
  return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

std::vector<Item> split(std::string_view value, Empties empties) {
  const Item whole = trimmed(value);
  std::vector<Item> items;
  if (whole.empty()) return items;
  std::uint32_t item_begin = whole.begin;
  for (std::uint32_t i = whole.begin;; ++i) {
    const bool at_end = i == whole.end;
    if (!at_end && value[i] != ',') continue;
    std::uint32_t item_end = i;
    // The blanks around a comma belong to the separator. (At the end there are none: trimmed.)
    while (!at_end && item_end > item_begin && regex_space(value[item_end - 1])) --item_end;
    items.push_back({item_begin, item_end});
    if (at_end) break;
    item_begin = i + 1;
    while (item_begin < whole.end && regex_space(value[item_begin])) ++item_begin;
    i = item_begin - 1;
  }
  if (empties == Empties::drop) {
    std::erase_if(items, [](const Item& item) { return item.empty(); });
  } else if (empties == Empties::drop_trailing) {
    while (!items.empty() && items.back().empty()) items.pop_back();
  }
  return items;
}

}  // namespace zklint::grammar::csv
