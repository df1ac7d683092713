#include "zklint/grammar/connect_string.hpp"

#include <algorithm>
#include <array>
#include <tao/pegtl.hpp>

namespace zklint::grammar::connect_string {
namespace pegtl = tao::pegtl;

// --- Level 1: host list and chroot over the trimmed value --------------------------------------
namespace layout {
using namespace tao::pegtl;

// clang-format off
struct comma : one< ',' > {};
struct piece : star< not_one< ',', '/' > > {};       // may be empty or blank: the client decides what to keep
struct host_list : list< piece, comma > {};         // only ',' separates hosts; blanks and ';' are host text
struct slash : one< '/' > {};
struct segment : star< not_one< '/' > > {};
// The chroot starts at the FIRST '/' anywhere, so `zk1:2181/kafka,zk2:2181` has the chroot
// `/kafka,zk2:2181` (',' and ':' are legal in znode names) and only one host.
struct chroot : seq< slash, list< segment, slash > > {};
struct connect_string : seq< host_list, opt< chroot >, eof > {};
// clang-format on

struct State {
  const char* origin;
  ConnectString* out;
  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - origin); }
};

template <typename Rule> struct action : nothing<Rule> {};
template <> struct action<piece> {
  template <typename Input> static void apply(const Input& in, State& s) {
    HostEntry e;
    e.piece = {s.offset(in.begin()), s.offset(in.end())};
    s.out->entries.push_back(e);
  }
};
template <> struct action<comma> {
  template <typename Input> static void apply(const Input& in, State& s) { s.out->commas.push_back(s.offset(in.begin())); }
};
template <> struct action<chroot> {
  template <typename Input> static void apply(const Input& in, State& s) {
    s.out->chroot->text = {s.offset(in.begin()), s.offset(in.end())};
  }
};
template <> struct action<slash> {
  template <typename Input> static void apply(const Input&, State& s) {
    if (!s.out->chroot) s.out->chroot.emplace();
  }
};
template <> struct action<segment> {
  template <typename Input> static void apply(const Input& in, State& s) {
    s.out->chroot->segments.push_back({s.offset(in.begin()), s.offset(in.end())});
  }
};
}  // namespace layout

// --- Level 2: one host element ------------------------------------------------------------------
namespace element {
using namespace tao::pegtl;

// clang-format off
struct port_colon : one< ':' > {};
struct port_text : star< any > {};                   // checked afterwards like Integer.parseInt
// A plain element is split at its LAST ':', so `a:1:2` is host `a:1` with port 2, and the
// unbracketed IPv6 literal `::1` becomes host `:` with port 1.
struct last_colon : seq< one< ':' >, star< not_one< ':' > >, eof > {};
struct plain_host : star< not_at< last_colon >, any > {};
struct plain : seq< plain_host, opt< port_colon, port_text > > {};

// `[literal]` and `[literal]:port` (ZooKeeper 3.5+). The literal ends at the LAST ']':
// `[a]b]` is the host `a]b`.
struct bracket_open : one< '[' > {};
struct last_bracket : seq< one< ']' >, star< not_one< ']' > >, eof > {};
struct bracket_host : star< not_at< last_bracket >, any > {};
struct bracket_close : one< ']' > {};
struct bracket_no_port : seq< one< ':' >, eof > {};  // `[::1]:` is an error, unlike a plain `zk1:`
struct bracket_port : seq< port_colon, at< any >, port_text > {};
struct bracket_junk : plus< any > {};               // `[::1]x`
struct bracket_tail : sor< eof, bracket_no_port, bracket_port, bracket_junk > {};
struct closable : seq< one< '[' >, until< one< ']' > > > {};
struct bracketed : seq< at< closable >, bracket_open, bracket_host, bracket_close, bracket_tail > {};
struct bracket_unclosed : seq< one< '[' >, star< any > > {};

struct element_zk35 : seq< sor< bracketed, bracket_unclosed, plain >, eof > {};
struct element_zk34 : seq< plain, eof > {};          // 3.4 knows no brackets: `[::1]` splits at its last ':'
// clang-format on

struct State {
  const char* origin;
  HostEntry* out;
  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - origin); }
};

template <typename Rule> struct action : nothing<Rule> {};
template <> struct action<plain_host> {
  template <typename Input> static void apply(const Input& in, State& s) { s.out->host = {s.offset(in.begin()), s.offset(in.end())}; }
};
template <> struct action<bracket_host> : action<plain_host> {};
template <> struct action<bracket_open> {
  template <typename Input> static void apply(const Input&, State& s) { s.out->bracketed = true; }
};
template <> struct action<port_colon> {
  template <typename Input> static void apply(const Input& in, State& s) { s.out->colon = s.offset(in.begin()); }
};
template <> struct action<port_text> {
  template <typename Input> static void apply(const Input& in, State& s) {
    s.out->port_text = {s.offset(in.begin()), s.offset(in.end())};
    s.out->port_form = in.empty() ? PortForm::empty : PortForm::given;
  }
};
template <> struct action<bracket_no_port> {
  template <typename Input> static void apply(const Input& in, State& s) {
    s.out->colon = s.offset(in.begin());
    s.out->error = EntryError::bracket_no_port;
  }
};
template <> struct action<bracket_junk> {
  template <typename Input> static void apply(const Input&, State& s) { s.out->error = EntryError::bracket_junk; }
};
template <> struct action<bracket_unclosed> {
  template <typename Input> static void apply(const Input& in, State& s) {
    s.out->host = {s.offset(in.begin()), s.offset(in.end())};
    s.out->error = EntryError::bracket_unclosed;
  }
};
}  // namespace element

namespace {

// Java's String.trim(): every char <= U+0020 counts as blank.
bool java_blank(char c) { return static_cast<unsigned char>(c) <= 0x20; }

Span trimmed(std::string_view value, Span s) {
  while (s.begin < s.end && java_blank(value[s.begin])) ++s.begin;
  while (s.end > s.begin && java_blank(value[s.end - 1])) --s.end;
  return s;
}

// Decodes one code point of (generalized) UTF-8 at `i`; malformed bytes count as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = b(i);
  const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return U'\uFFFD';
  }
  char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      ++i;
      return U'\uFFFD';
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

// The BMP blocks of Unicode decimal digits (Java 17's Character.digit): each holds 0-9 starting at
// this code point. Digits above U+FFFF are surrogate pairs in Java, which parseInt rejects.
constexpr std::array<char32_t, 37> digit_zeros = {
    0x30,   0x660,  0x6F0,  0x7C0,  0x966,  0x9E6,  0xA66,  0xAE6,  0xB66,  0xBE6,  0xC66,  0xCE6,  0xD66,
    0xDE6,  0xE50,  0xED0,  0xF20,  0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10};

int decimal_digit(char32_t cp) {
  for (const char32_t zero : digit_zeros) {
    if (cp >= zero && cp < zero + 10) return static_cast<int>(cp - zero);
  }
  return -1;
}

void read_port(std::string_view value, HostEntry& e) {
  if (e.error != EntryError::none || e.port_form != PortForm::given) return;
  bool non_ascii = false;
  const auto port = java_parse_int(e.port_text.of(value), &non_ascii);
  e.non_ascii_port_digits = non_ascii;
  if (!port) {
    e.error = EntryError::port_not_a_number;
  } else if (*port < 0 || *port > 65535) {  // InetSocketAddress.createUnresolved's range check
    e.error = EntryError::port_out_of_range;
  } else {
    e.port = *port;
  }
}

void read_element(std::string_view value, HostEntry& e, ClientLine line) {
  e.host = e.element;
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(value.data() + e.element.begin, e.element.size(), "");
  element::State state{value.data(), &e};
  if (line == ClientLine::zk35) {
    pegtl::parse<element::element_zk35, element::action>(in, state);
  } else {
    pegtl::parse<element::element_zk34, element::action>(in, state);
  }
  // NetUtils checks for an empty literal before it looks at what follows the ']'.
  if (e.bracketed && e.host.empty() && e.error != EntryError::bracket_unclosed) e.error = EntryError::bracket_empty;
  read_port(value, e);
}

void validate_chroot(std::string_view value, Chroot& chroot) {
  if (chroot.root_only()) return;
  std::vector<PathIssue> issues;
  // The run of '/' at the end is one problem (a trailing slash), not also an empty segment.
  std::uint32_t trailing = chroot.text.end;
  while (trailing > chroot.text.begin + 1 && value[trailing - 1] == '/') --trailing;
  for (const Span seg : chroot.segments) {
    if (seg.empty() && seg.begin < trailing) issues.push_back({PathError::empty_segment, {seg.begin - 1, seg.begin + 1}});
    const std::string_view name = seg.of(value);
    if (name == "." || name == "..") issues.push_back({PathError::relative_segment, seg});
    for (std::size_t i = seg.begin; i < seg.end;) {
      const std::size_t at = i;
      const char32_t c = next_code_point(value, i);
      const bool invalid = (c >= 0x01 && c <= 0x1F) || (c >= 0x7F && c <= 0x9F) || (c >= 0xD800 && c <= 0xF8FF) || c >= 0xFFF0;
      const Span where{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(i)};
      if (c == 0) issues.push_back({PathError::null_char, where});
      else if (invalid) issues.push_back({PathError::invalid_char, where});
    }
  }
  std::stable_sort(issues.begin(), issues.end(), [](const PathIssue& a, const PathIssue& b) { return a.at.begin < b.at.begin; });
  // validatePath rejects a trailing '/' before it looks at anything else.
  if (trailing < chroot.text.end) issues.insert(issues.begin(), {PathError::trailing_slash, {trailing, chroot.text.end}});
  chroot.issues = std::move(issues);
}

}  // namespace

std::optional<std::int32_t> java_parse_int(std::string_view text, bool* non_ascii) {
  if (non_ascii != nullptr) *non_ascii = false;
  std::size_t i = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    i = 1;
    if (text.size() == 1) return std::nullopt;  // a lone sign
  }
  if (i >= text.size()) return std::nullopt;
  // Accumulate negatively, as Java does, so that -2147483648 fits.
  const std::int64_t limit = negative ? -2147483648LL : -2147483647LL;
  std::int64_t result = 0;
  while (i < text.size()) {
    const char32_t cp = next_code_point(text, i);
    const int digit = decimal_digit(cp);
    if (digit < 0) return std::nullopt;
    if (cp >= 0x80 && non_ascii != nullptr) *non_ascii = true;
    result = result * 10 - digit;
    if (result < limit) return std::nullopt;
  }
  return static_cast<std::int32_t>(negative ? result : -result);
}

std::vector<const HostEntry*> ConnectString::hosts() const {
  std::vector<const HostEntry*> out;
  for (const HostEntry& e : entries) {
    if (!e.dropped) out.push_back(&e);
  }
  return out;
}

bool ConnectString::rejected() const {
  if (chroot && !chroot->issues.empty()) return true;
  const auto kept = hosts();
  return kept.empty() || std::any_of(kept.begin(), kept.end(), [](const HostEntry* e) { return e->error != EntryError::none; });
}

std::string_view ConnectString::chroot_path(std::string_view decoded) const {
  if (!chroot || chroot->root_only()) return {};
  return chroot->text.of(decoded);
}

ConnectString parse(std::string_view value, ClientLine line) {
  ConnectString cs;
  cs.line = line;
  cs.value = trimmed(value, {0, static_cast<std::uint32_t>(value.size())});
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(value.data() + cs.value.begin, cs.value.size(), "");
  layout::State state{value.data(), &cs};
  pegtl::parse<layout::connect_string, layout::action>(in, state);  // total: matches every string

  for (HostEntry& e : cs.entries) {
    e.element = line == ClientLine::zk35 ? trimmed(value, e.piece) : e.piece;
    e.dropped = line == ClientLine::zk35 && e.element.empty();
  }
  if (line == ClientLine::zk34 && !(cs.entries.size() == 1 && cs.entries[0].piece.empty())) {
    // String.split(",") drops trailing empty strings, except that "" alone splits into [""].
    for (auto it = cs.entries.rbegin(); it != cs.entries.rend() && it->piece.empty(); ++it) it->dropped = true;
  }
  for (HostEntry& e : cs.entries) {
    if (!e.dropped) read_element(value, e, line);
  }
  if (cs.chroot) validate_chroot(value, *cs.chroot);
  return cs;
}

}  // namespace zklint::grammar::connect_string
