// The shared analysis of one Kafka config file: `ctx.model<support::KafkaModel>()`.
//
// It answers the questions several Kafka rules ask, the way KafkaConfig answers them for the
// assumed version (KafkaConfig.scala @3.9 and @4.1, ConfigDef.java parseType):
//   - mode: ZooKeeper, or KRaft with which roles, and whether ZooKeeper migration is on;
//   - effective listeners (explicit, the version's default, or 2.x host.name/port), effective
//     advertised listeners (explicit, else the listeners), the inter-broker listener name, the
//     effective listener.security.protocol.map (with the KRaft default mapping of controller
//     listener names), the controller listener names split as the version splits them, log dirs;
//   - typed effective values: the file's value parsed as ConfigDef does, else the default.
//
// Everything that depends on a templated value is marked unknown (`known == false` or nullopt),
// so rules never reason about a placeholder. `template_structure()` says whether keys may come
// from template code (templated keys or {% if %} lines): rules that conclude from the absence of
// a key should skip such files.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kafka_catalog.hpp"
#include "support/kafka_keys.hpp"
#include "support/kafka_values.hpp"
#include "zklint/grammar/listeners.hpp"
#include "zklint/lint/context.hpp"

namespace zklint::support {

/// How the broker decides where its metadata lives.
enum class KafkaMode : std::uint8_t {
  zookeeper,  ///< process.roles empty before 4.0: a ZooKeeper-mode broker
  kraft,      ///< process.roles set, or Kafka 4.0+ (where it is required)
  /// process.roles is templated; or no version was given and the file sets neither process.roles
  /// nor zookeeper.connect, so nothing says which mode (or release) it is for (mode_keys_missing()).
  unknown,
};

/// Where a list of listeners comes from.
enum class ListenerSource : std::uint8_t {
  explicit_value,      ///< the key is in the file (even with an empty value)
  default_value,       ///< the catalog default (`PLAINTEXT://:9092` since 3.0)
  legacy_host_port,    ///< 2.x: built from host.name/port or advertised.host.name/advertised.port
  listeners_fallback,  ///< advertised listeners: `listeners` is used when advertised.listeners is unset
};

/// One listener: its parsed endpoint and the text the endpoint's offsets index.
struct Listener {
  grammar::listeners::Endpoint endpoint;
  std::string name;  ///< normalised (upper-case), as Kafka compares names
  std::string_view text;  ///< the value the endpoint's offsets refer to
  std::string_view host() const { return endpoint.host.of(text); }
};

struct ListenerList {
  bool known = false;    ///< false when the value is templated
  ListenerSource source = ListenerSource::default_value;
  const Entry* entry = nullptr;  ///< the entry whose value the offsets index; null for defaults
  std::vector<Listener> listeners;
  bool all_parsed() const;  ///< known and every entry readable
  const Listener* find(std::string_view normalised_name) const;
};

/// listener.security.protocol.map as the broker ends up using it.
struct ProtocolMap {
  bool known = false;         ///< false when templated or when an entry is unreadable (Kafka fails anyway)
  const Entry* entry = nullptr;   ///< the explicit key, when present
  std::vector<grammar::listeners::Mapping> mappings;  ///< entries of the explicit value
  /// name -> protocol, both as Kafka stores them: explicit names normalised, protocols upper-case.
  std::vector<std::pair<std::string, std::string>> names;
  /// The KRaft default mapped the controller listener names (as written) to PLAINTEXT (3.1+,
  /// KRaft, no explicit map, no SSL/SASL listener in sight).
  bool controller_defaults_added = false;
  const std::string* protocol_of(std::string_view name) const;
};

/// The listener the brokers use among themselves.
struct InterBrokerListener {
  bool known = false;
  std::string name;  ///< normalised
  /// The entry that decided it: inter.broker.listener.name, security.inter.broker.protocol, or
  /// null for the PLAINTEXT default.
  const Entry* entry = nullptr;
  bool from_listener_name = false;  ///< inter.broker.listener.name is set
};

class KafkaModel {
 public:
  explicit KafkaModel(const LintContext& ctx);

  KafkaVersion version() const { return version_; }
  /// How messages name the version (LintContext::kafka_version_text()).
  const std::string& version_text() const { return ctx_.kafka_version_text(); }
  KafkaMode mode() const { return noted(mode_asked_, mode_); }
  /// KRaft roles from process.roles (empty in ZooKeeper mode and when unknown).
  bool broker_role() const { return noted(mode_asked_, broker_role_); }
  bool controller_role() const { return noted(mode_asked_, controller_role_); }
  /// Runs the broker-side listener checks: a ZooKeeper-mode broker or a KRaft role list with broker.
  bool runs_broker() const { return mode() == KafkaMode::zookeeper || broker_role_; }
  /// No Kafka version was given and neither process.roles nor zookeeper.connect is set: every
  /// release needs one of them, and the mode is unknown (missing-required-key reports it).
  bool mode_keys_missing() const { return noted(mode_asked_, mode_keys_missing_); }
  /// zookeeper.metadata.migration.enable=true.
  bool migration() const { return noted(mode_asked_, migration_); }
  /// Keys may come from template code: templated keys or template control lines.
  bool template_structure() const { return template_structure_; }
  /// Setting lines may be generated by template code: a templated key, or a template line that
  /// emits lines of its own ({{ extra_config }}, {% include %}). Pure control flow ({% if %},
  /// {% for %}) does not: a key written in no branch is missing from every rendering.
  bool keys_generated() const { return keys_generated_; }

  /// The entry Java keeps for `key`, or null.
  const Entry* entry(std::string_view key) const { return ctx_.find(key); }
  /// True when `key` is set with a templated value (or its line is template code).
  bool templated(std::string_view key) const;
  /// The spec the assumed version uses for `key` (kafka::broker_spec: the catalog line, plus 2.8's
  /// internal KRaft keys), or null.
  const kafka_catalog::KeySpec* spec(std::string_view key) const { return kafka::broker_spec(version_, key); }
  /// The effective typed value of `key`: the file's value parsed as ConfigDef does, or the default
  /// when the key is absent. Nullopt when the key is unknown in this version, templated,
  /// unparseable (the type rule reports that), or null by default.
  std::optional<kafka::Parsed> value(std::string_view key) const;
  /// Shorthand for integer keys (int, short, long).
  std::optional<std::int64_t> integer(std::string_view key) const;

  const ListenerList& listeners() const { return noted(listeners_asked_, listeners_); }
  /// advertised.listeners if set, else the listeners (2.x: advertised.host.name/port first).
  const ListenerList& advertised_listeners() const { return noted(advertised_asked_, advertised_); }
  const ProtocolMap& protocol_map() const { return noted(protocol_map_asked_, protocol_map_); }
  const InterBrokerListener& inter_broker_listener() const { return noted(inter_broker_asked_, inter_broker_); }
  /// controller.listener.names split the way this version splits it (exact strings; 3.x/4.0 do
  /// not trim items). Nullopt when templated.
  const std::optional<std::vector<kafka::Span>>& controller_listener_names() const { return noted(controller_names_asked_, controller_names_); }
  bool is_controller_listener(std::string_view normalised_name) const;

  /// The log directories: log.dirs if set, else log.dir (default /tmp/kafka-logs), split with
  /// empty items dropped. Nullopt when templated. `log_dirs_entry()` is the entry they come from.
  const std::optional<std::vector<kafka::Span>>& log_dirs() const { return noted(log_dirs_asked_, log_dirs_); }
  const Entry* log_dirs_entry() const { return log_dirs_entry_; }
  /// The text log_dirs() spans index (the entry's value or the default).
  std::string_view log_dirs_text() const { return noted(log_dirs_asked_, log_dirs_text_); }

  /// Each part notes what computing it asked about the release when it is read (release_questions.hpp),
  /// so a reader depends on nothing else.
  ReleaseQuestions questions_of_every_read() const { return {}; }

 private:
  template <typename T>
  static const T& noted(const ReleaseQuestions& asked, const T& part) {
    note_release_questions(asked);
    return part;
  }
  void decide_mode();
  void read_listeners();
  void read_advertised_listeners();
  void read_controller_names();
  void read_protocol_map();
  void read_inter_broker_listener();
  void read_log_dirs();
  ListenerList listener_list(const Entry* entry, std::string_view text, ListenerSource source) const;

  const LintContext& ctx_;
  KafkaVersion version_;
  KafkaMode mode_ = KafkaMode::unknown;
  bool broker_role_ = false, controller_role_ = false, migration_ = false, template_structure_ = false, keys_generated_ = false, mode_keys_missing_ = false;
  ListenerList listeners_, advertised_;
  ProtocolMap protocol_map_;
  InterBrokerListener inter_broker_;
  std::optional<std::vector<kafka::Span>> controller_names_;
  std::optional<std::vector<kafka::Span>> log_dirs_;
  const Entry* log_dirs_entry_ = nullptr;
  std::string_view log_dirs_text_;
  /// What computing each part asked about the release.
  ReleaseQuestions mode_asked_, listeners_asked_, advertised_asked_, controller_names_asked_, protocol_map_asked_, inter_broker_asked_,
      log_dirs_asked_;
  /// Texts the model builds itself (2.x legacy listeners); stable addresses for string_views.
  std::vector<std::unique_ptr<std::string>> owned_texts_;
};

}  // namespace zklint::support
