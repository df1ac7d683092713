// The nodes of a cluster as the cross-node rules of rules/cluster/ see them:
//
//   const auto& nodes = ctx.cluster().model<support::ClusterNodes>();
//   const support::Node* me = nodes.find(ctx);
//   for (const support::Node& other : nodes.nodes()) if (nodes.peers(*me, other)) ...
//
// Each Kafka or ZooKeeper config of the cluster is one node: its kind and roles, its id
// (`broker.id`/`node.id`), every port it opens, by purpose, with the line that writes it, and the
// host names it calls its own. Two questions decide whether nodes can clash, and both are answered
// from evidence only, never guessed:
//   - peers: the nodes run together, rather than being alternative configs of one node that share
//     a directory (server.properties beside server-ssl.properties). Evidence: the cluster is
//     declared (`clusters` in .zklint.json, --cluster), or the file names form a numbered series
//     (server-1.properties, server-2.properties; zoo1.cfg, zoo2.cfg; broker-1.properties and
//     controller-1.properties, the roles of a split KRaft cluster): see one_series().
//   - same machine: the `host` .zklint.json gives both nodes (of their `nodes` entries, or of the
//     cluster; two different hosts say they do not); both nodes name only loopback addresses as
//     their own (a one-host development cluster); or both bind the same explicit host.
// A ZooKeeper server's myid is known from evidence too: see NodeMyid.
// Data only: nothing here reports. Templated values leave the dependent facts unknown.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/kraft_node.hpp"
#include "support/zookeeper_model.hpp"
#include "zklint/lint/cluster.hpp"
#include "zklint/lint/context.hpp"

namespace zklint::support {

/// A port a node opens at startup.
struct NodePort {
  std::string purpose;           ///< "listener PLAINTEXT", "client port", "admin server port", ...
  std::int64_t port = 0;
  std::string host;              ///< the bind address as written; "" for all interfaces
  const Entry* entry = nullptr;  ///< where the port is written; null for a default
  std::uint32_t begin = 0, end = 0;  ///< decoded offsets of the port text in `entry`'s value
};

/// The ZooKeeper ensemble and chroot of a ZooKeeper-mode broker, or the KRaft voters (or
/// bootstrap servers) of a KRaft node, normalised (lower-case hosts).
struct MetadataQuorum {
  enum class Source : std::uint8_t { unknown, zookeeper, voters, bootstrap_servers };
  Source source = Source::unknown;  ///< unknown: templated, unset or unreadable
  std::string chroot;               ///< ZooKeeper mode
  std::set<std::string> endpoints;  ///< "host:port" (ZooKeeper, bootstrap) or "id@host:port" (voters)
  bool known() const { return source != Source::unknown; }
  /// Both sides reach the same metadata: the same chroot of one ensemble (a host in common), or
  /// KRaft quorums with an endpoint in common.
  bool shared_with(const MetadataQuorum& other) const;
};

/// A ZooKeeper server's myid, from the first evidence there is: the myid file of its dataDir
/// (what ZooKeeper reads), the one its container's image writes, `myid` of its `nodes` entry in
/// .zklint.json, or its file name when its `clusters` entry sets `myid-from-file-name`.
struct NodeMyid {
  enum class Source : std::uint8_t { myid_file, image, zklint_json, file_name };
  std::optional<std::int64_t> id;  ///< nullopt: Long.parseLong rejects `text` (a myid file)
  std::string text;                ///< what ZooKeeper parses ("null" for an empty myid file)
  std::string evidence;            ///< for messages: "its myid file /srv/zk/1/myid", ...
  bool empty_file = false;
  Source source = Source::myid_file;
  /// What the source names: the myid file's path, the image's variable (ZOO_MY_ID), the
  /// .zklint.json file, or the config's file name.
  std::string origin;
  /// "myid-file", "image", "zklint-json", "file-name" (JSON).
  std::string_view source_name() const;
  /// For `zklint topology`: "its myid file /srv/zk/1/myid", "ZOO_MY_ID, which its image writes
  /// to the myid file", ...
  std::string from;
  /// For messages about a myid file: "is empty", "starts with ' 1'".
  std::string described() const;
};

enum class NodeKind : std::uint8_t {
  zookeeper_broker,  ///< a Kafka broker in ZooKeeper mode
  broker,            ///< KRaft, process.roles=broker
  controller,        ///< KRaft, process.roles=controller
  combined,          ///< KRaft, process.roles=broker,controller
  kafka_unknown,     ///< a Kafka config whose roles zklint cannot tell (templated, unusable)
  zookeeper,         ///< a ZooKeeper server
};

struct Node {
  const LintContext* ctx = nullptr;
  NodeKind kind = NodeKind::kafka_unknown;
  const KraftNode* kafka = nullptr;            ///< Kafka nodes
  const ZookeeperModel* zookeeper = nullptr;   ///< ZooKeeper servers
  /// The effective broker.id/node.id (Kafka nodes), when known and written in the file.
  std::optional<std::int64_t> id;
  const Entry* id_entry = nullptr;
  /// Where a Kafka node keeps its metadata: what makes Kafka nodes one Kafka cluster.
  MetadataQuorum quorum;
  std::vector<NodePort> ports;
  /// Explicit host names the node binds or advertises, lower-case (loopback names included).
  std::vector<std::string> own_hosts;
  /// The ones it binds (listeners, clientPortAddress): a process binds only its own machine's
  /// addresses, whereas an advertised name may be a load balancer or a NAT address.
  std::vector<std::string> bind_hosts;
  /// Every address the node calls its own is a loopback address (and it names at least one).
  bool loopback_only = false;
  /// The machine .zklint.json says the node runs on.
  std::optional<std::string> declared_host;
  /// A ZooKeeper server's myid, when there is evidence of it.
  std::optional<NodeMyid> myid;
  std::string file_name;  ///< without its directory

  bool is_kafka() const { return kind != NodeKind::zookeeper; }
  bool is_controller() const { return kind == NodeKind::controller || kind == NodeKind::combined; }
  bool runs_broker() const { return kind == NodeKind::zookeeper_broker || kind == NodeKind::broker || kind == NodeKind::combined; }
  std::string_view kind_text() const;
  /// How messages name the node: its path as reported.
  const std::string& path() const;
};

/// A voter of a KRaft node's controller.quorum.voters, and the controller config it names.
struct VoterLink {
  const grammar::quorum::Voter* voter = nullptr;  ///< offsets index the voters entry's value
  /// The controller whose node.id is the voter's id: the node itself, one with the very same voter
  /// list, or a peer with a voter in common. Null when the cluster holds no such config.
  const Node* controller = nullptr;
  /// The controller's controller listener (null when it has none that zklint can read).
  const NodePort* listener = nullptr;
  /// Some listener of the controller is on the voter's port. A listener that
  /// controller.listener.names fails to name (a case mismatch) counts: the kraft rules report it.
  bool reachable = true;
};

/// A host of a ZooKeeper-mode broker's zookeeper.connect, and the ZooKeeper config that answers
/// for it (zookeeper_pairing.hpp judge_host): the server it names, or a loopback host.
struct ZookeeperLink {
  std::string endpoint;              ///< "host:port" as the client uses it
  const Node* server = nullptr;      ///< null: no ZooKeeper config of the cluster answers for it
  bool reachable = true;             ///< the server listens for clients on that port
};

class ClusterNodes {
 public:
  explicit ClusterNodes(const Cluster& cluster);

  const Cluster& cluster() const { return cluster_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const Node* find(const LintContext& ctx) const;
  /// Evidence that `a` and `b` (different nodes) run together; see the header comment.
  bool peers(const Node& a, const Node& b) const;
  /// True when evidence says the two nodes share a machine; false otherwise (different, or no
  /// evidence: rules that need one machine stay silent).
  bool same_machine(const Node& a, const Node& b) const;
  /// The peers of `me` that evidence puts on its machine, in path order: the nodes it cannot
  /// share a port or a directory with.
  std::vector<const Node*> machine_mates(const Node& me) const;
  /// Why same_machine() said so, for messages: "both use only loopback addresses", ...
  std::string same_machine_reason(const Node& a, const Node& b) const;
  /// Why peers() said so of `a` and another node, for messages.
  std::string peers_reason(const Node& a) const;
  /// Both are services of one deployment file (a compose project): they run together, each in
  /// its own container, so this is evidence for ids, not for ports or directories.
  static bool one_deployment(const Node& a, const Node& b);
  /// True when strictly more of `me` and its peers share `me`'s value (as `value_of` gives it; nodes
  /// without one do not count) than any other value. A setting that differs between nodes is then
  /// reported on the nodes that differ from the majority, not on every node.
  bool in_majority(const Node& me, const std::function<std::optional<std::string>(const Node&)>& value_of) const;
  /// Every voter of a KRaft node, with the controller it names (empty without a readable voter list).
  std::vector<VoterLink> voter_links(const Node& from) const;
  /// Every host of a ZooKeeper-mode broker's zookeeper.connect: to the ZooKeeper configs that
  /// answer for it and listen on its port, else (broken) to every config that answers for it, else
  /// once with no server.
  std::vector<ZookeeperLink> zookeeper_links(const Node& broker) const;

 private:
  const Cluster& cluster_;
  std::vector<Node> nodes_;
};

/// Two file names number one series: they differ in exactly one place, where each has a node
/// number of one or two digits (server-1/server-2, zoo1/zoo2, broker-1/controller-3). Other
/// digits do not count: 015-kafka-2-13 and 020-kafka-2-11 are not nodes of one cluster.
bool one_series(std::string_view a, std::string_view b);
/// The series for messages: each run of digits as '#' ("server-#.properties").
std::string name_series(std::string_view file_name);

}  // namespace zklint::support
