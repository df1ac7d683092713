#include "zookeeper_session.hpp"

#include <zookeeper/zookeeper.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>

namespace zklint::probe {

namespace {

// The watcher runs on the client's event thread; the probe waits for the first session event.
struct SessionState {
  std::mutex mutex;
  std::condition_variable changed;
  int state = 0;
};

void on_event(zhandle_t*, int type, int state, const char*, void* context) {
  if (type != ZOO_SESSION_EVENT) return;
  auto* s = static_cast<SessionState*>(context);
  const std::lock_guard lock(s->mutex);
  s->state = state;
  s->changed.notify_all();
}

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : separator) + i;
  return out;
}

std::string hex(std::int64_t value) {
  char text[32];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
  return text;
}

// The endpoints a broker registered (its JSON's "endpoints"; empty when unreadable).
std::vector<std::string> registered_endpoints(const std::string& data) {
  const auto json = nlohmann::json::parse(data, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("endpoints") || !json["endpoints"].is_array()) return {};
  std::vector<std::string> out;
  for (const auto& e : json["endpoints"]) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

void read_registration(zhandle_t* zh, const SessionRequest& request, SessionObservation& s) {
  const std::string path = request.chroot + "/brokers/ids/" + std::to_string(*request.broker_id);
  std::vector<char> buffer(64 * 1024);
  int length = static_cast<int>(buffer.size());
  Stat stat{};
  const int rc = zoo_get(zh, path.c_str(), 0, buffer.data(), &length, &stat);
  s.broker_id = request.broker_id;
  if (rc == ZNONODE) {
    s.registered = false;
  } else if (rc == ZOK) {
    s.registered = true;
    s.owner_session = hex(stat.ephemeralOwner);
    s.registered_endpoints = registered_endpoints(std::string(buffer.data(), length > 0 ? static_cast<std::size_t>(length) : 0));
  }
}

}  // namespace

SessionObservation open_session(const SessionRequest& request, Clock::time_point deadline) {
  SessionObservation s;
  s.requested_ms = request.timeout_ms;
  s.chroot = request.chroot;
  static std::once_flag quiet;
  std::call_once(quiet, [] { zoo_set_debug_level(static_cast<ZooLogLevel>(0)); });  // the client logs to stderr otherwise

  SessionState state;
  const std::string hosts = join(request.servers, ",");
  zhandle_t* zh = zookeeper_init(hosts.c_str(), on_event, static_cast<int>(request.timeout_ms), nullptr, &state, 0);
  if (zh == nullptr) {
    s.error = "the ZooKeeper client refused the server list " + hosts;
    return s;
  }
  bool connected = false;
  {
    std::unique_lock lock(state.mutex);
    connected = state.changed.wait_until(lock, deadline, [&] { return state.state == ZOO_CONNECTED_STATE || state.state == ZOO_AUTH_FAILED_STATE || state.state == ZOO_EXPIRED_SESSION_STATE; }) &&
                state.state == ZOO_CONNECTED_STATE;
    if (!connected) {
      s.error = state.state == ZOO_AUTH_FAILED_STATE ? "authentication failed"
                : state.state == ZOO_EXPIRED_SESSION_STATE ? "the session expired at once"
                                                           : "no session within the timeout (" + hosts + ")";
    }
  }
  if (connected) {
    s.established = true;
    s.granted_ms = zoo_recv_timeout(zh);
    s.server = hosts;
    if (const char* current = zoo_get_current_server(zh); current != nullptr) s.server = current;
    if (!request.chroot.empty()) {
      Stat stat{};
      const int rc = zoo_exists(zh, request.chroot.c_str(), 0, &stat);
      if (rc == ZOK || rc == ZNONODE) s.chroot_exists = rc == ZOK;
    }
    if (request.broker_id && s.chroot_exists != false) read_registration(zh, request, s);
  }
  zookeeper_close(zh);
  return s;
}

}  // namespace zklint::probe
