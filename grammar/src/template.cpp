#include "zklint/grammar/template.hpp"

#include <algorithm>
#include <array>
#include <cctype>
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
struct brace_index : seq< one< '{' >, plus< digit >, one< '}' > > {};  // Python str.format: {0}
struct angle_placeholder : seq< one< '<' >, identifier, star< one< '-', '_' >, identifier >, one< '>' > > {};
struct marker : sor< jinja_open, tag_close, erb_open, shell_braced, shell_plain, percent_var, at_var, brace_var, brace_index, angle_placeholder > {};
// A placeholder or tag as a whole, for template_spans.
template< char O, char C > struct tag : seq< one< '{' >, one< O >, until< sor< seq< one< C >, one< '}' > >, eof > > > {};
struct erb_tag : seq< erb_open, until< sor< string< '%', '>' >, eof > > > {};
struct shell_braced_whole : seq< string< '$', '{' >, until< sor< one< '}' >, eof > > > {};
struct whole_marker : sor< tag< '{', '}' >, tag< '%', '%' >, tag< '#', '#' >, erb_tag, shell_braced_whole, shell_plain, percent_var, at_var,
                           brace_var, brace_index, angle_placeholder > {};
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

std::vector<TemplateSpan> template_spans(std::string_view raw) {
  std::vector<TemplateSpan> spans;
  if (!contains_template(raw)) return spans;
  std::size_t i = 0;
  while (i < raw.size()) {
    if (!marker_start_bytes[static_cast<unsigned char>(raw[i])]) {
      ++i;
      continue;
    }
    tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(raw.data() + i, raw.size() - i, "");
    if (tao::pegtl::parse<templates::whole_marker>(in)) {
      const std::size_t end = raw.size() - in.size();
      spans.push_back({i, end});
      i = end;
    } else {
      ++i;
    }
  }
  return spans;
}

std::string mask_templates(std::string_view raw, char fill) {
  std::string out(raw);
  for (const TemplateSpan& s : template_spans(raw)) std::fill(out.begin() + static_cast<std::ptrdiff_t>(s.begin), out.begin() + static_cast<std::ptrdiff_t>(s.end), fill);
  return out;
}

bool overlaps_template(const std::vector<TemplateSpan>& spans, std::size_t begin, std::size_t end) {
  return std::any_of(spans.begin(), spans.end(), [&](const TemplateSpan& s) { return s.begin < end && begin < s.end; });
}

bool template_line_may_emit_settings(std::string_view raw_line) {
  std::size_t first = raw_line.find_first_not_of(" \t\f");
  if (first == std::string_view::npos) return false;
  const std::string_view line = raw_line.substr(first);
  if (line.starts_with("{{")) return true;  // an expression alone on its line
  if (line.starts_with("{#")) return false;
  std::string_view body;
  if (line.starts_with("{%")) body = line.substr(2);
  else if (line.starts_with("<%")) body = line.substr(2);
  else return false;
  if (!body.empty() && (body.front() == '-' || body.front() == '+' || body.front() == '=')) {
    if (body.front() == '=') return true;  // <%= ... %> prints
    body.remove_prefix(1);
  }
  const std::size_t word_begin = body.find_first_not_of(" \t");
  if (word_begin == std::string_view::npos) return false;
  std::size_t word_end = word_begin;
  while (word_end < body.size() && (std::isalnum(static_cast<unsigned char>(body[word_end])) != 0 || body[word_end] == '_')) ++word_end;
  const std::string_view word = body.substr(word_begin, word_end - word_begin);
  static constexpr std::array<std::string_view, 17> flow = {"if", "elif", "elsif", "else", "endif", "for", "endfor", "set", "endset", "unless",
                                                            "end", "raw", "endraw", "comment", "endcomment", "with", "endwith"};
  if (std::find(flow.begin(), flow.end(), word) != flow.end()) return false;
  // ERB loops: <% @hosts.each do |h| %>
  if (line.starts_with("<%") && (body.find(" do ") != std::string_view::npos || body.find(" do|") != std::string_view::npos)) return false;
  return true;
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
