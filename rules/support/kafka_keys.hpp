// What a key of a Kafka broker file is, for the assumed version: a broker setting, a listener
// override, a plug-in or vendor setting, a setting that was removed or is not there yet, or
// unknown (AbstractConfig.java logUnused @3.9: an unused key is logged, never refused). Kafka ignores
// every key it does not define, so this classification is the basis of the key rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kafka_catalog.hpp"

namespace zklint::support::kafka {

/// The spec Kafka `version` (a catalog line) defines for `key`, including the KRaft keys that 2.8
/// defines as internal (undocumented) keys, which the 2.8 table lacks (their 3.0 spec is used),
/// and keys a docs table lacks although the neighbouring releases have them.
const kafka_catalog::KeySpec* broker_spec(KafkaVersion version, std::string_view key);

enum class KeyKind : std::uint8_t {
  broker,            ///< defined by the broker
  listener_override, ///< listener.name.<listener>.[<prefix>.]<broker key>: read for that listener
  plugin,            ///< read by a plug-in Kafka hands all settings to (authorizer, metrics reporters, ...)
  vendor,            ///< a vendor distribution's setting (confluent.*), not Apache Kafka's
  removed,           ///< defined by an older release, not by this one
  not_yet,           ///< defined only by newer releases
  unknown,           ///< not Kafka's: silently ignored
};

struct KeyInfo {
  KeyKind kind = KeyKind::unknown;
  /// The spec the value is parsed with: the key's own, or for a listener override the spec of the
  /// broker key inside it.
  const kafka_catalog::KeySpec* spec = nullptr;
  /// Listener overrides: the listener segment as written, and the broker key after the prefix.
  std::string_view listener;
  std::string_view inner_key;
  /// Listener overrides whose remainder is not a broker key: the remainder (reported as unknown).
  bool unknown_inner = false;
  /// removed: the release that dropped it ("3.0", "0.8"); not_yet: the release that adds it.
  std::string release;
  /// removed / unknown: what to use instead, when there is a known successor ("listeners").
  std::string_view replacement;
  /// unknown: a short explanation for keys that belong elsewhere ("a client setting ...").
  std::string_view hint;
};

/// Classifies `key` for Kafka `version`. `plugin_prefixes` are extra prefixes whose keys a
/// configured plug-in reads (remote.log.*.impl.prefix values), may be empty.
KeyInfo classify_key(KafkaVersion version, std::string_view key, std::span<const std::string_view> plugin_prefixes = {});

/// The namespace of the settings a known plug-in class reads ("cruise.control.metrics." for Cruise
/// Control's metrics reporter), or empty.
std::string_view plugin_namespace(std::string_view class_name);

/// The broker keys of `version` plus the well-known plug-in keys: the candidates for "did you mean".
std::span<const std::string_view> spelling_candidates(KafkaVersion version);

}  // namespace zklint::support::kafka
