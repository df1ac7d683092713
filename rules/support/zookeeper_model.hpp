// The shared analysis of one ZooKeeper server config (zoo.cfg, zookeeper.properties):
//
//   const auto& zk = ctx.model<support::ZookeeperModel>();
//   zk.tick_time.value, zk.min_session_timeout, zk.max_session_timeout  // effective, -1 defaults applied
//   zk.voters(), zk.observers(), zk.mode                                // standalone or quorum
//   zk.bindings_of(server)                                              // the ports one server opens
//
// It reads the config the way QuorumPeerConfig.parse does (QuorumPeerConfig.java parse @ZooKeeper 3.8.4): values of the keys
// it handles are trimmed and parsed with Integer.parseInt / Long.parseLong, the -1 session defaults
// become 2 and 20 ticks, `server.N` values go through the quorum_server grammar untrimmed. The
// cross-file rules use it from the Kafka side through the cluster (zookeeper_pairing.hpp).
//
// Data only: nothing here reports. Whatever depends on a template placeholder is unknown
// (nullopt, or `members_known == false`), so rules never reason about a placeholder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/grammar/quorum_server.hpp"
#include "zklint/lint/context.hpp"

namespace zklint::support {

/// An int setting QuorumPeerConfig parses itself.
struct ZkNumber {
  std::string_view key;
  const Entry* entry = nullptr;  ///< the line Java keeps, or null when the default applies
  bool templated = false;        ///< the value is a template placeholder: `value` is unknown
  /// The value ZooKeeper uses: the parsed file value or the default. Empty when templated or when
  /// the text is not a number (ZooKeeper then refuses to start; invalid-value reports it).
  std::optional<std::int64_t> value;
  bool is_set() const { return entry != nullptr; }
};

/// A `server.N` line.
struct ZkServer {
  const Entry* entry = nullptr;
  /// Long.parseLong of the text after the first '.' of the key; empty when it is not a number.
  std::optional<std::int64_t> id;
  bool templated = false;  ///< the value is a placeholder: `spec` was not read
  /// The value read by the quorum_server grammar, without the blanks that end it unescaped: those
  /// make ZooKeeper fail too, but trailing-whitespace (ZKL004) reports them, with a fix, and the
  /// rest of the line is checked as if they were gone. Offsets index the full value.
  grammar::quorum_server::ServerSpec spec;
  std::size_t trailing_blanks = 0;
  /// A '#' or '!' comment follows the value: inline-comment (ZKL003) reports the line.
  bool inline_comment = false;
  bool observer() const { return !templated && spec.type() == grammar::quorum_server::PeerType::observer; }
};

/// A port ZooKeeper binds on a machine.
struct ZkBinding {
  enum class Role : std::uint8_t { client, secure_client, admin, quorum, election, observer_master };
  Role role;
  std::int64_t port = 0;
  /// The address it binds to: "" for all interfaces (0.0.0.0), else the host or IP as written.
  std::string host;
  const Entry* entry = nullptr;  ///< where the port is written; null for the admin default 8080
  /// Decoded offsets of the port text inside `entry`'s value.
  std::uint32_t begin = 0, end = 0;
};
std::string_view to_string(ZkBinding::Role role);

enum class ZkMode : std::uint8_t {
  standalone,  ///< at most one voter and standaloneEnabled is not false
  quorum,      ///< more than one voter, or standaloneEnabled=false
  unknown,     ///< server lines or standaloneEnabled come from template code, or dynamicConfigFile holds them
};

class ZookeeperModel {
 public:
  explicit ZookeeperModel(const LintContext& ctx);

  /// Keys may come from template code (templated keys or {% if %} lines): rules that conclude from
  /// the absence of a key must skip such files.
  bool template_structure = false;
  /// A dynamic config file (zoo.cfg.dynamic.100000000): nothing but server.N, group, weight and
  /// version lines. It is not a complete server config, so "missing key" rules skip it.
  bool dynamic_file = false;

  ZkNumber tick_time{"tickTime"};
  ZkNumber min_session_raw{"minSessionTimeout"};
  ZkNumber max_session_raw{"maxSessionTimeout"};
  /// After QuorumPeerConfig's defaults: -1 means 2 x tickTime and 20 x tickTime (Java int arithmetic).
  std::optional<std::int64_t> min_session_timeout;
  std::optional<std::int64_t> max_session_timeout;

  ZkNumber init_limit{"initLimit"};
  ZkNumber sync_limit{"syncLimit"};
  ZkNumber client_port{"clientPort"};
  ZkNumber secure_client_port{"secureClientPort"};
  const Entry* client_port_address = nullptr;
  const Entry* secure_client_port_address = nullptr;
  /// observerMasterPort (ZooKeeper 3.6+): where a follower listens for observers; 0 or less is off.
  ZkNumber observer_master_port{"observerMasterPort"};
  /// The ZooKeeper release line the file is judged as (ask zookeeper_releases.hpp about it).
  ZooKeeperVersion version;

  /// The admin server: on unless admin.enableServer is exactly `false`; port admin.serverPort
  /// read with Integer.decode (junk becomes 8080).
  bool admin_enabled = true;
  bool admin_known = true;  ///< false when admin.enableServer or admin.serverPort is templated
  std::int64_t admin_port = 8080;
  const Entry* admin_port_entry = nullptr;
  std::string admin_address;  ///< "" for all interfaces

  /// standaloneEnabled (true unless set to false in any case); unknown when templated or junk.
  std::optional<bool> standalone_enabled = true;
  bool quorum_listen_on_all_ips = false;
  const Entry* dynamic_config_file = nullptr;

  /// Every `server.` line Java keeps, in file order.
  std::vector<ZkServer> servers;
  /// False when server lines may come from template code or from a dynamic config file.
  bool members_known = true;
  ZkMode mode = ZkMode::standalone;
  /// A standalone server whose own id is known (a container whose image writes its myid) takes
  /// its client port from its own server.N line when clientPort is not set
  /// (QuorumPeerConfig.setupClientPort @3.8.0): that line, else null.
  const ZkServer* own_client_server = nullptr;

  /// The members QuorumMaj ends up with: one per id (`server.1` and `server.01` are the same
  /// member; which line wins is up to Java's hash order, here the later one). Lines whose id is
  /// not a number are left out (ZooKeeper refuses to start on them anyway).
  std::vector<const ZkServer*> members() const;
  std::size_t voters() const;
  /// Every server line has a numeric id and a readable value. When one has not, ZooKeeper
  /// refuses to start (invalid-server-id, malformed-server-spec, ...) and the member counts mean
  /// nothing.
  bool ids_readable() const;
  std::size_t observers() const;
  /// How many voters may fail while the rest still form a majority (QuorumMaj: more than half).
  static std::size_t tolerated_failures(std::size_t voters) { return voters == 0 ? 0 : (voters - 1) / 2; }

  /// The client port server `s` opens: its `;port` suffix, else the static clientPort (0 = none).
  std::optional<ZkBinding> client_binding_of(const ZkServer* s) const;
  /// Every port one server opens: client, secure client, admin (when enabled), and, in quorum mode,
  /// its quorum port (participants only: only a leader binds it), election port and
  /// observerMasterPort (participants only: only a follower binds it, after joining the leader).
  /// `s` is this server's own line, or null for a standalone server.
  std::vector<ZkBinding> bindings_of(const ZkServer* s) const;
};

/// Java's Integer.parseInt / Long.parseLong on already trimmed text (sign allowed, no blanks).
std::optional<std::int64_t> java_int(std::string_view text);
std::optional<std::int64_t> java_long(std::string_view text);
/// Java's Integer.decode: optional sign, then `0x`/`0X`/`#` hex, a leading `0` octal, or decimal.
std::optional<std::int64_t> java_decode_int(std::string_view text);
/// Decoded offsets [begin, end) of the value after Java's trim (QuorumPeerConfig trims the values
/// of the keys it reads itself).
std::pair<std::uint32_t, std::uint32_t> trimmed_span(std::string_view value);
/// The path java.io.File keeps on Unix: runs of '/' collapsed, a trailing '/' dropped.
std::string java_file_path(std::string_view path);
/// An absolute path: `/...` on Unix, or `C:/...` / `C:\...` in a config written for Windows.
bool absolute_path(std::string_view path);
/// A host string that names this machine's loopback or wildcard address.
bool is_local_host(std::string_view host);
/// Two host strings that name the same machine: equal ignoring case, or both loopback names.
bool same_host(std::string_view a, std::string_view b);
/// Two bindings that cannot both be open: the same port on overlapping addresses (one of them
/// all interfaces, or the same host).
bool overlaps(const ZkBinding& a, const ZkBinding& b);

}  // namespace zklint::support
