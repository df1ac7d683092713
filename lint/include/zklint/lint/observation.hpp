// What `zklint probe` saw of the live systems a config names: for each endpoint, whether its name
// resolves and its port answers, what a ZooKeeper server says about itself, the ZooKeeper session
// a broker would get, and (with --local) whether the ports this node binds are free.
//
// Plain data, gathered before any rule runs (lint/src/probe/) and read by the rules of rules/live/
// through LintContext::observed(); the rules decide what is wrong and where the config says so.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zklint {

/// How far a TCP connection to an endpoint got.
enum class Reach : std::uint8_t {
  not_probed,   ///< the run's time bound ran out first
  unresolved,   ///< the name has no address (java.net.UnknownHostException)
  refused,      ///< nothing listens there (java.net.ConnectException: Connection refused)
  timed_out,    ///< no answer within the timeout (java.net.SocketTimeoutException: connect timed out)
  unreachable,  ///< the network says no route (java.net.NoRouteToHostException and kin)
  open,         ///< connected
};
std::string_view to_string(Reach reach);
std::optional<Reach> parse_reach(std::string_view text);

/// What a ZooKeeper server answered to the four-letter words (srvr, ruok, conf, mntr).
struct ZooKeeperStatus {
  bool srvr_answered = false;
  /// False when srvr says "This ZooKeeper instance is not currently serving requests": the member
  /// is up but not part of a working quorum.
  bool serving = false;
  std::string mode;     ///< standalone, leader, follower, observer, read-only
  std::string version;  ///< "3.8.0-..." as srvr prints it
  std::optional<std::int64_t> outstanding;
  std::optional<std::int64_t> zxid;
  std::vector<std::string> answered;  ///< the words the server executed
  std::vector<std::string> blocked;   ///< the words it refused: not in 4lw.commands.whitelist
  bool imok = false;                  ///< ruok answered imok
  /// `conf` and `mntr` replies as key/value pairs (empty when blocked).
  std::vector<std::pair<std::string, std::string>> conf;
  std::vector<std::pair<std::string, std::string>> mntr;
  std::optional<std::string> conf_value(std::string_view key) const;
  std::optional<std::string> mntr_value(std::string_view key) const;
};

struct EndpointObservation {
  std::string host;
  std::int64_t port = 0;
  Reach reach = Reach::not_probed;
  std::string address;     ///< the IP address tried last (empty when unresolved)
  double connect_ms = 0;   ///< time to connect, when open
  std::string error;       ///< what the resolver or the socket said, for messages
  /// Set for ZooKeeper servers that accepted the connection.
  std::optional<ZooKeeperStatus> zookeeper;
};

/// The ZooKeeper session a broker would open (with the real ZooKeeper C client).
struct SessionObservation {
  bool established = false;
  std::string error;               ///< why not, when not established
  std::int64_t requested_ms = 0;   ///< zookeeper.session.timeout.ms
  std::int64_t granted_ms = 0;     ///< what the server negotiated
  std::string server;              ///< host:port the session was opened with
  std::string chroot;              ///< "" when zookeeper.connect has none
  std::optional<bool> chroot_exists;
  std::optional<std::int64_t> broker_id;   ///< the id whose registration was looked up
  std::optional<bool> registered;          ///< <chroot>/brokers/ids/<id> exists
  std::vector<std::string> registered_endpoints;  ///< its "endpoints" ("PLAINTEXT://kafka1:9092")
  std::string owner_session;               ///< the ephemeral owner, "0x..."
};

/// A port this node binds (--local), and whether something already holds it.
struct LocalBind {
  std::string host;  ///< as written ("" for every interface)
  std::int64_t port = 0;
  bool held = false;
  std::string error;    ///< bind()'s error, when held
  std::string process;  ///< "java (pid 1234)", when /proc names the holder
};

struct Observations {
  std::vector<EndpointObservation> endpoints;
  std::optional<SessionObservation> session;
  std::vector<LocalBind> local;
  bool local_checked = false;  ///< --local was given

  const EndpointObservation* find(std::string_view host, std::int64_t port) const;
  const LocalBind* find_local(std::string_view host, std::int64_t port) const;
};

}  // namespace zklint
