// `zklint dump`: what Kafka or ZooKeeper actually sees in a file, as JSON.
#pragma once

#include <filesystem>
#include <ostream>

#include "zklint/document.hpp"

namespace zklint {

/// Writes {"diagnostics", "entries", "file", "load", "properties"} (see README "zklint dump"):
/// indented when `pretty`, else on one line (JSON Lines). Streams: memory stays that of `doc`.
void write_dump(const Document& doc, std::ostream& out, bool pretty);

/// `zklint dump` of a deployment file: {"diagnostics", "file", "services"}, each docker-compose
/// service (or Strimzi node pool, Confluent for Kubernetes resource, Bitnami chart statefulset)
/// with the properties its Kafka or ZooKeeper gets and where each came from (see README). Files
/// beside a compose file (.env, env_file) are read from `directory`. Returns false, writing
/// nothing, when `source` is none of those.
bool write_deployment_dump(const SourceFile& source, const std::filesystem::path& directory, std::ostream& out, bool pretty);

}  // namespace zklint
