#include "support/zookeeper_pairing.hpp"

#include <algorithm>

#include "support/compose_network.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support {
namespace {

bool wildcard(std::string_view host) { return host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]"; }

// A client on the broker's host reaches a listener bound to `bound` through `target`.
bool reachable(std::string_view bound, std::string_view target) {
  if (wildcard(bound)) return true;
  if (is_local_host(target)) return is_local_host(bound);
  // Two names for one machine are DNS's business: assume they meet unless one is loopback.
  return !is_local_host(bound) || same_host(bound, target);
}

void add_client_ports(const ZookeeperModel& zk, const ZkServer* s, std::string_view target, std::vector<ZkBinding>& out) {
  for (const ZkBinding& b : zk.bindings_of(s)) {
    if (b.role != ZkBinding::Role::client && b.role != ZkBinding::Role::secure_client) continue;
    if (!reachable(b.host, target)) continue;
    if (std::none_of(out.begin(), out.end(), [&](const ZkBinding& o) { return o.port == b.port && o.role == b.role; })) out.push_back(b);
  }
}

}  // namespace

std::vector<const LintContext*> cluster_zookeepers(const LintContext& ctx) {
  std::vector<const LintContext*> out;
  if (ctx.cluster() == nullptr) return out;
  for (const LintContext* member : ctx.cluster()->members()) {
    if (member != &ctx && member->kind() == FileKind::zookeeper) out.push_back(member);
  }
  return out;
}

std::string node_name(const LintContext& ctx) {
  if (const DeployedNode* node = ctx.profile().deployed()) return "service '" + node->service + "' of " + ctx.source().path();
  return ctx.source().path();
}

std::optional<PairedHost> judge_host(const ZookeeperModel& zk, const ZooKeeperServer& host) {
  if (zk.mode == ZkMode::unknown || zk.dynamic_file || !zk.client_port.value || !zk.secure_client_port.value) return std::nullopt;
  PairedHost out;
  std::size_t named = 0;
  for (const ZkServer* s : zk.members()) {
    if (s->templated || !s->spec.ok()) return std::nullopt;
    const bool names_it = std::any_of(s->spec.addresses.begin(), s->spec.addresses.end(), [&](const auto& a) { return same_host(a.host_text(), host.host); });
    if (names_it && out.member == nullptr) out.member = s;
    named += names_it ? 1 : 0;
  }
  const bool local = wildcard(host.host) || is_local_host(host.host);
  // An ensemble on one machine: every server.N is on loopback, so `localhost` names none of
  // them in particular; it is this machine, which runs one of them.
  if (local && named > 1) out.member = nullptr;
  if (out.member != nullptr) {
    add_client_ports(zk, out.member, host.host, out.client_ports);
    return out;
  }
  if (!local) return std::nullopt;
  // This machine runs one of the servers: with a quorum it is not known which, so any member's
  // client port counts; a standalone server has the static ports only.
  if (zk.mode == ZkMode::quorum) {
    for (const ZkServer* s : zk.members()) add_client_ports(zk, s, host.host, out.client_ports);
  } else {
    add_client_ports(zk, nullptr, host.host, out.client_ports);
  }
  return out;
}

bool colocated(const ZookeeperModel& zk, const ZooKeeperClientSettings& client) {
  return std::any_of(client.servers.begin(), client.servers.end(), [&](const ZooKeeperServer& s) {
    return (wildcard(s.host) || is_local_host(s.host)) && judge_host(zk, s).has_value();
  });
}

std::optional<PairedHost> judge_member(const LintContext& zk, const ZooKeeperServer& host) {
  const ComposeService* service = service_of(zk);
  if (service == nullptr && !zk.profile().deployed()) return judge_host(zk.model<ZookeeperModel>(), host);
  if (service == nullptr) return std::nullopt;
  const bool own = std::any_of(service->host_names.begin(), service->host_names.end(), [&](const std::string& name) { return same_host(name, host.host); });
  if (!own) return std::nullopt;
  ZooKeeperServer self = host;
  self.host = "localhost";  // the container's own config answers for it
  auto judged = judge_host(zk.model<ZookeeperModel>(), self);
  if (judged) judged->member = nullptr;
  return judged;
}

bool colocated_member(const LintContext& zk, const ZooKeeperClientSettings& client) {
  return !zk.profile().deployed() && colocated(zk.model<ZookeeperModel>(), client);
}

}  // namespace zklint::support
