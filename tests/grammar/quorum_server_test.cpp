// The server.N sub-grammar against the cases confirmed with ZooKeeper 3.8 (QuorumPeer.java QuorumServer @3.8.4 and the
// conformance fixtures in tests/conformance/zookeeper/).
#include <doctest/doctest.h>

#include <string>

#include "zklint/grammar/quorum_server.hpp"
#include "zklint/grammar/quorum_server_messages.hpp"

using namespace zklint::grammar::quorum_server;

namespace {

std::string first_problem(std::string_view value) {
  const ServerSpec s = parse(value);
  if (s.ok()) return "ok";
  return std::string(message(s.problems.front().kind));
}

bool accepted(std::string_view value) { return parse(value).ok(); }

}  // namespace

TEST_CASE("server.N: the accepted forms") {
  const std::string_view value = "zk1:2888:3888:observer;10.0.0.1:2181";
  const ServerSpec s = parse(value);
  REQUIRE(s.ok());
  REQUIRE(s.addresses.size() == 1);
  const Address& a = s.addresses[0];
  CHECK(a.host_text() == "zk1");
  CHECK(a.quorum_port->number == 2888);
  CHECK(a.election_port->number == 3888);
  CHECK(a.quorum_port->span.of(value) == "2888");
  CHECK(a.type == PeerType::observer);
  CHECK(s.type() == PeerType::observer);
  REQUIRE(s.client);
  CHECK(s.client->host_text == "10.0.0.1");
  CHECK(s.client->port->number == 2181);
  CHECK(s.client->port->span.begin == value.find("2181"));

  CHECK(accepted("zk1:2888:3888"));
  CHECK(accepted("zk1:2888:3888;2181"));
  CHECK(parse("zk1:2888:3888;2181").client->host_text == "0.0.0.0");
  CHECK(accepted("[2001:db8::1]:2888:3888"));
  CHECK(parse("[2001:db8::1]:2888:3888").addresses[0].host_text() == "2001:db8::1");
  CHECK(accepted("zk1:+2888:03888"));
  CHECK(accepted("zk1:2888:3888: Participant "));  // only the type is trimmed
  CHECK(accepted(":2888:3888"));                   // an empty host resolves to the loopback address
}

TEST_CASE("server.N: Java's split drops trailing empty parts") {
  CHECK(accepted("zk1:2888:3888:"));
  CHECK(accepted("zk1:2888:3888;"));
  CHECK(accepted("zk1:2888:3888;;;"));
  CHECK(accepted("zk1:2888:3888|"));
  CHECK(parse("zk1:2888:3888;").client == std::nullopt);
  // A lone '|' leaves no address at all, and QuorumServer never looks further.
  CHECK(accepted("|"));
  CHECK(parse("|").addresses.empty());
  CHECK(first_problem(";;") == message(ProblemKind::no_server_part));
  CHECK(first_problem("zk1:2888:3888;:") == message(ProblemKind::client_no_fields));
  CHECK(first_problem("") == message(ProblemKind::wrong_field_count));
  CHECK(first_problem(";2181") == message(ProblemKind::wrong_field_count));
}

TEST_CASE("server.N: the character after ']' is skipped unchecked") {
  CHECK(accepted("[::1]x2888:3888"));
  CHECK(first_problem("[::1") == message(ProblemKind::unclosed_bracket));
  CHECK(first_problem("[::1]:") == message(ProblemKind::no_port_after_bracket));
  CHECK(first_problem("[::1]") == message(ProblemKind::wrong_field_count));
  CHECK(first_problem("[::1]::2888:3888") == message(ProblemKind::port_not_a_number));
  // Nothing after ']' in the client part: the brackets vanish and "2181" is the port.
  CHECK(accepted("zk1:2888:3888;[2181]"));
  CHECK(accepted("zk1:2888:3888;[::1]|2181"));
  CHECK(first_problem("zk1:2888:3888;[::1]") == message(ProblemKind::port_not_a_number));
}

TEST_CASE("server.N: what ZooKeeper rejects, with positions") {
  {
    const std::string_view value = "zk1:2888:3888 ";
    const ServerSpec s = parse(value);
    REQUIRE(s.problems.size() == 1);
    CHECK(s.problems[0].kind == ProblemKind::port_not_a_number);
    CHECK(s.problems[0].at.of(value) == "3888 ");
  }
  {
    const std::string_view value = "zk1:2888:2888";
    const ServerSpec s = parse(value);
    REQUIRE(s.problems.size() == 1);
    CHECK(s.problems[0].kind == ProblemKind::same_ports);
    CHECK(s.problems[0].at.of(value) == "2888:2888");
  }
  CHECK(first_problem("zk1:2888:70000") == message(ProblemKind::port_out_of_range));
  CHECK(first_problem("zk1:2888:3888;70000") == message(ProblemKind::port_out_of_range));
  CHECK(first_problem("zk1:2888:3888:foo") == message(ProblemKind::unknown_type));
  CHECK(first_problem("zk1:2888:3888|zk1b:2888:3888") == message(ProblemKind::multiple_addresses));
  CHECK(first_problem("zk1:2888:3888;1;2") == message(ProblemKind::too_many_parts));
  CHECK(first_problem("zk1:2888:3888;a:b:c") == message(ProblemKind::client_bad_form));
  CHECK(first_problem("2001:db8::1:2888:3888") == message(ProblemKind::wrong_field_count));
  CHECK(first_problem("zk1:2888") == message(ProblemKind::wrong_field_count));
  CHECK(first_problem("zk1:2888:3888:observer:x") == message(ProblemKind::wrong_field_count));
  const ServerSpec mixed = parse("a:1:2:participant|b:1:2:observer");
  CHECK(mixed.problems.back().kind == ProblemKind::mixed_types);
}
