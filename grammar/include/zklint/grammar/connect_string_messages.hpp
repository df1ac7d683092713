// Human messages for what the ZooKeeper client rejects in a connect string, kept apart from the
// grammar (connect_string.hpp). The exception texts are paraphrases of what ZooKeeper 3.8 throws.
#pragma once

#include <string_view>

#include "zklint/grammar/connect_string.hpp"

namespace zklint::grammar::connect_string {

/// What is wrong with a host element, as a clause: "the port is not a number".
constexpr std::string_view message(EntryError error) {
  switch (error) {
    case EntryError::none: return "";
    case EntryError::bracket_unclosed: return "it starts with '[' but has no closing ']'";
    case EntryError::bracket_empty: return "the brackets hold no address";
    case EntryError::bracket_junk: return "something other than ':' follows the ']'";
    case EntryError::bracket_no_port: return "the ':' after the ']' is not followed by a port";
    case EntryError::port_not_a_number: return "the port is not a number";
    case EntryError::port_out_of_range: return "the port is outside 0-65535";
  }
  return "";
}

/// The exception the ZooKeeper client throws for the element (paraphrased, with its class).
constexpr std::string_view java_exception(EntryError error) {
  switch (error) {
    case EntryError::none: return "";
    case EntryError::bracket_unclosed: return "IllegalArgumentException (starts with '[' but has no matching ']')";
    case EntryError::bracket_empty: return "IllegalArgumentException (the address in brackets is empty)";
    case EntryError::bracket_junk: return "IllegalArgumentException (does not have ':' after ']')";
    case EntryError::bracket_no_port: return "IllegalArgumentException (no port after the colon)";
    case EntryError::port_not_a_number: return "NumberFormatException (for input string ...)";
    case EntryError::port_out_of_range: return "IllegalArgumentException (port out of range)";
  }
  return "";
}

/// What PathUtils.validatePath objects to, as a clause.
constexpr std::string_view message(PathError error) {
  switch (error) {
    case PathError::trailing_slash: return "it ends with '/'";
    case PathError::empty_segment: return "it has an empty node name ('//')";
    case PathError::relative_segment: return "it has a relative segment ('.' or '..')";
    case PathError::null_char: return "it contains a NUL character";
    case PathError::invalid_char: return "it contains a character ZooKeeper forbids in paths (a control character, a private-use or non-BMP character, or U+FFF0-U+FFFF)";
  }
  return "";
}

/// The reason ZooKeeper gives in its IllegalArgumentException (paraphrased).
constexpr std::string_view java_exception(PathError error) {
  switch (error) {
    case PathError::trailing_slash: return "IllegalArgumentException (path must not end with / character)";
    case PathError::empty_segment: return "IllegalArgumentException (invalid path string: empty node name specified)";
    case PathError::relative_segment: return "IllegalArgumentException (invalid path string: relative paths not allowed)";
    case PathError::null_char: return "IllegalArgumentException (invalid path string: null character not allowed)";
    case PathError::invalid_char: return "IllegalArgumentException (invalid path string: invalid character)";
  }
  return "";
}

/// StaticHostProvider's refusal when the host list is empty.
constexpr std::string_view empty_host_list_exception = "IllegalArgumentException (a HostProvider may not be empty)";

}  // namespace zklint::grammar::connect_string
