#include "support/kafka_settings.hpp"

namespace zklint::support {

KafkaSettings::KafkaSettings(const LintContext& ctx) : version_(ctx.kafka_version()) {
  for (const std::string_view key : {"remote.log.storage.manager.impl.prefix", "remote.log.metadata.manager.impl.prefix"}) {
    const Entry* e = ctx.find(key);
    if (e != nullptr && !ctx.value_templated(*e)) plugin_prefixes_.push_back(kafka::trimmed(e->value).text);
  }
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.key_templated(e) || ctx.value_templated(e) || e.key.empty() || ctx.find(e.key) != &e) continue;
    kafka::KeyInfo key = classify(e.key);
    if (key.spec == nullptr) continue;
    Setting s{&e, key, kafka::parse(key.spec->type, e.value), std::nullopt};
    if (s.parsed.ok) s.violation = kafka::validate(*key.spec, version_, s.parsed);
    settings_.push_back(std::move(s));
  }
}

kafka::KeyInfo KafkaSettings::classify(std::string_view key) const { return kafka::classify_key(version_, key, plugin_prefixes_); }

bool wrapped_in_quotes(std::string_view v) {
  return v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front() &&
         v.substr(1, v.size() - 2).find(v.front()) == std::string_view::npos;
}

}  // namespace zklint::support
