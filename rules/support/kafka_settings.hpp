// Every value of a Kafka file that the broker parses, parsed once and shared by the value rules
// (type, range, allowed values, empty values, list items, quotes): `ctx.model<support::KafkaSettings>()`.
//
// A value is parsed when its key is a broker key of the assumed version, or a listener override
// of one that Kafka reads (`listener.name.<l>.ssl.client.auth` is parsed as ssl.client.auth). An
// override Kafka never looks up (a listener segment with capitals, or one that names no listener)
// is left out: its value cannot stop the broker, and unknown-key reports it. Only the line Java
// keeps counts (earlier duplicates are ignored by Kafka; duplicate-key reports them), and
// templated values are left out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/kafka_keys.hpp"
#include "support/kafka_values.hpp"
#include "zklint/lint/context.hpp"

namespace zklint::support {

class KafkaSettings {
 public:
  struct Setting {
    const Entry* entry = nullptr;
    kafka::KeyInfo key;     ///< key.spec is the spec the value is parsed with
    kafka::Parsed parsed;
    std::optional<kafka::Violation> violation;  ///< when parsed.ok and the validator rejects it
  };

  explicit KafkaSettings(const LintContext& ctx);

  const std::vector<Setting>& settings() const { return settings_; }
  /// Prefixes whose keys a configured plug-in reads: the remote.log.*.impl.prefix values, and the
  /// namespaces of known plug-ins the file names (kafka::plugin_namespace).
  std::span<const std::string_view> plugin_prefixes() const { return plugin_prefixes_; }
  /// The classification of a key of this file.
  kafka::KeyInfo classify(std::string_view key) const;

  /// Whether Kafka reads a listener override (`key.kind == listener_override`).
  enum class OverrideReach : std::uint8_t {
    read,              ///< the listener exists (or the listeners are not all known)
    upper_case,        ///< the listener segment has capitals; Kafka looks up the lower-case name
    no_such_listener,  ///< no listener and no controller listener has that name
  };
  OverrideReach override_reach(const kafka::KeyInfo& key) const;
  /// The listener names (upper-cased) an override prefix can refer to: `listeners` and the
  /// controller listener names. Empty when they are not all known.
  const std::vector<std::string>& listener_names() const { return listener_names_; }

 private:
  KafkaVersion version_;
  std::vector<std::string> listener_names_;
  std::vector<std::string_view> plugin_prefixes_;
  std::vector<Setting> settings_;
};

/// The value wrapped in one pair of matching quotes ("x" or 'x'), which Kafka keeps as part of it.
bool wrapped_in_quotes(std::string_view trimmed_value);

}  // namespace zklint::support
