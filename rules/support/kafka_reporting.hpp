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

/// For a finding that is fatal only from (or until) some release: when the version was guessed
/// from the file rather than given, the finding becomes a warning that names the releases where it
/// is fatal (`fatal_on`, such as "Kafka 3.0 and later"), since the file may be for another one.
void fatal_only_on(const LintContext& ctx, DiagnosticBuilder& d, const std::string& fatal_on);

/// When the value is wrapped in quotes: adds help saying that Kafka keeps them and, when
/// `offer_fix`, a fix that removes them (safe: quotes are never part of a broker value on purpose).
void explain_quotes(const Entry& e, DiagnosticBuilder& d, bool offer_fix);

/// The edits that remove the quotes around a quoted value (see wrapped_in_quotes).
std::vector<TextEdit> remove_quotes(const Entry& e);

}  // namespace zklint::support
