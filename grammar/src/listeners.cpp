#include "zklint/grammar/listeners.hpp"

#include <array>
#include <tao/pegtl.hpp>

#include "zklint/grammar/csv.hpp"

namespace zklint::grammar::listeners {
namespace peg {

using namespace tao::pegtl;

// The address after the last `://`, as SocketServerConfigs' regex `\[?([0-9a-zA-Z\-%._:]*)\]?:(-?[0-9]+)`
// matches it with the whole-string matches(). The regex backtracks: its host group gives back
// characters until only `]?:port` is left. The PEG equivalent stops the host where the rest is
// exactly that tail; there is never more than one such place, since the tail has one ':'.
// clang-format off
struct host_char : sor< alnum, one< '-', '%', '.', '_', ':' > > {};
struct port_number : seq< opt< one< '-' > >, plus< digit > > {};   // a negative port parses; binding it fails later
struct port_tail : seq< opt< one< ']' > >, one< ':' >, port_number, eof > {};
struct host : star< not_at< port_tail >, host_char > {};
struct open_bracket : one< '[' > {};
struct close_bracket : one< ']' > {};
struct address : seq< opt< open_bracket >, host, opt< close_bracket >, one< ':' >, port_number, eof > {};

// A protocol map entry splits at its last ':' (String.lastIndexOf).
struct protocol_text : star< not_one< ':' > > {};
struct last_colon : seq< one< ':' >, protocol_text, eof > {};
struct listener_name : star< not_at< last_colon >, any > {};
struct mapping : seq< listener_name, last_colon > {};
// clang-format on

struct AddressParts {
  const char* data = nullptr;  // the start of the address text
  std::uint32_t base = 0;      // its offset in the value
  Span host, port;
  bool bracketed = false;
};

template <typename Rule> struct address_action : nothing<Rule> {};
template <> struct address_action<open_bracket> {
  static void apply0(AddressParts& p) { p.bracketed = true; }
};
template <> struct address_action<host> {
  template <typename Input>
  static void apply(const Input& in, AddressParts& p) {
    p.host = {p.base + static_cast<std::uint32_t>(in.begin() - p.data), 0};
    p.host.end = p.host.begin + static_cast<std::uint32_t>(in.size());
  }
};
template <> struct address_action<port_number> {
  template <typename Input>
  static void apply(const Input& in, AddressParts& p) {
    p.port = {p.base + static_cast<std::uint32_t>(in.begin() - p.data), 0};
    p.port.end = p.port.begin + static_cast<std::uint32_t>(in.size());
  }
};

}  // namespace peg
namespace {

bool host_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '%' || c == '.' ||
         c == '_' || c == ':';
}

bool blank(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) > 0x20) return false;
  }
  return true;
}

// The line terminators `.` does not match: \n, \r, U+0085, U+2028, U+2029 (as UTF-8).
bool has_line_terminator(std::string_view text) {
  return text.find_first_of("\n\r") != std::string_view::npos || text.find("\xC2\x85") != std::string_view::npos ||
         text.find("\xE2\x80\xA8") != std::string_view::npos || text.find("\xE2\x80\xA9") != std::string_view::npos;
}

// Integer.parseInt of `-?[0-9]+`.
std::optional<std::int64_t> parse_port(std::string_view digits) {
  const bool negative = !digits.empty() && digits[0] == '-';
  std::int64_t n = 0;
  for (std::size_t i = negative ? 1 : 0; i < digits.size(); ++i) {
    n = n * 10 + (digits[i] - '0');
    if (n > std::int64_t{2147483647} + (negative ? 1 : 0)) return std::nullopt;
  }
  return negative ? -n : n;
}

// Says why an address the regex rejected is wrong, pointing at the first offending characters.
void diagnose_address(std::string_view value, std::uint32_t begin, std::uint32_t end, Endpoint& e) {
  const std::string_view rest = value.substr(begin, end - begin);
  const std::size_t colon = rest.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == rest.size()) {
    e.error = EntryError::no_port;
    e.error_span = {end, end};
    if (colon == std::string_view::npos && !rest.empty()) e.error_span = {begin, end};
    return;
  }
  const std::string_view tail = rest.substr(colon + 1);
  const std::size_t digits_from = tail[0] == '-' ? 1 : 0;
  const bool port_ok = tail.size() > digits_from && tail.find_first_not_of("0123456789", digits_from) == std::string_view::npos;
  if (!port_ok) {
    e.error = EntryError::bad_port;
    e.error_span = {begin + static_cast<std::uint32_t>(colon + 1), end};
    return;
  }
  // The port is fine, so the host part is not: a stray character or bracket.
  std::size_t from = !rest.empty() && rest[0] == '[' ? 1 : 0;
  std::size_t to = colon > from && rest[colon - 1] == ']' ? colon - 1 : colon;
  for (std::size_t i = from; i < to; ++i) {
    if (host_char(rest[i])) continue;
    e.error = rest[i] == '[' || rest[i] == ']' ? EntryError::misplaced_bracket : EntryError::bad_host_char;
    std::size_t width = 1;  // a whole UTF-8 character
    while (i + width < to && (static_cast<unsigned char>(rest[i + width]) & 0xC0) == 0x80) ++width;
    e.error_span = {begin + static_cast<std::uint32_t>(i), begin + static_cast<std::uint32_t>(i + width)};
    return;
  }
  e.error = EntryError::bad_host_char;  // not reached for inputs the regex rejects; kept total
  e.error_span = {begin, end};
}

}  // namespace

Endpoint parse_endpoint(std::string_view value, std::uint32_t begin, std::uint32_t end) {
  Endpoint e;
  e.entry = {begin, end};
  const std::string_view text = value.substr(begin, end - begin);
  const std::size_t scheme = text.rfind("://");
  if (scheme == std::string_view::npos) {
    e.error = EntryError::no_scheme;
    e.error_span = e.entry;
    return e;
  }
  e.name = {begin, begin + static_cast<std::uint32_t>(scheme)};
  const std::uint32_t address_begin = begin + static_cast<std::uint32_t>(scheme) + 3;
  const std::string_view address = value.substr(address_begin, end - address_begin);

  peg::AddressParts parts;
  parts.data = address.data();
  parts.base = address_begin;
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(address.data(), address.size(), "");
  const bool matched = tao::pegtl::parse<peg::address, peg::address_action>(in, parts);
  if (!matched) {
    diagnose_address(value, address_begin, end, e);
  } else {
    e.host = parts.host;
    e.bracketed = parts.bracketed;
    e.port_text = parts.port;
    e.port = parse_port(parts.port.of(value));
    if (!e.port) {
      e.error = EntryError::port_overflow;
      e.error_span = parts.port;
    }
  }
  // The regex fails before the name is looked at; a bad name is reported when the rest is fine.
  if (e.ok() && has_line_terminator(e.name.of(value))) {
    e.error = EntryError::line_break_in_name;
    e.error_span = e.name;
  } else if (e.ok() && blank(e.name.of(value))) {
    e.error = EntryError::blank_name;
    e.error_span = {begin, address_begin};
  }
  return e;
}

std::vector<Endpoint> parse_listeners(std::string_view value) {
  std::vector<Endpoint> out;
  for (const csv::Item& item : csv::split(value, csv::Empties::drop)) out.push_back(parse_endpoint(value, item.begin, item.end));
  return out;
}

std::vector<Mapping> parse_csv_map(std::string_view value) {
  std::vector<Mapping> out;
  for (const csv::Item& item : csv::split(value, csv::Empties::drop_trailing)) {
    Mapping m;
    m.entry = {item.begin, item.end};
    const std::string_view text = item.of(value);
    tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(text.data(), text.size(), "");
    if (!tao::pegtl::parse<peg::mapping>(in)) {
      m.error = MappingError::no_colon;
      out.push_back(m);
      continue;
    }
    const std::uint32_t colon = item.begin + static_cast<std::uint32_t>(text.rfind(':'));
    const csv::Item name = csv::trimmed(value.substr(item.begin, colon - item.begin));
    const csv::Item target = csv::trimmed(value.substr(colon + 1, item.end - colon - 1));
    m.name = {item.begin + name.begin, item.begin + name.end};
    m.protocol = {colon + 1 + target.begin, colon + 1 + target.end};
    out.push_back(m);
  }
  return out;
}

std::vector<Mapping> parse_protocol_map(std::string_view value) {
  std::vector<Mapping> out = parse_csv_map(value);
  for (Mapping& m : out) {
    if (!m.ok()) continue;
    if (m.name.empty()) m.error = MappingError::blank_name;
    else if (!is_security_protocol(normalised(m.protocol.of(value)))) m.error = MappingError::unknown_protocol;
  }
  return out;
}

bool is_security_protocol(std::string_view upper_case_name) {
  static constexpr std::array<std::string_view, 4> protocols = {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"};
  for (const std::string_view p : protocols) {
    if (p == upper_case_name) return true;
  }
  return false;
}

std::string normalised(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
    } else if (name.substr(i, 2) == "\xC4\xB1") {  // U+0131 dotless i upper-cases to 'I'
      out += 'I';
      ++i;
    } else if (name.substr(i, 2) == "\xC5\xBF") {  // U+017F long s upper-cases to 'S'
      out += 'S';
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace zklint::grammar::listeners
