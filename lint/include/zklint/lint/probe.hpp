// `zklint probe`: the observations stage. For each loaded config it resolves and connects to the
// endpoints the config names (support::LiveTargets), asks ZooKeeper servers the four-letter
// words, opens the broker's ZooKeeper session and, with --local, tries the ports the node binds.
// Endpoints are probed in parallel; every step has its own timeout and the whole run a bound.
// Read-only: it never writes to ZooKeeper or Kafka.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "zklint/lint/context.hpp"
#include "zklint/lint/observation.hpp"

namespace zklint {

struct ProbeSettings {
  std::chrono::milliseconds step_timeout{3000};   ///< --timeout: each resolve, connect, reply, session
  std::chrono::milliseconds run_bound{12000};     ///< --max-time: the whole run
  std::map<std::string, std::string> resolve;     ///< --resolve NAME=ADDRESS
  bool local = false;                             ///< --local
};

/// What one file's probe saw, for the transcript the command prints.
struct ProbedFile {
  std::string path;
  std::shared_ptr<const Observations> observed;
};

class Prober {
 public:
  /// The run's time bound starts now.
  explicit Prober(ProbeSettings settings);

  /// Probes what `ctx`'s config names; safe to call from several threads at once.
  std::shared_ptr<const Observations> observe(const LintContext& ctx);

  /// Every file probed so far, in path order.
  std::vector<ProbedFile> probed() const;

 private:
  ProbeSettings settings_;
  std::chrono::steady_clock::time_point run_deadline_;
  mutable std::mutex mutex_;
  std::vector<ProbedFile> probed_;
};

/// The transcript of one file's observations: one line per endpoint ("zk1:2181  open in 0.4 ms,
/// ZooKeeper 3.8.0 leader, 0 outstanding"), the session, the local ports.
std::string describe_observations(const Observations& observed);

}  // namespace zklint
