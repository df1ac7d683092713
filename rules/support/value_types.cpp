#include "support/value_types.hpp"

#include "kafka_catalog.hpp"
#include "zklint/lint/strings.hpp"
#include "zklint/grammar/quorum_server.hpp"
#include "zookeeper_keys.hpp"

namespace zklint::support {

ValueKind value_kind(const LintContext& ctx, std::string_view key) {
  if (ctx.kind() == FileKind::kafka) {
    const kafka_catalog::KeySpec* spec = kafka_catalog::find(ctx.kafka_version(), key);
    if (spec == nullptr) return ValueKind::unknown;
    switch (spec->type) {
      case kafka_catalog::Type::int_:
      case kafka_catalog::Type::short_:
      case kafka_catalog::Type::long_:
      case kafka_catalog::Type::double_: return ValueKind::number;
      case kafka_catalog::Type::boolean: return ValueKind::boolean;
      default: return ValueKind::text;
    }
  }
  if (ctx.kind() == FileKind::zookeeper) {
    if (zookeeper_keys::is_family_key(key) && !starts_with(key, "metricsProvider.")) return ValueKind::quorum_spec;
    // QuorumMaj reads `version` (hex) from the untrimmed value, like the server.N lines.
    if (key == "version") return ValueKind::quorum_spec;
    const zookeeper_keys::Key* k = zookeeper_keys::find(key);
    if (k == nullptr) return ValueKind::unknown;
    switch (k->type) {
      case zookeeper_keys::ValueType::int_:
      case zookeeper_keys::ValueType::long_: return k->handling == zookeeper_keys::Handling::parsed ? ValueKind::number : ValueKind::lenient_number;
      case zookeeper_keys::ValueType::bool_: return ValueKind::boolean;
      case zookeeper_keys::ValueType::decoded_int: return ValueKind::lenient_number;
      case zookeeper_keys::ValueType::hex_long: return ValueKind::number;
      case zookeeper_keys::ValueType::choice: return ValueKind::choice;
      case zookeeper_keys::ValueType::class_name: return ValueKind::class_name;
      case zookeeper_keys::ValueType::host:
        // Only the keys QuorumPeerConfig resolves itself fail at parse time; admin.serverAddress
        // fails later, when the admin server binds.
        return k->handling == zookeeper_keys::Handling::parsed ? ValueKind::host_name : ValueKind::text;
      default: return ValueKind::text;
    }
  }
  return ValueKind::unknown;
}

std::optional<std::size_t> inline_comment_start(std::string_view value) {
  for (std::size_t i = 1; i < value.size(); ++i) {
    if ((value[i] == '#' || value[i] == '!') && (value[i - 1] == ' ' || value[i - 1] == '\t')) {
      std::size_t cut = i;
      while (cut > 0 && (value[cut - 1] == ' ' || value[cut - 1] == '\t')) --cut;
      if (cut == 0) return std::nullopt;
      return i;
    }
  }
  return std::nullopt;
}

bool malformed_value_fatal(const LintContext& ctx, const Entry& e) {
  if (ctx.find(e.key) != &e) return false;
  const ValueKind kind = value_kind(ctx, e.key);
  if (kind == ValueKind::quorum_spec && starts_with(e.key, "server.")) return !grammar::quorum_server::parse(e.value).ok();
  return fatal_when_malformed(kind);
}

bool trailing_blanks_fatal(const LintContext& ctx, const Entry& e) {
  // A line that a later one with the same key overrides is never read (duplicate-key reports it).
  if (ctx.find(e.key) != &e || value_kind(ctx, e.key) != ValueKind::quorum_spec) return false;
  if (!starts_with(e.key, "server.")) return true;
  return !grammar::quorum_server::parse(e.value).ok();
}

std::string_view describe(ValueKind k) {
  switch (k) {
    case ValueKind::number: return "a number";
    case ValueKind::boolean: return "a boolean";
    case ValueKind::lenient_number: return "a number (junk silently becomes the default)";
    case ValueKind::quorum_spec: return "a valid quorum setting";
    case ValueKind::choice: return "one of the allowed words";
    case ValueKind::host_name: return "a host name or IP address";
    case ValueKind::class_name: return "a class name";
    case ValueKind::text: return "a string";
    case ValueKind::unknown: return "an unknown key";
  }
  return "a value";
}

std::string_view reader_name(const LintContext& ctx) {
  switch (ctx.kind()) {
    case FileKind::kafka: return "Kafka";
    case FileKind::zookeeper: return "ZooKeeper";
    default: return "Java";
  }
}

}  // namespace zklint::support
