// The keys a ZooKeeper 3.8 server reads (and from which line on, 3.5 to 3.9) from zoo.cfg / zookeeper.properties (QuorumPeerConfig.java parseProperties @3.8.4).
// The system-property keys are the `zookeeper.<key>` names ZooKeeper 3.8.0's own classes read
// (collected from the string constants of Debian's zookeeper.jar).
#pragma once

#include <span>
#include <string_view>

#include "zklint/lint/release_line.hpp"

namespace zklint::zookeeper_keys {

/// How QuorumPeerConfig consumes a key.
enum class Handling : unsigned char {
  parsed,           ///< handled by QuorumPeerConfig.parseProperties itself (trimmed, typed)
  system_property,  ///< copied to the JVM property zookeeper.<key>, which some class reads
  jvm_flag_only,    ///< copied to zookeeper.<key>, but the code reads the un-prefixed JVM flag: no effect
};

/// How the value is parsed: int/long by Integer/Long.parseInt (decimal, sign allowed), bool by
/// QPC.parseBoolean (true/false in any case), decoded_int by Integer.decode with junk replaced by
/// the default, hex_long by Long.parseLong(v, 16), choice by a fixed list of words, class_name by
/// Class.forName, host by InetAddress.getByName, text for anything else.
enum class ValueType : unsigned char { int_, long_, bool_, decoded_int, text, path, host, hex_long, choice, class_name };

struct Key {
  std::string_view name;
  Handling handling;
  ValueType type;
  std::string_view default_value;  ///< as ZooKeeper 3.8 applies it; empty when there is none or it is not verified
  ZooKeeperVersion since = {3, 5};  ///< the first release line that reads it (3.5 is the oldest zklint knows)
};

/// Every known key, sorted by name. server.N, group.N, weight.N, metricsProvider.x and
/// authProvider.x are families: see is_family_key and family_of.
std::span<const Key> all();
const Key* find(std::string_view name);
/// server.N, group.N, weight.N (N a number) and metricsProvider.x.
bool is_family_key(std::string_view name);

/// Keys that are known by their prefix: `metricsProvider.` (passed to the metrics provider) and
/// `authProvider.` (an authentication provider class per scheme).
struct Family {
  std::string_view prefix;
  Handling handling;
  ZooKeeperVersion since = {3, 5};
};
const Family* family_of(std::string_view name);

}  // namespace zklint::zookeeper_keys
