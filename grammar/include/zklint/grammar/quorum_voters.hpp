// The KRaft quorum values of a Kafka node, read the way Kafka reads them (QuorumConfig.java parseVoterConnections @3.8.0 and @3.9):
//
//   controller.quorum.voters=1@kafka1:9093,2@[fd00::2]:9093,3@kafka3:9093
//                            id\host_/port
//   controller.quorum.bootstrap.servers=kafka1:9093,kafka2:9093
//
// - both keys are ConfigDef lists: the trimmed value split on `\s*,\s*` with empty items KEPT (a
//   trailing comma gives an empty item, which Kafka cannot parse); a blank value is the empty list;
// - a voter is Java's `entry.split("@")`, which must give exactly two parts (trailing empty parts
//   are dropped, so `1@host:9093@` still counts as two); the id goes through Integer.parseInt;
// - an address goes through Utils.getHost / Utils.getPort. Kafka 3.8 and later use (Utils.java @3.8.0)
//   `^(?:[0-9a-zA-Z\-%._]*://)?\[?([0-9a-zA-Z\-%._:]*)]?:([0-9]+)` on the whole string: an optional
//   `scheme://`, an optional `[`, host characters, an optional `]`, then `:port`. Earlier releases
//   used `.*?\[?([0-9a-zA-Z\-%._:]*)\]?:([0-9]+)`, where anything at all may come before the host;
//   the host is then the run of host characters in front of `]?:port`;
// - the port digits go through Integer.parseInt, then InetSocketAddress checks 0-65535.
//
// The parsers never fail: they return every entry with decoded offsets into the value (for
// Reporter::report_value_part) and what Kafka would reject. Messages: quorum_voters_messages.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "zklint/grammar/span.hpp"

namespace zklint::grammar::quorum {

using Span = grammar::Span;

/// Which Utils.HOST_PORT_PATTERN reads an address.
enum class AddressSyntax : std::uint8_t {
  strict,   ///< Kafka 3.8+: optional `scheme://`, then `[host]:port` or `host:port`, nothing else
  lenient,  ///< before 3.8: anything may precede the host; only the `:port` ending is required
};

/// Why Kafka cannot read a `host:port` address (none: it can).
enum class AddressError : std::uint8_t {
  none,
  no_port,            ///< no ':' with a port after it: `kafka1`, `kafka1:`
  bad_port,           ///< the text after the last ':' is not only digits: `kafka1:90a3`, `kafka1:-1`
  bad_host_char,      ///< (strict) a character outside [0-9a-zA-Z-%._:] before the port: `my host:9093`
  misplaced_bracket,  ///< (strict) a '[' or ']' that does not open or close the host
  port_overflow,      ///< digits beyond Integer.MAX_VALUE: Integer.parseInt throws
  port_out_of_range,  ///< a number above 65535: InetSocketAddress throws
};

struct Address {
  Span text;         ///< the whole address
  Span host;         ///< inside the brackets when bracketed; may be empty
  bool bracketed = false;
  Span port_text;
  std::optional<std::int64_t> port;  ///< when the port digits parse as an int
  AddressError error = AddressError::none;
  Span error_span;   ///< the characters to point at when error != none
  bool ok() const { return error == AddressError::none; }
  bool operator==(const Address&) const = default;
};

/// Why Kafka cannot read a voter entry (none: it can).
enum class VoterError : std::uint8_t {
  none,
  empty_entry,  ///< nothing between two commas, or a trailing comma
  no_at,        ///< `split("@")` gives one part: no '@', or nothing after it
  extra_at,     ///< `split("@")` gives more than two parts: `1@@kafka1:9093`, `1@a@b:9093`
  bad_id,       ///< the id is not an int (Integer.parseInt): `a@kafka1:9093`, ` 1@...`, `@kafka1:9093`
  bad_address,  ///< the address is unreadable; `address.error` says why
};

/// One `id@host:port` entry of controller.quorum.voters.
struct Voter {
  Span entry;
  Span id_text;
  std::optional<std::int32_t> id;  ///< when the id parses (Java's Integer.parseInt, sign and all)
  Address address;                 ///< meaningful once the '@' split succeeded
  VoterError error = VoterError::none;
  Span error_span;
  bool ok() const { return error == VoterError::none; }
  bool operator==(const Voter&) const = default;
};

/// Reads a whole controller.quorum.voters value.
std::vector<Voter> parse_voters(std::string_view value, AddressSyntax syntax);

/// One `host:port` entry of controller.quorum.bootstrap.servers; an empty entry has
/// `AddressError::no_port` and an empty span.
struct BootstrapServer {
  Span entry;
  Address address;
  bool ok() const { return address.ok(); }
};

/// Reads a whole controller.quorum.bootstrap.servers value (Kafka 3.9+, always strict; 3.8 reads it as an internal key).
std::vector<BootstrapServer> parse_bootstrap_servers(std::string_view value);

/// Reads the address at value[begin, end).
Address parse_address(std::string_view value, std::uint32_t begin, std::uint32_t end, AddressSyntax syntax);

}  // namespace zklint::grammar::quorum
