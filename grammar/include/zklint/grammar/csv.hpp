// Kafka's comma-separated values (Csv.java parseCsvList, ConfigDef.java parseType LIST @3.9). Every form trims the value first (String.trim) and
// splits it on the regex `\s*,\s*`, so blanks around commas vanish; they differ in which empty
// items survive, and a blank value has no items in all of them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "zklint/grammar/span.hpp"

namespace zklint::grammar::csv {

using Item = grammar::Span;

enum class Empties : std::uint8_t {
  keep,           ///< ConfigDef LIST: split(regex, -1), `a,,b` and `a,` have empty items
  drop,           ///< Csv.parseCsvList (listeners, log.dirs): every empty item dropped
  drop_trailing,  ///< Csv.parseCsvMap: split(regex), only trailing empty items dropped
};

/// Java's String.trim() of `value`: every char <= U+0020 off both ends.
Item trimmed(std::string_view value);

/// The items of `value`.
std::vector<Item> split(std::string_view value, Empties empties);

}  // namespace zklint::grammar::csv
