// `zklint dump`: what Kafka or ZooKeeper actually sees in a file, as JSON.
#pragma once

#include <filesystem>
#include <ostream>

#include "zklint/document.hpp"

namespace zklint {

/// Writes {"diagnostics", "entries", "file", "load", "properties"} (see README "zklint dump"):
/// indented when `pretty`, else on one line (JSON Lines). Streams: memory stays that of `doc`.
void write_dump(const Document& doc, std::ostream& out, bool pretty);

/// `zklint dump` of a docker-compose file: {"diagnostics", "file", "services"}, each service with
/// the properties its container gets and the variable each came from (see README). Files beside
/// it (.env, env_file) are read from `directory`. Returns false, writing nothing, when `source`
/// is not a docker-compose file.
bool write_deployment_dump(const SourceFile& source, const std::filesystem::path& directory, std::ostream& out, bool pretty);

}  // namespace zklint
