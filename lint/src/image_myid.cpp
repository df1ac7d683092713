#include "zklint/lint/image_myid.hpp"

namespace zklint {

std::optional<ImageMyid> image_myid(ImageFamily family) {
  switch (family) {
    case ImageFamily::confluent_zookeeper: return ImageMyid{"ZOOKEEPER_SERVER_ID", std::nullopt};  // configure L31-34: myid only from ZOOKEEPER_SERVER_ID
    case ImageFamily::bitnami_zookeeper: return ImageMyid{"ZOO_SERVER_ID", 1};  // zookeeper_initialize: echo "$ZOO_SERVER_ID" > myid (default 1)
    case ImageFamily::zookeeper: return ImageMyid{"ZOO_MY_ID", 1};  // docker-entrypoint.sh L45-48: echo "${ZOO_MY_ID:-1}" > "$ZOO_DATA_DIR/myid"
    default: return std::nullopt;
  }
}

}  // namespace zklint
