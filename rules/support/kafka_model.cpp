#include "support/kafka_model.hpp"

#include "zklint/grammar/template.hpp"

#include <algorithm>

#include "kafka_releases.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support {
namespace {

using grammar::listeners::normalised;

bool ssl_or_sasl(std::string_view name) { return name == "SSL" || name == "SASL_SSL" || name == "SASL_PLAINTEXT"; }

// Java's text.split(","): the pieces between commas (not trimmed), trailing empty pieces dropped.
std::vector<kafka::Span> java_split_commas(std::string_view value, kafka::Span text) {
  std::vector<kafka::Span> out;
  std::uint32_t from = text.begin;
  for (std::uint32_t i = text.begin; i <= text.end; ++i) {
    if (i < text.end && value[i] != ',') continue;
    out.push_back({value.substr(from, i - from), from, i});
    from = i + 1;
  }
  while (!out.empty() && out.back().text.empty()) out.pop_back();
  return out;
}

}  // namespace

bool ListenerList::all_parsed() const {
  return known && std::all_of(listeners.begin(), listeners.end(), [](const Listener& l) { return l.endpoint.ok(); });
}

const Listener* ListenerList::find(std::string_view normalised_name) const {
  for (const Listener& l : listeners) {
    if (l.endpoint.ok() && l.name == normalised_name) return &l;
  }
  return nullptr;
}

const std::string* ProtocolMap::protocol_of(std::string_view name) const {
  for (const auto& [n, protocol] : names) {
    if (n == name) return &protocol;
  }
  return nullptr;
}

KafkaModel::KafkaModel(const LintContext& ctx) : ctx_(ctx), version_(ctx.kafka_version()) {
  for (const Entry& e : ctx.doc().entries()) {
    if (!ctx.key_templated(e)) continue;
    template_structure_ = true;
    if (!ctx.template_control_line(e) || grammar::template_line_may_emit_settings(ctx.source().line_text(e.key_range.begin.line))) keys_generated_ = true;
  }
  // Each part is computed under a log of its own, and reads the parts it builds on through their
  // accessors, so that their questions are part of its own.
  mode_asked_ = questions_of([&] { decide_mode(); });
  listeners_asked_ = questions_of([&] { read_listeners(); });
  controller_names_asked_ = questions_of([&] { read_controller_names(); });
  advertised_asked_ = questions_of([&] { read_advertised_listeners(); });
  protocol_map_asked_ = questions_of([&] { read_protocol_map(); });
  inter_broker_asked_ = questions_of([&] { read_inter_broker_listener(); });
  log_dirs_asked_ = questions_of([&] { read_log_dirs(); });
}

bool KafkaModel::templated(std::string_view key) const {
  const Entry* e = entry(key);
  return e != nullptr && ctx_.value_templated(*e);
}

std::optional<kafka::Parsed> KafkaModel::value(std::string_view key) const {
  const kafka_catalog::KeySpec* s = spec(key);
  if (s == nullptr) return std::nullopt;
  const Entry* e = entry(key);
  if (e == nullptr) return kafka::parse_default(*s);
  if (ctx_.value_templated(*e)) return std::nullopt;
  kafka::Parsed parsed = kafka::parse(s->type, e->value);
  if (!parsed.ok) return std::nullopt;
  return parsed;
}

std::optional<std::int64_t> KafkaModel::integer(std::string_view key) const {
  const auto v = value(key);
  if (!v || (v->type != kafka_catalog::Type::int_ && v->type != kafka_catalog::Type::short_ && v->type != kafka_catalog::Type::long_)) {
    return std::nullopt;
  }
  return v->integer;
}

void KafkaModel::decide_mode() {
  const Entry* roles = entry("process.roles");
  if (roles != nullptr && ctx_.value_templated(*roles)) {
    mode_ = KafkaMode::unknown;
    return;
  }
  // process.roles is an internal key in 2.8 (KRaft early access), so not in that catalog line.
  const auto items = roles != nullptr ? kafka::split_list(roles->value) : std::vector<kafka::Span>{};
  for (const kafka::Span& role : items) {
    if (role.text == "broker") broker_role_ = true;
    if (role.text == "controller") controller_role_ = true;
  }
  mode_ = !items.empty() || kafka_fact::zookeeper_mode_removed.holds_in(version_) ? KafkaMode::kraft : KafkaMode::zookeeper;
  // The version was guessed from these very keys ("auto: neither ..."), so it says nothing.
  if (roles == nullptr && entry("zookeeper.connect") == nullptr && ctx_.profile().kafka_version_guessed &&
      !template_structure_) {
    mode_ = KafkaMode::unknown;
    mode_keys_missing_ = true;
  }
  // Unset, it is false in every release that defines it (KafkaConfig.scala @3.4 to @3.9), so the
  // release is asked only when the file sets it.
  if (entry("zookeeper.metadata.migration.enable") == nullptr) return;
  if (const auto migration = value("zookeeper.metadata.migration.enable")) migration_ = migration->boolean;
}

ListenerList KafkaModel::listener_list(const Entry* e, std::string_view text, ListenerSource source) const {
  ListenerList list;
  list.known = true;
  list.source = source;
  list.entry = e;
  for (const grammar::listeners::Endpoint& endpoint : grammar::listeners::parse_listeners(text)) {
    list.listeners.push_back({endpoint, normalised(endpoint.name.of(text)), text});
  }
  return list;
}

void KafkaModel::read_listeners() {
  if (const Entry* e = entry("listeners")) {
    if (!ctx_.value_templated(*e)) listeners_ = listener_list(e, e->value, ListenerSource::explicit_value);
    return;
  }
  if (spec("host.name") != nullptr) {
    // 2.x without listeners: PLAINTEXT://<host.name>:<port> (defaults "" and 9092).
    const auto host = value("host.name");
    const auto port = integer("port");
    if (templated("host.name") || templated("port") || !port) return;
    const std::string_view host_text = host ? host->text.text : std::string_view{};
    owned_texts_.push_back(std::make_unique<std::string>("PLAINTEXT://" + std::string(host_text) + ":" + std::to_string(*port)));
    listeners_ = listener_list(nullptr, *owned_texts_.back(), ListenerSource::legacy_host_port);
    return;
  }
  // A guessed 3.x+ version and a file that sets port or host.name: on the 2.x releases that file
  // was likely written for, those keys decide the listener, and on 3.x the default does. Which
  // ports the broker opens is then unknown, and no rule reasons about them.
  if (ctx_.profile().kafka_version_guessed && (entry("port") != nullptr || entry("host.name") != nullptr)) return;
  if (const kafka_catalog::KeySpec* s = spec("listeners"); s != nullptr && s->default_value != "null") {
    listeners_ = listener_list(nullptr, s->default_value, ListenerSource::default_value);
  }
}

void KafkaModel::read_advertised_listeners() {
  if (const Entry* e = entry("advertised.listeners")) {
    if (!ctx_.value_templated(*e)) advertised_ = listener_list(e, e->value, ListenerSource::explicit_value);
    return;
  }
  if (entry("advertised.host.name") != nullptr || entry("advertised.port") != nullptr) {
    if (spec("advertised.host.name") != nullptr) {
      // 2.x: PLAINTEXT://<advertised.host.name or host.name>:<advertised.port or port>.
      if (templated("advertised.host.name") || templated("advertised.port") || templated("host.name") || templated("port")) return;
      const auto host = entry("advertised.host.name") != nullptr ? value("advertised.host.name") : value("host.name");
      const auto port = entry("advertised.port") != nullptr ? integer("advertised.port") : integer("port");
      if (!port) return;
      const std::string_view host_text = host ? host->text.text : std::string_view{};
      owned_texts_.push_back(std::make_unique<std::string>("PLAINTEXT://" + std::string(host_text) + ":" + std::to_string(*port)));
      advertised_ = listener_list(nullptr, *owned_texts_.back(), ListenerSource::legacy_host_port);
      return;
    }
  }
  advertised_ = listeners();
  if (advertised_.known) advertised_.source = ListenerSource::listeners_fallback;
}

void KafkaModel::read_controller_names() {
  const Entry* e = entry("controller.listener.names");
  if (e == nullptr) {
    controller_names_.emplace();
    return;
  }
  if (ctx_.value_templated(*e)) return;
  const auto split_before_4_1 = [&] {
    const kafka::Span text = kafka::trimmed(e->value);
    return text.text.empty() ? std::vector<kafka::Span>{} : java_split_commas(e->value, text);
  };
  // Most values (CONTROLLER) split alike in every release: then the release is not asked.
  auto validated = kafka::split_list(e->value);
  if (validated == kafka::split_csv(e->value) && validated == split_before_4_1()) {
    controller_names_ = std::move(validated);
  } else if (kafka_fact::list_values_validated.holds_in(version_)) {
    controller_names_ = std::move(validated);
  } else if (kafka_fact::controller_listener_names_trimmed.holds_in(version_)) {
    controller_names_ = kafka::split_csv(e->value);
  } else {
    controller_names_ = split_before_4_1();
  }
}

bool KafkaModel::is_controller_listener(std::string_view normalised_name) const {
  const auto& names = controller_listener_names();
  return names && std::any_of(names->begin(), names->end(), [&](const kafka::Span& n) { return n.text == normalised_name; });
}

void KafkaModel::read_protocol_map() {
  const auto add = [&](std::string name, std::string protocol) {
    for (auto& [n, p] : protocol_map_.names) {
      if (n == name) {  // HashMap.put: the later entry wins
        p = std::move(protocol);
        return;
      }
    }
    protocol_map_.names.emplace_back(std::move(name), std::move(protocol));
  };
  const auto read = [&](std::string_view text) {
    protocol_map_.mappings = grammar::listeners::parse_protocol_map(text);
    protocol_map_.known = true;
    for (const grammar::listeners::Mapping& m : protocol_map_.mappings) {
      if (!m.ok()) protocol_map_.known = false;
      else add(normalised(m.name.of(text)), normalised(m.protocol.of(text)));
    }
  };
  if (const Entry* e = entry("listener.security.protocol.map")) {
    protocol_map_.entry = e;
    if (!ctx_.value_templated(*e)) read(e->value);
    return;
  }
  const kafka_catalog::KeySpec* s = spec("listener.security.protocol.map");
  read(s != nullptr ? s->default_value : "PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL");
  if (mode() != KafkaMode::kraft || !kafka_fact::kraft_default_controller_protocol_map.holds_in(version_)) return;
  // KRaft without an explicit map: the controller listener names (exactly as written, not
  // upper-cased) map to PLAINTEXT, unless a controller name or a listener name is SSL or SASL_*.
  const auto& names = controller_listener_names();
  const ListenerList& listed = listeners();
  if (!names || !listed.known) {
    protocol_map_.known = false;
    return;
  }
  const bool secure_controller = std::any_of(names->begin(), names->end(), [](const kafka::Span& n) { return ssl_or_sasl(n.text); });
  const bool secure_listener = std::any_of(listed.listeners.begin(), listed.listeners.end(), [](const Listener& l) {
    // Kafka reads these names as "text before the first ':'", upper-cased.
    const std::string_view entry = l.endpoint.entry.of(l.text);
    return ssl_or_sasl(normalised(entry.substr(0, entry.find(':'))));
  });
  if (secure_controller || secure_listener) return;
  for (const kafka::Span& name : *names) {
    if (name.text != "PLAINTEXT") add(std::string(name.text), "PLAINTEXT");
  }
  protocol_map_.controller_defaults_added = !names->empty();
}

void KafkaModel::read_inter_broker_listener() {
  if (const Entry* e = entry("inter.broker.listener.name")) {
    if (ctx_.value_templated(*e)) return;
    inter_broker_ = {true, normalised(kafka::trimmed(e->value).text), e, true};
    return;
  }
  const Entry* e = entry("security.inter.broker.protocol");
  if (e != nullptr && ctx_.value_templated(*e)) return;
  const auto protocol = value("security.inter.broker.protocol");
  if (!protocol) return;
  // Before 3.3 SecurityProtocol.forName takes any case; from 3.3 ValidString wants upper case.
  const std::string name = normalised(protocol->text.text);
  const bool valid = grammar::listeners::is_security_protocol(name) &&
                     (!kafka_fact::config_def_validates_compression_and_protocol.holds_in(version_) || name == protocol->text.text);
  if (valid) inter_broker_ = {true, name, e, false};
}

void KafkaModel::read_log_dirs() {
  const Entry* e = entry("log.dirs");
  if (e == nullptr) e = entry("log.dir");
  log_dirs_entry_ = e;
  if (e != nullptr) {
    if (ctx_.value_templated(*e)) return;
    log_dirs_text_ = e->value;
  } else {
    const kafka_catalog::KeySpec* s = spec("log.dir");
    log_dirs_text_ = s != nullptr ? s->default_value : "/tmp/kafka-logs";
  }
  log_dirs_ = kafka::split_csv(log_dirs_text_);
}

}  // namespace zklint::support
