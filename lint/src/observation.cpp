#include "zklint/lint/observation.hpp"

#include <array>

namespace zklint {

namespace {

constexpr std::array<std::pair<Reach, std::string_view>, 6> reach_names{{
    {Reach::not_probed, "not-probed"},
    {Reach::unresolved, "unresolved"},
    {Reach::refused, "refused"},
    {Reach::timed_out, "timed-out"},
    {Reach::unreachable, "unreachable"},
    {Reach::open, "open"},
}};

std::optional<std::string> lookup(const std::vector<std::pair<std::string, std::string>>& pairs, std::string_view key) {
  for (const auto& [k, v] : pairs) {
    if (k == key) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Reach reach) {
  for (const auto& [r, name] : reach_names) {
    if (r == reach) return name;
  }
  return "not-probed";
}

std::optional<Reach> parse_reach(std::string_view text) {
  for (const auto& [r, name] : reach_names) {
    if (name == text) return r;
  }
  return std::nullopt;
}

std::optional<std::string> ZooKeeperStatus::conf_value(std::string_view key) const { return lookup(conf, key); }
std::optional<std::string> ZooKeeperStatus::mntr_value(std::string_view key) const { return lookup(mntr, key); }

const EndpointObservation* Observations::find(std::string_view host, std::int64_t port) const {
  for (const EndpointObservation& e : endpoints) {
    if (e.host == host && e.port == port) return &e;
  }
  return nullptr;
}

const LocalBind* Observations::find_local(std::string_view host, std::int64_t port) const {
  for (const LocalBind& b : local) {
    if (b.host == host && b.port == port) return &b;
  }
  return nullptr;
}

}  // namespace zklint
