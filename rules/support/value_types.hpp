// How Kafka or ZooKeeper parses the value of a key, for rules that need to know whether a bad
// value is fatal (a number or a boolean) or silently kept (a string).
#pragma once

#include <string_view>

#include "zklint/lint/context.hpp"

namespace zklint::support {

enum class ValueKind : unsigned char {
  unknown,         ///< not a key this file's software knows
  text,            ///< kept as a string (a stray '#' silently becomes part of it)
  number,          ///< Integer/Long/Short/Double parsing: junk aborts startup
  boolean,         ///< true/false only: junk aborts startup
  lenient_number,  ///< ZooKeeper's Integer.decode with a silent fallback to the default
  quorum_spec,     ///< ZooKeeper server.N / group.N / weight.N: parsed untrimmed, junk aborts startup
};

/// The kind of value `key` takes in this file (Kafka catalog for the assumed version, or the
/// ZooKeeper key table); `unknown` for unknown files and keys.
ValueKind value_kind(const LintContext& ctx, std::string_view key);

/// True for kinds where a malformed value makes the software refuse to start.
constexpr bool fatal_when_malformed(ValueKind k) {
  return k == ValueKind::number || k == ValueKind::boolean || k == ValueKind::quorum_spec;
}

/// "a number", "a boolean", ... for messages.
std::string_view describe(ValueKind k);

/// The software that reads this file: "Kafka", "ZooKeeper" or "Java".
std::string_view reader_name(const LintContext& ctx);

}  // namespace zklint::support
