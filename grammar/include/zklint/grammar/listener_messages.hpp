// Human messages for what Kafka rejects in listener values, kept apart from the grammar
// (listeners.hpp). The exception texts paraphrase Kafka 3.9 (SocketServerConfigs, CoreUtils,
// KafkaConfig); 2.x and 4.x say the same in other words.
#pragma once

#include <string_view>

#include "zklint/grammar/listeners.hpp"

namespace zklint::grammar::listeners {

/// What is wrong with a listener entry, as a clause: "there is no '://' after the listener name".
constexpr std::string_view message(EntryError error) {
  switch (error) {
    case EntryError::none: return "";
    case EntryError::no_scheme: return "there is no '://' between the listener name and the address (the form is NAME://host:port)";
    case EntryError::blank_name: return "the listener name before '://' is empty";
    case EntryError::line_break_in_name: return "the listener name contains a line break";
    case EntryError::bad_host_char: return "the host contains a character other than letters, digits and - % . _ :";
    case EntryError::misplaced_bracket: return "a bracket is out of place: only an IPv6 host is bracketed, as in [::1]:9092";
    case EntryError::no_port: return "there is no port after the host (the form is NAME://host:port; an empty host means all interfaces)";
    case EntryError::bad_port: return "the text after the last ':' is not a port number (nothing may follow the port)";
    case EntryError::port_overflow: return "the port is too large to be read as an int";
  }
  return "";
}

/// What the broker throws at startup for an unreadable entry.
constexpr std::string_view java_exception(EntryError error) {
  switch (error) {
    case EntryError::none: return "";
    case EntryError::blank_name: return "ConfigException (the listener name is null or empty)";
    case EntryError::port_overflow: return "IllegalArgumentException (error creating broker listeners: NumberFormatException)";
    default: return "IllegalArgumentException (error creating broker listeners: unable to parse the entry to a broker endpoint)";
  }
}

/// What is wrong with a listener.security.protocol.map entry, as a clause.
constexpr std::string_view message(MappingError error) {
  switch (error) {
    case MappingError::none: return "";
    case MappingError::no_colon: return "the entry has no ':' (the form is NAME:PROTOCOL)";
    case MappingError::blank_name: return "the listener name before ':' is empty";
    case MappingError::unknown_protocol: return "the security protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL";
  }
  return "";
}

/// What the broker throws at startup for an unreadable map entry.
constexpr std::string_view java_exception(MappingError error) {
  switch (error) {
    case MappingError::none: return "";
    case MappingError::no_colon: return "IllegalArgumentException (error parsing configuration property 'listener.security.protocol.map')";
    case MappingError::blank_name: return "ConfigException (the listener name is null or empty)";
    case MappingError::unknown_protocol: return "ConfigException (invalid security protocol defined in listener.security.protocol.map)";
  }
  return "";
}

}  // namespace zklint::grammar::listeners
