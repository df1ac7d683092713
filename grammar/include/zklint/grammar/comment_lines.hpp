// Where the comments of a deployment file are, so that zklint's own directives can sit in them.
// Settings that come from YAML or an env file are read by other parsers (libyaml-cpp, the env
// readers); this grammar only finds comments, and never rejects a file.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace zklint::grammar {

/// A comment: from its '#' to the end of its line (line break excluded).
struct CommentSpan {
  std::uint32_t begin = 0;  ///< offset of the '#'
  std::uint32_t end = 0;
  bool own_line = false;    ///< only blanks before the '#' on its line
};

/// The comments of a YAML stream (YAML 1.2 §6.6): a '#' at the start of a line or after a blank,
/// outside quoted and block scalars. A '#' line inside a `|` or `>` block scalar is content (a
/// Helm chart's properties text, for one), and so is one inside a multi-line quoted scalar.
std::vector<CommentSpan> yaml_comments(std::string_view text);

/// The comments of an env file: lines whose first non-blank character is '#' (docker/cli
/// `opts/file.go`, and compose's `.env` reader for whole-line comments).
std::vector<CommentSpan> env_file_comments(std::string_view text);

}  // namespace zklint::grammar
