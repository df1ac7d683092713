// Unit tests of the java.util.Properties grammar: one case per rule of the format.
// The expected values are Java's (each was also checked with PropertiesOracle); the random
// conformance suite in tests/conformance compares whole files with the real JDK.

#include <doctest/doctest.h>

#include <string>
#include <tao/pegtl/contrib/analyze.hpp>

#include "zklint/grammar/properties.hpp"
#include "zklint/parse.hpp"

using namespace zklint;

namespace {

Document parse_text(std::string text) { return parse(SourceFile("test.properties", std::move(text))); }

std::string value_of(const Document& doc, std::string_view key) {
  const auto v = doc.get(key);
  REQUIRE_MESSAGE(v.has_value(), "key '" << std::string(key) << "' not found");
  return std::string(*v);
}

}  // namespace

TEST_CASE("the grammar has no rule that can loop without consuming input") {
  CHECK(tao::pegtl::analyze<grammar::properties::file>() == 0);
}

TEST_CASE("separators: '=', ':', blanks, and at most one '=' or ':' with blanks around it") {
  const auto doc = parse_text("a=1\nb:2\nc 3\nd = 4\ne\t:\t5\nf = = 6\ng::7\nh \f 8\n");
  CHECK(value_of(doc, "a") == "1");
  CHECK(value_of(doc, "b") == "2");
  CHECK(value_of(doc, "c") == "3");
  CHECK(value_of(doc, "d") == "4");
  CHECK(value_of(doc, "e") == "5");
  CHECK(value_of(doc, "f") == "= 6");
  CHECK(value_of(doc, "g") == ":7");
  CHECK(value_of(doc, "h") == "8");
  CHECK(doc.entries()[0].separator == Separator::equals);
  CHECK(doc.entries()[1].separator == Separator::colon);
  CHECK(doc.entries()[2].separator == Separator::blank);
  CHECK(doc.entries()[3].separator == Separator::equals);
}

TEST_CASE("a key alone has the empty value; '=value' has the empty key") {
  const auto doc = parse_text("only\n=v\n:w\n");
  REQUIRE(doc.entries().size() == 3);
  CHECK(value_of(doc, "only").empty());
  CHECK(doc.entries()[0].separator == Separator::none);
  CHECK(doc.entries()[1].key.empty());
  CHECK(doc.entries()[1].value == "v");
  CHECK(value_of(doc, "") == "w");  // last one wins
}

TEST_CASE("trailing blanks of a value are kept; leading blanks are not") {
  const auto doc = parse_text("k =   v \t \n");
  CHECK(value_of(doc, "k") == "v \t ");
}

TEST_CASE("comments start with # or ! after blanks, never continue, and '#' later is content") {
  const auto doc = parse_text("# c1\n  ! c2 \\\nk=v # not a comment\n\t#c3\\\n");
  REQUIRE(doc.entries().size() == 1);
  CHECK(value_of(doc, "k") == "v # not a comment");
  REQUIRE(doc.comments().size() == 3);
  CHECK(doc.comments()[0].text == " c1");
  CHECK(doc.comments()[1].marker == '!');
  CHECK(doc.comments()[1].range.begin.column == 3);
  CHECK(doc.comments()[2].range.begin.line == 4);
}

TEST_CASE("line ends: LF, CRLF and a lone CR") {
  const auto doc = parse_text("a=1\r\nb=2\rc=3\nd=4");
  CHECK(value_of(doc, "a") == "1");
  CHECK(value_of(doc, "b") == "2");
  CHECK(value_of(doc, "c") == "3");
  CHECK(value_of(doc, "d") == "4");
  CHECK(doc.find("c")->key_range.begin.line == 3);
  CHECK(doc.find("d")->key_range.begin.line == 4);
}

TEST_CASE("an odd run of backslashes continues the line, an even run does not") {
  const auto doc = parse_text("a=x\\\n    y\nb=x\\\\\nc=z\nd=x\\\\\\\n  w\n");
  CHECK(value_of(doc, "a") == "xy");
  CHECK(value_of(doc, "b") == "x\\");
  CHECK(value_of(doc, "c") == "z");
  CHECK(value_of(doc, "d") == "x\\w");
  CHECK(doc.find("a")->continued);
  CHECK_FALSE(doc.find("b")->continued);
}

TEST_CASE("continuation quirks: joined before splitting, and a blank line ends it") {
  const auto doc = parse_text("ke\\\n  y=1\nk2\\\n  v2\nk3=a\\\n\nk4=b\n");
  CHECK(value_of(doc, "key") == "1");
  CHECK(value_of(doc, "k2v2").empty());  // the blank separator was eaten with the leading blanks
  CHECK(value_of(doc, "k3") == "a");
  CHECK(value_of(doc, "k4") == "b");
}

TEST_CASE("a continued line keeps '#' at the start of the next line as content") {
  const auto doc = parse_text("k=a\\\n#b\n");
  CHECK(value_of(doc, "k") == "a#b");
}

TEST_CASE("escapes: \\t \\n \\r \\f \\uXXXX and any other \\c means c") {
  const auto doc = parse_text("k=\\t\\n\\r\\f\\u0041\\u00e9\\q\\\\\\ \\=\\:\\#\nmy\\ key=1\nx\\=y=2\n");
  CHECK(value_of(doc, "k") == "\t\n\r\fA\xC3\xA9q\\ =:#");
  CHECK(value_of(doc, "my key") == "1");
  CHECK(value_of(doc, "x=y") == "2");
}

TEST_CASE("a Windows path loses its backslashes, as in Java") {
  const auto doc = parse_text("log.dirs=C:\\kafka\\logs\n");
  CHECK(value_of(doc, "log.dirs") == "C:kafkalogs");
}

TEST_CASE("\\uXXXX digits may sit across a continuation line") {
  const auto doc = parse_text("k=\\u00\\\n   41\n");
  CHECK(value_of(doc, "k") == "A");
  CHECK(doc.syntax_issues().empty());
}

TEST_CASE("surrogate escapes: a pair is one code point, a lone one is kept") {
  const auto doc = parse_text("pair=\\uD83D\\uDE00\nlone=\\uD800x\n");
  CHECK(value_of(doc, "pair") == "\xF0\x9F\x98\x80");
  CHECK(value_of(doc, "lone") == "\xED\xA0\x80x");
}

TEST_CASE("a malformed \\u escape is a syntax issue; entries before it still load") {
  const auto doc = parse_text("a=1\nb=\\u12G4\nc=3\n");
  REQUIRE(doc.syntax_issues().size() == 1);
  const SyntaxIssue& issue = doc.syntax_issues()[0];
  CHECK(issue.kind == SyntaxIssue::Kind::malformed_unicode_escape);
  CHECK(issue.range.begin.line == 2);
  CHECK(issue.range.begin.column == 3);
  CHECK(issue.range.end.column == 8);  // through the 'G' that broke it
  REQUIRE(doc.load_failure_entry().has_value());
  CHECK(*doc.load_failure_entry() == 1);
  CHECK(doc.entries().size() == 3);  // parsing goes on
}

TEST_CASE("a \\u escape too short for the key is malformed too") {
  const auto doc = parse_text("k\\u00=v\n");
  REQUIRE(doc.syntax_issues().size() == 1);
  CHECK(doc.syntax_issues()[0].range.begin.column == 2);
}

TEST_CASE("ISO-8859-1: every byte is one char; UTF-8 bytes become two Latin-1 chars") {
  const auto doc = parse_text("k=\xC3\xA9\nl=\xE9\n");
  CHECK(value_of(doc, "k") == "\xC3\x83\xC2\xA9");  // "Ã©"
  CHECK(value_of(doc, "l") == "\xC3\xA9");          // "é"
}

TEST_CASE("NUL bytes are ordinary chars for Java") {
  const auto doc = parse_text(std::string("k=a\0b\n", 6));
  CHECK(value_of(doc, "k") == std::string("a\0b", 3));
}

TEST_CASE("the last duplicate key wins") {
  const auto doc = parse_text("k=1\nk=2\nj=0\nk=3\n");
  CHECK(value_of(doc, "k") == "3");
  CHECK(doc.find("k")->index == 3);
  CHECK(doc.entries().size() == 4);
}

TEST_CASE("backslash at end of file is dropped") {
  CHECK(value_of(parse_text("k=v\\"), "k") == "v");
  CHECK(value_of(parse_text("k=v\\\n"), "k") == "v");
  CHECK(parse_text("k=v\\").entries()[0].dropped_backslash_at_eof);
}

TEST_CASE("a lone backslash line joins nothing, except at the very end of the file") {
  CHECK(parse_text("\\\n#c\nk=v\n").entries().size() == 1);  // the '#' line is still a comment
  CHECK(parse_text("\\\r\n").entries().empty());
  CHECK(parse_text("\\\n  ").entries().empty());
  const auto lf = parse_text("k=v\n\\\n");
  REQUIRE(lf.entries().size() == 2);
  CHECK(lf.entries()[1].from_lone_backslash);
  CHECK(lf.entries()[1].key.empty());
  CHECK(parse_text("\\").entries().size() == 1);
  CHECK(parse_text("\\\r").entries().size() == 1);
}

TEST_CASE("exact ranges: key and value, 1-based, end exclusive") {
  const auto doc = parse_text("# header\n  clientPort = 2181  \n");
  const Entry& e = doc.entries().at(0);
  CHECK(e.key_range.begin == Position{2, 3, 11});
  CHECK(e.key_range.end == Position{2, 13, 21});
  CHECK(e.value_range.begin == Position{2, 16, 24});
  CHECK(e.value_range.end == Position{2, 22, 30});
  CHECK(e.separator_offset == 22);
}

TEST_CASE("an empty value sits right after the separator") {
  const auto doc = parse_text("k=\n");
  CHECK(doc.entries()[0].value_range.begin.column == 3);
  CHECK(doc.entries()[0].value_range.end.column == 3);
}

TEST_CASE("the position map follows escapes and continuation lines back to the source") {
  const auto doc = parse_text("zookeeper.connect=zk1:2181,\\\n    zk\\u0032:2181/kafka\n");
  const Entry& e = *doc.find("zookeeper.connect");
  REQUIRE(e.value == "zk1:2181,zk2:2181/kafka");
  // "zk2" starts at decoded offset 9, on the second physical line, column 5.
  const Range zk2 = e.value_source_range(doc.source(), 9, 12);
  CHECK(zk2.begin.line == 2);
  CHECK(zk2.begin.column == 5);
  CHECK(zk2.end.column == 13);  // the whole \u0032 escape
  // "/kafka" at decoded offset 17..23.
  const Range chroot = e.value_source_range(doc.source(), 17, 23);
  CHECK(chroot.begin == Position{2, 18, 46});
  CHECK(chroot.end == Position{2, 24, 52});
  // The range of the first host stays on line 1.
  const Range zk1 = e.value_source_range(doc.source(), 0, 3);
  CHECK(zk1.begin == Position{1, 19, 18});
  CHECK(zk1.end == Position{1, 22, 21});
}

TEST_CASE("columns count UTF-16 units of a UTF-8 line, as editors show it") {
  const auto doc = parse_text("k\xC3\xA9=v\n");
  const Entry& e = doc.entries()[0];
  CHECK(e.value_range.begin.column == 4);  // 'k', 'é', '=' are three columns
  CHECK(e.value_range.begin.offset == 4);
}

TEST_CASE("every logical line is kept in file order") {
  const auto doc = parse_text("# c\n\na=1\n! d\nb=2\n");
  REQUIRE(doc.lines().size() == 5);
  CHECK(doc.lines()[0].kind == LineItem::Kind::comment);
  CHECK(doc.lines()[1].kind == LineItem::Kind::blank);
  CHECK(doc.lines()[2].kind == LineItem::Kind::entry);
  CHECK(doc.lines()[3].kind == LineItem::Kind::comment);
  CHECK(doc.lines()[4].kind == LineItem::Kind::entry);
}

TEST_CASE("huge inputs parse without recursion: a 50 MB line and 1,000,000 continuation lines") {
  std::string long_line = "k=";
  long_line.append(50u << 20, 'x');
  const auto doc = parse_text(long_line);
  CHECK(doc.find("k")->value.size() == (50u << 20));

  std::string continued = "k=";
  for (int i = 0; i < 1'000'000; ++i) continued += "a\\\n ";
  continued += "z\n";
  const auto doc2 = parse_text(continued);
  REQUIRE(doc2.entries().size() == 1);
  CHECK(doc2.entries()[0].value.size() == 1'000'001);
  CHECK(doc2.entries()[0].last_line == 1'000'001);
}

// A file of more than 8 MiB per core is parsed in stretches on several threads (grammar/src/parse.cpp).
// Repeating one block that ends a logical line must give the block's parse repeated, shifted by
// its size: any entry cut, merged or misplaced at a stretch boundary shows up here. The block is
// full of lines whose end does not end the logical line (continuations, comments ending in `\`).
TEST_CASE("a big file parsed in stretches reads exactly like its block repeated") {
  const std::string block =
      "# a comment that ends in a backslash does not continue \\\n"
      "key\\ one = caf\\u00e9 and \\\n"
      "    continued \\\\\n"
      "second:line\\\n"
      "  \\\n"
      "  \\\n"
      "  more\r\n"
      "long = a value over many lines\\\n"
      "  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n"
      "  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n  \\\n"
      "  end\n"
      "! bang comment\r"
      "   \n"
      "bad=\\u12G4\n"
      "tail  \t  with trailing blanks   \n";
  const Document one = parse_text(block);
  REQUIRE(one.entries().size() == 5);
  REQUIRE(one.syntax_issues().size() == 1);
  const auto block_bytes = static_cast<std::uint32_t>(block.size());
  const std::uint32_t block_lines = one.source().line_count() - 1;  // the block ends a line: the last "line" is empty
  const std::size_t copies = (std::size_t{20} << 20) / block.size();
  // Where the stretches start depends on the file size: a leading comment of several lengths moves
  // those points through every line of the block.
  for (const std::size_t lead : {0, 97, 211, 389, 503, 701}) {
    CAPTURE(lead);
    std::string text = "#" + std::string(lead, 'x') + "\n";
    const auto lead_bytes = static_cast<std::uint32_t>(text.size());
    text.reserve(lead_bytes + copies * block.size());
    for (std::size_t c = 0; c < copies; ++c) text += block;
    const Document big = parse_text(std::move(text));

    REQUIRE(big.entries().size() == copies * one.entries().size());
    REQUIRE(big.comments().size() == 1 + copies * one.comments().size());
    REQUIRE(big.syntax_issues().size() == copies);
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < big.entries().size() && mismatches < 5; ++i) {
      const Entry& got = big.entries()[i];
      const Entry& want = one.entries()[i % one.entries().size()];
      const auto copy = static_cast<std::uint32_t>(i / one.entries().size());
      const auto shifted = [&](Position p) { return Position{p.line + 1 + copy * block_lines, p.column, p.offset + lead_bytes + copy * block_bytes}; };
      bool same = got.index == i && got.key == want.key && got.value == want.value && got.continued == want.continued &&
                  got.key_range.begin == shifted(want.key_range.begin) && got.value_range.end == shifted(want.value_range.end) &&
                  got.last_line == want.last_line + 1 + copy * block_lines;
      for (std::uint32_t d = 0; d <= want.value.size(); ++d) {
        same = same && got.value_map.source_begin(d) == want.value_map.source_begin(d) + lead_bytes + copy * block_bytes;
      }
      if (!same) {
        ++mismatches;
        FAIL_CHECK("entry " << i << " (copy " << copy << ") differs: key '" << std::string(got.key) << "' value '" << std::string(got.value) << "'");
      }
    }
    for (std::size_t i = 0; i < big.syntax_issues().size(); ++i) {
      if (big.syntax_issues()[i].entry_index != one.syntax_issues()[0].entry_index + i * one.entries().size()) ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(big.find("tail")->index == big.entries().size() - 1);  // the last copy's entry is the one Java keeps
  }
}
