// LSP positions: lines end as java.util.Properties ends them, characters count in the client's
// encoding, and Latin-1 bytes are one character each.
#include <doctest/doctest.h>

#include "positions.hpp"
#include "transport.hpp"

namespace zklint::lsp {

TEST_CASE("lsp positions: LF, CRLF and lone CR end lines") {
  const std::string text = "a=1\r\nb=2\rc=3\nd";
  const LineIndex index(text, false);
  CHECK(index.line_count() == 4);
  CHECK(index.position(7, PositionEncoding::utf16) == LspPosition{1, 2});  // '2' on line 2
  CHECK(index.position(9, PositionEncoding::utf16) == LspPosition{2, 0});  // after the lone CR
  CHECK(index.position(4, PositionEncoding::utf16) == LspPosition{0, 3});  // between CR and LF: the line's end
  CHECK(index.offset({2, 2}, PositionEncoding::utf16) == 11);
  CHECK(index.offset({0, 99}, PositionEncoding::utf16) == 3);   // past the line's end: its end
  CHECK(index.offset({99, 0}, PositionEncoding::utf16) == text.size());
}

TEST_CASE("lsp positions: UTF-16 units, UTF-8 bytes, and Latin-1 bytes") {
  const std::string utf8 = "k=\xC3\xBC\xF0\x9F\x98\x80x";  // k=ü😀x
  const LineIndex index(utf8, false);
  CHECK(index.position(static_cast<std::uint32_t>(utf8.size()) - 1, PositionEncoding::utf16) == LspPosition{0, 5});
  CHECK(index.position(static_cast<std::uint32_t>(utf8.size()) - 1, PositionEncoding::utf8) == LspPosition{0, 8});
  CHECK(index.offset({0, 4}, PositionEncoding::utf16) == 4);  // inside the surrogate pair: the character's start
  const std::string latin1 = "k=\xFCx";
  const LineIndex bytes(latin1, true);
  CHECK(bytes.position(3, PositionEncoding::utf16) == LspPosition{0, 3});
  CHECK(bytes.position(3, PositionEncoding::utf8) == LspPosition{0, 4});
  CHECK(bytes.offset({0, 4}, PositionEncoding::utf8) == 3);
  CHECK(latin1_to_utf8(latin1) == "k=\xC3\xBCx");
  CHECK(utf8_to_latin1("k=\xC3\xBCx") == latin1);
  CHECK_FALSE(utf8_to_latin1("\xE2\x82\xAC").has_value());  // the euro sign is not Latin-1
  CHECK(valid_utf8(utf8));
  CHECK_FALSE(valid_utf8(latin1));
  CHECK_FALSE(valid_utf8("\xED\xA0\x80"));  // a UTF-16 surrogate is not UTF-8
}

TEST_CASE("lsp framing: split messages, two in one read, and a broken header skipped") {
  FrameReader reader;
  reader.append("Content-Length: 2\r\n\r\n{");
  CHECK_FALSE(reader.next().has_value());
  reader.append("}Content-Length: 2\r\ncontent-type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[]");
  CHECK(reader.next()->body == "{}");
  CHECK(reader.next()->body == "[]");
  reader.append("Content-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}");
  const auto broken = reader.next();
  REQUIRE(broken.has_value());
  CHECK(broken->header_error.has_value());
  CHECK(reader.next()->body == "{}");
  reader.append("Content-Length: 99999999999\r\n\r\n");
  CHECK(reader.next()->header_error.has_value());
}

}  // namespace zklint::lsp
