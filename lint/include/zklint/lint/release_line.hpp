// A release line (major.minor) of Kafka or of ZooKeeper: the unit the Kafka broker catalog and
// both release-fact tables are versioned by. One type per product, so that a Kafka line cannot be
// passed where a ZooKeeper line is meant.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace zklint {

/// "3.9", "3.9.1" (the patch is ignored) or "4.0.0" as {major, minor}; nullopt for anything else.
std::optional<std::pair<int, int>> parse_release_line(std::string_view text);

template <typename Product>
struct ReleaseLine {
  int major = 0;
  int minor = 0;
  friend auto operator<=>(const ReleaseLine&, const ReleaseLine&) = default;
  std::string to_string() const { return std::to_string(major) + "." + std::to_string(minor); }
  static std::optional<ReleaseLine> parse(std::string_view text) {
    const auto line = parse_release_line(text);
    if (!line) return std::nullopt;
    return ReleaseLine{line->first, line->second};
  }
};

struct KafkaProduct;
struct ZooKeeperProduct;
using KafkaVersion = ReleaseLine<KafkaProduct>;
using ZooKeeperVersion = ReleaseLine<ZooKeeperProduct>;

}  // namespace zklint
