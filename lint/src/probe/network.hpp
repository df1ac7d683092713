// The probe's TCP steps, each bounded by its own deadline: resolve a name, connect, and send a
// ZooKeeper four-letter word. Blocking calls on the calling thread; the prober runs endpoints in
// parallel threads.
#pragma once

#include <sys/socket.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "zklint/lint/observation.hpp"

namespace zklint::probe {

using Clock = std::chrono::steady_clock;

/// --resolve NAME=ADDRESS overrides, then the system resolver. An empty name is the loopback
/// address, as java.net.InetAddress.getByName("") makes it.
struct Resolution {
  std::vector<std::string> addresses;  ///< numeric, IPv4 first (as Java prefers them)
  std::string error;                   ///< the resolver's message when there is none
};
Resolution resolve(const std::string& host, const std::map<std::string, std::string>& overrides);

/// A numeric IPv4 or IPv6 address and a port as a socket address; false when not numeric.
bool socket_address(const std::string& address, std::int64_t port, sockaddr_storage& out, socklen_t& length);

struct Connection {
  Reach reach = Reach::not_probed;
  int fd = -1;          ///< open socket when reach == open (the caller closes it)
  std::string address;  ///< the address of the last attempt
  double ms = 0;
  std::string error;
};
/// Tries each address in turn until one connects or `deadline` passes.
Connection connect_any(const std::vector<std::string>& addresses, std::int64_t port, Clock::time_point deadline);

/// Sends a four-letter word to address:port on a new connection and reads the reply until the
/// server closes it. Nullopt when no complete reply came before `deadline`.
std::optional<std::string> four_letter_word(const std::string& address, std::int64_t port, const std::string& word, Clock::time_point deadline);

/// "0.4 ms", "12 ms", "3 s" for messages.
std::string duration_text(std::chrono::milliseconds d);

}  // namespace zklint::probe
