// IP address literals as Apache Commons' InetAddressValidator recognises them, which Kafka uses to
// allow two listeners on one port when one is IPv4 and the other IPv6 (CoreUtils.scala @3.9 ~L160).
//
// The IPv6 counterpart is support::is_ipv6_literal in zookeeper_hosts.hpp.
#pragma once

#include <string_view>

namespace zklint::support {

/// Four dot-separated decimal parts 0-255 without leading zeros: `192.168.1.10`.
bool is_ipv4_literal(std::string_view host);

}  // namespace zklint::support
