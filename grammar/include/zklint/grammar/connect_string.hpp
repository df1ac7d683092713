// The value of Kafka's `zookeeper.connect`, read the way the ZooKeeper client's ConnectStringParser
// reads it (ConnectStringParser.java @ZooKeeper 3.4.14 and 3.8.4, the clients Kafka bundles):
//
//   zk1:2181,zk2:2181,[::1]:2181/kafka
//   \______ host list ______________/\ chroot: everything from the first '/' on
//
// - the chroot starts at the FIRST '/' of the whole string, so a '/' after the first host swallows
//   the later hosts into the chroot;
// - the host list is split on ',' only (a blank or ';' separates nothing);
// - ZooKeeper 3.5+ (Kafka 2.4+) trims every element and drops blank ones, and understands
//   `[ipv6]` and `[ipv6]:port`; ZooKeeper 3.4 (Kafka 2.0-2.3) does neither and keeps empty elements
//   except trailing ones (Java's String.split);
// - a plain element is split at its LAST ':'; no ':' or nothing after it means port 2181; the port
//   text goes through Integer.parseInt, then must be 0-65535.
//
// parse() never fails: it returns the structure with offsets into the decoded value (so rules can
// point at exact characters through Reporter::report_value_part) and records, per element and for
// the chroot, what the client would throw. Messages live in connect_string_messages.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "zklint/grammar/span.hpp"

namespace zklint::grammar::connect_string {

using Span = grammar::Span;

/// Which ConnectStringParser reads the value.
enum class ClientLine : std::uint8_t {
  zk34,  ///< ZooKeeper 3.4.x (Kafka 2.0-2.3): String.split(","), no trim, no [IPv6]
  zk35,  ///< ZooKeeper 3.5+ (Kafka 2.4-3.9): trimmed, blank elements dropped, [IPv6] literals
};

/// What the client throws while reading one element (none: the element is accepted).
enum class EntryError : std::uint8_t {
  none,
  bracket_unclosed,    ///< `[::1`: starts with '[' but has no ']'
  bracket_empty,       ///< `[]` or `[]:2181`
  bracket_junk,        ///< `[::1]x`: something other than ':' after the ']'
  bracket_no_port,     ///< `[::1]:`: a colon with nothing after it
  port_not_a_number,   ///< Integer.parseInt fails: `zk1:21a1`, `zk1: 2181`, `zk1:99999999999`
  port_out_of_range,   ///< a number outside 0-65535
};

/// How the element gives its port.
enum class PortForm : std::uint8_t {
  absent,       ///< no ':' (plain) or nothing after ']' (bracketed): 2181
  empty,        ///< a plain element ending in ':': 2181
  given,        ///< text after the ':' (parsed into `port` unless `error` says otherwise)
};

/// One comma-separated piece of the host list.
struct HostEntry {
  Span piece;              ///< the raw text between separators
  Span element;            ///< what the client parses: the trimmed piece (3.5+) or the piece itself (3.4)
  bool dropped = false;    ///< the client skips it: blank (3.5+), or a trailing empty piece (3.4)
  bool bracketed = false;  ///< `[literal]` form (3.5+ only)
  Span host;               ///< the host name the client keeps (inside the brackets when bracketed)
  std::optional<std::uint32_t> colon;  ///< the ':' before the port
  Span port_text;          ///< text after `colon`
  PortForm port_form = PortForm::absent;
  std::int64_t port = 2181;  ///< the port the client uses, when `error` is none
  EntryError error = EntryError::none;
  /// The port uses decimal digits from outside ASCII, which Integer.parseInt accepts (`zk1:٢١٨١`).
  bool non_ascii_port_digits = false;
  bool operator==(const HostEntry&) const = default;
};

/// What ZooKeeper's PathUtils.validatePath rejects in a chroot.
enum class PathError : std::uint8_t {
  trailing_slash,    ///< `/kafka/` (the issue spans the whole run of trailing '/')
  empty_segment,     ///< `/a//b`
  relative_segment,  ///< a `.` or `..` segment
  null_char,         ///< U+0000
  invalid_char,      ///< U+0001-U+001F, U+007F-U+009F, U+D800-U+F8FF (incl. every non-BMP char), U+FFF0-U+FFFF
};

struct PathIssue {
  PathError kind;
  Span at;  ///< the offending characters
  bool operator==(const PathIssue&) const = default;
};

struct Chroot {
  Span text;                    ///< from the first '/' to the end of the value
  std::vector<Span> segments;   ///< between the '/'s; `/` alone has one empty segment
  /// Every violation, the one ZooKeeper reports first (it stops there) at the front.
  std::vector<PathIssue> issues;
  /// `/` alone: the client treats it as no chroot.
  bool root_only() const { return text.size() == 1; }
  bool operator==(const Chroot&) const = default;
};

struct ConnectString {
  Span value;  ///< the value after Java's trim (Kafka trims config strings before using them)
  ClientLine line = ClientLine::zk35;
  std::vector<HostEntry> entries;      ///< every piece, in order, also the dropped ones
  std::vector<std::uint32_t> commas;   ///< offsets of the ',' separators
  std::optional<Chroot> chroot;        ///< absent when there is no '/'

  /// The elements the client keeps (not dropped), in order.
  std::vector<const HostEntry*> hosts() const;
  /// True when the client gets no host at all (StaticHostProvider then refuses to start).
  bool no_hosts() const { return hosts().empty(); }
  /// True when ConnectStringParser (or the empty-host-list check) throws for this value.
  bool rejected() const;
  /// The chroot the client uses ("" for none), if the value is accepted.
  std::string_view chroot_path(std::string_view decoded) const;
};

/// Reads `value` (the decoded property value, untrimmed) as the given client line does.
ConnectString parse(std::string_view value, ClientLine line = ClientLine::zk35);

/// Java's Integer.parseInt on UTF-8 text: optional sign, then decimal digits (ASCII or any other
/// BMP Unicode decimal digit, as Character.digit accepts), overflow-checked. nullopt on failure.
/// `non_ascii` is set when a non-ASCII digit was used.
std::optional<std::int32_t> java_parse_int(std::string_view text, bool* non_ascii = nullptr);

}  // namespace zklint::grammar::connect_string
