// The line syntax of java.util.Properties.load(InputStream), as a PEGTL grammar.
//
// Kafka (Utils.loadProps) and ZooKeeper (QuorumPeerConfig.parse) both read their files this way.
// The grammar works on raw bytes, which is exactly ISO-8859-1: one byte is one Java char.
// It accepts every byte sequence, as Java does; the only input Java rejects (a malformed \uXXXX
// escape) is found later, when keys and values are decoded (see decode.hpp).
//
// Structure only: which bytes form the key, the separator and the value of each logical line,
// where continuations join physical lines, and which lines are comments or blank. Escapes are kept
// as two-byte pairs here so that `\=`, `\:` and `\ ` never end a key and `\\` never continues a line.
#pragma once

#include <tao/pegtl.hpp>

namespace zklint::grammar::properties {

using namespace tao::pegtl;

// clang-format off
struct blank : one< ' ', '\t', '\f' > {};                      // Java's blank set: no vertical tab, no NBSP
struct eol : sor< string< '\r', '\n' >, one< '\r', '\n' > > {};  // CRLF, LF, and a lone CR
struct line_char : not_one< '\r', '\n' > {};
struct backslash : one< '\\' > {};
struct escape_pair : seq< backslash, line_char > {};           // `\c`: decoded later; a backslash before a line end is a continuation

// A backslash at the end of a physical line (left over after pairs) joins the next line; the
// next line's leading blanks are dropped. Even a line of blanks ends the logical line.
struct continuation : seq< backslash, eol, star< blank > > {};

struct key_char : not_one< '=', ':', ' ', '\t', '\f', '\r', '\n', '\\' > {};
struct key_text : plus< sor< escape_pair, key_char > > {};     // a run of raw key bytes on one physical line
struct key_tail : star< sor< key_text, continuation > > {};

// At most one `=` or `:` is taken, with blanks (and continuations) on either side.
struct separator_mark : one< '=', ':' > {};
struct gap : sor< blank, continuation > {};
struct separator_blank : blank {};
struct separator : sor< seq< separator_mark, star< gap > >,
                        seq< separator_blank, star< gap >, opt< separator_mark, star< gap > > > > {};

// The value runs to the end of the logical line and keeps trailing blanks; `#` here is content.
struct value_char : not_one< '\r', '\n', '\\' > {};
struct value_text : plus< sor< escape_pair, value_char > > {};
struct value : star< sor< value_text, continuation > > {};

struct dropped_backslash : seq< backslash, eof > {};           // Java drops an odd backslash at end of file
struct entry_end : sor< eol, eof, dropped_backslash > {};
struct keyed_entry : seq< key_text, key_tail, opt< separator >, value, entry_end > {};
struct keyless_entry : seq< separator_mark, star< gap >, value, entry_end > {};  // `=v` gives the key ""

// A comment starts at the first non-blank byte of a logical line and never continues.
struct comment_marker : one< '#', '!' > {};
struct comment_text : star< line_char > {};
struct comment : seq< comment_marker, comment_text, sor< eol, eof > > {};

// Between logical lines Java skips blanks and line ends. A lone `\` there joins nothing: it is
// skipped too, so a following `#` line is still a comment. But when the lone `\` is the last byte,
// or only an LF or a CR follows it, Java returns an empty logical line: the entry "" = "".
struct leading_blanks : plus< blank > {};
struct blank_line_end : eol {};
struct lone_continuation : seq< backslash, sor< string< '\r', '\n' >, seq< one< '\r', '\n' >, not_at< eof > > > > {};
struct lone_backslash_entry : seq< backslash, opt< one< '\r', '\n' > >, eof > {};

struct logical_line : sor< leading_blanks, blank_line_end, lone_continuation, comment, lone_backslash_entry, keyed_entry, keyless_entry > {};
struct file : until< eof, logical_line > {};
// clang-format on

}  // namespace zklint::grammar::properties
