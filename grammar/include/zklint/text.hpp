// Small text helpers shared by every stage.
#pragma once

#include <string>
#include <string_view>

namespace zklint {

/// Decoded keys and values are UTF-8, except that an unpaired surrogate (from an escape such as
/// `\uD800`) uses the 3-byte generalized form, which is not valid UTF-8. JSON, SARIF and terminals
/// need valid UTF-8: this replaces each unpaired surrogate with U+FFFD.
std::string to_valid_utf8(std::string_view decoded);

/// True if every byte is printable ASCII (0x20-0x7E).
bool is_printable_ascii(std::string_view text);

/// The length of the longest prefix of `text` that is valid UTF-8 (shortest forms, no surrogates):
/// text.size() when all of it is.
std::size_t valid_utf8_prefix(std::string_view text);

/// True if no byte is >= 0x80. Eight bytes at a time: it runs over every byte of every file.
bool is_ascii(std::string_view text);

}  // namespace zklint
