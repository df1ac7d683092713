#include "zklint/grammar/template.hpp"

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

bool contains_template(std::string_view raw) {
  if (raw.find_first_of("{}$%<@") == std::string_view::npos) return false;  // fast path: nearly every value
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(raw.data(), raw.size(), "");
  return tao::pegtl::parse<templates::find_marker>(in);
}

bool is_template_control(std::string_view raw_line) {
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(raw_line.data(), raw_line.size(), "");
  return tao::pegtl::parse<templates::control_line>(in);
}

}  // namespace zklint::grammar
