#include "zklint/grammar/directive.hpp"

#include <tao/pegtl.hpp>

namespace zklint::grammar {
namespace directive {

using namespace tao::pegtl;

// clang-format off
struct blanks : star< one< ' ', '\t', '\f' > > {};
struct prefix : seq< blanks, TAO_PEGTL_STRING( "zklint:" ) > {};
struct kind_disable_next_line : TAO_PEGTL_STRING( "disable-next-line" ) {};
struct kind_disable_file : TAO_PEGTL_STRING( "disable-file" ) {};
struct kind_disable : TAO_PEGTL_STRING( "disable" ) {};
struct kind_enable : TAO_PEGTL_STRING( "enable" ) {};
struct kind : sor< kind_disable_next_line, kind_disable_file, kind_disable, kind_enable > {};
struct id : plus< ranges< 'a', 'z', 'A', 'Z', '0', '9', '-', '-', '_', '_' > > {};
struct id_list : list< id, seq< blanks, one< ',' >, blanks > > {};
struct reason_text : star< any > {};
struct reason : seq< blanks, TAO_PEGTL_STRING( "--" ), blanks, reason_text > {};
struct body : seq< blanks, kind, plus< one< ' ', '\t' > >, id_list, opt< reason >, blanks, eof > {};
// clang-format on

struct State {
  Directive* out;
  const char* base;
};

template <typename Rule> struct action : nothing<Rule> {};
template <> struct action<kind_disable_next_line> { static void apply0(State& s) { s.out->kind = Directive::Kind::disable_next_line; } };
template <> struct action<kind_disable_file> { static void apply0(State& s) { s.out->kind = Directive::Kind::disable_file; } };
template <> struct action<kind_disable> { static void apply0(State& s) { s.out->kind = Directive::Kind::disable; } };
template <> struct action<kind_enable> { static void apply0(State& s) { s.out->kind = Directive::Kind::enable; } };
template <> struct action<id> {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.out->ids.push_back({in.string_view(), static_cast<std::uint32_t>(in.begin() - s.base)});
  }
};
template <> struct action<reason_text> {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    std::string_view r = in.string_view();
    while (!r.empty() && (r.back() == ' ' || r.back() == '\t' || r.back() == '\f')) r.remove_suffix(1);
    s.out->reason = r;
  }
};

}  // namespace directive

DirectiveParse parse_directive(std::string_view comment_text, Directive& out) {
  using namespace tao::pegtl;
  memory_input<tracking_mode::lazy> in(comment_text.data(), comment_text.size(), "");
  if (!parse<directive::prefix>(in)) return DirectiveParse::not_a_directive;
  out = Directive{};
  directive::State state{&out, comment_text.data()};
  if (!parse<directive::body, directive::action>(in, state)) {
    out = Directive{};
    return DirectiveParse::malformed;
  }
  return DirectiveParse::ok;
}

}  // namespace zklint::grammar
