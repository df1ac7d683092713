#include "support/live_targets.hpp"

#include <algorithm>

#include "support/kafka_model.hpp"
#include "support/kraft_node.hpp"
#include "support/zookeeper_connect.hpp"
#include "support/zookeeper_hosts.hpp"
#include "support/zookeeper_model.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support {

namespace {

bool concrete_listener_host(std::string_view host) { return !host.empty() && host != "0.0.0.0" && host != "::"; }

std::string binding_name(const ZkBinding& b, const ZkServer* s) {
  std::string name(to_string(b.role));
  if (s != nullptr && s->entry != nullptr) name += " of " + std::string(s->entry->key);
  return name;
}

}  // namespace

std::string_view to_string(TargetRole role) {
  switch (role) {
    case TargetRole::zookeeper_server: return "ZooKeeper server";
    case TargetRole::quorum_voter: return "controller quorum voter";
    case TargetRole::quorum_bootstrap: return "controller quorum bootstrap server";
    case TargetRole::advertised_listener: return "advertised listener";
  }
  return "endpoint";
}

LiveTargets::LiveTargets(const LintContext& ctx) {
  if (ctx.kind() == FileKind::kafka) {
    add_zookeeper(ctx);
    add_kraft(ctx);
    add_local_kafka(ctx);
  } else if (ctx.kind() == FileKind::zookeeper) {
    add_local_zookeeper(ctx);
  }
}

std::vector<const RemoteTarget*> LiveTargets::of_role(TargetRole role) const {
  std::vector<const RemoteTarget*> out;
  for (const RemoteTarget& t : remote) {
    if (t.role == role) out.push_back(&t);
  }
  return out;
}

void LiveTargets::add_zookeeper(const LintContext& ctx) {
  const auto& zk = ctx.model<ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || zk.connect == nullptr || zk.connect_templated) return;
  for (const HostElement& element : classify_hosts(zk)) {
    if (!element.connectable || element.entry == nullptr) continue;
    const connect_string::HostEntry& h = *element.entry;
    remote.push_back({TargetRole::zookeeper_server, zk.connect, h.element.begin, h.element.end,
                      std::string(h.host.of(zk.connect_value())), h.port});
  }
  if (remote.empty()) return;
  SessionTarget broker_session;
  broker_session.connect = zk.connect;
  broker_session.chroot = std::string(zk.chroot);
  broker_session.session_timeout_ms = zk.session_timeout().ms;
  broker_session.session_timeout_entry = zk.session_timeout().entry;
  if (const Entry* id = ctx.find("broker.id"); id != nullptr && !ctx.value_templated(*id)) {
    if (const auto value = java_int(java_trim(id->value)); value && *value >= 0) {
      broker_session.broker_id = value;
      broker_session.broker_id_entry = id;
    }
  }
  session = broker_session;
}

void LiveTargets::add_kraft(const LintContext& ctx) {
  const auto& node = ctx.model<KraftNode>();
  if (node.kraft() || node.kafka().migration()) {
    if (const Entry* e = node.voters_entry(); e != nullptr && node.voters()) {
      for (const auto& v : *node.voters()) {
        if (!v.ok() || !v.address.port) continue;
        const std::string host(v.address.host.of(e->value));
        if (!concrete_listener_host(host)) continue;
        remote.push_back({TargetRole::quorum_voter, e, v.address.text.begin, v.address.text.end, host, *v.address.port});
      }
    }
    if (const Entry* e = node.bootstrap_entry(); e != nullptr && node.bootstrap_servers()) {
      for (const auto& b : *node.bootstrap_servers()) {
        if (!b.ok() || !b.address.port) continue;
        const std::string host(b.address.host.of(e->value));
        if (!concrete_listener_host(host)) continue;
        remote.push_back({TargetRole::quorum_bootstrap, e, b.address.text.begin, b.address.text.end, host, *b.address.port});
      }
    }
  }
  const ListenerList& advertised = node.kafka().advertised_listeners();
  if (!advertised.known || advertised.entry == nullptr) return;
  for (const Listener& l : advertised.listeners) {
    if (!l.endpoint.ok() || !l.endpoint.port || !concrete_listener_host(l.host())) continue;
    if (node.kafka().is_controller_listener(l.name)) continue;  // reached through the voters
    remote.push_back({TargetRole::advertised_listener, advertised.entry, l.endpoint.entry.begin, l.endpoint.entry.end,
                      std::string(l.host()), *l.endpoint.port});
  }
}

void LiveTargets::add_local_kafka(const LintContext& ctx) {
  const ListenerList& listeners = ctx.model<KafkaModel>().listeners();
  if (!listeners.known || listeners.entry == nullptr) return;
  for (const Listener& l : listeners.listeners) {
    if (!l.endpoint.ok() || !l.endpoint.port || *l.endpoint.port <= 0) continue;
    std::string host(l.host());
    if (host == "0.0.0.0" || host == "::") host.clear();
    local.push_back({"listener " + l.name, listeners.entry, l.endpoint.port_text.begin, l.endpoint.port_text.end, host, *l.endpoint.port});
  }
}

void LiveTargets::add_local_zookeeper(const LintContext& ctx) {
  const auto& zk = ctx.model<ZookeeperModel>();
  if (zk.template_structure || !zk.members_known) return;
  const auto add = [&](const ZkServer* s) {
    for (const ZkBinding& b : zk.bindings_of(s)) {
      const bool seen = std::any_of(local.begin(), local.end(), [&](const LocalTarget& t) { return t.host == b.host && t.port == b.port; });
      if (seen) continue;  // each member line repeats the client and admin ports
      const std::string what = binding_name(b, b.role == ZkBinding::Role::quorum || b.role == ZkBinding::Role::election || b.role == ZkBinding::Role::observer_master ? s : nullptr);
      local.push_back({what, b.entry, b.begin, b.end, b.host, b.port});
    }
  };
  if (zk.mode != ZkMode::quorum) {
    add(nullptr);
    return;
  }
  // Every member's ports: bind() on an address this machine does not have fails with
  // EADDRNOTAVAIL, which the prober takes as "another machine's port" and skips.
  for (const ZkServer* s : zk.members()) add(s);
}

}  // namespace zklint::support
