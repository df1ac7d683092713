// How Kafka or ZooKeeper parses the value of a key, for rules that need to know whether a bad
// value is fatal (a number or a boolean) or silently kept (a string).
#pragma once

#include <optional>
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
  choice,          ///< one of a few words (ZooKeeper's peerType): anything else aborts startup
  host_name,       ///< resolved with DNS while the config is parsed (clientPortAddress): junk aborts startup
  class_name,      ///< loaded with Class.forName while the config is parsed: junk aborts startup
};

/// The kind of value `key` takes in this file (Kafka catalog for the assumed version, or the
/// ZooKeeper key table); `unknown` for unknown files and keys.
ValueKind value_kind(const LintContext& ctx, std::string_view key);

/// True for kinds where a malformed value makes the software refuse to start.
constexpr bool fatal_when_malformed(ValueKind k) {
  return k == ValueKind::number || k == ValueKind::boolean || k == ValueKind::quorum_spec || k == ValueKind::choice ||
         k == ValueKind::host_name || k == ValueKind::class_name;
}

/// Where a '#' or '!' that the writer meant as a comment starts in a value: a marker after a blank,
/// with text before it ("2181 # zk"). Without a blank ("abc#123") it is data. inline-comment
/// (ZKL003) reports these; value rules leave such values to it.
std::optional<std::size_t> inline_comment_start(std::string_view value);

/// Whether `e`'s value, as written, makes the software fail when it is not a clean value of its
/// kind (a '#' comment glued to it, say): true for the kinds fatal_when_malformed names, except a
/// server.N value that still parses (the comment then lands in a host name, resolved only later),
/// and never for a line that a later one with the same key overrides (it is never read).
bool malformed_value_fatal(const LintContext& ctx, const Entry& e);

/// Whether the blanks that end `e`'s value make the software fail. Only ZooKeeper's quorum keys
/// are read untrimmed; of those, a server.N line whose value ends with its peer type is fine
/// (`zk1:2888:3888:observer `: the type is trimmed), any other trailing blank breaks the last field.
/// A line overridden by a later one with the same key is never read, so never fatal.
bool trailing_blanks_fatal(const LintContext& ctx, const Entry& e);

/// "a number", "a boolean", ... for messages.
std::string_view describe(ValueKind k);

/// The software that reads this file: "Kafka", "ZooKeeper" or "Java".
std::string_view reader_name(const LintContext& ctx);

}  // namespace zklint::support
