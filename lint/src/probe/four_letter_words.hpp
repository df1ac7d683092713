// What a ZooKeeper server says to srvr, ruok, conf and mntr, read into a ZooKeeperStatus.
#pragma once

#include <string>
#include <string_view>

#include "network.hpp"
#include "zklint/lint/observation.hpp"

namespace zklint::probe {

/// Sends the four words to address:port (srvr first; the others only when srvr got a reply at all).
ZooKeeperStatus ask_zookeeper(const std::string& address, std::int64_t port, Clock::time_point deadline);

/// Reading one reply into `status` (exposed for the unit tests).
void read_reply(std::string_view word, std::string_view reply, ZooKeeperStatus& status);

}  // namespace zklint::probe
