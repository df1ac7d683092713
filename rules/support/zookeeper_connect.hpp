// The broker's ZooKeeper client settings as one shared model:
//
//   const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
//   if (!zk.uses_zookeeper) return;              // KRaft, Kafka 4.x, or not a broker config
//   for (const auto& s : zk.servers) ...          // host + effective port (2181 when not written)
//   zk.session_timeout().ms, zk.connection_timeout().ms  // effective values, with where they came from
//
// What it holds, for the rules of rules/zk-client/ and for the cross-file checks of issue 6 (the
// broker's hosts/ports against the ZooKeeper server's clientPort and server.N hosts; the session
// timeout against tickTime and min/maxSessionTimeout):
// - `connect`: the zookeeper.connect line Java keeps, read by the ZooKeeper client line that the
//   assumed Kafka version bundles (3.4 for Kafka 2.0-2.3, 3.5+ after; gradle/dependencies.gradle versions.zookeeper @2.3 and @2.4);
// - `servers`: the hosts the client will try, in order, with their ports and source ranges;
// - `chroot`: the chroot path the client uses ("" for none);
// - the effective `zookeeper.session.timeout.ms` (the catalog default of the version when unset:
//   6000 before Kafka 2.5, 18000 from 2.5) and `zookeeper.connection.timeout.ms` (falls back to the
//   session timeout), each with its origin.
// `servers` holds every element the client accepts, also mangled ones (`zk1:2181 zk2` is one
// server named "zk1:2181 zk2"); the zk-client rules report those. Cross-file checks that compare
// hosts should skip them: support::classify_hosts (zookeeper_hosts.hpp) marks each element
// `connectable` or not, and says why.
// Data only: nothing here reports. Values that are templated or that Kafka cannot parse have no
// effective number (`ms` is empty), so consumers stay quiet about them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/grammar/connect_string.hpp"
#include "zklint/lint/context.hpp"

namespace zklint::support {

namespace connect_string = grammar::connect_string;

/// Where the effective value of a setting comes from.
enum class SettingOrigin : std::uint8_t {
  file,              ///< set in this file; `entry` is the line
  version_default,   ///< not set: Kafka's default for the assumed version
  session_fallback,  ///< zookeeper.connection.timeout.ms not set: Kafka uses the session timeout
};

struct TimeoutSetting {
  std::string_view key;
  SettingOrigin origin = SettingOrigin::version_default;
  const Entry* entry = nullptr;  ///< the line Java keeps, when origin is `file`
  bool templated = false;        ///< the line's value is a template placeholder
  /// The milliseconds Kafka uses. Empty when the value is templated, or is not an int Kafka can
  /// read (Kafka then refuses to start with a ConfigException).
  std::optional<std::int64_t> ms;
  /// Where the value comes from, for messages: "zookeeper.session.timeout.ms=30000 (line 9)",
  /// "the Kafka 3.9 default, 18000", "unset, so the session timeout, 18000".
  std::string origin_text;
};

/// One ZooKeeper server the broker's client will try.
struct ZooKeeperServer {
  std::string_view host;   ///< as the client keeps it (without brackets); "" means the loopback address
  std::int64_t port = 2181;
  bool port_written = false;  ///< false when the 2181 default applies
  Range range;             ///< source range of the whole element, for related locations
  const connect_string::HostEntry* element = nullptr;
};

class ZooKeeperClientSettings {
 public:
  explicit ZooKeeperClientSettings(const LintContext& ctx);

  /// Kafka < 4.0 broker config in ZooKeeper mode (process.roles unset or blank), or a 3.x KRaft
  /// node with zookeeper.metadata.migration.enable=true: its ZooKeeper client settings matter.
  bool uses_zookeeper = false;
  /// process.roles unset or blank (Kafka < 4.0): zookeeper.connect is required.
  bool zookeeper_mode = false;
  KafkaVersion kafka_version;
  std::string kafka_version_text;  ///< how messages name it (LintContext::kafka_version_text())
  /// How the bundled client reads the connect string (3.4 or 3.5+). A reader of `parsed` depends on
  /// it only when the two lines read the value differently; a reader of this depends on it always.
  connect_string::ClientLine client_line() const { return noted(client_line_asked_, client_line_); }
  /// The ZooKeeper client Kafka bundles: "3.4.14", "3.8.4", ...
  std::string_view client_version() const { return noted(client_version_asked_, client_version_); }

  const Entry* connect = nullptr;  ///< zookeeper.connect (the line Java keeps), or null
  bool connect_templated = false;
  /// The parse of `connect`, when it is present and not templated.
  std::optional<connect_string::ConnectString> parsed;
  /// Every host the client keeps whose element it accepts, in order (empty when the value is
  /// templated or absent). A rejected element stops the client, so `servers` is then partial.
  std::vector<ZooKeeperServer> servers;
  std::string_view chroot;  ///< the chroot the client uses, "" for none

  const TimeoutSetting& session_timeout() const { return noted(timeouts_asked_, session_timeout_); }
  const TimeoutSetting& connection_timeout() const { return noted(timeouts_asked_, connection_timeout_); }

  /// The value of `connect` as decoded (empty when absent).
  std::string_view connect_value() const;

  /// What every reader depends on: what deciding the fields above asked about the release (whether
  /// the release has a ZooKeeper mode; the client line when the two lines read the value
  /// differently). The client line, the bundled client's patch version and the timeouts note their
  /// own questions when read (release_questions.hpp).
  ReleaseQuestions questions_of_every_read() const { return fields_asked_; }

 private:
  template <typename T>
  static const T& noted(const ReleaseQuestions& asked, const T& part) {
    note_release_questions(asked);
    return part;
  }
  void read_connect(const LintContext& ctx);

  connect_string::ClientLine client_line_ = connect_string::ClientLine::zk35;
  std::string_view client_version_;
  TimeoutSetting session_timeout_;
  TimeoutSetting connection_timeout_;
  ReleaseQuestions fields_asked_, client_line_asked_, client_version_asked_, timeouts_asked_;
};

}  // namespace zklint::support
