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

  /// Notes what they depend on (release_questions.hpp): which keys the releases define, the type,
  /// validator and bounds of each, and, for listener overrides, the listener names.
  const std::vector<Setting>& settings() const {
    note_release_questions(settings_asked_);
    return settings_;
  }
  /// Prefixes whose keys a configured plug-in reads: the remote.log.*.impl.prefix values, and the
  /// namespaces of known plug-ins the file names (kafka::plugin_namespace).
  std::span<const std::string_view> plugin_prefixes() const { return plugin_prefixes_; }
  /// The classification of a key of this file. It depends on which releases define the keys it
  /// looks up, and that is all it notes: its `spec` is there to say the key is defined, and a
  /// reader of the spec's contents depends on more (kafka_catalog::NotingDefinitionOnly).
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
  const std::vector<std::string>& listener_names() const {
    note_release_questions(listener_names_asked_);
    return listener_names_;
  }

  /// Each part notes its own questions when read (above), so a reader of the keys' classes alone
  /// is not judged again where only a value's bounds or the listeners differ.
  ReleaseQuestions questions_of_every_read() const { return {}; }

 private:
  KafkaVersion version_;
  std::vector<std::string> listener_names_;
  std::vector<std::string_view> plugin_prefixes_;
  std::vector<Setting> settings_;
  ReleaseQuestions listener_names_asked_, settings_asked_;
};

/// The value wrapped in one pair of matching quotes ("x" or 'x'), which Kafka keeps as part of it.
bool wrapped_in_quotes(std::string_view trimmed_value);

}  // namespace zklint::support
