// Reading a JSON config file with the position of every member, so that errors can say file:line:col.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace zklint::config_json {

struct Located {
  nlohmann::json value;
  /// JSON pointer ("/rules/ZKL101") -> "line:col" of the member's key (or array element).
  std::map<std::string, std::string> positions;
};

/// `text` with its // and /* */ comments (outside strings) replaced by blanks, line breaks kept.
std::string blank_comments(std::string_view text);

/// Parses `text`, JSON with comments (as VS Code's settings and tsconfig.json allow). On a syntax error returns nullopt and sets `error` to "line:col: message".
std::optional<Located> parse(const std::string& text, std::string& error);

}  // namespace zklint::config_json
