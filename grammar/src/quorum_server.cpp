#include "zklint/grammar/quorum_server.hpp"

#include <tao/pegtl.hpp>

#include "zklint/grammar/connect_string.hpp"

namespace zklint::grammar::quorum_server {
namespace pegtl = tao::pegtl;

// --- Level 1 and 2: ';' parts of the value, '|' addresses of the server part -------------------
namespace layout {
using namespace tao::pegtl;

// clang-format off
struct part : star< not_one< ';' > > {};
struct parts : seq< list< part, one< ';' > >, eof > {};
struct address : star< not_one< '|' > > {};
struct addresses : seq< list< address, one< '|' > >, eof > {};
// clang-format on

struct State {
  const char* origin;
  std::vector<Span>* pieces;
  bool* separated;  // at least one separator: Java's split then drops trailing empty pieces
};

template <typename Rule> struct action : nothing<Rule> {};
template <> struct action<part> {
  template <typename Input> static void apply(const Input& in, State& s) {
    s.pieces->push_back({static_cast<std::uint32_t>(in.begin() - s.origin), static_cast<std::uint32_t>(in.end() - s.origin)});
  }
};
template <> struct action<address> : action<part> {};
template <> struct action<one<';'>> {
  static void apply0(State& s) { *s.separated = true; }
};
template <> struct action<one<'|'>> : action<one<';'>> {};
}  // namespace layout

// --- Level 3: ConfigUtils.getHostAndPort on one address or on the client part ------------------
namespace host_and_port {
using namespace tao::pegtl;

// clang-format off
struct colon : one< ':' > {};
struct field : star< not_one< ':' > > {};
struct fields : list< field, colon > {};
struct bracket_open : one< '[' > {};
struct literal : star< not_one< ']' > > {};        // up to the FIRST ']' (String.indexOf)
struct bracket_close : one< ']' > {};
// Java skips the character after ']' without looking at it (it means ':'), so `[::1]x2888:3888`
// reads as `[::1]:2888:3888`.
struct skipped : any {};
struct after_bracket : seq< skipped, fields > {};
struct bracketed : seq< bracket_open, literal, opt< bracket_close, opt< after_bracket > > > {};
struct plain : fields {};
struct host_and_port : seq< sor< bracketed, plain >, eof > {};
// clang-format on

struct State {
  const char* origin;
  bool bracketed = false;
  bool closed = false;
  bool skipped_char = false;
  Span literal;
  std::vector<Span> fields;
  bool separated = false;
  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - origin); }
};

template <typename Rule> struct action : nothing<Rule> {};
template <> struct action<bracket_open> {
  static void apply0(State& s) { s.bracketed = true; }
};
template <> struct action<literal> {
  template <typename Input> static void apply(const Input& in, State& s) { s.literal = {s.offset(in.begin()), s.offset(in.end())}; }
};
template <> struct action<bracket_close> {
  static void apply0(State& s) { s.closed = true; }
};
template <> struct action<skipped> {
  static void apply0(State& s) { s.skipped_char = true; }
};
template <> struct action<field> {
  template <typename Input> static void apply(const Input& in, State& s) { s.fields.push_back({s.offset(in.begin()), s.offset(in.end())}); }
};
template <> struct action<colon> {
  static void apply0(State& s) { s.separated = true; }
};
}  // namespace host_and_port

namespace {

// Java's String.split(x) drops trailing empty strings, but only when the separator occurred at
// all: "".split(":") is [""], ":".split(":") is [].
void drop_trailing_empty(std::vector<Span>& pieces, bool separated) {
  if (!separated) return;
  while (!pieces.empty() && pieces.back().empty()) pieces.pop_back();
}

std::vector<Span> split(std::string_view value, Span where, bool on_parts) {
  std::vector<Span> pieces;
  bool separated = false;
  const std::string_view text = where.of(value);
  layout::State state{value.data(), &pieces, &separated};
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), "");
  if (on_parts) pegtl::parse<layout::parts, layout::action>(in, state);
  else pegtl::parse<layout::addresses, layout::action>(in, state);
  drop_trailing_empty(pieces, separated);
  return pieces;
}

struct HostAndPort {
  bool bracketed = false;
  std::vector<Field> fields;
  std::optional<Problem> problem;
};

// ConfigUtils.getHostAndPort: `[literal]` + skipped char + split(":"), or a plain split(":").
HostAndPort read_host_and_port(std::string_view value, Span where) {
  HostAndPort out;
  const std::string_view text = where.of(value);
  host_and_port::State s{value.data()};
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), "");
  pegtl::parse<host_and_port::host_and_port, host_and_port::action>(in, s);
  out.bracketed = s.bracketed;
  if (!s.bracketed) {
    drop_trailing_empty(s.fields, s.separated);
    for (const Span f : s.fields) out.fields.push_back({f, std::string(f.of(value))});
    return out;
  }
  if (!s.closed) {
    out.problem = Problem{ProblemKind::unclosed_bracket, where};
    return out;
  }
  if (s.skipped_char && s.fields.size() == 1 && s.fields.front().empty()) {
    // Exactly one character after ']': Java finds no port after it.
    out.problem = Problem{ProblemKind::no_port_after_bracket, where};
    return out;
  }
  if (!s.skipped_char) {
    // Nothing after ']': Java returns the whole text with every '[' and ']' removed, as one field.
    std::string host;
    for (const char c : text) {
      if (c != '[' && c != ']') host += c;
    }
    out.fields.push_back({{where.begin + 1, where.end - 1}, std::move(host)});
    return out;
  }
  drop_trailing_empty(s.fields, s.separated);
  out.fields.push_back({s.literal, std::string(s.literal.of(value))});
  for (const Span f : s.fields) out.fields.push_back({f, std::string(f.of(value))});
  return out;
}

// Integer.parseInt on the untrimmed text, then InetSocketAddress's range check.
Port read_port(std::string_view value, Span span, std::vector<Problem>& problems) {
  Port port{span, connect_string::java_parse_int(span.of(value))};
  if (!port.number) problems.push_back({ProblemKind::port_not_a_number, span});
  else if (!port.in_range()) problems.push_back({ProblemKind::port_out_of_range, span});
  return port;
}

// QuorumServer.getType: trimmed, case-insensitive.
std::optional<PeerType> read_type(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && static_cast<unsigned char>(text[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(text[e - 1]) <= ' ') --e;
  std::string lower;
  for (std::size_t i = b; i < e; ++i) lower += static_cast<char>(text[i] >= 'A' && text[i] <= 'Z' ? text[i] + 32 : text[i]);
  if (lower == "participant") return PeerType::participant;
  if (lower == "observer") return PeerType::observer;
  return std::nullopt;
}

void read_client(std::string_view value, Span where, ServerSpec& spec) {
  ClientAddress client;
  client.text = where;
  HostAndPort hp = read_host_and_port(value, where);
  client.bracketed = hp.bracketed;
  client.fields = hp.fields;
  if (hp.problem) {
    spec.problems.push_back(*hp.problem);
  } else if (client.fields.size() > 2) {
    spec.problems.push_back({ProblemKind::client_bad_form, where});
  } else if (client.fields.empty()) {
    spec.problems.push_back({ProblemKind::client_no_fields, where});
  } else {
    if (client.fields.size() == 2) client.host = client.fields.front().span;
    client.host_text = client.fields.size() == 2 ? client.fields.front().text : "0.0.0.0";
    client.port = read_port(value, client.fields.back().span, spec.problems);
  }
  spec.client = std::move(client);
}

void read_address(std::string_view value, Span where, bool too_many_parts, ServerSpec& spec) {
  Address a;
  a.text = where;
  HostAndPort hp = read_host_and_port(value, where);
  a.bracketed = hp.bracketed;
  a.fields = std::move(hp.fields);
  if (hp.problem) {
    spec.problems.push_back(*hp.problem);
    spec.addresses.push_back(std::move(a));
    return;
  }
  if (too_many_parts) {
    spec.problems.push_back({ProblemKind::too_many_parts, {spec.parts[1].begin == 0 ? 0 : spec.parts[1].begin - 1, spec.parts.back().end}});
  } else if (a.fields.size() < 3 || a.fields.size() > 4) {
    spec.problems.push_back({ProblemKind::wrong_field_count, where});
  } else {
    a.quorum_port = read_port(value, a.fields[1].span, spec.problems);
    a.election_port = read_port(value, a.fields[2].span, spec.problems);
    if (a.quorum_port->number && a.election_port->number && a.quorum_port->in_range() && a.election_port->in_range() &&
        *a.quorum_port->number == *a.election_port->number) {
      spec.problems.push_back({ProblemKind::same_ports, {a.fields[1].span.begin, a.fields[2].span.end}});
    }
    if (a.fields.size() == 4) {
      a.type_span = a.fields[3].span;
      a.type = read_type(a.fields[3].text);
      if (!a.type) spec.problems.push_back({ProblemKind::unknown_type, a.fields[3].span});
    }
  }
  spec.addresses.push_back(std::move(a));
}

}  // namespace

PeerType ServerSpec::type() const {
  for (const Address& a : addresses) {
    if (a.type) return *a.type;
  }
  return PeerType::participant;
}

ServerSpec parse(std::string_view value) {
  ServerSpec spec;
  const Span whole{0, static_cast<std::uint32_t>(value.size())};
  spec.parts = split(value, whole, true);
  if (spec.parts.empty()) {
    spec.problems.push_back({ProblemKind::no_server_part, whole});
    return spec;
  }
  // The order below is QuorumServer's: the client part, the number of addresses, then each address.
  if (spec.parts.size() == 2) read_client(value, spec.parts[1], spec);
  const std::vector<Span> addresses = split(value, spec.parts[0], false);
  if (addresses.size() > 1) spec.problems.push_back({ProblemKind::multiple_addresses, spec.parts[0]});
  for (const Span a : addresses) read_address(value, a, spec.parts.size() > 2, spec);
  std::optional<PeerType> first;
  for (const Address& a : spec.addresses) {
    if (!a.type) continue;
    if (first && *first != *a.type) {
      spec.problems.push_back({ProblemKind::mixed_types, *a.type_span});
      break;
    }
    first = a.type;
  }
  return spec;
}

}  // namespace zklint::grammar::quorum_server
