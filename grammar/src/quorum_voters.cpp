#include "zklint/grammar/quorum_voters.hpp"

#include <tao/pegtl.hpp>

#include "zklint/grammar/connect_string.hpp"
#include "zklint/grammar/csv.hpp"

namespace zklint::grammar::quorum {
namespace peg {

using namespace tao::pegtl;

// Utils.HOST_PORT_PATTERN, applied with matches() to the whole address. The regex's host group is
// greedy and gives characters back until only `]?:port` is left; the PEG equivalent stops the
// host where the rest is exactly that tail (there is only one such place: the tail has one ':').
// clang-format off
struct host_char : sor< alnum, one< '-', '%', '.', '_', ':' > > {};
struct port_digits : plus< digit > {};                          // no sign: `-1` does not match
struct port_tail : seq< opt< one< ']' > >, one< ':' >, port_digits, eof > {};
struct host : star< not_at< port_tail >, host_char > {};
struct open_bracket : one< '[' > {};
struct close_bracket : one< ']' > {};
struct bracketed_host : seq< opt< open_bracket >, host, opt< close_bracket >, one< ':' >, port_digits, eof > {};

// 3.8+: `^(?:[0-9a-zA-Z\-%._]*://)?` may precede the host, so `1@CONTROLLER://kafka1:9093` is read.
struct scheme_char : sor< alnum, one< '-', '%', '.', '_' > > {};
struct scheme : seq< star< scheme_char >, string< ':', '/', '/' > > {};
struct strict_address : seq< opt< scheme >, bracketed_host > {};

// Before 3.8: `.*?` may precede the host. The lazy prefix is the shortest one after which the rest
// matches, so `my host:9093` is read as host `host`; only the `:port` ending is really required.
struct lenient_prefix : star< not_at< bracketed_host >, any > {};
struct lenient_address : seq< lenient_prefix, bracketed_host > {};
// clang-format on

struct Parts {
  const char* data = nullptr;  // the start of the address text
  std::uint32_t base = 0;      // its offset in the value
  Span host, port;
  bool bracketed = false;
  Span at(const char* b, std::size_t size) const {
    const auto begin = base + static_cast<std::uint32_t>(b - data);
    return {begin, begin + static_cast<std::uint32_t>(size)};
  }
};

template <typename Rule> struct action : nothing<Rule> {};
template <> struct action<open_bracket> {
  static void apply0(Parts& p) { p.bracketed = true; }
};
template <> struct action<host> {
  template <typename Input> static void apply(const Input& in, Parts& p) { p.host = p.at(in.begin(), in.size()); }
};
template <> struct action<port_digits> {
  template <typename Input> static void apply(const Input& in, Parts& p) { p.port = p.at(in.begin(), in.size()); }
};

}  // namespace peg
namespace {

constexpr std::int64_t int_max = 2147483647;
constexpr std::int64_t port_max = 65535;

bool host_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '%' || c == '.' ||
         c == '_' || c == ':';
}

bool scheme_char(char c) { return c != ':' && host_char(c); }

// Integer.parseInt of `[0-9]+`.
std::optional<std::int64_t> parse_port(std::string_view digits) {
  std::int64_t n = 0;
  for (const char c : digits) {
    n = n * 10 + (c - '0');
    if (n > int_max) return std::nullopt;
  }
  return n;
}

Span span(std::size_t begin, std::size_t end) { return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}; }

// Says why an address the strict pattern rejected is wrong, pointing at the first offending characters.
void diagnose(std::string_view value, Address& a) {
  const std::string_view text = a.text.of(value);
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == text.size()) {
    a.error = AddressError::no_port;
    a.error_span = colon == std::string_view::npos && !text.empty() ? a.text : span(a.text.end, a.text.end);
    return;
  }
  if (text.find_first_not_of("0123456789", colon + 1) != std::string_view::npos) {
    a.error = AddressError::bad_port;
    a.error_span = span(a.text.begin + colon + 1, a.text.end);
    return;
  }
  // The `:port` ending is fine; the lenient pattern accepts anything before it, so only the strict
  // one gets here: a stray character in the host, or text before `://` that is no scheme.
  std::size_t from = 0;
  if (const std::size_t scheme = text.find("://"); scheme != std::string_view::npos && scheme < colon) {
    bool valid = true;
    for (std::size_t i = 0; i < scheme; ++i) valid = valid && scheme_char(text[i]);
    if (valid) from = scheme + 3;
  }
  if (from < text.size() && text[from] == '[') ++from;
  const std::size_t to = colon > from && text[colon - 1] == ']' ? colon - 1 : colon;
  for (std::size_t i = from; i < to; ++i) {
    if (host_char(text[i])) continue;
    a.error = text[i] == '[' || text[i] == ']' ? AddressError::misplaced_bracket : AddressError::bad_host_char;
    std::size_t width = 1;  // a whole UTF-8 character
    while (i + width < to && (static_cast<unsigned char>(text[i + width]) & 0xC0) == 0x80) ++width;
    a.error_span = span(a.text.begin + i, a.text.begin + i + width);
    return;
  }
  a.error = AddressError::bad_host_char;  // not reached for inputs the pattern rejects; kept total
  a.error_span = a.text;
}

}  // namespace

Address parse_address(std::string_view value, std::uint32_t begin, std::uint32_t end, AddressSyntax syntax) {
  Address a;
  a.text = {begin, end};
  const std::string_view text = a.text.of(value);
  peg::Parts parts;
  parts.data = text.data();
  parts.base = begin;
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(text.data(), text.size(), "");
  const bool matched = syntax == AddressSyntax::strict ? tao::pegtl::parse<peg::strict_address, peg::action>(in, parts)
                                                       : tao::pegtl::parse<peg::lenient_address, peg::action>(in, parts);
  if (!matched) {
    diagnose(value, a);
    return a;
  }
  a.host = parts.host;
  a.bracketed = parts.bracketed;
  a.port_text = parts.port;
  a.port = parse_port(parts.port.of(value));
  if (!a.port) {
    a.error = AddressError::port_overflow;
    a.error_span = parts.port;
  } else if (*a.port > port_max) {
    a.error = AddressError::port_out_of_range;
    a.error_span = parts.port;
  }
  return a;
}

namespace {

// Java's entry.split("@"): the pieces between the '@'s, trailing empty pieces dropped; without
// any '@' the whole entry is the one piece.
std::vector<Span> split_at_signs(std::string_view value, Span entry) {
  std::vector<Span> pieces;
  std::uint32_t from = entry.begin;
  for (std::uint32_t i = entry.begin; i < entry.end; ++i) {
    if (value[i] != '@') continue;
    pieces.push_back({from, i});
    from = i + 1;
  }
  if (pieces.empty()) return {entry};
  pieces.push_back({from, entry.end});
  while (!pieces.empty() && pieces.back().empty()) pieces.pop_back();
  return pieces;
}

Voter parse_voter(std::string_view value, Span entry, AddressSyntax syntax) {
  Voter v;
  v.entry = entry;
  if (entry.empty()) {
    v.error = VoterError::empty_entry;
    v.error_span = entry;
    return v;
  }
  const std::vector<Span> pieces = split_at_signs(value, entry);
  if (pieces.size() != 2) {
    v.error = pieces.size() < 2 ? VoterError::no_at : VoterError::extra_at;
    v.error_span = entry;
    if (pieces.size() > 2) v.error_span = {pieces[1].end, entry.end};  // from the second '@' on
    return v;
  }
  v.id_text = pieces[0];
  v.address = parse_address(value, pieces[1].begin, pieces[1].end, syntax);
  if (const auto id = connect_string::java_parse_int(v.id_text.of(value))) v.id = *id;
  if (!v.id) {
    v.error = VoterError::bad_id;
    v.error_span = v.id_text.empty() ? Span{entry.begin, entry.begin + 1} : v.id_text;  // an empty id: point at the '@'
  } else if (!v.address.ok()) {
    v.error = VoterError::bad_address;
    v.error_span = v.address.error_span;
  }
  return v;
}

}  // namespace

std::vector<Voter> parse_voters(std::string_view value, AddressSyntax syntax) {
  std::vector<Voter> out;
  for (const csv::Item& item : csv::split(value, csv::Empties::keep)) out.push_back(parse_voter(value, {item.begin, item.end}, syntax));
  return out;
}

std::vector<BootstrapServer> parse_bootstrap_servers(std::string_view value) {
  std::vector<BootstrapServer> out;
  for (const csv::Item& item : csv::split(value, csv::Empties::keep)) {
    BootstrapServer s;
    s.entry = {item.begin, item.end};
    s.address = parse_address(value, item.begin, item.end, AddressSyntax::strict);
    out.push_back(s);
  }
  return out;
}

}  // namespace zklint::grammar::quorum
