// Unit tests of the listener grammars against what Kafka 3.9 does with the same text
// (SocketServerConfigs' endpoint regex, Csv.parseCsvList / parseCsvMap, ListenerName.normalised).

#include <doctest/doctest.h>

#include <string>

#include "zklint/grammar/csv.hpp"
#include "zklint/grammar/listener_messages.hpp"
#include "zklint/grammar/listeners.hpp"

using namespace zklint::grammar;
using listeners::EntryError;
using listeners::MappingError;

namespace {

struct Read {
  std::string name, host, port;
  EntryError error;
  std::string error_text;
};

Read read_one(const std::string& value) {
  const auto list = listeners::parse_listeners(value);
  REQUIRE(list.size() == 1);
  const auto& e = list[0];
  return {std::string(e.name.of(value)), std::string(e.host.of(value)), std::string(e.port_text.of(value)), e.error,
          std::string(e.error_span.of(value))};
}

std::vector<std::string> items(const std::string& value, csv::Empties empties) {
  std::vector<std::string> out;
  for (const auto& item : csv::split(value, empties)) out.emplace_back(item.of(value));
  return out;
}

}  // namespace

TEST_CASE("csv: blanks around commas vanish; which empty items survive depends on the reader") {
  using V = std::vector<std::string>;
  CHECK(items("  a , b,c  ", csv::Empties::keep) == V{"a", "b", "c"});
  CHECK(items("a,,b,", csv::Empties::keep) == V{"a", "", "b", ""});
  CHECK(items("a, ,b", csv::Empties::keep) == V{"a", "", "b"});
  CHECK(items(",a,,b,,", csv::Empties::drop_trailing) == V{"", "a", "", "b"});
  CHECK(items(",a,,b,,", csv::Empties::drop) == V{"a", "b"});
  CHECK(items("   ", csv::Empties::keep).empty());
  CHECK(items("a b", csv::Empties::keep) == V{"a b"});
}

TEST_CASE("listeners: the forms Kafka accepts") {
  const Read plain = read_one("PLAINTEXT://kafka1:9092");
  CHECK(plain.error == EntryError::none);
  CHECK(plain.name == "PLAINTEXT");
  CHECK(plain.host == "kafka1");
  CHECK(plain.port == "9092");

  CHECK(read_one("PLAINTEXT://:9092").host.empty());
  CHECK(read_one("SSL://[::1]:9093").host == "::1");
  CHECK(read_one("SSL://::1:9093").host == "::1");  // unbracketed IPv6 still matches the regex
  CHECK(read_one("A://0.0.0.0:0").error == EntryError::none);
  CHECK(read_one("A://host:-1").port == "-1");  // -?[0-9]+ : parses, fails later at bind
  CHECK(read_one("A://[host:1").host == "host");  // both brackets are optional on their own
  CHECK(read_one("x://b://h:1").name == "x://b");  // the name is greedy: everything before the last ://
  CHECK(read_one("my listener://h_1.example%eth0:1").error == EntryError::none);

  const std::string two = " INTERNAL://:9092 , EXTERNAL://broker.example.com:9093 ";
  const auto list = listeners::parse_listeners(two);
  REQUIRE(list.size() == 2);
  CHECK(list[1].name.of(two) == "EXTERNAL");
  CHECK(list[1].host.of(two) == "broker.example.com");
}

TEST_CASE("listeners: what Kafka rejects, and where") {
  CHECK(read_one("localhost:9092").error == EntryError::no_scheme);
  CHECK(read_one("PLAINTEXT:/host:9092").error == EntryError::no_scheme);
  CHECK(read_one("://host:9092").error == EntryError::blank_name);
  CHECK(read_one("PLAINTEXT://host").error == EntryError::no_port);
  CHECK(read_one("PLAINTEXT://host:").error == EntryError::no_port);

  const Read path = read_one("PLAINTEXT://host:9092/kafka");
  CHECK(path.error == EntryError::bad_port);
  CHECK(path.error_text == "9092/kafka");

  const Read space = read_one("PLAINTEXT://my host:9092");
  CHECK(space.error == EntryError::bad_host_char);
  CHECK(space.error_text == " ");

  const Read star = read_one("PLAINTEXT://*:9092");
  CHECK(star.error == EntryError::bad_host_char);
  CHECK(star.error_text == "*");

  CHECK(read_one("PLAINTEXT://h[x]:9092").error == EntryError::misplaced_bracket);
  CHECK(read_one("PLAINTEXT://host:+9092").error == EntryError::bad_port);
  CHECK(read_one("PLAINTEXT://host:99999999999").error == EntryError::port_overflow);
  CHECK(read_one("PLAINTEXT://host:2147483647").error == EntryError::none);
  CHECK(read_one("PLAINTEXT://host:2147483648").error == EntryError::port_overflow);
  CHECK(read_one("A\nB://h:1").error == EntryError::line_break_in_name);
  for (int e = 0; e <= static_cast<int>(EntryError::port_overflow); ++e) {
    if (e != 0) CHECK(!listeners::message(static_cast<EntryError>(e)).empty());
  }
}

TEST_CASE("listener.security.protocol.map: split at the last ':', protocols in any case") {
  const std::string value = "INTERNAL:PLAINTEXT, external : sasl_ssl,a:b:SSL,";
  const auto map = listeners::parse_protocol_map(value);
  REQUIRE(map.size() == 3);  // the trailing empty entry is dropped, as String.split drops it
  CHECK(map[0].ok());
  CHECK(map[1].ok());
  CHECK(map[1].name.of(value) == "external");
  CHECK(map[1].protocol.of(value) == "sasl_ssl");
  CHECK(map[2].name.of(value) == "a:b");

  const std::string bad = ",A:PLAINTEXT,B,:SSL,C:TLS";
  const auto errors = listeners::parse_protocol_map(bad);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].error == MappingError::no_colon);  // a leading empty entry is kept, and has no ':'
  CHECK(errors[1].ok());
  CHECK(errors[2].error == MappingError::no_colon);
  CHECK(errors[3].error == MappingError::blank_name);
  CHECK(errors[4].error == MappingError::unknown_protocol);

  CHECK(listeners::normalised("sasl_ssl") == "SASL_SSL");
  CHECK(listeners::normalised("\xC5\xBFsl") == "SSL");  // Java upper-cases the long s to S
}

TEST_CASE("blank values have no entries") {
  CHECK(listeners::parse_listeners("").empty());
  CHECK(listeners::parse_protocol_map("").empty());
  CHECK(listeners::parse_listeners(" , ,").empty());
}
