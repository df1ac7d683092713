// --local: whether the ports a node binds are free on this machine, and who holds them if not.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "zklint/lint/observation.hpp"

namespace zklint::probe {

/// Binds host:port (every interface when `host` is empty) with SO_REUSEADDR, as the JVM's server
/// sockets do, and releases it at once. Nullopt when the address is not this machine's (another
/// node's port, EADDRNOTAVAIL) or the host does not resolve.
std::optional<LocalBind> check_bind(const std::string& host, std::int64_t port, const std::map<std::string, std::string>& overrides);

/// "java (pid 1234)" for the process listening on TCP `port`, from /proc; "" when /proc does not say.
std::string port_holder(std::int64_t port);

}  // namespace zklint::probe
