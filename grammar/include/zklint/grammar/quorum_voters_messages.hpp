// Human messages for what Kafka rejects in controller.quorum.voters and
// controller.quorum.bootstrap.servers, kept apart from the grammar (quorum_voters.hpp). The
// exception texts paraphrase QuorumConfig (Kafka 3.9/4.x; RaftConfig before) and Utils.
#pragma once

#include <string_view>

#include "zklint/grammar/quorum_voters.hpp"

namespace zklint::grammar::quorum {

/// What is wrong with a voter entry, as a clause (bad_address: see message(AddressError)).
constexpr std::string_view message(VoterError error) {
  switch (error) {
    case VoterError::none: return "";
    case VoterError::empty_entry: return "the entry is empty (two commas in a row, or a comma at the end)";
    case VoterError::no_at: return "there is no '@' between the voter id and its address (the form is id@host:port)";
    case VoterError::extra_at: return "there is more than one '@' (the form is id@host:port)";
    case VoterError::bad_id: return "the voter id before '@' is not an integer";
    case VoterError::bad_address: return "";
  }
  return "";
}

/// What is wrong with a host:port address, as a clause.
constexpr std::string_view message(AddressError error) {
  switch (error) {
    case AddressError::none: return "";
    case AddressError::no_port: return "there is no port after the host (the form is host:port)";
    case AddressError::bad_port: return "the text after the last ':' is not a port number (only digits; nothing may follow the port)";
    case AddressError::bad_host_char: return "the host contains a character other than letters, digits and - % . _ :";
    case AddressError::misplaced_bracket: return "a bracket is out of place: only an IPv6 host is bracketed, as in [fd00::1]:9093";
    case AddressError::port_overflow: return "the port is too large to be read as an int";
    case AddressError::port_out_of_range: return "the port is above 65535";
  }
  return "";
}

/// What a Kafka node throws at startup for an unreadable voter entry.
constexpr std::string_view java_exception(VoterError error, AddressError address = AddressError::none) {
  switch (error) {
    case VoterError::none: return "";
    case VoterError::empty_entry:
    case VoterError::no_at:
    case VoterError::extra_at: return "ConfigException (invalid controller.quorum.voters: each entry should be in the form {id}@{host}:{port})";
    case VoterError::bad_id: return "ConfigException (failed to parse voter ID as an integer)";
    case VoterError::bad_address:
      if (address == AddressError::port_overflow) return "NumberFormatException (for the port digits)";
      if (address == AddressError::port_out_of_range) return "IllegalArgumentException (port out of range)";
      return "ConfigException (failed to parse host name from entry ...; each entry should be in the form {id}@{host}:{port})";
  }
  return "";
}

/// What a Kafka node throws at startup for an unreadable bootstrap server.
constexpr std::string_view bootstrap_exception(AddressError error) {
  switch (error) {
    case AddressError::none: return "";
    case AddressError::port_overflow: return "NumberFormatException (for the port digits)";
    case AddressError::port_out_of_range: return "IllegalArgumentException (port out of range)";
    default: return "ConfigException (failed to parse host name from ... for controller.quorum.bootstrap.servers; each entry should be in the form \"{host}:{port}\")";
  }
}

}  // namespace zklint::grammar::quorum
