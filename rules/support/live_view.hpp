// Reading the probe's observations against the config's targets, for the rules of rules/live/:
//
//   const support::LiveView view(ctx);      // empty (no observations) in a plain lint run
//   for (const auto& [target, seen] : view.remote()) ...
//
// It also holds the judgements several live rules share: whether an endpoint serves, how bad an
// unreachable endpoint is given the others of its list, and the ensemble as its members see it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "support/live_targets.hpp"
#include "zklint/lint/diagnostic.hpp"
#include "zklint/lint/observation.hpp"
#include "zklint/lint/reporter.hpp"

namespace zklint::support {

/// "127.0.0.1:2181", "[::1]:2181".
std::string endpoint_text(std::string_view host, std::int64_t port);

/// What the members of zookeeper.connect say about their ensemble.
struct EnsembleView {
  std::size_t members = 0;   ///< servers in zookeeper.connect that the client would use
  std::size_t serving = 0;   ///< of them: connected and serving requests
  std::vector<std::string> leaders;  ///< endpoints that say Mode: leader
  bool standalone = false;           ///< a member says Mode: standalone
  /// Members that cannot be one ensemble: two leaders, a follower whose epoch (the high 32 bits
  /// of its zxid) is ahead of the leader's, a standalone server among others.
  std::vector<std::string> disagreements;
  /// "2 of 3 servers serve (leader 127.0.0.1:2182)".
  std::string summary() const;
};

class LiveView {
 public:
  explicit LiveView(const LintContext& ctx);
  bool probed() const { return observed_ != nullptr; }
  const Observations& observed() const { return *observed_; }
  const LiveTargets& targets() const { return targets_; }

  /// Each remote target with what the probe saw of it (targets it did not probe are left out).
  const std::vector<std::pair<const RemoteTarget*, const EndpointObservation*>>& remote() const { return remote_; }
  const EndpointObservation* seen(const RemoteTarget& t) const;

  /// Serving clients: connected, and a ZooKeeper server whose srvr (when it answers) says it serves.
  bool serves(const RemoteTarget& t) const;
  /// The severity of `t` being unusable: error when its list is left without what Kafka needs
  /// (no ZooKeeper server, no bootstrap server, fewer than a majority of voters), else warning;
  /// for advertised listeners a refusal is info (the broker may simply not run yet), anything
  /// else a warning.
  Severity unusable_severity(const RemoteTarget& t) const;
  /// "; the broker still reaches 2 of 3 ..." / "; no other ... answers", for messages.
  std::string consequence(const RemoteTarget& t) const;

  const EnsembleView& ensemble() const { return ensemble_; }

 private:
  void build_ensemble();

  const Observations* observed_ = nullptr;
  const LiveTargets& targets_;
  std::vector<std::pair<const RemoteTarget*, const EndpointObservation*>> remote_;
  EnsembleView ensemble_;
};

/// Reports at the text of `t` in its entry.
DiagnosticBuilder report_at(Reporter& out, const RemoteTarget& t, std::string message);

}  // namespace zklint::support
