// The value of a ZooKeeper `server.N` line, read the way QuorumPeer.QuorumServer reads it
// (QuorumPeer.java QuorumServer(long, String) and ConfigUtils.java getHostAndPort @ZooKeeper 3.8.4):
//
//   zk1:2888:3888:participant;10.0.0.1:2181
//   \__ server_config ______/ \_ client_config: [host:]port
//
// - the whole value is split on ';' with Java's String.split, which drops trailing empty parts, so
//   `zk1:2888:3888;` is fine and `a;b;c` has too many parts;
// - the server part is split on '|' into addresses (more than one needs a JVM flag);
// - each address, and the client part, goes through ConfigUtils.getHostAndPort: `[v6]` first, then
//   ONE character that is skipped unchecked, then ':'-separated fields; otherwise a plain split on
//   ':'. Trailing empty fields vanish here too, so `zk1:2888:3888:` has three fields;
// - ports go through Integer.parseInt WITHOUT trimming (`3888 ` is not a number), then
//   InetSocketAddress's range check; the type is trimmed and compared case-insensitively.
//
// parse() never fails: it returns the structure with offsets into the decoded value, and every
// problem ZooKeeper would throw for, in the order it checks them (it stops at the first).
// Messages live in quorum_server_messages.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/grammar/span.hpp"

namespace zklint::grammar::quorum_server {

using Span = grammar::Span;

/// One field ConfigUtils.getHostAndPort returns. `text` is what Java holds; it equals the source
/// span except for a bracketed address with nothing after ']', where Java drops every bracket.
struct Field {
  Span span;
  std::string text;
};

/// A port as QuorumServer reads it: Integer.parseInt on the untrimmed field.
struct Port {
  Span span;
  std::optional<std::int32_t> number;  ///< nullopt: not a number for Integer.parseInt
  bool in_range() const { return number && *number >= 0 && *number <= 65535; }
};

enum class PeerType : std::uint8_t { participant, observer };

/// One `host:quorumPort:electionPort[:type]` of the '|'-separated server part.
struct Address {
  Span text;
  bool bracketed = false;
  std::vector<Field> fields;  ///< host first; trailing empty fields already dropped, as Java does
  /// Set when there are three or four fields.
  std::optional<Port> quorum_port;
  std::optional<Port> election_port;
  std::optional<Span> type_span;
  std::optional<PeerType> type;  ///< the fourth field, when it names a type
  Span host() const { return fields.empty() ? Span{text.begin, text.begin} : fields.front().span; }
  std::string_view host_text() const { return fields.empty() ? std::string_view{} : std::string_view(fields.front().text); }
};

/// The `[host:]port` after the ';'.
struct ClientAddress {
  Span text;
  bool bracketed = false;
  std::vector<Field> fields;
  std::optional<Span> host;  ///< absent: ZooKeeper listens on 0.0.0.0
  std::string host_text;     ///< "0.0.0.0" when `host` is absent
  std::optional<Port> port;
};

/// Why QuorumServer refuses the value.
enum class ProblemKind : std::uint8_t {
  no_server_part,         ///< the value is only ';'s: Java indexes an empty array
  client_bad_form,        ///< the client part has more than host:port
  client_no_fields,       ///< the client part is only ':'s: Java indexes an empty array
  unclosed_bracket,       ///< `[` without `]`
  no_port_after_bracket,  ///< exactly one character after `]`
  port_not_a_number,      ///< Integer.parseInt fails ("Address unresolved")
  port_out_of_range,      ///< InetSocketAddress: port outside 0-65535
  multiple_addresses,     ///< `a|b` without -Dzookeeper.multiAddress.enabled=true
  too_many_parts,         ///< more than one non-empty ';' part
  wrong_field_count,      ///< an address with other than 3 or 4 fields
  same_ports,             ///< quorum port == election port
  unknown_type,           ///< fourth field not participant/observer
  mixed_types,            ///< addresses of one server with different types
};

struct Problem {
  ProblemKind kind;
  Span at;  ///< the offending characters
};

struct ServerSpec {
  std::vector<Span> parts;         ///< the ';' parts Java keeps (trailing empty ones dropped)
  std::vector<Address> addresses;  ///< the '|' parts of the first part
  std::optional<ClientAddress> client;
  /// Every problem, in the order ZooKeeper checks them; it throws at the first.
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
  /// participant unless the addresses say observer.
  PeerType type() const;
};

/// Reads the decoded (untrimmed) value of a `server.N` line.
ServerSpec parse(std::string_view value);

}  // namespace zklint::grammar::quorum_server
