// ZKL005 utf8-text: UTF-8 bytes in a key or value are read as ISO-8859-1 mojibake.
#include "support/source_text.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(Utf8Text)

namespace zklint::rules {

namespace {

// Length of a valid multi-byte UTF-8 sequence at s[i] (2..4), or 0.
std::size_t multibyte_length(std::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr std::uint32_t min_for[] = {0, 0, 0x80, 0x800, 0x10000};
  return cp >= min_for[n] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF) ? n : 0;
}

// What Java reads from UTF-8 bytes: one Latin-1 char per byte, shown as UTF-8.
std::string as_latin1(std::string_view bytes) {
  std::string out;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

}  // namespace

const RuleMeta& Utf8Text::meta() const {
  static const RuleMeta m{
      .code = "ZKL005",
      .name = "utf8-text",
      .severity = Severity::warning,
      .summary = "UTF-8 text in a key or value is read as ISO-8859-1, so 'é' becomes 'Ã©'",
      .doc = R"md(
`Properties.load(InputStream)`, which Kafka and ZooKeeper use, decodes the file as
ISO-8859-1: every byte is one character. A UTF-8 `é` (two bytes, `C3 A9`) therefore
arrives as the two characters `Ã©`. Nothing fails; the value is silently different
from what the file shows in an editor: a path, a principal name or a password that
contains it will not match.

Write non-ASCII characters as `\uXXXX` escapes (`\u00e9`); the fix does this. Comments
are not affected, and single bytes that are not UTF-8 (real ISO-8859-1 text) are read
as intended.
)md",
      .bad = {{.text = "owner=Ren\xC3\xA9\n", .file_name = "example.properties", .fixed = "owner=Ren\\u00e9\n"}},
      .good = {{.text = "owner=Ren\\u00e9\n# Ren\xC3\xA9 owns this file\n", .file_name = "example.properties"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void Utf8Text::check(const LintContext& ctx, Reporter& out) const {
  const SourceFile& source = ctx.source();
  if (source.ascii()) return;  // no byte >= 0x80, so no UTF-8 sequence
  // A byte order mark is no text anyone meant: Java reads it as three ISO-8859-1 characters at the
  // start of the first line, so `broker.id=1` sets the key 'ï»¿broker.id' (a '#' after it starts
  // no comment either). The fix deletes it.
  const bool bom = starts_with(source.bytes(), support::utf8_bom);
  if (bom) {
    out.report(source.range(0, static_cast<std::uint32_t>(support::utf8_bom.size())),
               "the file starts with a UTF-8 byte order mark, which Java reads as the characters 'ï»¿' in front of the first key")
        .help("save the file as UTF-8 without BOM (or ASCII)")
        .fix("delete the byte order mark", {{0, static_cast<std::uint32_t>(support::utf8_bom.size()), ""}});
  }
  for (const Entry& e : ctx.doc().entries()) {
    for (const Range& part : {e.key_range, e.value_range}) {
      std::string_view raw = support::raw(source, part);
      const std::uint32_t skipped = bom && part.begin.offset == 0 ? static_cast<std::uint32_t>(support::utf8_bom.size()) : 0;
      raw.remove_prefix(std::min<std::size_t>(skipped, raw.size()));
      std::vector<TextEdit> edits;
      std::string shown, read_as, escaped;
      std::uint32_t first = 0, last = 0;
      for (std::size_t i = 0; i < raw.size(); ++i) {
        std::uint32_t cp = 0;
        const std::size_t n = static_cast<unsigned char>(raw[i]) >= 0x80 ? multibyte_length(raw, i, cp) : 0;
        if (n == 0) continue;
        const auto at = static_cast<std::uint32_t>(part.begin.offset + skipped + i);
        if (edits.empty()) {
          first = at;
          shown = std::string(raw.substr(i, n));
          read_as = as_latin1(raw.substr(i, n));
          escaped = unicode_escape(cp);
        }
        last = at + static_cast<std::uint32_t>(n);
        edits.push_back({at, at + static_cast<std::uint32_t>(n), unicode_escape(cp)});
        i += n - 1;
      }
      if (edits.empty()) continue;
      const bool is_key = part == e.key_range;
      out.report(source.range(first, last), "UTF-8 text in the " + std::string(is_key ? "key " : "value of ") + quoted(e.key) +
                                                ": Java reads the file as ISO-8859-1, so " + quoted(shown) + " becomes " + quoted(read_as))
          .help("write it as " + escaped)
          .fix("escape non-ASCII characters as \\uXXXX", std::move(edits));
    }
  }
}

}  // namespace zklint::rules
