// The shape of the generated catalog tables; only kafka_catalog.cpp and the generated file see it.
#pragma once

#include <span>
#include <string_view>

#include "kafka_catalog.hpp"

namespace zklint::kafka_catalog::tables {

struct Tables {
  std::span<const KafkaVersion> versions;                     ///< oldest first
  std::span<const std::span<const KeySpec* const>> keys;      ///< parallel to versions; sorted by name
  std::span<const std::string_view> names;                    ///< every key of any version, sorted
};

extern const Tables catalog_tables;

}  // namespace zklint::kafka_catalog::tables
