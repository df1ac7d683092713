#include "zklint/lint/probe.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <thread>
#include <unistd.h>

#include "four_letter_words.hpp"
#include "local_ports.hpp"
#include "network.hpp"
#include "support/live_targets.hpp"
#include "zookeeper_session.hpp"

namespace zklint {

namespace {

using probe::Clock;

// Results filled in by detached worker threads. A worker that overruns the run's bound keeps
// only this shared block alive, never the prober's stack.
template <typename Result>
struct Pending {
  std::mutex mutex;
  std::condition_variable done_signal;
  std::size_t remaining = 0;
  std::vector<std::optional<Result>> results;
};

// Runs job(i) for i in [0, count) on one thread each and waits until all finish or `deadline`;
// the results of the jobs still running are left empty.
template <typename Result, typename Job>
std::vector<std::optional<Result>> run_parallel(std::size_t count, Clock::time_point deadline, Job job) {
  auto pending = std::make_shared<Pending<Result>>();
  pending->remaining = count;
  pending->results.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::thread([pending, i, job] {
      Result r = job(i);
      const std::lock_guard lock(pending->mutex);
      pending->results[i] = std::move(r);
      --pending->remaining;
      pending->done_signal.notify_all();
    }).detach();
  }
  std::unique_lock lock(pending->mutex);
  pending->done_signal.wait_until(lock, deadline, [&] { return pending->remaining == 0; });
  return pending->results;
}

EndpointObservation probe_endpoint(const support::RemoteTarget& target, const ProbeSettings& settings, Clock::time_point run_deadline) {
  EndpointObservation e;
  e.host = target.host;
  e.port = target.port;
  const auto step = [&] { return std::min(Clock::now() + settings.step_timeout, run_deadline); };
  const probe::Resolution resolution = probe::resolve(target.host, settings.resolve);
  if (resolution.addresses.empty()) {
    e.reach = Reach::unresolved;
    e.error = resolution.error;
    return e;
  }
  probe::Connection c = probe::connect_any(resolution.addresses, target.port, step());
  e.reach = c.reach;
  e.address = c.address;
  e.connect_ms = c.ms;
  e.error = c.reach == Reach::timed_out ? "no answer within " + probe::duration_text(settings.step_timeout) : c.error;
  if (c.fd >= 0) ::close(c.fd);
  if (c.reach == Reach::open && target.role == support::TargetRole::zookeeper_server) e.zookeeper = probe::ask_zookeeper(c.address, target.port, step());
  return e;
}

std::string not_probed_reason(const ProbeSettings& settings) {
  return "the run's time bound (--max-time " + probe::duration_text(settings.run_bound) + ") ran out first";
}

std::optional<probe::SessionRequest> session_request(const support::LiveTargets& targets, const Observations& o) {
  if (!targets.session || !targets.session->session_timeout_ms) return std::nullopt;
  probe::SessionRequest request;
  for (const EndpointObservation& e : o.endpoints) {
    const bool zookeeper = std::any_of(targets.remote.begin(), targets.remote.end(), [&](const support::RemoteTarget& t) {
      return t.role == support::TargetRole::zookeeper_server && t.host == e.host && t.port == e.port;
    });
    if (!zookeeper || e.reach != Reach::open) continue;
    const bool ipv6 = e.address.find(':') != std::string::npos;
    request.servers.push_back((ipv6 ? "[" + e.address + "]" : e.address) + ":" + std::to_string(e.port));
  }
  if (request.servers.empty()) return std::nullopt;
  request.timeout_ms = *targets.session->session_timeout_ms;
  request.chroot = targets.session->chroot;
  request.broker_id = targets.session->broker_id;
  return request;
}

}  // namespace

Prober::Prober(ProbeSettings settings) : settings_(std::move(settings)), run_deadline_(Clock::now() + settings_.run_bound) {}

std::shared_ptr<const Observations> Prober::observe(const LintContext& ctx) {
  const auto& targets = ctx.model<support::LiveTargets>();
  auto o = std::make_shared<Observations>();

  // The same endpoint may be named twice (a voter that is also a bootstrap server): probe it once.
  std::vector<const support::RemoteTarget*> distinct;
  for (const support::RemoteTarget& t : targets.remote) {
    const bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const support::RemoteTarget* d) { return d->host == t.host && d->port == t.port; });
    if (!seen) distinct.push_back(&t);
  }
  const ProbeSettings settings = settings_;
  const Clock::time_point deadline = run_deadline_;
  // Copies, not references: a worker may outlive this call when the bound runs out.
  std::vector<support::RemoteTarget> jobs;
  for (const support::RemoteTarget* t : distinct) jobs.push_back(*t);
  const auto results = run_parallel<EndpointObservation>(jobs.size(), deadline, [jobs, settings, deadline](std::size_t i) {
    return probe_endpoint(jobs[i], settings, deadline);
  });
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (results[i]) {
      o->endpoints.push_back(*results[i]);
      continue;
    }
    EndpointObservation e;
    e.host = jobs[i].host;
    e.port = jobs[i].port;
    e.error = not_probed_reason(settings);
    o->endpoints.push_back(std::move(e));
  }

  if (const auto request = session_request(targets, *o)) {
    const Clock::time_point session_deadline = std::min(Clock::now() + settings.step_timeout, deadline);
    const probe::SessionRequest r = *request;
    const auto session = run_parallel<SessionObservation>(1, session_deadline + std::chrono::milliseconds(200), [r, session_deadline](std::size_t) {
      return probe::open_session(r, session_deadline);
    });
    if (session.front()) {
      o->session = *session.front();
    } else {
      SessionObservation s;
      s.requested_ms = r.timeout_ms;
      s.error = "no answer within " + probe::duration_text(settings.step_timeout);
      o->session = s;
    }
  }

  if (settings.local) {
    o->local_checked = true;
    for (const support::LocalTarget& t : targets.local) {
      if (o->find_local(t.host, t.port) != nullptr) continue;
      if (auto bind = probe::check_bind(t.host, t.port, settings.resolve)) o->local.push_back(std::move(*bind));
    }
  }

  const std::lock_guard lock(mutex_);
  probed_.push_back({ctx.source().path(), o});
  return o;
}

std::vector<ProbedFile> Prober::probed() const {
  const std::lock_guard lock(mutex_);
  std::vector<ProbedFile> out = probed_;
  std::sort(out.begin(), out.end(), [](const ProbedFile& a, const ProbedFile& b) { return a.path < b.path; });
  return out;
}

std::string describe_observations(const Observations& observed) {
  std::string out;
  char ms[32];
  for (const EndpointObservation& e : observed.endpoints) {
    out += "  " + e.host + ":" + std::to_string(e.port) + "  ";
    if (e.reach == Reach::open) {
      std::snprintf(ms, sizeof ms, "%.1f", e.connect_ms);
      out += "open (" + e.address + ") in " + ms + " ms";
    } else {
      out += std::string(to_string(e.reach)) + (e.address.empty() ? "" : " (" + e.address + ")") + ": " + e.error;
    }
    if (e.zookeeper && e.zookeeper->srvr_answered) {
      const ZooKeeperStatus& z = *e.zookeeper;
      if (!z.serving) out += "; not serving requests";
      else out += "; ZooKeeper " + z.version + " " + z.mode + (z.outstanding ? ", " + std::to_string(*z.outstanding) + " outstanding" : "");
      if (z.imok) out += ", imok";
    }
    out += "\n";
  }
  if (const auto& s = observed.session) {
    out += "  session  ";
    if (!s->established) {
      out += "failed: " + s->error + "\n";
    } else {
      out += "via " + s->server + ": asked " + std::to_string(s->requested_ms) + " ms, granted " + std::to_string(s->granted_ms) + " ms";
      if (!s->chroot.empty()) out += "; chroot " + s->chroot + (s->chroot_exists == true ? " exists" : s->chroot_exists == false ? " missing" : " unknown");
      if (s->registered) out += "; broker id " + std::to_string(*s->broker_id) + (*s->registered ? " registered (session " + s->owner_session + ")" : " free");
      out += "\n";
    }
  }
  for (const LocalBind& b : observed.local) {
    out += "  local " + (b.host.empty() ? std::string("*") : b.host) + ":" + std::to_string(b.port) + "  " +
           (b.held ? "held" + (b.process.empty() ? std::string() : " by " + b.process) : std::string("free")) + "\n";
  }
  return out;
}

}  // namespace zklint
