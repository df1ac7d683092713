// `zklint dump`: what Kafka or ZooKeeper actually sees in a file, as JSON.
#pragma once

#include <ostream>

#include "zklint/document.hpp"

namespace zklint {

/// Writes {"diagnostics", "entries", "file", "load", "properties"} (see README "zklint dump"):
/// indented when `pretty`, else on one line (JSON Lines). Streams: memory stays that of `doc`.
void write_dump(const Document& doc, std::ostream& out, bool pretty);

}  // namespace zklint
