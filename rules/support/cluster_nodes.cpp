#include "support/cluster_nodes.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "support/zookeeper_connect.hpp"
#include "support/zookeeper_pairing.hpp"
#include "zklint/lint/image_myid.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support {
namespace {

bool wildcard_host(std::string_view h) { return h.empty() || h == "0.0.0.0" || h == "::" || h == "[::]"; }
bool loopback_host(std::string_view h) { return !wildcard_host(h) && is_local_host(h); }

void add_to(std::vector<std::string>& hosts, std::string_view host) {
  if (wildcard_host(host)) return;
  std::string h = to_lower(host);
  if (std::find(hosts.begin(), hosts.end(), h) == hosts.end()) hosts.push_back(std::move(h));
}

enum class HostUse : std::uint8_t { binds, advertises };

void add_host(Node& node, std::string_view host, HostUse use) {
  add_to(node.own_hosts, host);
  if (use == HostUse::binds) add_to(node.bind_hosts, host);
}

NodeKind kafka_kind(const KraftNode& kafka) {
  if (!kafka.kraft()) return kafka.kafka().mode() == KafkaMode::zookeeper ? NodeKind::zookeeper_broker : NodeKind::kafka_unknown;
  switch (kafka.roles()) {
    case NodeRoles::broker: return NodeKind::broker;
    case NodeRoles::controller: return NodeKind::controller;
    case NodeRoles::combined: return NodeKind::combined;
    default: return NodeKind::kafka_unknown;
  }
}

MetadataQuorum read_quorum(const LintContext& ctx, const KraftNode& kafka) {
  MetadataQuorum q;
  if (!kafka.kraft()) {
    const auto& client = ctx.model<ZooKeeperClientSettings>();
    if (!client.uses_zookeeper || client.servers.empty()) return q;
    for (const ZooKeeperServer& s : client.servers) q.endpoints.insert(to_lower(s.host) + ":" + std::to_string(s.port));
    q.chroot = std::string(client.chroot);
    q.source = MetadataQuorum::Source::zookeeper;
    return q;
  }
  if (kafka.voters() && kafka.voters_entry() != nullptr) {
    const std::string_view value = kafka.voters_entry()->value;
    for (const auto& v : *kafka.voters()) {
      if (!v.ok()) return {};
      q.endpoints.insert(std::string(v.id_text.of(value)) + "@" + to_lower(v.address.host.of(value)) + ":" + std::string(v.address.port_text.of(value)));
    }
    q.source = MetadataQuorum::Source::voters;
  } else if (kafka.bootstrap_servers() && kafka.bootstrap_entry() != nullptr) {
    const std::string_view value = kafka.bootstrap_entry()->value;
    for (const auto& b : *kafka.bootstrap_servers()) {
      if (!b.ok()) return {};
      q.endpoints.insert(to_lower(b.address.host.of(value)) + ":" + std::string(b.address.port_text.of(value)));
    }
    q.source = MetadataQuorum::Source::bootstrap_servers;
  }
  if (q.endpoints.empty()) return {};
  return q;
}

void read_listener_ports(Node& node, const ListenerList& list, const KafkaModel& kafka) {
  if (!list.known) return;
  for (const Listener& l : list.listeners) {
    if (!l.endpoint.ok() || !l.endpoint.port || *l.endpoint.port == 0) continue;  // port 0: an ephemeral port
    const std::string purpose = (kafka.is_controller_listener(l.name) ? "controller listener " : "listener ") + l.name;
    node.ports.push_back({purpose, *l.endpoint.port, std::string(l.host()), list.entry, l.endpoint.port_text.begin, l.endpoint.port_text.end});
  }
}

Node kafka_node(const LintContext& ctx) {
  Node node;
  node.ctx = &ctx;
  node.kafka = &ctx.model<KraftNode>();
  node.kind = kafka_kind(*node.kafka);
  const NodeId& id = node.kafka->node_id();
  if (id.known && id.value && id.entry != nullptr) {
    node.id = id.value;
    node.id_entry = id.entry;
  }
  node.quorum = read_quorum(ctx, *node.kafka);
  const KafkaModel& kafka = node.kafka->kafka();
  read_listener_ports(node, kafka.listeners(), kafka);
  for (const ListenerList* list : {&kafka.listeners(), &kafka.advertised_listeners()}) {
    if (!list->known) continue;
    for (const Listener& l : list->listeners) {
      if (l.endpoint.ok()) add_host(node, l.host(), list == &kafka.listeners() ? HostUse::binds : HostUse::advertises);
    }
  }
  return node;
}

Node zookeeper_node(const LintContext& ctx) {
  Node node;
  node.ctx = &ctx;
  node.kind = NodeKind::zookeeper;
  node.zookeeper = &ctx.model<ZookeeperModel>();
  const ZookeeperModel& zk = *node.zookeeper;
  if (zk.mode == ZkMode::unknown || zk.dynamic_file || !zk.admin_known) return node;
  // Without its myid, which server.N line is this server's own is unknown: only the ports every
  // member opens (client, secure client, admin server) are known.
  for (const ZkBinding& b : zk.bindings_of(nullptr)) {
    if (b.role == ZkBinding::Role::quorum || b.role == ZkBinding::Role::election || b.port == 0) continue;
    node.ports.push_back({std::string(to_string(b.role)), b.port, b.host, b.entry, b.begin, b.end});
    add_host(node, b.host, HostUse::binds);
  }
  // An ensemble whose every member is on loopback runs on this one machine, this server included.
  if (zk.mode == ZkMode::quorum && zk.members_known) {
    bool all_loopback = !zk.members().empty();
    for (const ZkServer* s : zk.members()) {
      const bool readable = !s->templated && s->spec.ok() && !s->spec.addresses.empty();
      all_loopback = all_loopback && readable && loopback_host(s->spec.addresses.front().host_text());
    }
    if (all_loopback) add_host(node, "localhost", HostUse::binds);
  }
  return node;
}

}  // namespace

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A file name cut into runs of digits and runs of other characters, with the role words of a
// split KRaft cluster made one word (broker-1 and controller-1 number one series).
std::vector<std::string> name_tokens(std::string_view file_name) {
  std::string name(file_name);
  for (const std::string_view role : {"controller", "broker"}) {
    const std::size_t at = name.find(role);
    if (at != std::string::npos) name.replace(at, role.size(), "<role>");
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (i == 0 || is_digit(name[i]) != is_digit(name[i - 1])) out.emplace_back();
    out.back() += name[i];
  }
  return out;
}

// The node number of a file name: its only run of digits, of one or two (zoo3.cfg: 3).
std::optional<std::int64_t> node_number(std::string_view file_name) {
  std::optional<std::int64_t> out;
  for (const std::string& t : name_tokens(file_name)) {
    if (!is_digit(t.front())) continue;
    if (out || t.size() > 2) return std::nullopt;
    out = std::stoll(t);
  }
  return out;
}

bool ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::optional<NodeMyid> read_myid(const LintContext& ctx, const MemberFacts& facts, std::string_view file_name) {
  using Source = NodeMyid::Source;
  if (const auto& file = facts.myid_file) {
    const std::string evidence = "its myid file " + file->path;
    if (!file->first_line) return NodeMyid{std::nullopt, "null", evidence, true, Source::myid_file, file->path, evidence};  // Long.parseLong(null)
    // Long.parseLong also takes the decimal digits of other scripts: such a line is left unjudged.
    if (!ascii(*file->first_line)) return std::nullopt;
    return NodeMyid{java_long(*file->first_line), *file->first_line, evidence, false, Source::myid_file, file->path, evidence};
  }
  if (const DeployedNode* d = ctx.profile().deployed(); d != nullptr && d->server_id) {
    NodeMyid out{d->server_id, std::to_string(*d->server_id), "the myid file its image writes", false, Source::image, "", "the myid file its image writes"};
    if (const auto image = image_myid(d->family)) {
      out.origin = image->variable;
      out.from = out.origin + (image->when_unset == d->server_id ? " (" + out.text + " when unset)" : "") + ", which its image writes to the myid file";
    }
    return out;
  }
  if (facts.myid) {
    return NodeMyid{facts.myid, std::to_string(*facts.myid), "myid in .zklint.json", false, Source::zklint_json, ".zklint.json", "its nodes entry in .zklint.json"};
  }
  if (facts.myid_from_file_name) {
    if (const auto n = node_number(file_name)) {
      return NodeMyid{n, std::to_string(*n), "its file name, as .zklint.json says (myid-from-file-name)", false, Source::file_name, std::string(file_name),
                      "its file name (myid-from-file-name in .zklint.json)"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view NodeMyid::source_name() const {
  switch (source) {
    case Source::myid_file: return "myid-file";
    case Source::image: return "image";
    case Source::zklint_json: return "zklint-json";
    case Source::file_name: return "file-name";
  }
  return "myid-file";
}

std::string NodeMyid::described() const {
  if (empty_file) return "is empty";
  return text.empty() ? "starts with an empty line" : "starts with " + zklint::quoted(text);
}

std::string name_series(std::string_view file_name) {
  std::string out;
  for (const std::string& t : name_tokens(file_name)) out += is_digit(t.front()) ? "#" : t;
  return out;
}

bool one_series(std::string_view a, std::string_view b) {
  const auto ta = name_tokens(a), tb = name_tokens(b);
  if (ta.size() != tb.size()) return false;
  std::size_t differing = 0;
  for (std::size_t i = 0; i < ta.size(); ++i) {
    if (ta[i] == tb[i]) continue;
    const bool node_numbers = is_digit(ta[i].front()) && is_digit(tb[i].front()) && ta[i].size() <= 2 && tb[i].size() <= 2;
    if (!node_numbers) return false;
    ++differing;
  }
  return differing == 1 || (differing == 0 && a != b);  // broker-1 and controller-1
}

bool MetadataQuorum::shared_with(const MetadataQuorum& other) const {
  const bool zookeeper = source == Source::zookeeper, other_zookeeper = other.source == Source::zookeeper;
  if (!known() || !other.known() || zookeeper != other_zookeeper || chroot != other.chroot) return false;
  // Voters and bootstrap servers name the controllers alike once the voter ids are left out.
  const auto address = [](const std::string& e) { return e.substr(e.find('@') + 1); };
  std::set<std::string> theirs;
  for (const std::string& e : other.endpoints) theirs.insert(address(e));
  return std::any_of(endpoints.begin(), endpoints.end(), [&](const std::string& e) { return theirs.count(address(e)) != 0; });
}

std::string_view Node::kind_text() const {
  switch (kind) {
    case NodeKind::zookeeper_broker: return "broker";
    case NodeKind::broker: return "broker";
    case NodeKind::controller: return "controller";
    case NodeKind::combined: return "broker and controller";
    case NodeKind::kafka_unknown: return "Kafka node";
    case NodeKind::zookeeper: return "ZooKeeper server";
  }
  return "node";
}

const std::string& Node::path() const { return ctx->source().path(); }

ClusterNodes::ClusterNodes(const Cluster& cluster) : cluster_(cluster) {
  for (std::size_t m = 0; m < cluster.members().size(); ++m) {
    const LintContext* member = cluster.members()[m];
    const MemberFacts& facts = cluster.facts()[m];
    const FileKind kind = member->profile().kind;
    if (kind != FileKind::kafka && kind != FileKind::zookeeper) continue;
    Node node = kind == FileKind::kafka ? kafka_node(*member) : zookeeper_node(*member);
    node.loopback_only = !node.own_hosts.empty() && std::all_of(node.own_hosts.begin(), node.own_hosts.end(), loopback_host);
    node.file_name = std::filesystem::path(member->source().path()).filename().string();
    node.declared_host = facts.host;
    if (kind == FileKind::zookeeper) node.myid = read_myid(*member, facts, node.file_name);
    nodes_.push_back(std::move(node));
  }
}

const Node* ClusterNodes::find(const LintContext& ctx) const {
  for (const Node& n : nodes_) {
    if (&n.ctx->doc() == &ctx.doc()) return &n;  // ctx may judge the member file as another release
  }
  return nullptr;
}

bool ClusterNodes::peers(const Node& a, const Node& b) const {
  if (&a == &b) return false;
  return cluster_.declared() || one_series(a.file_name, b.file_name);
}

bool ClusterNodes::one_deployment(const Node& a, const Node& b) {
  const auto& compose = a.ctx->profile().compose;
  return &a != &b && compose != nullptr && compose == b.ctx->profile().compose;
}

std::string ClusterNodes::peers_reason(const Node& a) const {
  if (cluster_.declared()) return "both are nodes of the cluster '" + cluster_.name() + "'";
  return "their file names number one series (" + name_series(a.file_name) + ")";
}

bool ClusterNodes::in_majority(const Node& me, const std::function<std::optional<std::string>(const Node&)>& value_of) const {
  const auto mine = value_of(me);
  if (!mine) return false;
  std::map<std::string, std::size_t> count{{*mine, 1}};
  for (const Node& other : nodes_) {
    if (!peers(me, other)) continue;
    if (const auto v = value_of(other)) ++count[*v];
  }
  return std::none_of(count.begin(), count.end(), [&](const auto& c) { return c.first != *mine && c.second >= count[*mine]; });
}

std::vector<VoterLink> ClusterNodes::voter_links(const Node& from) const {
  std::vector<VoterLink> out;
  if (from.quorum.source != MetadataQuorum::Source::voters) return out;
  for (const auto& voter : *from.kafka->voters()) {
    VoterLink link{&voter, nullptr, nullptr, true};
    for (const Node& controller : nodes_) {
      if (!controller.is_controller() || controller.id != voter.id || !voter.address.port) continue;
      const bool same_voters = controller.quorum.source == from.quorum.source && controller.quorum.endpoints == from.quorum.endpoints;
      if (&controller != &from && !same_voters && !(peers(from, controller) && from.quorum.shared_with(controller.quorum))) continue;
      link.controller = &controller;
      for (const NodePort& p : controller.ports) {
        if (link.listener == nullptr && starts_with(p.purpose, "controller listener ")) link.listener = &p;
      }
      link.reachable = link.listener == nullptr ||
                       std::any_of(controller.ports.begin(), controller.ports.end(), [&](const NodePort& p) { return p.port == *voter.address.port; });
      break;
    }
    out.push_back(link);
  }
  return out;
}

std::vector<ZookeeperLink> ClusterNodes::zookeeper_links(const Node& broker) const {
  std::vector<ZookeeperLink> out;
  if (broker.quorum.source != MetadataQuorum::Source::zookeeper) return out;
  for (const ZooKeeperServer& host : broker.ctx->model<ZooKeeperClientSettings>().servers) {
    const std::string endpoint = (host.host.empty() ? std::string("localhost") : std::string(host.host)) + ":" + std::to_string(host.port);
    std::vector<ZookeeperLink> answers;
    for (const Node& server : nodes_) {
      if (server.kind != NodeKind::zookeeper) continue;
      const auto judged = judge_host(*server.zookeeper, host);
      if (!judged) continue;
      const bool listens = std::any_of(judged->client_ports.begin(), judged->client_ports.end(), [&](const ZkBinding& b) { return b.port == host.port; });
      answers.push_back({endpoint, &server, listens});
    }
    // A loopback host may be any server of a one-host ensemble: the ones that listen are the link.
    const bool some_listen = std::any_of(answers.begin(), answers.end(), [](const ZookeeperLink& l) { return l.reachable; });
    for (const ZookeeperLink& l : answers) {
      if (l.reachable || !some_listen) out.push_back(l);
    }
    if (answers.empty()) out.push_back({endpoint, nullptr, true});
  }
  return out;
}

bool ClusterNodes::same_machine(const Node& a, const Node& b) const {
  if (a.declared_host && b.declared_host) return iequals(*a.declared_host, *b.declared_host);
  if (a.loopback_only && b.loopback_only) return true;
  for (const std::string& h : a.bind_hosts) {
    if (!loopback_host(h) && std::find(b.bind_hosts.begin(), b.bind_hosts.end(), h) != b.bind_hosts.end()) return true;
  }
  return false;
}

std::vector<const Node*> ClusterNodes::machine_mates(const Node& me) const {
  std::vector<const Node*> out;
  for (const Node& other : nodes_) {
    if (peers(me, other) && same_machine(me, other)) out.push_back(&other);
  }
  return out;
}

std::string ClusterNodes::same_machine_reason(const Node& a, const Node& b) const {
  if (a.declared_host && b.declared_host) return "both run on " + *a.declared_host + " (.zklint.json)";
  if (a.loopback_only && b.loopback_only) return "both use only loopback addresses";
  for (const std::string& h : a.bind_hosts) {
    if (std::find(b.bind_hosts.begin(), b.bind_hosts.end(), h) != b.bind_hosts.end()) return "both bind the host " + h;
  }
  return "";
}

}  // namespace zklint::support
