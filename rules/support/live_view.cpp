#include "support/live_view.hpp"

#include <algorithm>
#include <set>

namespace zklint::support {

namespace {

std::int64_t epoch_of(std::int64_t zxid) { return zxid >> 32; }

std::size_t majority(std::size_t n) { return n / 2 + 1; }

}  // namespace

std::string endpoint_text(std::string_view host, std::int64_t port) {
  const bool ipv6 = host.find(':') != std::string_view::npos;
  return (ipv6 ? "[" + std::string(host) + "]" : std::string(host)) + ":" + std::to_string(port);
}

std::string EnsembleView::summary() const {
  std::string out = std::to_string(serving) + " of " + std::to_string(members) + (members == 1 ? " server serves" : " servers serve");
  if (standalone) out += " (standalone)";
  else if (leaders.size() == 1) out += " (leader " + leaders.front() + ")";
  else if (leaders.size() > 1) out += " (" + std::to_string(leaders.size()) + " leaders)";
  return out;
}

LiveView::LiveView(const LintContext& ctx) : observed_(ctx.observed()), targets_(ctx.model<LiveTargets>()) {
  if (observed_ == nullptr) return;
  for (const RemoteTarget& t : targets_.remote) {
    if (const EndpointObservation* e = observed_->find(t.host, t.port); e != nullptr && e->reach != Reach::not_probed) remote_.emplace_back(&t, e);
  }
  build_ensemble();
}

const EndpointObservation* LiveView::seen(const RemoteTarget& t) const {
  for (const auto& [target, seen] : remote_) {
    if (target == &t) return seen;
  }
  return nullptr;
}

bool LiveView::serves(const RemoteTarget& t) const {
  const EndpointObservation* e = seen(t);
  if (e == nullptr || e->reach != Reach::open) return false;
  if (t.role != TargetRole::zookeeper_server || !e->zookeeper || !e->zookeeper->srvr_answered) return true;
  return e->zookeeper->serving;
}

Severity LiveView::unusable_severity(const RemoteTarget& t) const {
  if (t.role == TargetRole::advertised_listener) {
    // Before the broker starts nothing listens there: a refusal is only worth knowing.
    const EndpointObservation* e = seen(t);
    return e != nullptr && e->reach == Reach::refused ? Severity::info : Severity::warning;
  }
  const auto same_role = targets_.of_role(t.role);
  const auto usable = static_cast<std::size_t>(std::count_if(same_role.begin(), same_role.end(), [&](const RemoteTarget* o) { return serves(*o); }));
  const std::size_t needed = t.role == TargetRole::quorum_voter ? majority(same_role.size()) : 1;
  return usable >= needed ? Severity::warning : Severity::error;
}

std::string LiveView::consequence(const RemoteTarget& t) const {
  const auto same_role = targets_.of_role(t.role);
  const auto usable = static_cast<std::size_t>(std::count_if(same_role.begin(), same_role.end(), [&](const RemoteTarget* o) { return serves(*o); }));
  switch (t.role) {
    case TargetRole::zookeeper_server:
      if (usable == 0) return "; no server of zookeeper.connect serves, so the broker cannot start (ZooKeeperClientTimeoutException)";
      return "; " + ensemble_.summary() + (ensemble_.standalone ? ", so the broker connects through the others" : ", so the quorum stands and the broker connects through the others");
    case TargetRole::quorum_voter:
      return "; " + std::to_string(usable) + " of " + std::to_string(same_role.size()) + " voters answer" +
             (usable >= majority(same_role.size()) ? ", a majority" : ", fewer than the majority a controller quorum needs");
    case TargetRole::quorum_bootstrap:
      return usable == 0 ? "; no bootstrap server answers" : "; " + std::to_string(usable) + " of " + std::to_string(same_role.size()) + " bootstrap servers answer";
    case TargetRole::advertised_listener:
      return "; clients and other brokers connect there, so either the broker is not running yet or the address is wrong";
  }
  return {};
}

void LiveView::build_ensemble() {
  std::set<std::int64_t> follower_epochs;
  std::optional<std::int64_t> leader_epoch;
  for (const auto& [t, e] : remote_) {
    if (t->role != TargetRole::zookeeper_server) continue;
    ++ensemble_.members;
    if (serves(*t)) ++ensemble_.serving;
    if (e->reach != Reach::open || !e->zookeeper || !e->zookeeper->serving) continue;
    const ZooKeeperStatus& z = *e->zookeeper;
    if (z.mode == "standalone") ensemble_.standalone = true;
    if (z.mode == "leader") {
      ensemble_.leaders.push_back(endpoint_text(t->host, t->port));
      if (z.zxid) leader_epoch = epoch_of(*z.zxid);
    } else if (z.mode == "follower" && z.zxid) {
      follower_epochs.insert(epoch_of(*z.zxid));
    }
  }
  if (ensemble_.leaders.size() > 1) {
    std::string names;
    for (const std::string& l : ensemble_.leaders) names += (names.empty() ? "" : ", ") + l;
    ensemble_.disagreements.push_back(std::to_string(ensemble_.leaders.size()) + " servers each say they lead (" + names + ")");
  }
  // A follower's last zxid may still be from an older epoch (it has seen no transaction since
  // the election), so only a follower *ahead* of the leader proves that it follows another one.
  if (leader_epoch && ensemble_.leaders.size() == 1) {
    for (const std::int64_t epoch : follower_epochs) {
      if (epoch > *leader_epoch) {
        ensemble_.disagreements.push_back("a follower is in epoch " + std::to_string(epoch) + " while the leader " + ensemble_.leaders.front() +
                                          " is in epoch " + std::to_string(*leader_epoch) + ", so it follows another leader");
      }
    }
  }
  if (ensemble_.standalone && ensemble_.members > 1 && ensemble_.serving > 1) {
    ensemble_.disagreements.push_back("a standalone server and other servers are listed together: they are not one ensemble, and the broker's data depends on which one it reaches");
  }
}

DiagnosticBuilder report_at(Reporter& out, const RemoteTarget& t, std::string message) {
  return out.report_value_part(*t.entry, t.begin, t.end, std::move(message));
}

}  // namespace zklint::support
