// Shared wording and fixes of the Kafka value rules, so that every rule says what the broker
// does the same way and quoted values get the same help.
#pragma once

#include <string>
#include <string_view>

#include "support/kafka_settings.hpp"
#include "zklint/lint/context.hpp"
#include "zklint/lint/reporter.hpp"

namespace zklint::support {

/// "Kafka refuses to start (ConfigException: invalid value for configuration 'k')".
std::string refuses_to_start(const Entry& e);

/// When the value is wrapped in quotes: adds help saying that Kafka keeps them and, when
/// `offer_fix`, a fix that removes them (safe: quotes are never part of a broker value on purpose).
void explain_quotes(const Entry& e, DiagnosticBuilder& d, bool offer_fix);

/// The edits that remove the quotes around a quoted value (see wrapped_in_quotes).
std::vector<TextEdit> remove_quotes(const Entry& e);

}  // namespace zklint::support
