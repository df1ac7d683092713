// Where a ZooKeeper image's start-up script takes the server's myid from: the environment variable
// it writes to the myid file of its data directory. The image readers write the id into
// DeployedNode::server_id; the cluster model and `zklint topology` say where it came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "zklint/lint/deployment.hpp"

namespace zklint {

struct ImageMyid {
  std::string_view variable;                ///< "ZOO_MY_ID"
  std::optional<std::int64_t> when_unset;   ///< the id the image writes without it; nullopt: none
};

/// The myid variable of a ZooKeeper image family; nullopt for an image that writes no myid file.
std::optional<ImageMyid> image_myid(ImageFamily family);

}  // namespace zklint
