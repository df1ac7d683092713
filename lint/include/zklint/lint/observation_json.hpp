// Observations as JSON: how rule examples (Example::observed) write what the probe saw.
#pragma once

#include <string_view>

#include "zklint/lint/observation.hpp"

namespace zklint {

/// Reads observations from JSON (see any rule of rules/live/ for the shape). Throws
/// std::invalid_argument with a message on malformed input.
Observations observations_from_json(std::string_view text);

}  // namespace zklint
