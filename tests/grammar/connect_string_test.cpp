// The zookeeper.connect sub-grammar: structure and offsets. Agreement with the real
// ConnectStringParser over a larger suite is tests/conformance/connect_string_conformance.cpp.
#include <doctest/doctest.h>

#include <string>

#include "zklint/grammar/connect_string.hpp"

using namespace zklint::grammar::connect_string;

namespace {

// "host|port" of every host the client keeps, "!" for a rejected element, then "/chroot".
std::string summary(std::string_view value, ClientLine line = ClientLine::zk35) {
  const ConnectString cs = parse(value, line);
  std::string out;
  for (const HostEntry* e : cs.hosts()) {
    out += "[" + std::string(e->host.of(value)) + "|";
    out += e->error == EntryError::none ? std::to_string(e->port) : std::string("!");
    out += "]";
  }
  if (cs.chroot) out += cs.chroot->issues.empty() ? std::string(cs.chroot_path(value)) : "/!";
  return out;
}

}  // namespace

TEST_CASE("connect string: hosts, default ports and the chroot") {
  CHECK(summary("zk1:2181,zk2:2181,zk3:2181/kafka") == "[zk1|2181][zk2|2181][zk3|2181]/kafka");
  CHECK(summary("192.168.1.100") == "[192.168.1.100|2181]");
  CHECK(summary("zk1:") == "[zk1|2181]");
  CHECK(summary("zk1:2181/") == "[zk1|2181]");
  CHECK(summary("  zk1:2181 , zk2:2182  ") == "[zk1|2181][zk2|2182]");
  CHECK(summary("a:1:2") == "[a:1|2]");
  CHECK(summary(":2181") == "[|2181]");
  CHECK(summary("a:+2181") == "[a|2181]");
  CHECK(summary("a:-0") == "[a|0]");
}

TEST_CASE("connect string: the mistakes of the seed") {
  CHECK(summary("zk1:2181 zk2:2181") == "[zk1:2181 zk2|2181]");
  CHECK(summary("zk1:2181/kafka,zk2:2181,zk3:2181") == "[zk1|2181]/kafka,zk2:2181,zk3:2181");
  CHECK(summary("zk1:2181;zk2:2181") == "[zk1:2181;zk2|2181]");
}

TEST_CASE("connect string: ports are read like Integer.parseInt, then range-checked") {
  CHECK(summary("zk1: 2181") == "[zk1|!]");
  CHECK(summary("zk1:2181x") == "[zk1|!]");
  CHECK(summary("zk1:65536") == "[zk1|!]");
  CHECK(summary("zk1:-1") == "[zk1|!]");
  CHECK(summary("zk1:2147483648") == "[zk1|!]");
  CHECK(summary("zk1:\xD9\xA3") == "[zk1|3]");  // ARABIC-INDIC DIGIT THREE
  CHECK(java_parse_int("-2147483648") == -2147483647 - 1);
  CHECK(!java_parse_int("+"));
  CHECK(!java_parse_int(""));
  CHECK(!java_parse_int("0x10"));
  const ConnectString cs = parse("zk1:2181x");
  CHECK(cs.entries[0].error == EntryError::port_not_a_number);
  CHECK(cs.entries[0].port_text.begin == 4);
  CHECK(cs.entries[0].port_text.end == 9);
}

TEST_CASE("connect string: IPv6 literals") {
  CHECK(summary("[::1]:2181,[fe80::1%eth0]") == "[::1|2181][fe80::1%eth0|2181]");
  CHECK(summary("::1") == "[:|1]");
  CHECK(summary("[a]b]") == "[a]b|2181]");
  CHECK(parse("[::1").entries[0].error == EntryError::bracket_unclosed);
  CHECK(parse("[]:2181").entries[0].error == EntryError::bracket_empty);
  CHECK(parse("[::1]x").entries[0].error == EntryError::bracket_junk);
  CHECK(parse("[::1]:").entries[0].error == EntryError::bracket_no_port);
  CHECK(parse("[::1]: 5").entries[0].error == EntryError::port_not_a_number);
  // ZooKeeper 3.4 has no brackets: `[::1]` splits at its last ':' and the port `1]` is junk.
  CHECK(summary("[::1]", ClientLine::zk34) == "[[:|!]");
}

TEST_CASE("connect string: empty elements, 3.5+ versus 3.4") {
  CHECK(summary("a:2181,,b:2181,") == "[a|2181][b|2181]");
  CHECK(summary("a:2181,,b:2181,", ClientLine::zk34) == "[a|2181][|2181][b|2181]");
  CHECK(summary("a:2181, b:2181", ClientLine::zk34) == "[a|2181][ b|2181]");
  CHECK(parse("", ClientLine::zk35).no_hosts());
  CHECK(parse(" , ,", ClientLine::zk35).no_hosts());
  CHECK(parse("/kafka", ClientLine::zk35).no_hosts());
  CHECK(parse(",", ClientLine::zk34).no_hosts());
  CHECK(!parse("", ClientLine::zk34).no_hosts());  // "".split(",") is [""]
}

TEST_CASE("connect string: chroot validation like PathUtils.validatePath") {
  CHECK(summary("a/kafka/") == "[a|2181]/!");
  CHECK(summary("a/k//x") == "[a|2181]/!");
  CHECK(summary("a/k/./x") == "[a|2181]/!");
  CHECK(summary("a/..") == "[a|2181]/!");
  CHECK(summary("a/...") == "[a|2181]/...");
  CHECK(summary("a/.x") == "[a|2181]/.x");
  CHECK(summary("a/b c") == "[a|2181]/b c");
  CHECK(summary("a/k\x01x") == "[a|2181]/!");
  CHECK(summary("a/k\x01") == "[a|2181]/k");  // Kafka's trim removes a trailing control character
  CHECK(summary("a/k\xF0\x9F\x98\x80") == "[a|2181]/!");  // non-BMP: surrogates in Java
  const ConnectString cs = parse("zk1/kafka//x/");
  REQUIRE(cs.chroot);
  REQUIRE(cs.chroot->issues.size() == 2);
  CHECK(cs.chroot->issues[0].kind == PathError::trailing_slash);
  CHECK(cs.chroot->issues[0].at.begin == 12);
  CHECK(cs.chroot->issues[1].kind == PathError::empty_segment);
  CHECK(cs.chroot->issues[1].at.begin == 9);
  CHECK(cs.chroot->issues[1].at.end == 11);
}

TEST_CASE("connect string: offsets are into the untrimmed decoded value") {
  const std::string_view v = "  zk1:2181 ,zk2/kafka ";
  const ConnectString cs = parse(v);
  CHECK(cs.value.begin == 2);
  CHECK(cs.value.end == 21);
  REQUIRE(cs.entries.size() == 2);
  CHECK(cs.entries[0].piece.of(v) == "zk1:2181 ");
  CHECK(cs.entries[0].element.of(v) == "zk1:2181");
  CHECK(*cs.entries[0].colon == 5);
  CHECK(cs.commas == std::vector<std::uint32_t>{11});
  CHECK(cs.chroot->text.of(v) == "/kafka");
}
