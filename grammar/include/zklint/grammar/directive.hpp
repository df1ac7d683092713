// The syntax of zklint's own suppression comments. They sit on comment lines of their own,
// because in a .properties file a '#' after a value is part of the value:
//   # zklint: disable-next-line ZKL101, duplicate-key -- reason
//   # zklint: disable ZKL101      ...      # zklint: enable ZKL101
//   # zklint: disable-file ZKL101
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace zklint::grammar {

struct Directive {
  enum class Kind : std::uint8_t { disable_next_line, disable, enable, disable_file };
  struct Id {
    std::string_view text;  ///< a code, a kebab name, a family, or "all"
    std::uint32_t offset;   ///< offset in the comment text
  };
  Kind kind;
  std::vector<Id> ids;
  std::string_view reason;  ///< text after " -- ", may be empty
};

enum class DirectiveParse : std::uint8_t { not_a_directive, ok, malformed };

/// Parses the text of a comment (after '#' or '!'). A comment whose first word is "zklint:" is a
/// directive, well formed or not.
DirectiveParse parse_directive(std::string_view comment_text, Directive& out);

}  // namespace zklint::grammar
