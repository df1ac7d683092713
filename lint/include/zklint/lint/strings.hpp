// String helpers for rules and the engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zklint {

/// `\uXXXX` for a code point (a surrogate pair of two escapes above U+FFFF): how a .properties
/// file, read as ISO-8859-1, spells any character beyond Latin-1.
std::string unicode_escape(std::uint32_t code_point);

bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
/// Java's String.trim(): strips every char <= U+0020 from both ends (Kafka and ZooKeeper trim so).
std::string_view java_trim(std::string_view s);
/// Splits on `separator` without trimming and keeps empty items.
std::vector<std::string_view> split(std::string_view s, char separator);
/// Levenshtein distance, with `limit`: returns limit + 1 when the distance exceeds it.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);
/// The candidate closest to `word` (case-insensitive), if within a distance that makes it a likely typo.
std::optional<std::string_view> closest_match(std::string_view word, const std::vector<std::string_view>& candidates);
/// `text` quoted for a message: 'text', with control and non-printable chars shown as escapes.
std::string quoted(std::string_view text);
/// Escapes text so that Java's Properties.load reads it back as `text` (for fix replacements of values).
std::string escape_properties_value(std::string_view text);

}  // namespace zklint
