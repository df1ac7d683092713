#include "support/compose_network.hpp"

#include <algorithm>
#include <cctype>

#include "support/cluster_nodes.hpp"
#include "support/zookeeper_connect.hpp"
#include "support/zookeeper_model.hpp"
#include "zklint/lint/cluster.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support {

std::vector<ComposeMember> compose_members(const LintContext& file) {
  std::vector<ComposeMember> out;
  const ComposeModel* model = file.profile().compose.get();
  if (model == nullptr || file.cluster() == nullptr) return out;
  for (const ComposeService& service : model->services) {
    if (!service.node) continue;
    for (const LintContext* member : file.cluster()->members()) {
      if (member->profile().compose.get() == model && member->profile().node == service.node) {
        out.push_back({member, &model->nodes[*service.node], &service});
      }
    }
  }
  return out;
}

namespace {

// Compose names a container PROJECT-SERVICE-N (Compose v2) or PROJECT_SERVICE_N (v1) unless
// container_name is set (docker/compose pkg/compose/convergence.go getContainerName @v2.29.0);
// the project name is the directory's unless `name:` or -p says otherwise, so any prefix may do.
bool default_container_name(std::string_view host, std::string_view service) {
  for (const char sep : {'-', '_'}) {
    const std::size_t end = host.find_last_of(sep);
    if (end == std::string_view::npos || end + 1 == host.size()) continue;
    const std::string_view number = host.substr(end + 1);
    if (!std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const std::string_view rest = host.substr(0, end);
    if (rest.size() > service.size() && rest[rest.size() - service.size() - 1] == sep && iequals(rest.substr(rest.size() - service.size()), service)) {
      return true;
    }
  }
  return false;
}

// A service without `networks:` is on the project's default network only.
bool share_a_network(const ComposeService& a, const ComposeService& b) {
  static const std::vector<std::string> default_network{"default"};
  const auto& na = a.networks.empty() ? default_network : a.networks;
  const auto& nb = b.networks.empty() ? default_network : b.networks;
  return std::any_of(na.begin(), na.end(), [&](const std::string& n) { return std::find(nb.begin(), nb.end(), n) != nb.end(); });
}

bool loopback(std::string_view host) { return host.empty() || is_local_host(host); }

std::vector<ReachPath> zookeeper_paths(const LintContext& ctx) {
  std::vector<ReachPath> out;
  const auto& client = ctx.model<ZooKeeperClientSettings>();
  if (!client.uses_zookeeper || client.connect == nullptr || ctx.value_templated(*client.connect)) return out;
  for (const ZooKeeperServer& s : client.servers) {
    const auto& e = *s.element;
    out.push_back({ReachPath::Use::zookeeper, s.host, s.port, std::nullopt, client.connect, e.element.begin, e.element.end, e.host.begin, e.host.end,
                   e.port_text.begin, e.port_text.end});
  }
  return out;
}

// The voters other than the node itself (all of them for a broker-only node); a broker-only
// node's bootstrap servers (a controller's own entry cannot be told from the others).
std::vector<ReachPath> quorum_paths(const LintContext& ctx) {
  std::vector<ReachPath> out;
  const auto& node = ctx.model<KraftNode>();
  if (!node.kraft()) return out;
  const bool broker_only = node.roles() == NodeRoles::broker;
  const NodeId& me = node.node_id();
  const bool me_known = me.known && me.value.has_value();
  if (const Entry* entry = node.voters_entry(); entry != nullptr && node.voters() && !ctx.value_templated(*entry) && (me_known || broker_only)) {
    for (const grammar::quorum::Voter& v : *node.voters()) {
      if (!v.ok() || !v.id || !v.address.port || (me_known && v.id == me.value)) continue;
      out.push_back({ReachPath::Use::voter, v.address.host.of(entry->value), *v.address.port, v.id, entry, v.entry.begin, v.entry.end, v.address.host.begin,
                     v.address.host.end, v.address.port_text.begin, v.address.port_text.end});
    }
  } else if (const Entry* bootstrap = node.bootstrap_entry(); entry == nullptr && bootstrap != nullptr && broker_only && node.bootstrap_servers() &&
                                                               !ctx.value_templated(*bootstrap)) {
    for (const grammar::quorum::BootstrapServer& b : *node.bootstrap_servers()) {
      if (!b.ok() || !b.address.port) continue;
      out.push_back({ReachPath::Use::bootstrap, b.address.host.of(bootstrap->value), *b.address.port, std::nullopt, bootstrap, b.entry.begin, b.entry.end,
                     b.address.host.begin, b.address.host.end, b.address.port_text.begin, b.address.port_text.end});
    }
  }
  return out;
}

bool opens_port(const ClusterNodes& nodes, const ComposeMember& target, std::int64_t port, bool& known) {
  const Node* node = nodes.find(*target.ctx);
  known = node != nullptr && node->kafka != nullptr && node->kafka->kafka().listeners().known && !node->ports.empty();
  return known && std::any_of(node->ports.begin(), node->ports.end(), [&](const NodePort& p) { return p.port == port; });
}

}  // namespace

std::optional<std::uint32_t> published_as(const ComposeService& service, std::int64_t port) {
  for (const PublishedPort& p : service.ports) {
    if (p.host_port == std::to_string(port)) return p.container_port;
  }
  return std::nullopt;
}

const ComposeService* service_of(const LintContext& member) {
  const FileProfile& profile = member.profile();
  if (!profile.compose || !profile.node) return nullptr;
  for (const ComposeService& s : profile.compose->services) {
    if (s.node == profile.node) return &s;
  }
  return nullptr;
}

const ComposeService* service_named(const ComposeModel& model, std::string_view host) {
  for (const ComposeService& s : model.services) {
    if (std::any_of(s.host_names.begin(), s.host_names.end(), [&](const std::string& name) { return iequals(name, host); })) return &s;
  }
  for (const ComposeService& s : model.services) {
    if (default_container_name(host, s.name)) return &s;
  }
  return nullptr;
}

bool alone_on_loopback(const ComposeModel& model, const ComposeService& service) {
  if (!service.own_namespace) return false;
  return std::none_of(model.services.begin(), model.services.end(), [&](const ComposeService& other) {
    return !other.joins.empty() && std::find(service.host_names.begin(), service.host_names.end(), other.joins) != service.host_names.end();
  });
}

bool project_host_name(std::string_view host) {
  if (host.empty() || is_local_host(host) || host.find('.') != std::string_view::npos || host.find(':') != std::string_view::npos) return false;
  return std::any_of(host.begin(), host.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

std::string ReachPath::describe() const {
  const std::string element(entry->value.substr(begin, end - begin));
  switch (use) {
    case Use::zookeeper: return "zookeeper.connect host " + element;
    case Use::voter: return "voter " + element;
    case Use::bootstrap: return "bootstrap server " + element;
  }
  return element;
}

bool ReachingContainer::none_left(ReachPath::Use use) const {
  bool any = false;
  for (const ReachPath& p : paths) {
    if (p.use != use) continue;
    if (p.verdict == Reach::unknown) return false;
    any = true;
  }
  return any;
}

ComposeReach::ComposeReach(const LintContext& file) : model_(file.profile().compose.get()), members_(compose_members(file)) {
  if (model_ == nullptr || file.cluster() == nullptr) return;
  const auto& nodes = file.cluster()->model<ClusterNodes>();
  const auto known_kafka = [](const ComposeMember& m) { return m.node->kind == FileKind::kafka && m.node->family != ImageFamily::unknown_kafka; };
  for (const ComposeMember& m : members_) {
    if (!known_kafka(m)) continue;
    ReachingContainer c{m, zookeeper_paths(*m.ctx)};
    for (ReachPath& p : quorum_paths(*m.ctx)) c.paths.push_back(p);
    const ComposeService& from = *m.service;
    for (ReachPath& p : c.paths) {
      if (loopback(p.host)) {
        if (alone_on_loopback(*model_, from)) p.verdict = Reach::loopback;
        continue;
      }
      if (!from.project_dns) continue;  // host network or another container's: not the project's names
      p.target = service_named(*model_, p.host);
      if (p.target == nullptr) {
        if (project_host_name(p.host) && !model_->names_from_outside && serves_here(p.use)) p.verdict = Reach::no_service;
        continue;
      }
      if (!model_->names_from_outside && (!p.target->project_dns || !share_a_network(from, *p.target))) {
        p.verdict = Reach::no_network;
        continue;
      }
      const ComposeMember* target = member_of(*p.target);
      if (target == nullptr || !known_kafka(*target)) continue;
      bool known = false;
      if (p.use == ReachPath::Use::zookeeper) p.verdict = Reach::not_zookeeper;
      else if (!opens_port(nodes, *target, p.port, known) && known) p.verdict = Reach::closed_port;
    }
    containers_.push_back(std::move(c));
  }
}

bool ComposeReach::serves_here(ReachPath::Use use) const {
  return std::any_of(members_.begin(), members_.end(), [&](const ComposeMember& m) {
    if (use == ReachPath::Use::zookeeper) return m.node->kind == FileKind::zookeeper;
    return m.node->kind == FileKind::kafka && m.ctx->model<KraftNode>().has_controller_role();
  });
}

const ComposeMember* ComposeReach::member_of(const ComposeService& service) const {
  for (const ComposeMember& m : members_) {
    if (m.service == &service) return &m;
  }
  return nullptr;
}

}  // namespace zklint::support
