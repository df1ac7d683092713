#include "support/kafka_reporting.hpp"

#include "zklint/lint/strings.hpp"

namespace zklint::support {

std::string refuses_to_start(const Entry& e) {
  return "Kafka refuses to start (ConfigException: invalid value for configuration " + quoted(e.key) + ")";
}

std::vector<TextEdit> remove_quotes(const Entry& e) {
  const kafka::Span t = kafka::trimmed(e.value);
  return {{e.value_map.source_begin(t.begin), e.value_map.source_end(t.begin + 1), ""},
          {e.value_map.source_begin(t.end - 1), e.value_map.source_end(t.end), ""}};
}

void explain_quotes(const Entry& e, DiagnosticBuilder& d, bool offer_fix) {
  const kafka::Span t = kafka::trimmed(e.value);
  if (!wrapped_in_quotes(t.text)) return;
  d.help(".properties values have no quoting: the quotes are part of the value Kafka reads");
  if (offer_fix) d.fix("remove the quotes", remove_quotes(e));
}

}  // namespace zklint::support
