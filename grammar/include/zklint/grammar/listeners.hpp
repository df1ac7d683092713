// The listener values of a Kafka broker, read the way Kafka reads them (CoreUtils.scala listenerListToEndPoints @3.9):
//
//   listeners=PLAINTEXT://:9092,SSL://[::1]:9093      (also advertised.listeners)
//             \name/   \host/\port/
//   listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SASL_SSL
//                                  \name__/ \protocol/   (split at the LAST ':')
//
// - a listener list is Csv.parseCsvList of the trimmed value: split on `\s*,\s*`, empty entries
//   dropped (see csv.hpp);
// - each entry must fully match `^(.*)://\[?([0-9a-zA-Z\-%._:]*)\]?:(-?[0-9]+)` (SocketServerConfigs):
//   the name is everything before the last `://`; the host may be empty (bind to all interfaces),
//   bracketed or not; the port is the digits after the last ':' and goes through Integer.parseInt;
// - the name is upper-cased (ListenerName.normalised) and must not be blank;
// - a protocol map is the trimmed value split on `\s*,\s*` (trailing empty entries dropped, the
//   others kept), each entry split at its last ':' into a trimmed name and a protocol that
//   SecurityProtocol.forName upper-cases.
//
// The parsers never fail: they return every entry with decoded offsets into the value (for
// Reporter::report_value_part) and what Kafka would reject. Messages: listener_messages.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/grammar/span.hpp"

namespace zklint::grammar::listeners {

using Span = grammar::Span;

/// Why Kafka cannot read a listener entry (none: it can).
enum class EntryError : std::uint8_t {
  none,
  no_scheme,          ///< no `://` at all: `localhost:9092`, `PLAINTEXT:/host:9092`
  blank_name,         ///< nothing (or only blanks) before `://`
  line_break_in_name, ///< the name holds a line terminator, which the regex's `.` never matches
  bad_host_char,      ///< a character outside [0-9a-zA-Z-%._:] in the host: `my host`, `host/x`, `*`
  misplaced_bracket,  ///< '[' that does not open the host or ']' that does not end it
  no_port,            ///< no port after the host: `PLAINTEXT://host` or `PLAINTEXT://host:`
  bad_port,           ///< the text after the last ':' is not `-?[0-9]+`: `host:90a2`, `host:9092/`
  port_overflow,      ///< digits beyond Integer.MAX_VALUE: Integer.parseInt fails
};

/// One listener entry: `NAME://host:port`.
struct Endpoint {
  Span entry;               ///< the whole entry
  Span name;                ///< as written; Kafka upper-cases it
  Span host;                ///< inside the brackets when bracketed; empty = all interfaces
  bool bracketed = false;
  Span port_text;
  std::optional<std::int64_t> port;  ///< when the port text parses as an int (may still be out of 0-65535)
  EntryError error = EntryError::none;
  Span error_span;          ///< the characters to point at when error != none
  bool ok() const { return error == EntryError::none; }
};

/// Reads a whole listeners / advertised.listeners value.
std::vector<Endpoint> parse_listeners(std::string_view value);
/// Reads the entry at value[begin, end).
Endpoint parse_endpoint(std::string_view value, std::uint32_t begin, std::uint32_t end);

/// Why Kafka cannot read a protocol map entry (none: it can).
enum class MappingError : std::uint8_t {
  none,
  no_colon,          ///< no ':' (an empty entry between commas too): Csv.parseCsvMap throws
  blank_name,        ///< nothing before the ':'
  unknown_protocol,  ///< not PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL in any case
};

/// One `name:PROTOCOL` entry of listener.security.protocol.map.
struct Mapping {
  Span entry;
  Span name;       ///< trimmed, as written; Kafka upper-cases it
  Span protocol;   ///< trimmed, as written
  MappingError error = MappingError::none;
  bool ok() const { return error == MappingError::none; }
};

/// Reads a whole listener.security.protocol.map value.
std::vector<Mapping> parse_protocol_map(std::string_view value);

/// Kafka's Csv.parseCsvMap alone (also max.connections.per.ip.overrides): entries split at their
/// last ':' into a trimmed name and value (`protocol` holds the value); the only error is no_colon.
std::vector<Mapping> parse_csv_map(std::string_view value);

/// ListenerName.normalised / SecurityProtocol.forName: Java's toUpperCase(Locale.ROOT) for ASCII
/// letters and the two letters that upper-case to ASCII (dotless i, long s); other characters are
/// kept, which is enough to compare names with each other.
std::string normalised(std::string_view name);

/// The four security protocols, upper-case.
bool is_security_protocol(std::string_view upper_case_name);

}  // namespace zklint::grammar::listeners
