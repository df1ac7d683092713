// Unit tests of the KRaft quorum grammars against what Kafka does with the same text
// (QuorumConfig's '@' split and Integer.parseInt, Utils.HOST_PORT_PATTERN before and since 3.9,
// InetSocketAddress's port range, ConfigDef's list split that keeps empty items).

#include <doctest/doctest.h>

#include <string>

#include "zklint/grammar/quorum_voters.hpp"
#include "zklint/grammar/quorum_voters_messages.hpp"

using namespace zklint::grammar::quorum;

namespace {

struct Read {
  std::string id, host, port;
  VoterError error;
  AddressError address_error;
  std::string error_text;
  bool bracketed;
};

Read voter(const std::string& value, AddressSyntax syntax = AddressSyntax::strict) {
  const auto list = parse_voters(value, syntax);
  REQUIRE(list.size() == 1);
  const Voter& v = list[0];
  return {std::string(v.id_text.of(value)), std::string(v.address.host.of(value)), std::string(v.address.port_text.of(value)),
          v.error,  v.address.error, std::string(v.error_span.of(value)), v.address.bracketed};
}

AddressError server(const std::string& value) {
  const auto list = parse_bootstrap_servers(value);
  REQUIRE(list.size() == 1);
  return list[0].address.error;
}

}  // namespace

TEST_CASE("quorum voters: the forms Kafka accepts") {
  const Read plain = voter("1@kafka1:9093");
  CHECK(plain.error == VoterError::none);
  CHECK(plain.id == "1");
  CHECK(plain.host == "kafka1");
  CHECK(plain.port == "9093");

  const Read v6 = voter("2@[fd00::2]:9093");
  CHECK(v6.error == VoterError::none);
  CHECK(v6.host == "fd00::2");
  CHECK(v6.bracketed);
  CHECK(voter("2@fd00::2:9093").host == "fd00::2");  // unbracketed: split at the last ':'
  CHECK(voter("3@[kafka3:9093").host == "kafka3");   // each bracket is optional on its own
  CHECK(voter("1@CONTROLLER://kafka1:9093").host == "kafka1");  // 3.9+ allows a scheme prefix
  CHECK(voter("1@:9093").host.empty());                // an empty host matches
  CHECK(voter("+1@kafka1:9093").error == VoterError::none);  // Integer.parseInt takes a sign
  CHECK(voter("-1@kafka1:9093").error == VoterError::none);
  CHECK(voter("1@kafka1:9093@").error == VoterError::none);  // split drops the trailing empty piece
  CHECK(voter("1@h_1.example%eth0:0").error == VoterError::none);

  const std::string three = " 1@a:9093 , 2@b:9093,3@c:9093 ";
  const auto list = parse_voters(three, AddressSyntax::strict);
  REQUIRE(list.size() == 3);
  CHECK(list[1].id == 2);
  CHECK(list[1].address.host.of(three) == "b");
  CHECK(list[2].entry.of(three) == "3@c:9093");
}

TEST_CASE("quorum voters: what Kafka rejects, and where") {
  CHECK(voter("kafka1:9093").error == VoterError::no_at);
  CHECK(voter("1@").error == VoterError::no_at);
  CHECK(voter("@").error == VoterError::no_at);

  const Read twice = voter("1@@kafka1:9093");
  CHECK(twice.error == VoterError::extra_at);
  CHECK(twice.error_text == "@kafka1:9093");

  const Read id = voter("one@kafka1:9093");
  CHECK(id.error == VoterError::bad_id);
  CHECK(id.error_text == "one");
  CHECK(voter("@kafka1:9093").error == VoterError::bad_id);
  CHECK(voter("@kafka1:9093").error_text == "@");
  CHECK(voter("1 @kafka1:9093").error == VoterError::bad_id);  // no trim inside an entry
  CHECK(voter("99999999999@kafka1:9093").error == VoterError::bad_id);

  const Read no_port = voter("1@kafka1");
  CHECK(no_port.error == VoterError::bad_address);
  CHECK(no_port.address_error == AddressError::no_port);
  CHECK(voter("1@kafka1:").address_error == AddressError::no_port);

  const Read bad_port = voter("1@kafka1:9093/x");
  CHECK(bad_port.address_error == AddressError::bad_port);
  CHECK(bad_port.error_text == "9093/x");
  CHECK(voter("1@kafka1:-1").address_error == AddressError::bad_port);

  const Read space = voter("1@my host:9093");
  CHECK(space.address_error == AddressError::bad_host_char);
  CHECK(space.error_text == " ");
  CHECK(voter("1@k[x]:9093").address_error == AddressError::misplaced_bracket);
  CHECK(voter("1@SASL PLAIN://k:9093").address_error == AddressError::bad_host_char);
  CHECK(voter("1@kafka1:2147483648").address_error == AddressError::port_overflow);
  CHECK(voter("1@kafka1:65536").address_error == AddressError::port_out_of_range);
  CHECK(voter("1@kafka1:65535").error == VoterError::none);

  const auto trailing = parse_voters("1@a:9093,", AddressSyntax::strict);
  REQUIRE(trailing.size() == 2);  // ConfigDef keeps the trailing empty item
  CHECK(trailing[1].error == VoterError::empty_entry);

  for (int e = 1; e <= static_cast<int>(VoterError::bad_id); ++e) CHECK(!message(static_cast<VoterError>(e)).empty());
  for (int e = 1; e <= static_cast<int>(AddressError::port_out_of_range); ++e) CHECK(!message(static_cast<AddressError>(e)).empty());
}

TEST_CASE("quorum voters before Kafka 3.9: anything may precede the host") {
  const Read space = voter("1@my host:9093", AddressSyntax::lenient);
  CHECK(space.error == VoterError::none);
  CHECK(space.host == "host");
  CHECK(voter("1@x[ab]:9093", AddressSyntax::lenient).host == "ab");
  CHECK(voter("1@a/b:9093", AddressSyntax::lenient).host == "b");
  CHECK(voter("1@0.0.0.0:9093", AddressSyntax::lenient).host == "0.0.0.0");
  CHECK(voter("1@kafka1", AddressSyntax::lenient).address_error == AddressError::no_port);
  CHECK(voter("1@kafka1:9x", AddressSyntax::lenient).address_error == AddressError::bad_port);
  CHECK(voter("1@kafka1:70000", AddressSyntax::lenient).address_error == AddressError::port_out_of_range);
}

TEST_CASE("quorum bootstrap servers: host:port entries") {
  CHECK(server("kafka1:9093") == AddressError::none);
  CHECK(server("[fd00::1]:9093") == AddressError::none);
  CHECK(server("kafka1") == AddressError::no_port);
  CHECK(server("1@kafka1:9093") == AddressError::bad_host_char);  // a voter entry is no server
  const auto list = parse_bootstrap_servers("kafka1:9093,,kafka2:9093");
  REQUIRE(list.size() == 3);
  CHECK(list[1].entry.empty());
  CHECK(list[1].address.error == AddressError::no_port);
  CHECK(parse_bootstrap_servers("  ").empty());
  CHECK(parse_voters("", AddressSyntax::strict).empty());
}
