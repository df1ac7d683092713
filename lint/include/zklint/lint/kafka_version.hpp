// A Kafka release line (major.minor), the unit the broker config catalog is versioned by.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace zklint {

struct KafkaVersion {
  int major = 0;
  int minor = 0;
  friend auto operator<=>(const KafkaVersion&, const KafkaVersion&) = default;
  std::string to_string() const { return std::to_string(major) + "." + std::to_string(minor); }
  /// Parses "3.9", "3.9.1" (the patch is ignored) or "4.0.0".
  static std::optional<KafkaVersion> parse(std::string_view text);
};

}  // namespace zklint
