#include "zklint/grammar/template.hpp"

#include <algorithm>
#include <array>
#include <tao/pegtl.hpp>

namespace zklint::grammar {
namespace templates {

using namespace tao::pegtl;

// clang-format off
struct identifier : seq< ranges< 'A', 'Z', 'a', 'z', '_' >, star< ranges< 'A', 'Z', 'a', 'z', '0', '9', '_' > > > {};
struct jinja_open : sor< string< '{', '{' >, string< '{', '%' >, string< '{', '#' > > {};  // an opener alone is enough
struct tag_close : sor< string< '}', '}' >, string< '%', '}' >, string< '#', '}' >, string< '%', '>' > > {};  // and a closer on a later line
struct erb_open : string< '<', '%' > {};
struct shell_braced : seq< string< '$', '{' >, sor< identifier, one< '@', '!', '#' > > > {};  // also ${file:...} providers
struct shell_plain : seq< one< '$' >, ranges< 'A', 'Z', '_' >, star< ranges< 'A', 'Z', '0', '9', '_' > > > {};
struct percent_var : seq< one< '%' >, ranges< 'A', 'Z', '_' >, star< ranges< 'A', 'Z', '0', '9', '_' > >, one< '%' > > {};
struct at_var : seq< one< '@' >, identifier, one< '@' > > {};
struct brace_var : seq< one< '{' >, identifier, one< '}' > > {};
struct angle_placeholder : seq< one< '<' >, identifier, star< one< '-', '_' >, identifier >, one< '>' > > {};
struct marker : sor< jinja_open, tag_close, erb_open, shell_braced, shell_plain, percent_var, at_var, brace_var, angle_placeholder > {};
struct find_marker : until< marker > {};

struct blanks : star< one< ' ', '\t', '\f' > > {};
struct block_tag : sor< string< '{', '%' >, string< '{', '#' >, seq< erb_open, not_at< one< '=' > > > > {};
struct lone_expression : seq< string< '{', '{' >, until< string< '}', '}' > >, blanks, eof > {};
struct control_line : seq< blanks, sor< block_tag, lone_expression > > {};
// clang-format on

}  // namespace templates

namespace {

// Every marker starts with one of these bytes; nearly every value has none of them.
constexpr std::array<bool, 256> marker_start_bytes = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : std::string_view("{}$%<@")) table[c] = true;
  return table;
}();

}  // namespace

bool contains_template(std::string_view raw) {
  // The fast path, a table lookup per byte (find_first_of searches the set once per byte).
  if (std::none_of(raw.begin(), raw.end(), [](char c) { return marker_start_bytes[static_cast<unsigned char>(c)]; })) return false;
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(raw.data(), raw.size(), "");
  return tao::pegtl::parse<templates::find_marker>(in);
}

bool is_template_control(std::string_view raw_line) {
  // Every control line starts with '{' or '<' after its blanks; nearly every line does not.
  std::size_t first = 0;
  while (first < raw_line.size() && (raw_line[first] == ' ' || raw_line[first] == '\t' || raw_line[first] == '\f')) ++first;
  if (first == raw_line.size() || (raw_line[first] != '{' && raw_line[first] != '<')) return false;
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(raw_line.data(), raw_line.size(), "");
  return tao::pegtl::parse<templates::control_line>(in);
}

}  // namespace zklint::grammar
