// docker-compose's variable syntax in values: ${VAR}, $VAR, ${VAR:-default}, ${VAR-default},
// ${VAR:?error}, ${VAR?error}, ${VAR:+alternative}, ${VAR+alternative} and $$ for a dollar,
// resolved from the .env file beside the compose file (compose-spec/compose-spec
// 12-interpolation.md @ main). A variable that has no value there and no default stays written as
// it is: a placeholder, which the checks treat as template text, never as a value.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/document.hpp"

namespace zklint::deploy {

using Variables = std::map<std::string, std::string, std::less<>>;

struct Interpolated {
  std::string text;
  /// Decoded offsets of `text` to offsets of the raw input (add the input's source offset).
  std::vector<MapPiece> pieces;
  bool unresolved = false;  ///< a placeholder is left in `text`
  bool substituted = false;  ///< something was replaced
};

Interpolated interpolate(std::string_view raw, const Variables& variables);

/// A compose `.env` or `env_file` file: `KEY=value` lines, `export` allowed, `#` comments,
/// single-quoted values literal, double-quoted ones with escapes, unquoted ones ending at ` #`
/// (compose-go dotenv/parser.go @ v2).
struct EnvLine {
  std::string name;
  std::string value;
  std::uint32_t name_offset = 0, value_offset = 0, value_end = 0;
  bool has_value = true;  ///< `KEY` alone: taken from the shell
};
std::vector<EnvLine> parse_env_file(std::string_view text);

/// A file for `docker run --env-file`, read as the docker CLI reads it (docker/cli
/// opts/file.go parseKeyValueFile): leading blanks and `#` lines skipped, `KEY=value` with the
/// value passed through untouched (quotes, trailing blanks and ` #` stay in it), `KEY` alone taken
/// from the shell. A name with a blank in it (`export KEY=...`, `KEY = value`) or no name makes
/// docker refuse the whole file: each such line is an error with its offset.
struct EnvFileError {
  std::string message;
  std::uint32_t offset = 0, end = 0;
};
std::vector<EnvLine> parse_docker_env_file(std::string_view text, std::vector<EnvFileError>& errors);

}  // namespace zklint::deploy
