// inter.broker.protocol.version and log.message.format.version values, read the way
// MetadataVersion.fromVersionString (ApiVersion before 3.3) reads them: "0.10.2", "0.10.2-IV0",
// "2.8", "2.8-IV1", "3.7-IV2". A release without "-IVn" means its newest IV.
#pragma once

#include <optional>
#include <string_view>

namespace zklint::support {

struct ProtocolVersion {
  int major = 0, minor = 0, patch = 0;  ///< 0.10.2 is {0, 10, 2}; 2.8 is {2, 8, 0}
  std::optional<int> iv;                ///< the -IVn suffix, when written

  /// The newest record (message) format the version supports: RecordVersion V0 before 0.10.0,
  /// V1 before 0.11.0, V2 from 0.11.0 (ApiVersion.scala @2.8.0, MetadataVersion.java @3.7.0).
  int record_version() const;
  /// Whether the version is at least `major.minor` with IV `iv` (a missing IV is the newest).
  bool at_least(int major, int minor, int iv = 0) const;
};

/// Nullopt for text that is no version at all (the catalog's allowed-values check reports it).
std::optional<ProtocolVersion> parse_protocol_version(std::string_view text);

}  // namespace zklint::support
