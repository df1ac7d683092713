#include "zklint/grammar/comment_lines.hpp"

#include <tao/pegtl.hpp>

namespace zklint::grammar {
namespace comment_lines {

using namespace tao::pegtl;

struct State {
  const char* base;
  const char* end;
  std::vector<CommentSpan>* out;
  unsigned indentation_indicator = 0;  ///< of the block scalar header being read; 0: none
};

bool blank_char(char c) { return c == ' ' || c == '\t'; }
bool break_char(char c) { return c == '\n' || c == '\r'; }

const char* line_start(const char* p, const char* base) {
  while (p > base && !break_char(p[-1])) --p;
  return p;
}

const char* after_line_break(const char* p, const char* end) {
  if (p < end && *p == '\r') ++p;
  if (p < end && *p == '\n') ++p;
  return p;
}

// The content of a block scalar (YAML 1.2 §8.1): the lines after its header that are empty or
// indented at least as far as the content. The content's indentation is the header's indicator
// or else that of the first non-empty line; it must be deeper than the header line's, or the
// scalar is empty. Never fails: a scalar with no content is empty.
struct block_content {
  using rule_t = block_content;
  using subs_t = empty_list;

  template <apply_mode, rewind_mode, template <typename...> class Action, template <typename...> class Control, typename ParseInput>
  static bool match(ParseInput& in, State& s) {
    const char* const from = in.current();
    const char* const header = line_start(from, s.base);
    std::size_t parent = 0;
    while (header + parent < from && header[parent] == ' ') ++parent;
    std::size_t content = s.indentation_indicator == 0 ? 0 : parent + s.indentation_indicator;
    s.indentation_indicator = 0;
    const char* line = after_line_break(from, s.end);
    const char* block_end = line;
    while (line < s.end) {
      std::size_t indent = 0;
      while (line + indent < s.end && line[indent] == ' ') ++indent;
      const char* eol = line + indent;
      bool empty = true;
      for (; eol < s.end && !break_char(*eol); ++eol) empty = empty && blank_char(*eol);
      if (!empty) {
        if (content == 0) content = indent;
        if (content <= parent || indent < content) break;
      }
      line = after_line_break(eol, s.end);
      block_end = line;
    }
    in.bump(static_cast<std::size_t>(block_end - from));
    return true;
  }
};

// clang-format off
struct blank : one< ' ', '\t' > {};
struct line_break : sor< string< '\r', '\n' >, one< '\n', '\r' > > {};
struct comment : seq< one< '#' >, star< not_one< '\n', '\r' > > > {};
struct double_quoted : seq< one< '"' >, star< sor< seq< one< '\\' >, any >, not_one< '"' > > >, opt< one< '"' > > > {};
struct single_quoted : seq< one< '\'' >, star< sor< two< '\'' >, not_one< '\'' > > >, opt< one< '\'' > > > {};
struct indentation_indicator : range< '1', '9' > {};
struct chomping_indicator : one< '+', '-' > {};
struct block_indicators : rep_max< 2, sor< indentation_indicator, chomping_indicator > > {};
struct block_indicator : one< '|', '>' > {};
struct block_header : seq< block_indicator, block_indicators, star< blank >, opt< comment >, at< sor< line_break, eof > > > {};
struct block_scalar : seq< block_header, block_content > {};
// Anything else up to a blank: keys, indicators, plain scalars. A '#' or a quote inside a word is
// text ("a#b", "it's"); only a token that starts with one opens a comment or a quoted scalar.
struct word : plus< not_one< ' ', '\t', '\n', '\r' > > {};
struct token : sor< block_scalar, comment, double_quoted, single_quoted, word, blank, line_break > {};
struct yaml_stream : seq< star< token >, eof > {};

struct env_comment : seq< one< '#' >, star< not_one< '\n', '\r' > > > {};
struct env_line : seq< star< blank >, opt< env_comment >, star< not_one< '\n', '\r' > >, opt< line_break > > {};
struct env_stream : until< eof, env_line > {};
// clang-format on

template <typename Rule> struct action : nothing<Rule> {};

void record(const char* begin, const char* end, State& s) {
  const char* line = line_start(begin, s.base);
  bool own_line = true;
  for (const char* p = line; p < begin; ++p) own_line = own_line && blank_char(*p);
  s.out->push_back({static_cast<std::uint32_t>(begin - s.base), static_cast<std::uint32_t>(end - s.base), own_line});
}

template <> struct action<comment> {
  template <typename Input> static void apply(const Input& in, State& s) { record(in.begin(), in.end(), s); }
};
template <> struct action<env_comment> {
  template <typename Input> static void apply(const Input& in, State& s) { record(in.begin(), in.end(), s); }
};
template <> struct action<block_indicator> {
  static void apply0(State& s) { s.indentation_indicator = 0; }
};
template <> struct action<indentation_indicator> {
  template <typename Input> static void apply(const Input& in, State& s) { s.indentation_indicator = static_cast<unsigned>(*in.begin() - '0'); }
};

template <typename Grammar>
std::vector<CommentSpan> comments(std::string_view text) {
  std::vector<CommentSpan> out;
  State state{text.data(), text.data() + text.size(), &out};
  memory_input<tracking_mode::lazy> in(text.data(), text.size(), "");
  parse<Grammar, action>(in, state);  // both grammars accept every input
  return out;
}

}  // namespace comment_lines

std::vector<CommentSpan> yaml_comments(std::string_view text) { return comment_lines::comments<comment_lines::yaml_stream>(text); }

std::vector<CommentSpan> env_file_comments(std::string_view text) { return comment_lines::comments<comment_lines::env_stream>(text); }

}  // namespace zklint::grammar
