#include "support/kraft_node.hpp"

#include <algorithm>

#include "kafka_releases.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support {
namespace {

namespace quorum = grammar::quorum;

}  // namespace

KraftNode::KraftNode(const LintContext& ctx) : kafka_(ctx.model<KafkaModel>()) {
  // Each part is computed under a log of its own (see KafkaModel).
  roles_asked_ = questions_of([&] { decide_roles(ctx); });
  node_id_asked_ = questions_of([&] { read_node_id(ctx); });
  // Outside the voters' log: they depend on the syntax only where it reads them differently.
  syntax_asked_ = questions_of([&] {
    syntax_ = kafka_fact::quorum_addresses_strict.holds_in(version()) ? quorum::AddressSyntax::strict : quorum::AddressSyntax::lenient;
  });
  voters_asked_ = questions_of([&] { read_voters(ctx); });
  bootstrap_asked_ = questions_of([&] { read_bootstrap_servers(ctx); });
  controller_names_entry_ = ctx.find("controller.listener.names");
  for (const Entry& e : ctx.doc().entries()) {
    if (starts_with(e.key, "zookeeper.") && !ctx.key_templated(e) && ctx.find(e.key) == &e) zookeeper_entries_.push_back(&e);
  }
}

bool KraftNode::voter_checks_apply() const {
  const NodeRoles r = roles();
  // The release is asked only about a KRaft node (release_questions.hpp).
  return (r == NodeRoles::broker || r == NodeRoles::controller || r == NodeRoles::combined) && kafka_fact::kraft_config_checks.holds_in(version());
}

// The role checks came in 3.1, after the voter checks of 3.0.
bool KraftNode::role_checks_apply() const { return voter_checks_apply() && kafka_fact::kraft_role_checks.holds_in(version()); }

std::string_view KraftNode::roles_text() const {
  switch (roles()) {
    case NodeRoles::broker: return "broker";
    case NodeRoles::controller: return "controller";
    case NodeRoles::combined: return "combined broker and controller";
    case NodeRoles::zookeeper: return "ZooKeeper-mode broker";
    default: return "KRaft";
  }
}

void KraftNode::decide_roles(const LintContext& ctx) {
  roles_entry_ = ctx.find("process.roles");
  if (kafka_.mode() == KafkaMode::unknown) return;
  if (kafka_.mode() == KafkaMode::zookeeper) {
    roles_ = NodeRoles::zookeeper;
    return;
  }
  const auto items = roles_entry_ != nullptr ? kafka::split_list(roles_entry_->value) : std::vector<kafka::Span>{};
  int brokers = 0, controllers = 0, others = 0;
  for (const kafka::Span& role : items) {
    if (role.text == "broker") ++brokers;
    else if (role.text == "controller") ++controllers;
    else ++others;
  }
  roles_ = NodeRoles::unusable;
  if (others > 0 || brokers > 1 || controllers > 1) return;
  if (brokers == 1 && controllers == 1) roles_ = NodeRoles::combined;
  else if (brokers == 1) roles_ = NodeRoles::broker;
  else if (controllers == 1) roles_ = NodeRoles::controller;
}

void KraftNode::read_node_id(const LintContext& ctx) {
  // KafkaConfig.populateSynonyms: when only one of node.id / broker.id is set, the other copies it.
  const Entry* e = ctx.find("node.id");
  if (e == nullptr) {
    e = ctx.find("broker.id");
    node_id_.from_broker_id = e != nullptr;
  }
  node_id_.entry = e;
  if (e == nullptr) {
    node_id_.known = true;
    if (!kafka_fact::node_id_has_no_default.holds_in(version())) node_id_.value = -1;
    return;
  }
  if (ctx.value_templated(*e)) return;
  node_id_.value = kafka::parse_integer(kafka::trimmed(e->value).text, kafka_catalog::Type::int_);
  node_id_.known = node_id_.value.has_value();
}

void KraftNode::read_voters(const LintContext& ctx) {
  voters_entry_ = ctx.find("controller.quorum.voters");
  if (voters_entry_ == nullptr) {
    voters_.emplace();
  } else if (!ctx.value_templated(*voters_entry_)) {
    voters_ = quorum::parse_voters(voters_entry_->value, syntax_);
    // Most voter lists read alike with the strict (3.8+) and the lenient syntax; only where they
    // do not does the release matter to a reader of the voters.
    const auto other = syntax_ == quorum::AddressSyntax::strict ? quorum::AddressSyntax::lenient : quorum::AddressSyntax::strict;
    if (*voters_ != quorum::parse_voters(voters_entry_->value, other)) note_release_questions(syntax_asked_);
  }
  if (voters_ && std::all_of(voters_->begin(), voters_->end(), [](const quorum::Voter& v) { return v.ok(); })) {
    voter_ids_.emplace();
    for (const quorum::Voter& v : *voters_) voter_ids_->push_back(*v.id);
  }
}

void KraftNode::read_bootstrap_servers(const LintContext& ctx) {
  // controller.quorum.bootstrap.servers exists from 3.9 (KIP-853); older releases ignore the key.
  // Unset, it is empty in every release, so the release is asked only when the file sets it.
  const Entry* e = ctx.find("controller.quorum.bootstrap.servers");
  if (e == nullptr || kafka_.spec("controller.quorum.bootstrap.servers") == nullptr) {
    bootstrap_.emplace();
    return;
  }
  bootstrap_entry_ = e;
  if (!ctx.value_templated(*bootstrap_entry_)) {
    bootstrap_ = quorum::parse_bootstrap_servers(bootstrap_entry_->value);
  }
}

bool KraftNode::is_voter(std::int64_t id) const {
  const auto& ids = voter_ids();
  return ids && std::find(ids->begin(), ids->end(), id) != ids->end();
}

bool KraftNode::names_controller_listener(std::string_view name) const {
  return kafka_.is_controller_listener(name);
}

const Listener* case_twin(const ListenerList& list, std::string_view name) {
  const std::string upper = grammar::listeners::normalised(name);
  return upper == name ? nullptr : list.find(upper);
}

grammar::quorum::Span empty_item_span(std::string_view value, std::uint32_t at) {
  if (at < value.size() && value[at] == ',') return {at, at + 1};
  const std::size_t comma = value.rfind(',', at == 0 ? 0 : at - 1);
  if (comma == std::string_view::npos) return {at, at};
  return {static_cast<std::uint32_t>(comma), static_cast<std::uint32_t>(comma + 1)};
}

}  // namespace zklint::support
