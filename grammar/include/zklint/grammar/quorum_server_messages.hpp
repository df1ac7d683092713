// Human messages for what ZooKeeper rejects in a `server.N` value, kept apart from the grammar
// (quorum_server.hpp). The exception texts paraphrase what ZooKeeper 3.8 throws at startup.
#pragma once

#include <string_view>

#include "zklint/grammar/quorum_server.hpp"

namespace zklint::grammar::quorum_server {

/// What is wrong, as a clause: "the port is not a number".
constexpr std::string_view message(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::no_server_part: return "the value has no server address, only ';'";
    case ProblemKind::client_bad_form: return "the client address after ';' has more than host:port";
    case ProblemKind::client_no_fields: return "the client address after ';' has no port";
    case ProblemKind::unclosed_bracket: return "it starts with '[' but has no closing ']'";
    case ProblemKind::no_port_after_bracket: return "nothing follows the ':' after ']'";
    case ProblemKind::port_not_a_number: return "the port is not a number (ZooKeeper does not trim it)";
    case ProblemKind::port_out_of_range: return "the port is outside 0-65535";
    case ProblemKind::multiple_addresses:
      return "'|' lists several addresses, which ZooKeeper accepts only with the JVM flag "
             "-Dzookeeper.multiAddress.enabled=true (the zoo.cfg key multiAddress.enabled does not enable it)";
    case ProblemKind::too_many_parts: return "there is more than one ';' part: only host:quorumPort:electionPort[:type];[host:]clientPort is allowed";
    case ProblemKind::wrong_field_count: return "the address is not host:quorumPort:electionPort[:participant|observer]";
    case ProblemKind::same_ports: return "the quorum port and the election port are the same";
    case ProblemKind::unknown_type: return "the server type is neither participant nor observer";
    case ProblemKind::mixed_types: return "the addresses of one server name different types";
  }
  return "";
}

/// The exception ZooKeeper throws (paraphrased, with its class).
constexpr std::string_view java_exception(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::no_server_part:
    case ProblemKind::client_no_fields: return "ArrayIndexOutOfBoundsException";
    case ProblemKind::client_bad_form:
    case ProblemKind::too_many_parts:
    case ProblemKind::wrong_field_count: return "ConfigException (does not have the form server_config or server_config;client_config)";
    case ProblemKind::unclosed_bracket: return "ConfigException (starts with '[' but has no matching ']:')";
    case ProblemKind::no_port_after_bracket: return "ConfigException (doesn't have a port after colon)";
    case ProblemKind::port_not_a_number: return "ConfigException (Address unresolved)";
    case ProblemKind::port_out_of_range: return "IllegalArgumentException (port out of range)";
    case ProblemKind::multiple_addresses: return "ConfigException (Multiple address feature is disabled)";
    case ProblemKind::same_ports: return "ConfigException (Client and election port must be different!)";
    case ProblemKind::unknown_type: return "ConfigException (Unrecognised peertype)";
    case ProblemKind::mixed_types: return "ConfigException (Multiple addresses should have similar roles)";
  }
  return "";
}

}  // namespace zklint::grammar::quorum_server
