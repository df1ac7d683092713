#include "uri.hpp"

#include <cctype>

#include "zklint/lint/strings.hpp"

namespace zklint::lsp {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

}  // namespace

std::optional<std::filesystem::path> path_from_uri(std::string_view uri) {
  if (to_lower(uri.substr(0, 7)) != "file://") return std::nullopt;
  std::string_view rest = uri.substr(7);
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = rest.substr(0, slash);
  if (!host.empty() && to_lower(host) != "localhost") return std::nullopt;
  rest.remove_prefix(slash);
  rest = rest.substr(0, rest.find_first_of("?#"));
  const auto decoded = percent_decode(rest);
  if (!decoded || decoded->find('\0') != std::string::npos) return std::nullopt;
  return std::filesystem::path(*decoded).lexically_normal();
}

std::string uri_from_path(const std::filesystem::path& path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (const char c : path.generic_string()) {
    const auto b = static_cast<unsigned char>(c);
    if (std::isalnum(b) != 0 || std::string_view("-._~/").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 0xF];
    }
  }
  return out;
}

}  // namespace zklint::lsp
