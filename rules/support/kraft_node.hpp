// What a Kafka config says about its KRaft node: `ctx.model<support::KraftNode>()`.
//
// Built on the Kafka model (mode, roles, listeners, protocol map) and adds what the KRaft rules of
// rules/kraft/ share (KafkaConfig.scala validateValues @3.9 and @4.1, QuorumConfig.java @3.9):
//   - the role set as KafkaConfig decides it: ZooKeeper mode (3.x, process.roles blank), broker
//     only, controller only, combined, or none that Kafka can use (blank in 4.x, unknown role,
//     duplicates: Kafka refuses those before any role check, so role rules stay quiet);
//   - the effective node id: node.id, else broker.id (KafkaConfig copies one into the other when
//     only one is set), else the 3.x default -1 or nothing (4.x, where node.id is required);
//   - controller.quorum.voters and controller.quorum.bootstrap.servers, parsed (quorum_voters.hpp);
//   - controller.listener.names with the offsets of each name, split as the assumed version splits
//     it (exact strings; 3.x and 4.0 do not even trim the names).
// Data only: nothing here reports. Templated values make the dependent facts unknown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/kafka_model.hpp"
#include "zklint/grammar/quorum_voters.hpp"
#include "zklint/lint/context.hpp"

namespace zklint::support {

/// The role set of a node, as the role checks of KafkaConfig see it.
enum class NodeRoles : std::uint8_t {
  zookeeper,   ///< 3.x, process.roles blank: a ZooKeeper-mode broker
  broker,      ///< process.roles=broker
  controller,  ///< process.roles=controller
  combined,    ///< process.roles=broker,controller (either order)
  unusable,    ///< KRaft, but no role set Kafka accepts: blank (4.x), unknown role, duplicates
  unknown,     ///< process.roles is templated
};

/// The node id KafkaConfig ends up with.
struct NodeId {
  bool known = false;                ///< false when templated or not an int
  std::optional<std::int64_t> value; ///< empty when unset in 4.x (no default)
  const Entry* entry = nullptr;      ///< node.id, or broker.id when node.id is unset; null for the default
  bool from_broker_id = false;       ///< node.id is unset and broker.id gives it
};

/// A listener name as written (in controller.listener.names, early.start.listeners), with its decoded offsets in the value.
using NameSpan = kafka::Span;

class KraftNode {
 public:
  explicit KraftNode(const LintContext& ctx);

  const KafkaModel& kafka() const { return kafka_; }
  KafkaVersion version() const { return kafka_.version(); }
  const std::string& version_text() const { return kafka_.version_text(); }
  NodeRoles roles() const { return noted(roles_asked_, roles_); }
  /// Runs KRaft: process.roles is set (3.x) or the release has no ZooKeeper mode (4.x).
  bool kraft() const { return kafka_.mode() == KafkaMode::kraft; }
  bool has_broker_role() const { return roles() == NodeRoles::broker || roles_ == NodeRoles::combined; }
  bool has_controller_role() const { return roles() == NodeRoles::controller || roles_ == NodeRoles::combined; }
  /// KafkaConfig's role checks (KafkaConfig.scala validateValues @3.1) apply: Kafka 3.1+ and a role set Kafka accepts.
  bool role_checks_apply() const;
  /// The voter-set checks of the roles (a controller must be a voter, a broker-only node must not)
  /// apply: Kafka 3.0+ (KafkaConfig.scala validateValues @3.0) and a role set Kafka accepts.
  bool voter_checks_apply() const;
  /// "broker", "controller", "combined broker and controller" for messages.
  std::string_view roles_text() const;
  /// Keys may come from template code, so rules must not conclude that a key is absent.
  bool template_structure() const { return kafka_.template_structure(); }

  const Entry* roles_entry() const { return roles_entry_; }
  const NodeId& node_id() const { return noted(node_id_asked_, node_id_); }

  /// controller.quorum.voters: the entry (null when unset), and its entries when not templated.
  const Entry* voters_entry() const { return voters_entry_; }
  const std::optional<std::vector<grammar::quorum::Voter>>& voters() const { return noted(voters_asked_, voters_); }
  /// The voter ids Kafka reads, when the value is known and every entry parses (otherwise Kafka
  /// stops at the syntax and never compares ids).
  const std::optional<std::vector<std::int32_t>>& voter_ids() const { return noted(voters_asked_, voter_ids_); }
  bool is_voter(std::int64_t id) const;

  const Entry* bootstrap_entry() const { return noted(bootstrap_asked_, bootstrap_entry_); }
  const std::optional<std::vector<grammar::quorum::BootstrapServer>>& bootstrap_servers() const { return noted(bootstrap_asked_, bootstrap_); }
  /// The host:port pattern the assumed version reads addresses with.
  grammar::quorum::AddressSyntax address_syntax() const { return noted(syntax_asked_, noted(voters_asked_, syntax_)); }

  /// controller.listener.names (null when unset) and its names with offsets; nullopt when templated.
  const Entry* controller_names_entry() const { return controller_names_entry_; }
  const std::optional<std::vector<NameSpan>>& controller_names() const { return kafka_.controller_listener_names(); }
  /// True when `name` is written exactly like this in controller.listener.names.
  bool names_controller_listener(std::string_view name) const;

  /// Every zookeeper.* line Java keeps (the last of each key), in file order.
  const std::vector<const Entry*>& zookeeper_entries() const { return zookeeper_entries_; }

  /// Each part notes what computing it asked about the release when it is read (release_questions.hpp),
  /// so a reader depends on nothing else.
  ReleaseQuestions questions_of_every_read() const { return {}; }

 private:
  template <typename T>
  static const T& noted(const ReleaseQuestions& asked, const T& part) {
    note_release_questions(asked);
    return part;
  }
  void decide_roles(const LintContext& ctx);
  void read_node_id(const LintContext& ctx);
  void read_voters(const LintContext& ctx);
  void read_bootstrap_servers(const LintContext& ctx);

  const KafkaModel& kafka_;
  NodeRoles roles_ = NodeRoles::unknown;
  const Entry* roles_entry_ = nullptr;
  NodeId node_id_;
  grammar::quorum::AddressSyntax syntax_ = grammar::quorum::AddressSyntax::strict;
  const Entry* voters_entry_ = nullptr;
  std::optional<std::vector<grammar::quorum::Voter>> voters_;
  std::optional<std::vector<std::int32_t>> voter_ids_;
  const Entry* bootstrap_entry_ = nullptr;
  std::optional<std::vector<grammar::quorum::BootstrapServer>> bootstrap_;
  const Entry* controller_names_entry_ = nullptr;
  std::vector<const Entry*> zookeeper_entries_;
  /// What computing each part asked about the release.
  ReleaseQuestions roles_asked_, node_id_asked_, voters_asked_, bootstrap_asked_;
  ReleaseQuestions syntax_asked_;  ///< the address syntax; in voters_asked_ only where the two syntaxes read the voters differently
};

/// The listener of `list` whose name is `name` upper-cased, when `name` is not written in upper case
/// itself: the listener that `name` fails to match because Kafka compares names exactly.
const Listener* case_twin(const ListenerList& list, std::string_view name);

/// Where to point for an empty list item that starts at decoded offset `at`: the comma after it,
/// or the one before it when it is the last item.
grammar::quorum::Span empty_item_span(std::string_view value, std::uint32_t at);

}  // namespace zklint::support
