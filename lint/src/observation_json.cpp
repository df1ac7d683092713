#include "zklint/lint/observation_json.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace zklint {

namespace {

using nlohmann::json;

std::vector<std::string> strings(const json& j, const char* key) {
  return j.contains(key) ? j.at(key).get<std::vector<std::string>>() : std::vector<std::string>{};
}

std::vector<std::pair<std::string, std::string>> pairs(const json& j, const char* key) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!j.contains(key)) return out;
  for (const auto& [k, v] : j.at(key).items()) out.emplace_back(k, v.get<std::string>());
  return out;
}

ZooKeeperStatus status_from(const json& j) {
  ZooKeeperStatus z;
  z.srvr_answered = j.value("srvr", false);
  z.serving = j.value("serving", false);
  z.mode = j.value("mode", "");
  z.version = j.value("version", "");
  if (j.contains("outstanding")) z.outstanding = j.at("outstanding").get<std::int64_t>();
  if (j.contains("zxid")) z.zxid = std::stoll(j.at("zxid").get<std::string>(), nullptr, 16);
  z.answered = strings(j, "answered");
  z.blocked = strings(j, "blocked");
  z.imok = j.value("imok", false);
  z.conf = pairs(j, "conf");
  z.mntr = pairs(j, "mntr");
  return z;
}

EndpointObservation endpoint_from(const json& j) {
  EndpointObservation e;
  e.host = j.at("host").get<std::string>();
  e.port = j.at("port").get<std::int64_t>();
  const auto reach = parse_reach(j.at("reach").get<std::string>());
  if (!reach) throw std::invalid_argument("unknown reach '" + j.at("reach").get<std::string>() + "'");
  e.reach = *reach;
  e.address = j.value("address", "");
  e.connect_ms = j.value("connect_ms", 0.0);
  e.error = j.value("error", "");
  if (j.contains("zookeeper")) e.zookeeper = status_from(j.at("zookeeper"));
  return e;
}

SessionObservation session_from(const json& j) {
  SessionObservation s;
  s.established = j.at("established").get<bool>();
  s.error = j.value("error", "");
  s.requested_ms = j.value("requested_ms", std::int64_t{0});
  s.granted_ms = j.value("granted_ms", std::int64_t{0});
  s.server = j.value("server", "");
  s.chroot = j.value("chroot", "");
  if (j.contains("chroot_exists")) s.chroot_exists = j.at("chroot_exists").get<bool>();
  if (j.contains("broker_id")) s.broker_id = j.at("broker_id").get<std::int64_t>();
  if (j.contains("registered")) s.registered = j.at("registered").get<bool>();
  s.registered_endpoints = strings(j, "registered_endpoints");
  s.owner_session = j.value("owner_session", "");
  return s;
}

}  // namespace

Observations observations_from_json(std::string_view text) {
  try {
    const json j = json::parse(text);
    Observations o;
    if (j.contains("endpoints")) {
      for (const json& e : j.at("endpoints")) o.endpoints.push_back(endpoint_from(e));
    }
    if (j.contains("session")) o.session = session_from(j.at("session"));
    o.local_checked = j.value("local_checked", false);
    if (j.contains("local")) {
      for (const json& l : j.at("local")) {
        o.local.push_back({l.at("host").get<std::string>(), l.at("port").get<std::int64_t>(), l.value("held", false), l.value("error", ""), l.value("process", "")});
      }
    }
    return o;
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("observations: ") + e.what());
  } catch (const std::logic_error& e) {  // std::stoll on a bad zxid
    throw std::invalid_argument(std::string("observations: ") + e.what());
  }
}

}  // namespace zklint
