// Which software reads a file, which decides the rules that apply to it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace zklint {

enum class FileKind : std::uint8_t {
  unknown,    ///< a .properties file of unknown origin: only the generic .properties rules run
  kafka,      ///< a Kafka broker/controller config (server.properties, KRaft broker/controller files)
  zookeeper,  ///< a ZooKeeper server config (zoo.cfg, zookeeper.properties)
  foreign,    ///< named like a Kafka file but clearly not one (a Minecraft server.properties): skipped
  deployment, ///< a deployment file (docker-compose): its services are linted as Kafka and ZooKeeper nodes
};

std::string_view to_string(FileKind kind);
std::optional<FileKind> parse_file_kind(std::string_view text);

/// A set of file kinds, for RuleMeta::applies_to.
struct FileKinds {
  std::uint8_t bits = 0;
  static constexpr FileKinds any() { return {0b0111}; }  // unknown, kafka, zookeeper; never foreign
  static constexpr FileKinds kafka() { return {0b0010}; }
  static constexpr FileKinds zookeeper() { return {0b0100}; }
  static constexpr FileKinds foreign() { return {0b1000}; }
  static constexpr FileKinds deployment() { return {0b10000}; }
  constexpr bool contains(FileKind k) const { return (bits >> static_cast<unsigned>(k)) & 1U; }
  friend constexpr FileKinds operator|(FileKinds a, FileKinds b) { return {static_cast<std::uint8_t>(a.bits | b.bits)}; }
};

}  // namespace zklint
