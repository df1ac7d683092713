#include "zookeeper_keys.hpp"

#include <algorithm>

namespace zklint::zookeeper_keys {
namespace {

using H = Handling;
using T = ValueType;

// Sorted by name (std::string_view ordering); a test checks the order.
constexpr Key keys[] = {
    {"4lw.commands.whitelist", H::system_property, T::text, "srvr"},
    {"admin.commandURL", H::system_property, T::text, "/commands"},
    {"admin.enableServer", H::system_property, T::text, "true"},
    {"admin.idleTimeout", H::system_property, T::decoded_int, "30000"},
    {"admin.serverAddress", H::system_property, T::host, "0.0.0.0"},
    {"admin.serverPort", H::system_property, T::decoded_int, "8080"},
    {"authProvider.1", H::system_property, T::text, ""},
    {"autopurge.purgeInterval", H::parsed, T::int_, "0"},
    {"autopurge.snapRetainCount", H::parsed, T::int_, "3"},
    {"clientPort", H::parsed, T::int_, "0"},
    {"clientPortAddress", H::parsed, T::host, ""},
    {"clientPortListenBacklog", H::parsed, T::int_, "-1"},
    {"connectToLearnerMasterLimit", H::parsed, T::int_, "0"},
    {"dataDir", H::parsed, T::path, ""},
    {"dataLogDir", H::parsed, T::path, ""},
    {"dynamicConfigFile", H::parsed, T::path, ""},
    {"electionAlg", H::parsed, T::int_, "3"},
    {"forceSync", H::system_property, T::text, "yes"},
    {"fsync.warningthresholdms", H::system_property, T::long_, "1000"},
    {"globalOutstandingLimit", H::system_property, T::decoded_int, "1000"},
    {"initLimit", H::parsed, T::int_, "0"},
    {"jute.maxbuffer", H::jvm_flag_only, T::decoded_int, "1048575"},
    {"jvm.pause.info-threshold.ms", H::parsed, T::long_, "1000"},
    {"jvm.pause.monitor", H::parsed, T::bool_, "false"},
    {"jvm.pause.sleep.time.ms", H::parsed, T::long_, "500"},
    {"jvm.pause.warn-threshold.ms", H::parsed, T::long_, "10000"},
    {"localSessionsEnabled", H::parsed, T::bool_, "false"},
    {"localSessionsUpgradingEnabled", H::parsed, T::bool_, "false"},
    {"maxClientCnxns", H::parsed, T::int_, "60"},
    {"maxCnxns", H::system_property, T::decoded_int, "0"},
    {"maxSessionTimeout", H::parsed, T::int_, "-1"},
    {"metricsProvider.className", H::parsed, T::text, "org.apache.zookeeper.metrics.impl.DefaultMetricsProvider"},
    {"minSessionTimeout", H::parsed, T::int_, "-1"},
    {"multiAddress.enabled", H::parsed, T::bool_, "false"},
    {"multiAddress.reachabilityCheckEnabled", H::parsed, T::bool_, "true"},
    {"multiAddress.reachabilityCheckTimeoutMs", H::parsed, T::int_, "1000"},
    {"observerMasterPort", H::parsed, T::int_, "-1"},
    {"oraclePath", H::parsed, T::path, ""},
    {"peerType", H::parsed, T::text, "participant"},
    {"portUnification", H::parsed, T::bool_, "false"},
    {"preAllocSize", H::system_property, T::long_, "65536"},
    {"quorum.auth.enableSasl", H::parsed, T::bool_, "false"},
    {"quorum.auth.kerberos.servicePrincipal", H::parsed, T::text, "zkquorum/localhost"},
    {"quorum.auth.learner.saslLoginContext", H::parsed, T::text, "QuorumLearner"},
    {"quorum.auth.learnerRequireSasl", H::parsed, T::bool_, "false"},
    {"quorum.auth.server.saslLoginContext", H::parsed, T::text, "QuorumServer"},
    {"quorum.auth.serverRequireSasl", H::parsed, T::bool_, "false"},
    {"quorum.cnxn.threads.size", H::parsed, T::int_, "20"},
    {"quorumListenOnAllIPs", H::parsed, T::bool_, "false"},
    {"readonlymode.enabled", H::jvm_flag_only, T::text, "false"},
    {"reconfigEnabled", H::parsed, T::bool_, "false"},
    {"secureClientPort", H::parsed, T::int_, "0"},
    {"secureClientPortAddress", H::parsed, T::host, ""},
    {"serverCnxnFactory", H::system_property, T::text, "org.apache.zookeeper.server.NIOServerCnxnFactory"},
    {"snapCount", H::system_property, T::decoded_int, "100000"},
    {"sslQuorum", H::parsed, T::bool_, "false"},
    {"sslQuorumReloadCertFiles", H::parsed, T::bool_, "false"},
    {"standaloneEnabled", H::parsed, T::bool_, "true"},
    {"syncEnabled", H::parsed, T::bool_, "true"},
    {"syncLimit", H::parsed, T::int_, "0"},
    {"tickTime", H::parsed, T::int_, "3000"},
};

}  // namespace

std::span<const Key> all() { return keys; }

const Key* find(std::string_view name) {
  const auto it = std::lower_bound(std::begin(keys), std::end(keys), name, [](const Key& k, std::string_view n) { return k.name < n; });
  return it != std::end(keys) && it->name == name ? it : nullptr;
}

bool is_family_key(std::string_view name) {
  if (name.size() > 16 && name.substr(0, 16) == "metricsProvider.") return true;
  // server.N, group.N and weight.N take a number (QuorumPeerConfig parses it with Long.parseLong).
  for (const std::string_view prefix : {"server.", "group.", "weight."}) {
    if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix) continue;
    const std::string_view id = name.substr(prefix.size());
    return std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  return false;
}

}  // namespace zklint::zookeeper_keys
