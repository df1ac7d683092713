// `zklint dump`: what Kafka or ZooKeeper actually sees in a file, as JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "zklint/document.hpp"

namespace zklint {

/// {"file", "load", "properties", "entries", "diagnostics"}; see README "zklint dump".
nlohmann::json dump_document(const Document& doc);

/// A range as {"start": {"line", "column"}, "end": {"line", "column"}}, 1-based, end exclusive.
nlohmann::json range_to_json(const Range& range);

}  // namespace zklint
