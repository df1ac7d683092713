#include "support/value_types.hpp"

#include "kafka_catalog.hpp"
#include "zklint/lint/strings.hpp"
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
    const zookeeper_keys::Key* k = zookeeper_keys::find(key);
    if (k == nullptr) return ValueKind::unknown;
    switch (k->type) {
      case zookeeper_keys::ValueType::int_:
      case zookeeper_keys::ValueType::long_: return k->handling == zookeeper_keys::Handling::parsed ? ValueKind::number : ValueKind::lenient_number;
      case zookeeper_keys::ValueType::bool_: return ValueKind::boolean;
      case zookeeper_keys::ValueType::decoded_int: return ValueKind::lenient_number;
      default: return ValueKind::text;
    }
  }
  return ValueKind::unknown;
}

std::string_view describe(ValueKind k) {
  switch (k) {
    case ValueKind::number: return "a number";
    case ValueKind::boolean: return "a boolean";
    case ValueKind::lenient_number: return "a number (junk silently becomes the default)";
    case ValueKind::quorum_spec: return "a quorum server spec";
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
