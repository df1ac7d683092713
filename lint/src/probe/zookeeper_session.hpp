// The broker's ZooKeeper session, opened with the real ZooKeeper C client (libzookeeper_mt):
// the timeout the server grants, the chroot, and the broker's registration. Read-only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "network.hpp"
#include "zklint/lint/observation.hpp"

namespace zklint::probe {

struct SessionRequest {
  std::vector<std::string> servers;  ///< "address:port" of the servers that accepted a connection
  std::int64_t timeout_ms = 0;       ///< zookeeper.session.timeout.ms
  std::string chroot;
  std::optional<std::int64_t> broker_id;
};

SessionObservation open_session(const SessionRequest& request, Clock::time_point deadline);

}  // namespace zklint::probe
