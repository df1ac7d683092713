// The ZooKeeper release facts: every change between the release lines 3.5 to 3.9 that a verdict
// of zklint depends on, each with the upstream source that shows it, in one table. The twin of
// kafka_releases.hpp, and used the same way: rules ask by name,
//
//     if (zookeeper_fact::election_alg_only_3.holds_in(ctx.zookeeper_version())) ...
//
// and never compare versions themselves, so that the engine sees every question (a ReleaseLog
// notes it) and judges a file whose line is a guess once per class of lines that answer alike.
// Which line first reads a key is in the key table (zookeeper_keys.hpp); ask it with reads_key.
#pragma once

#include "release_facts.hpp"
#include "zookeeper_keys.hpp"

namespace zklint::zookeeper_fact {

/// A behaviour that holds from one release line on (and, for a few, up to a last one).
using ReleaseFact = ReleaseFactOf<ZooKeeperVersion>;

/// The release lines zklint knows, oldest first (ReleaseQuestions::zookeeper_changes numbers them).
std::span<const ZooKeeperVersion> lines();
/// The position of `v` in lines(), or lines().size() for a line zklint does not know.
std::size_t line_index(ZooKeeperVersion v);

}  // namespace zklint::zookeeper_fact

template <>
bool zklint::ReleaseFactOf<zklint::ZooKeeperVersion>::holds_in(ZooKeeperVersion v) const;  // zookeeper_releases.cpp

namespace zklint::zookeeper_fact {

inline constexpr std::array<ReleaseFact, 9> release_facts = {{
    {"election_alg_only_3", {3, 6}, {99, 99},
     "QuorumPeerConfig.java @release-3.6.0 parseProperties: any electionAlg but 3 throws \"Invalid electionAlg value. Only 3 is "
     "supported.\"; @release-3.5.10 reads it unchecked, and QuorumPeer.createElectionAlgorithm runs 0, 1, 2 and 3"},
    {"observer_master_port", {3, 6}, {99, 99},
     "QuorumPeerConfig.java @release-3.6.0 parseProperties reads observerMasterPort; @release-3.5.10 does not (the key only "
     "becomes the JVM property zookeeper.observerMasterPort, which nothing reads)"},
    {"multiple_server_addresses", {3, 6}, {99, 99},
     "QuorumPeer.java @release-3.6.0 QuorumServer splits a server.N address list on '|'; @release-3.5.10 "
     "ConfigUtils.getHostAndPort splits it on ':' into more than 4 parts: \"does not have the form server_config or "
     "server_config;client_config\""},
    {"metrics_provider", {3, 6}, {99, 99},
     "QuorumPeerConfig.java @release-3.6.0 parseProperties reads metricsProvider.className and loads it "
     "(ServerMetrics, ZOOKEEPER-3143); @release-3.5.10 has no metrics provider"},
    {"explicit_client_port_zero_picks_a_port", {3, 9}, {99, 99},
     "ZOOKEEPER-4303; QuorumPeerConfig.java @release-3.9.0 parseProperties: clientPort and secureClientPort are null when "
     "unset, so an explicit 0 binds a port the system picks; @release-3.8.4: 0 means not set"},
    {"four_letter_word_hash", {3, 6}, {99, 99},
     "FourLetterCommands.java @release-3.6.0 registers 'hash' (DigestCommand); absent @release-3.5.10"},
    {"strict_boolean_values", {3, 7}, {99, 99},
     "ZOOKEEPER-3721; QuorumPeerConfig.java @release-3.7.0 parseBoolean: a boolean key other than true/false (any case) throws "
     "\"Invalid option ... Choose 'true' or 'false.'\"; @release-3.6.4 and @release-3.5.10 read it with Boolean.parseBoolean, "
     "as false (standaloneEnabled and reconfigEnabled excepted, strict on every line)"},
    {"server_type_trimmed", {3, 6}, {99, 99},
     "QuorumPeer.java @release-3.6.0 QuorumServer.getType reads the fourth server.N field as s.trim().toLowerCase(); "
     "@release-3.5.10 QuorumServer.setType compares s.toLowerCase() untrimmed, so ' observer' throws \"Unrecognised peertype\""},
    {"any_character_after_ipv6_bracket", {3, 6}, {99, 99},
     "ConfigUtils.java @release-3.6.0 getHostAndPort ends an IPv6 literal at the first ']' and skips the next character "
     "unchecked; @release-3.5.10 it looks for \"]:\" (indexOf) and without one throws \"starts with '[' but has no matching ']:'\""},
}};

/// The fact named `name`; a misspelt name does not compile.
consteval const ReleaseFact& release_fact(std::string_view name) { return fact_named(release_facts, name); }

/// Whether ZooKeeper line `v` reads `key` (noted in the thread's ReleaseLog).
bool reads_key(const zookeeper_keys::Key& key, ZooKeeperVersion v);
bool reads_key(const zookeeper_keys::Family& family, ZooKeeperVersion v);

// The facts by name.
inline constexpr const ReleaseFact& election_alg_only_3 = release_fact("election_alg_only_3");
inline constexpr const ReleaseFact& observer_master_port = release_fact("observer_master_port");
inline constexpr const ReleaseFact& multiple_server_addresses = release_fact("multiple_server_addresses");
inline constexpr const ReleaseFact& metrics_provider = release_fact("metrics_provider");
inline constexpr const ReleaseFact& explicit_client_port_zero_picks_a_port = release_fact("explicit_client_port_zero_picks_a_port");
inline constexpr const ReleaseFact& four_letter_word_hash = release_fact("four_letter_word_hash");
inline constexpr const ReleaseFact& strict_boolean_values = release_fact("strict_boolean_values");
inline constexpr const ReleaseFact& server_type_trimmed = release_fact("server_type_trimmed");
inline constexpr const ReleaseFact& any_character_after_ipv6_bracket = release_fact("any_character_after_ipv6_bracket");

}  // namespace zklint::zookeeper_fact
