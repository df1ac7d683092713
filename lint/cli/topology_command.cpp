// zklint topology: the clusters zklint understood, drawn as text, Mermaid, Graphviz DOT or JSON.
// The nodes and links come from the same node model the cluster rules read
// (support/cluster_nodes.hpp), so a link drawn broken here is the link a rule reports.
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "support/cluster_nodes.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::cli {
namespace {

struct Link {
  std::size_t from = 0;
  std::optional<std::size_t> to;  ///< index of the node; nullopt: an endpoint outside the cluster
  std::string label;              ///< "localhost:2181", "voter 2 c2:9093"
  std::string problem;            ///< empty when the link works
};

struct DrawnNode {
  std::string name;                   ///< the file name inside a directory cluster, else the path
  std::string path;
  std::string_view kind;              ///< "broker", "ZooKeeper server", ...
  std::optional<std::int64_t> id;     ///< broker.id / node.id
  std::optional<support::NodeMyid> myid;
  bool myid_matters = false;          ///< a ZooKeeper server of an ensemble: it needs a myid
  std::vector<support::NodePort> ports;
  std::string detail;                 ///< one line: "broker 1: listener PLAINTEXT 9092"
};

struct DrawnCluster {
  std::string name;
  bool declared = false;
  std::vector<DrawnNode> nodes;
  std::vector<Link> links;
};

// "myid 3 from its myid file /srv/zk/3/myid"; "myid unknown" for an ensemble member without
// evidence; "" for a standalone server, which needs none.
std::string myid_text(const DrawnNode& n) {
  if (!n.myid) return n.myid_matters ? "myid unknown" : "";
  const std::string value = n.myid->id ? std::to_string(*n.myid->id) : n.myid->empty_file ? "none (the file is empty)" : zklint::quoted(n.myid->text) + " (not a number)";
  return "myid " + value + " from " + n.myid->from;
}

std::string node_detail(const DrawnNode& n) {
  std::string out(n.kind);
  if (n.id) out += " " + std::to_string(*n.id);
  if (const std::string myid = myid_text(n); !myid.empty()) out += ", " + myid;
  std::string ports;
  for (const support::NodePort& p : n.ports) ports += (ports.empty() ? "" : ", ") + p.purpose + " " + std::to_string(p.port);
  return ports.empty() ? out : out + ": " + ports;
}

std::size_t index_of(const support::ClusterNodes& nodes, const support::Node* n) { return static_cast<std::size_t>(n - nodes.nodes().data()); }

DrawnCluster draw(const Cluster& cluster) {
  const auto& nodes = cluster.model<support::ClusterNodes>();
  DrawnCluster out{cluster.name(), cluster.declared(), {}, {}};
  // Inside a directory cluster, a node is named by its file name; declared clusters keep paths.
  const std::string prefix = cluster.declared() ? "" : cluster.name() + "/";
  for (const support::Node& n : nodes.nodes()) {
    DrawnNode d{n.path().rfind(prefix, 0) == 0 ? n.path().substr(prefix.size()) : n.path(), n.path(), n.kind_text(), n.id, n.myid, false, n.ports, ""};
    d.myid_matters = n.zookeeper != nullptr && n.zookeeper->mode == support::ZkMode::quorum;
    d.detail = node_detail(d);
    out.nodes.push_back(std::move(d));
  }
  for (const support::Node& n : nodes.nodes()) {
    const std::size_t from = index_of(nodes, &n);
    for (const support::ZookeeperLink& l : nodes.zookeeper_links(n)) {
      Link link{from, std::nullopt, l.endpoint, l.reachable ? "" : "no client port " + l.endpoint.substr(l.endpoint.rfind(':') + 1) + " there"};
      if (l.server != nullptr) link.to = index_of(nodes, l.server);
      out.links.push_back(link);
    }
    for (const support::VoterLink& l : nodes.voter_links(n)) {
      if (l.controller == &n && l.reachable) continue;  // a controller listing itself: no line to draw
      const std::string_view value = n.kafka->voters_entry()->value;
      Link link{from, std::nullopt, "voter " + std::string(l.voter->id_text.of(value)) + " " + std::string(l.voter->address.text.of(value)), ""};
      if (l.controller != nullptr) link.to = index_of(nodes, l.controller);
      if (!l.reachable) link.problem = "the controller listens on " + std::to_string(l.listener->port);
      out.links.push_back(link);
    }
  }
  return out;
}

void write_text(const std::vector<DrawnCluster>& clusters, std::ostream& out) {
  for (const DrawnCluster& c : clusters) {
    out << "cluster " << c.name << (c.declared ? " (declared)" : " (directory)") << "\n";
    for (const DrawnNode& n : c.nodes) out << "  " << n.name << "  " << n.detail << "\n";
    // One line per endpoint: the configs that answer for it (several describe one ensemble).
    for (std::size_t i = 0; i < c.links.size();) {
      const Link& l = c.links[i];
      std::string targets = l.to ? c.nodes[*l.to].name : "(not in this cluster)";
      std::size_t j = i + 1;
      for (; j < c.links.size() && c.links[j].from == l.from && c.links[j].label == l.label && c.links[j].problem == l.problem && c.links[j].to; ++j) {
        targets += ", " + c.nodes[*c.links[j].to].name;
      }
      out << "  " << c.nodes[l.from].name << " -> " << l.label << " -> " << targets << (l.problem.empty() ? "" : "  BROKEN: " + l.problem) << "\n";
      i = j;
    }
  }
}

std::string mermaid_text(const std::string& s) {
  std::string out;
  for (const char ch : s) out += ch == '"' ? std::string("#quot;") : std::string(1, ch);
  return out;
}

void write_mermaid(const std::vector<DrawnCluster>& clusters, std::ostream& out) {
  out << "flowchart LR\n";
  std::size_t link_number = 0;
  std::vector<std::size_t> broken;
  std::ostringstream links;
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    const DrawnCluster& cl = clusters[c];
    const auto id = [&](std::size_t n) { return "n" + std::to_string(c) + "_" + std::to_string(n); };
    out << "  subgraph c" << c << "[\"" << mermaid_text(cl.name) << "\"]\n";
    for (std::size_t n = 0; n < cl.nodes.size(); ++n) {
      out << "    " << id(n) << "[\"" << mermaid_text(cl.nodes[n].name) << "<br/>" << mermaid_text(cl.nodes[n].detail) << "\"]\n";
    }
    out << "  end\n";
    for (std::size_t l = 0; l < cl.links.size(); ++l) {
      const Link& link = cl.links[l];
      std::string target = link.to ? id(*link.to) : "x" + std::to_string(c) + "_" + std::to_string(l);
      if (!link.to) links << "  " << target << "([\"" << mermaid_text(link.label) << " (not in this cluster)\"])\n";
      const std::string label = mermaid_text(link.label + (link.problem.empty() ? "" : ": " + link.problem));
      links << "  " << id(link.from) << (link.problem.empty() ? " -->|\"" : " -.->|\"") << label << "\"| " << target << "\n";
      if (!link.problem.empty()) broken.push_back(link_number);
      ++link_number;
    }
  }
  out << links.str();
  for (const std::size_t b : broken) out << "  linkStyle " << b << " stroke:#d00,color:#d00\n";
}

std::string dot_text(const std::string& s) {
  std::string out;
  for (const char ch : s) out += ch == '"' || ch == '\\' ? std::string("\\") + ch : std::string(1, ch);
  return out;
}

void write_dot(const std::vector<DrawnCluster>& clusters, std::ostream& out) {
  out << "digraph zklint {\n  rankdir=LR;\n  node [shape=box];\n";
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    const DrawnCluster& cl = clusters[c];
    const auto id = [&](std::size_t n) { return "n" + std::to_string(c) + "_" + std::to_string(n); };
    out << "  subgraph cluster_" << c << " {\n    label=\"" << dot_text(cl.name) << "\";\n";
    for (std::size_t n = 0; n < cl.nodes.size(); ++n) {
      out << "    " << id(n) << " [label=\"" << dot_text(cl.nodes[n].name) << "\\n" << dot_text(cl.nodes[n].detail) << "\"];\n";
    }
    out << "  }\n";
    for (std::size_t l = 0; l < cl.links.size(); ++l) {
      const Link& link = cl.links[l];
      std::string target = link.to ? id(*link.to) : "x" + std::to_string(c) + "_" + std::to_string(l);
      if (!link.to) out << "  " << target << " [shape=ellipse, style=dashed, label=\"" << dot_text(link.label) << "\\n(not in this cluster)\"];\n";
      out << "  " << id(link.from) << " -> " << target << " [label=\"" << dot_text(link.label + (link.problem.empty() ? "" : ": " + link.problem)) << "\"";
      out << (link.problem.empty() ? "" : ", color=red, fontcolor=red, style=dashed") << "];\n";
    }
  }
  out << "}\n";
}

nlohmann::json node_json(const DrawnNode& n) {
  nlohmann::json ports = nlohmann::json::array();
  for (const support::NodePort& p : n.ports) ports.push_back({{"purpose", p.purpose}, {"port", p.port}, {"host", p.host}});
  nlohmann::json myid = nullptr;
  if (n.myid) {
    myid = {{"value", n.myid->id ? nlohmann::json(*n.myid->id) : nlohmann::json(nullptr)},
            {"text", n.myid->text},
            {"source", n.myid->source_name()},
            {"origin", n.myid->origin},
            {"from", n.myid->from}};
  }
  return {{"name", n.name}, {"path", n.path}, {"kind", n.kind}, {"id", n.id ? nlohmann::json(*n.id) : nlohmann::json(nullptr)},
          {"myid", myid}, {"needs_myid", n.myid_matters}, {"ports", ports}};
}

void write_json(const std::vector<DrawnCluster>& clusters, std::ostream& out) {
  nlohmann::json all = nlohmann::json::array();
  for (const DrawnCluster& c : clusters) {
    nlohmann::json nodes = nlohmann::json::array(), links = nlohmann::json::array();
    for (const DrawnNode& n : c.nodes) nodes.push_back(node_json(n));
    for (const Link& l : c.links) {
      links.push_back({{"from", c.nodes[l.from].name},
                       {"to", l.to ? nlohmann::json(c.nodes[*l.to].name) : nlohmann::json(nullptr)},
                       {"endpoint", l.label},
                       {"problem", l.problem.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.problem)}});
    }
    all.push_back({{"name", c.name}, {"declared", c.declared}, {"nodes", nodes}, {"links", links}});
  }
  out << nlohmann::json{{"clusters", all}}.dump(2) << "\n";
}

}  // namespace

int run_topology(const RunOptions& options, const std::string& format) {
  std::vector<DrawnCluster> clusters;
  const std::vector<std::string> problems = visit_clusters(options, [&](const Cluster& c) { clusters.push_back(draw(c)); });
  for (const std::string& p : problems) std::cerr << "zklint: " << p << "\n";
  if (clusters.empty()) {
    std::cerr << "zklint: no Kafka or ZooKeeper config found in the inputs\n";
    return 2;
  }
  if (format == "mermaid") write_mermaid(clusters, std::cout);
  else if (format == "dot") write_dot(clusters, std::cout);
  else if (format == "json") write_json(clusters, std::cout);
  else write_text(clusters, std::cout);
  return problems.empty() ? 0 : 2;
}

}  // namespace zklint::cli
