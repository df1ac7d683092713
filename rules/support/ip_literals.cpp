#include "support/ip_literals.hpp"

#include <cctype>

#include "zklint/lint/strings.hpp"

namespace zklint::support {

bool is_ipv4_literal(std::string_view host) {
  const auto parts = split(host, '.');
  if (parts.size() != 4) return false;
  for (const std::string_view p : parts) {
    if (p.empty() || p.size() > 3 || (p.size() > 1 && p[0] == '0')) return false;
    int n = 0;
    for (const char c : p) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      n = n * 10 + (c - '0');
    }
    if (n > 255) return false;
  }
  return true;
}

}  // namespace zklint::support
