#include "support/protocol_version.hpp"

#include <charconv>
#include <tuple>
#include <vector>

#include "zklint/lint/strings.hpp"

namespace zklint::support {

namespace {

std::optional<int> number(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

int ProtocolVersion::record_version() const {
  if (major == 0 && minor < 10) return 0;
  if (major == 0 && minor < 11) return 1;
  return 2;
}

bool ProtocolVersion::at_least(int want_major, int want_minor, int want_iv) const {
  if (std::tie(major, minor) != std::tie(want_major, want_minor)) return std::tie(major, minor) > std::tie(want_major, want_minor);
  return !iv || *iv >= want_iv;
}

std::optional<ProtocolVersion> parse_protocol_version(std::string_view text) {
  ProtocolVersion v;
  const std::size_t dash = text.find("-IV");
  if (dash != std::string_view::npos) {
    v.iv = number(text.substr(dash + 3));
    if (!v.iv) return std::nullopt;
  }
  const std::vector<std::string_view> parts = split(text.substr(0, dash), '.');
  std::vector<int> numbers;
  for (const std::string_view part : parts) {
    const auto n = number(part);
    if (!n) return std::nullopt;
    numbers.push_back(*n);
  }
  // 0.x versions have three parts (0.10.2), later ones two (2.8) or three (2.8.1, read as 2.8).
  if (numbers.size() < 2 || numbers.size() > 3) return std::nullopt;
  v.major = numbers[0];
  v.minor = numbers[1];
  v.patch = numbers.size() == 3 ? numbers[2] : 0;
  return v;
}

}  // namespace zklint::support
