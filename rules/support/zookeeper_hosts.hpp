// What is wrong with each host element of zookeeper.connect, decided once so that exactly one
// rule speaks about an element: `zk1:2181 zk2:2181` is a separator problem (not a host with a
// blank in it, nor a port problem), `::1` an IPv6 problem (not a host named ':').
#pragma once

#include <string_view>
#include <vector>

#include "support/zookeeper_connect.hpp"
#include "zklint/lint/diagnostic.hpp"

namespace zklint::support {

enum class HostShape : std::uint8_t {
  ok,
  empty_entry,        ///< a blank piece that ZooKeeper 3.4 keeps as a host (zk-empty-host-entry speaks about it)
  glued,              ///< several hosts joined by blanks or ';' (`zk1:2181 zk2:2181`): one bogus host to the client
  ipv6_unbracketed,   ///< an IPv6 literal without brackets, cut at its last ':'
  ipv6_brackets_zk34, ///< `[::1]` on ZooKeeper 3.4 (Kafka <= 2.3), which has no bracket syntax
  rejected,           ///< the client throws for the element (bracket syntax, port): see HostEntry::error
  bad_host,           ///< a host no resolver accepts: blanks, ';' or ':' inside (`zk1 :2181`, ` zk2` on 3.4)
  empty_host,         ///< `:2181`: Java resolves the empty name to the loopback address
};

struct HostElement {
  const connect_string::HostEntry* entry = nullptr;
  HostShape shape = HostShape::ok;
  /// For `glued`: the host texts between the blanks/';' runs, in order.
  std::vector<connect_string::Span> glued_hosts;
  /// Accepted by the client, port 1-65535, and a host a resolver accepts (an empty host is the
  /// loopback address; an unbracketed IPv6 literal works when the part before its last ':' is one).
  bool connectable = false;
};

/// The kept elements of the parsed connect string with their shapes (empty when not parsed).
std::vector<HostElement> classify_hosts(const ZooKeeperClientSettings& zk);

bool could_connect(const HostElement& element);
/// How many elements could reach a server. When none can, a problem that only makes one element
/// useless is fatal (error); otherwise the broker still connects through the others (warning).
std::size_t connectable_hosts(const std::vector<HostElement>& elements);

/// The severity of a problem that makes one element useless without making the client throw:
/// error when no element could connect (the broker cannot start), else warning.
Severity useless_host_severity(const std::vector<HostElement>& elements);

/// True when no rule of the zk-client family has a problem to report about the host list or the
/// chroot: advice (single host, no chroot) is only given on an otherwise sound connect string.
bool sound_connect_string(const ZooKeeperClientSettings& zk, const std::vector<HostElement>& elements);

/// `zk1`, `zk1:2181`, `10.0.0.1:2181`, `[::1]:2181`: what one host of a list looks like. A bare
/// number is not a host, nor is `zk1:` (it ends where a port should follow).
bool looks_like_host(std::string_view token);

/// An IPv6 literal as InetAddress accepts it without brackets: 8 groups of 1-4 hex digits, one
/// `::` for a run of zeros, an optional dotted IPv4 tail and an optional %zone.
bool is_ipv6_literal(std::string_view text);

}  // namespace zklint::support
