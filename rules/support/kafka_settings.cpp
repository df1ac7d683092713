#include "support/kafka_settings.hpp"

#include <algorithm>

#include "support/kafka_model.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support {
namespace {

std::vector<std::string> override_targets(const KafkaModel& model) {
  std::vector<std::string> names;
  if (!model.listeners().all_parsed() || !model.controller_listener_names() || model.template_structure()) return names;
  for (const auto& l : model.listeners().listeners) names.push_back(l.name);
  for (const kafka::Span& c : *model.controller_listener_names()) names.push_back(grammar::listeners::normalised(c.text));
  return names;
}

}  // namespace

KafkaSettings::KafkaSettings(const LintContext& ctx) : version_(ctx.kafka_version()) {
  listener_names_asked_ = questions_of([&] { listener_names_ = override_targets(ctx.model<KafkaModel>()); });
  for (const std::string_view key : {"remote.log.storage.manager.impl.prefix", "remote.log.metadata.manager.impl.prefix"}) {
    const Entry* e = ctx.find(key);
    if (e != nullptr && !ctx.value_templated(*e)) plugin_prefixes_.push_back(kafka::trimmed(e->value).text);
  }
  // A known plug-in named anywhere (metric.reporters, authorizer.class.name, ...) reads its namespace.
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.value_templated(e)) continue;
    for (const kafka::Span& item : kafka::split_list(e.value)) {
      const std::string_view prefix = kafka::plugin_namespace(item.text);
      if (!prefix.empty()) plugin_prefixes_.push_back(prefix);
    }
  }
  settings_asked_ = questions_of([&] {
    for (const Entry& e : ctx.doc().entries()) {
      if (ctx.key_templated(e) || ctx.value_templated(e) || e.key.empty() || ctx.find(e.key) != &e) continue;
      kafka::KeyInfo key = classify(e.key);
      if (key.spec == nullptr) continue;
      if (key.kind == kafka::KeyKind::listener_override && override_reach(key) != OverrideReach::read) continue;
      // Parsing and validating read the spec's type, validator and bounds.
      if (ReleaseLog* log = ReleaseLog::current()) log->note(kafka_catalog::value_changes(key.spec->name));
      Setting s{&e, key, kafka::parse(key.spec->type, e.value), std::nullopt};
      if (s.parsed.ok) s.violation = kafka::validate(*key.spec, version_, s.parsed, ctx.kafka_version_text());
      settings_.push_back(std::move(s));
    }
  });
}

kafka::KeyInfo KafkaSettings::classify(std::string_view key) const {
  const kafka_catalog::NotingDefinitionOnly definition_only;
  return kafka::classify_key(version_, key, plugin_prefixes_);
}

// The broker looks an override up with ListenerName.configPrefix, `listener.name.` plus the
// lower-cased listener name, and AbstractConfig.valuesWithPrefixOverride matches that prefix
// case-sensitively (ListenerName.java, AbstractConfig.java @3.9.0 and @4.2.0).
KafkaSettings::OverrideReach KafkaSettings::override_reach(const kafka::KeyInfo& key) const {
  if (to_lower(key.listener) != key.listener) return OverrideReach::upper_case;
  const std::vector<std::string>& names = listener_names();
  if (names.empty()) return OverrideReach::read;
  const std::string name = grammar::listeners::normalised(key.listener);
  const bool exists = std::find(names.begin(), names.end(), name) != names.end();
  return exists ? OverrideReach::read : OverrideReach::no_such_listener;
}

bool wrapped_in_quotes(std::string_view v) {
  return v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front() &&
         v.substr(1, v.size() - 2).find(v.front()) == std::string_view::npos;
}

}  // namespace zklint::support
