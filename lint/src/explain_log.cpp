#include "zklint/lint/explain_log.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include "zklint/lint/strings.hpp"

namespace zklint {

namespace {

// How a signature is recognised: any of `markers` in a line; `subject` pulls what it is about out
// of that line or, failing that, out of the lines just before it (the ZooKeeper client logs the
// server on the line before the exception).
struct Recognizer {
  std::string_view id;
  std::vector<std::string_view> markers;
  std::regex subject;
  /// When set, one of these must occur within a few lines around the marker: the same exception
  /// class is routine elsewhere (a NodeExists for a topic's znode is not a broker id clash).
  std::vector<std::string_view> nearby = {};
};

// host/address:port as the ZooKeeper client and Kafka's NetworkClient print servers:
// "localhost/127.0.0.1:2181", "zk1/<unresolved>:2181", "controller-0.x.svc/10.62.6.9:9093".
const char* const server_pattern = R"(([A-Za-z0-9._-]+)/(?:[0-9.]+|<unresolved>|[0-9A-Fa-f:]+):([0-9]+))";

const std::vector<LogSignature>& signatures() {
  static const std::vector<LogSignature> all{
      {"connect-refused", "java.net.ConnectException: Connection refused",
       "The host answered, but nothing listens on that port: the ZooKeeper server (or controller) is not running there, or "
       "the port is not its client port. The client keeps retrying; a broker that never connects stops with "
       "ZooKeeperClientTimeoutException.",
       {"zookeeper.connect", "controller.quorum.voters", "controller.quorum.bootstrap.servers", "clientPort"}},
      {"unknown-host", "java.net.UnknownHostException",
       "A host name in the config does not resolve on this machine: a typo, a name that exists only in another network "
       "(a container network, a Kubernetes namespace), or several hosts separated by a blank instead of a comma, which "
       "the client reads as one host name.",
       {"zookeeper.connect", "controller.quorum.voters", "controller.quorum.bootstrap.servers", "advertised.listeners", "listeners"}},
      {"bind-in-use", "java.net.BindException: Address already in use",
       "The node could not open a port it listens on because another process holds it: an old instance still running, or "
       "two services given the same port (a listener, ZooKeeper's clientPort, its quorum and election ports, the admin "
       "server's 8080).",
       {"listeners", "clientPort", "secureClientPort", "admin.serverPort"}},
      {"connect-timeout", "connection timed out (SocketTimeoutException: connect timed out; the ZooKeeper client: have not heard from server)",
       "The server did not answer within the timeout: a firewall drops the packets, the address belongs to no running "
       "machine, the server is overloaded, or the timeout is too short for the network. The ZooKeeper client reports it "
       "as SessionTimeoutException \"Client session timed out, have not heard from server in N ms\" (ClientCnxn @3.8), "
       "other clients as java.net.SocketTimeoutException: connect timed out.",
       {"zookeeper.connect", "zookeeper.connection.timeout.ms"}},
      {"session-expired", "ZooKeeper session expired",
       "The broker did not reach ZooKeeper within its session timeout (a long GC pause, a stalled disk, a network "
       "partition), so ZooKeeper dropped its session and its ephemeral znodes: the broker loses its registration and "
       "the controller moves its partition leadership away. The session timeout is what the server granted, clamped to "
       "its [minSessionTimeout, maxSessionTimeout] (2 and 20 times tickTime by default).",
       {"zookeeper.session.timeout.ms", "maxSessionTimeout", "tickTime"}},
      {"zk-client-timeout", "kafka.zookeeper.ZooKeeperClientTimeoutException",
       "The broker gave up connecting to ZooKeeper after zookeeper.connection.timeout.ms: no server of zookeeper.connect "
       "accepted a session in time. The lines before it say why (refused, unknown host, timed out).",
       {"zookeeper.connect", "zookeeper.connection.timeout.ms"}},
      {"node-exists", "NodeExistsException: node already exists",
       "Another live ZooKeeper session holds /brokers/ids/<broker.id>: another broker with the same broker.id, or this "
       "broker's previous process whose session has not expired yet. The broker stops at startup.",
       {"broker.id", "zookeeper.connect"}},
      {"raft-voter-unreachable", "KRaft: connection to a controller quorum voter could not be established",
       "A KRaft node cannot reach a controller of controller.quorum.voters (or controller.quorum.bootstrap.servers): the "
       "controller is down, or the address or port in the voter list is not where it listens. Without a majority of "
       "voters no controller is elected and brokers cannot register.",
       {"controller.quorum.voters", "controller.quorum.bootstrap.servers", "controller.listener.names"}},
      {"raft-voters-mismatch", "KRaft: the configured voter set differs from the stored one",
       "The node's controller.quorum.voters is not the voter set recorded in the quorum-state file of its metadata log "
       "directory: the voter list was edited, or the node was formatted for another cluster. Older KRaft releases refuse "
       "to start rather than split the quorum (QuorumState.java; the check went with KIP-853's quorum-state format, "
       "apache/kafka#15859).",
       {"controller.quorum.voters", "node.id"}},
  };
  return all;
}

const std::vector<Recognizer>& recognizers() {
  static const std::vector<Recognizer> all{
      {"connect-refused", {"ConnectException: Connection refused", ": Connection refused (org.apache.zookeeper.ClientCnxn)"}, std::regex(server_pattern)},
      {"unknown-host", {"UnknownHostException", "Unable to resolve address:"},
       std::regex(R"((?:UnknownHostException: |Unable to resolve address: )([A-Za-z0-9._-]+))")},
      {"bind-in-use", {"Address already in use"}, std::regex(R"((?:failed to bind to \S*:|binding to port \S*:|, port )([0-9]{1,5}))")},
      {"connect-timeout", {"connect timed out", "have not heard from server"}, std::regex(server_pattern)},
      // Not a bare "SessionExpiredException": ZooKeeper 3.8's client names it in every reconnect
      // line ("Attempting reconnect except it is a SessionExpiredException").
      {"session-expired", {"KeeperErrorCode = Session expired", "Unable to reconnect to ZooKeeper service"}, std::regex(R"(session (0x[0-9a-f]+))")},
      {"zk-client-timeout", {"ZooKeeperClientTimeoutException"}, std::regex(R"(while in state: ([A-Z]+))")},
      {"node-exists", {"node already exists", "NodeExistsException"}, std::regex(R"(/brokers/ids/([0-9]+))"), {"/brokers/ids/", "registerBroker"}},
      {"raft-voter-unreachable", {"could not be established"}, std::regex(server_pattern)},
      {"raft-voters-mismatch", {"is different from the voter set read from the state file"}, std::regex(R"(voter set: (\[[^\]]*\]))")},
  };
  return all;
}

const LogSignature* signature(std::string_view id) {
  for (const LogSignature& s : signatures()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

// RaftManager and controller lines are KRaft; the same "could not be established" from a plain
// client (a producer) is not a quorum failure.
bool raft_line(std::string_view line) { return line.find("RaftManager") != std::string_view::npos || line.find("raft") != std::string_view::npos; }

bool nearby(const Recognizer& r, const std::vector<std::string_view>& lines, std::size_t at) {
  if (r.nearby.empty()) return true;
  constexpr std::size_t before = 3, after = 10;
  for (std::size_t i = at >= before ? at - before : 0; i < lines.size() && i <= at + after; ++i) {
    for (const std::string_view n : r.nearby) {
      if (lines[i].find(n) != std::string_view::npos) return true;
    }
  }
  return false;
}

std::string subject_of(const Recognizer& r, const std::vector<std::string_view>& lines, std::size_t at) {
  constexpr std::size_t look_back = 3;
  for (std::size_t back = 0; back <= look_back && back <= at; ++back) {
    const std::string line(lines[at - back]);
    std::smatch m;
    if (!std::regex_search(line, m, r.subject)) continue;
    if (m.size() > 2 && m[2].matched) return m[1].str() + ":" + m[2].str();
    return m[1].str();
  }
  return {};
}

bool mentions(std::string_view line, const Recognizer& r) {
  return std::any_of(r.markers.begin(), r.markers.end(), [&](std::string_view marker) { return line.find(marker) != std::string_view::npos; });
}

}  // namespace

const std::vector<LogSignature>& log_signatures() { return signatures(); }

std::vector<LogFinding> scan_log(std::string_view text) {
  const std::vector<std::string_view> lines = split(text, '\n');
  std::vector<LogFinding> findings;
  std::map<std::pair<std::string_view, std::string>, std::size_t> index;  // (signature, subject) -> finding
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    for (const Recognizer& r : recognizers()) {
      if (!mentions(line, r)) continue;
      if ((r.id == "raft-voter-unreachable" && !raft_line(line)) || !nearby(r, lines, i)) continue;
      const std::string subject = subject_of(r, lines, i);
      const auto line_number = static_cast<std::uint32_t>(i + 1);
      auto it = index.find(std::make_pair(r.id, subject));
      // A line that does not say what it is about (the "Caused by:" of a stack trace) belongs to
      // the latest finding of its signature.
      if (it == index.end() && subject.empty()) {
        for (auto candidate = index.begin(); candidate != index.end(); ++candidate) {
          const bool same = candidate->first.first == r.id && findings[candidate->second].last_line + 40 >= line_number;
          if (same && (it == index.end() || findings[candidate->second].last_line > findings[it->second].last_line)) it = candidate;
        }
      }
      if (it != index.end()) {
        LogFinding& f = findings[it->second];
        f.last_line = line_number;
        ++f.count;
      } else {
        findings.push_back({signature(r.id), line_number, line_number, 1, std::string(java_trim(line)), subject});
        index[std::make_pair(r.id, subject)] = findings.size() - 1;
      }
      break;  // one signature per line: the first that matches is the most specific
    }
  }
  return findings;
}

std::optional<ConfigCulprit> find_culprit(const LogFinding& finding, const Document& config) {
  // The subject's host or port, as it would be written in the config.
  std::string needle = finding.subject;
  if (const std::size_t colon = needle.rfind(':'); colon != std::string::npos && finding.signature->id != "bind-in-use") {
    const std::string host = needle.substr(0, colon), port = needle.substr(colon + 1);
    for (const std::string_view key : finding.signature->keys) {
      const Entry* e = config.find(key);
      if (e == nullptr) continue;
      if (e->value.find(host + ":" + port) != std::string_view::npos) return ConfigCulprit{e, "names " + host + ":" + port};
      if (e->value.find(host) != std::string_view::npos) return ConfigCulprit{e, "names the host " + host};
    }
  }
  if (!needle.empty()) {
    for (const std::string_view key : finding.signature->keys) {
      const Entry* e = config.find(key);
      if (e == nullptr) continue;
      if (java_trim(e->value) == needle) return ConfigCulprit{e, "is " + needle + ", as in the log"};
      if (e->value.find(":" + needle) != std::string_view::npos) return ConfigCulprit{e, "names the port " + needle};
    }
  }
  for (const std::string_view key : finding.signature->keys) {
    if (const Entry* e = config.find(key); e != nullptr) return ConfigCulprit{e, "the setting this failure depends on"};
  }
  return std::nullopt;
}

}  // namespace zklint
