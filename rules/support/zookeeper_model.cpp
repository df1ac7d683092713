#include "support/zookeeper_model.hpp"

#include <algorithm>

#include "support/kafka_values.hpp"
#include "support/value_types.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/strings.hpp"
#include "zookeeper_releases.hpp"

namespace zklint::support {
namespace {

namespace qs = grammar::quorum_server;

void read_number(const LintContext& ctx, ZkNumber& n, std::int64_t default_value) {
  n.entry = ctx.find(n.key);
  if (n.entry == nullptr) {
    n.value = default_value;
    return;
  }
  n.templated = support::placeholder_value(ctx, *n.entry);
  if (!n.templated) n.value = java_int(java_trim(n.entry->value));
}

// Java int multiplication, which wraps around on overflow.
std::int64_t int_times(std::int64_t factor, std::int64_t value) {
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(factor) * static_cast<std::uint32_t>(static_cast<std::int32_t>(value)));
}

// The address a host written in a server.N line binds to: Java resolves an empty name to the
// loopback address, and 0.0.0.0 means every interface ("" in ZkBinding).
std::string bind_host(std::string_view written) {
  if (written.empty()) return "localhost";
  if (written == "0.0.0.0") return "";
  return std::string(written);
}

bool template_keys(const LintContext& ctx) {
  return std::any_of(ctx.doc().entries().begin(), ctx.doc().entries().end(),
                     [&](const Entry& e) { return ctx.key_templated(e); });
}

}  // namespace

std::string_view to_string(ZkBinding::Role role) {
  switch (role) {
    case ZkBinding::Role::client: return "client port";
    case ZkBinding::Role::secure_client: return "secure client port";
    case ZkBinding::Role::admin: return "admin server port";
    case ZkBinding::Role::quorum: return "quorum port";
    case ZkBinding::Role::election: return "election port";
    case ZkBinding::Role::observer_master: return "observer master port";
  }
  return "port";
}

std::optional<std::int64_t> java_int(std::string_view text) { return kafka::parse_integer(text, kafka_catalog::Type::int_); }
std::optional<std::int64_t> java_long(std::string_view text) { return kafka::parse_integer(text, kafka_catalog::Type::long_); }

std::optional<std::int64_t> java_decode_int(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (text.empty()) return std::nullopt;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
  }
  int radix = 10;
  if (text.substr(i, 2) == "0x" || text.substr(i, 2) == "0X") {
    radix = 16;
    i += 2;
  } else if (text.substr(i, 1) == "#") {
    radix = 16;
    i += 1;
  } else if (text.substr(i, 1) == "0" && text.size() > i + 1) {
    radix = 8;
    i += 1;
  }
  const std::string_view digits = text.substr(i);
  if (digits.empty() || digits[0] == '-' || digits[0] == '+') return std::nullopt;  // sign in the wrong place
  std::int64_t result = 0;
  for (const char c : digits) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    if (d < 0 || d >= radix) return std::nullopt;
    result = result * radix + d;
    if (result > 2147483648LL) return std::nullopt;
  }
  result = negative ? -result : result;
  if (result > 2147483647LL || result < -2147483648LL) return std::nullopt;
  return result;
}

std::pair<std::uint32_t, std::uint32_t> trimmed_span(std::string_view value) {
  const std::string_view t = java_trim(value);
  const auto begin = static_cast<std::uint32_t>(t.data() - value.data());
  return {begin, begin + static_cast<std::uint32_t>(t.size())};
}

std::string java_file_path(std::string_view path) {
  std::string out;
  for (const char c : path) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out += c;
  }
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

bool absolute_path(std::string_view path) {
  if (!path.empty() && path.front() == '/') return true;
  const bool drive = path.size() >= 3 && ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) && path[1] == ':';
  return drive && (path[2] == '/' || path[2] == '\\');
}

bool is_local_host(std::string_view host) {
  const std::string h = to_lower(host);
  return h == "localhost" || h == "localhost.localdomain" || h == "ip6-localhost" || starts_with(h, "127.") || h == "::1" ||
         h == "[::1]" || h == "0:0:0:0:0:0:0:1" || h == "0.0.0.0";
}

bool same_host(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  // The usual names of the two loopback addresses; localhost resolves to 127.0.0.1 (Java's
  // preference for IPv4), which is a different address from ::1, and 127.0.0.2 is another one.
  const auto canonical = [](std::string_view h) {
    const std::string l = to_lower(h);
    if (l == "localhost" || l == "localhost.localdomain" || l == "127.0.0.1") return std::string("127.0.0.1");
    if (l == "::1" || l == "[::1]" || l == "0:0:0:0:0:0:0:1" || l == "ip6-localhost") return std::string("::1");
    return l;
  };
  return canonical(a) == canonical(b);
}

bool overlaps(const ZkBinding& a, const ZkBinding& b) {
  if (a.port != b.port) return false;
  const auto wildcard = [](const std::string& h) { return h.empty() || h == "0.0.0.0" || h == "::" || h == "[::]"; };
  return wildcard(a.host) || wildcard(b.host) || same_host(a.host, b.host);
}

ZookeeperModel::ZookeeperModel(const LintContext& ctx) : version(ctx.zookeeper_version()) {
  template_structure = template_keys(ctx) || std::any_of(ctx.doc().entries().begin(), ctx.doc().entries().end(),
                                                         [&](const Entry& e) { return ctx.template_control_line(e); });

  const auto& entries = ctx.doc().entries();
  dynamic_file = !entries.empty() && std::all_of(entries.begin(), entries.end(), [](const Entry& e) {
    return starts_with(e.key, "server.") || starts_with(e.key, "group") || starts_with(e.key, "weight") || e.key == "version";
  });

  read_number(ctx, tick_time, 3000);
  read_number(ctx, min_session_raw, -1);
  read_number(ctx, max_session_raw, -1);
  if (tick_time.value && min_session_raw.value) {
    min_session_timeout = *min_session_raw.value == -1 ? int_times(2, *tick_time.value) : *min_session_raw.value;
  }
  if (tick_time.value && max_session_raw.value) {
    max_session_timeout = *max_session_raw.value == -1 ? int_times(20, *tick_time.value) : *max_session_raw.value;
  }
  read_number(ctx, init_limit, 0);
  read_number(ctx, sync_limit, 0);
  read_number(ctx, client_port, 0);
  read_number(ctx, secure_client_port, 0);
  read_number(ctx, observer_master_port, 0);
  client_port_address = ctx.find("clientPortAddress");
  secure_client_port_address = ctx.find("secureClientPortAddress");

  // The admin server reads JVM properties that QuorumPeerConfig sets from the trimmed values.
  if (const Entry* e = ctx.find("admin.enableServer")) {
    if (support::placeholder_value(ctx, *e)) admin_known = false;
    else admin_enabled = java_trim(e->value) != "false";
  }
  if (const Entry* e = ctx.find("admin.serverPort")) {
    admin_port_entry = e;
    if (support::placeholder_value(ctx, *e)) admin_known = false;
    else admin_port = java_decode_int(java_trim(e->value)).value_or(8080);
  }
  if (const Entry* e = ctx.find("admin.serverAddress"); e != nullptr && !support::placeholder_value(ctx, *e)) {
    const std::string_view a = java_trim(e->value);
    admin_address = a == "0.0.0.0" ? std::string() : std::string(a);
  }

  if (const Entry* e = ctx.find("standaloneEnabled")) {
    standalone_enabled = std::nullopt;
    if (!support::placeholder_value(ctx, *e)) {
      const std::string v = to_lower(java_trim(e->value));
      if (v == "true") standalone_enabled = true;
      else if (v == "false") standalone_enabled = false;
    }
  }
  if (const Entry* e = ctx.find("quorumListenOnAllIPs"); e != nullptr && !support::placeholder_value(ctx, *e)) {
    quorum_listen_on_all_ips = iequals(java_trim(e->value), "true");
  }
  dynamic_config_file = ctx.find("dynamicConfigFile");

  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.key_templated(e) || !starts_with(e.key, "server.") || ctx.find(e.key) != &e) continue;
    ZkServer s;
    s.entry = &e;
    s.id = java_long(e.key.substr(e.key.find('.') + 1));
    s.templated = support::placeholder_value(ctx, e);
    s.trailing_blanks = trailing_blanks(ctx.source(), e);
    s.inline_comment = !e.continued && inline_comment_start(e.value).has_value();
    if (!s.templated) s.spec = qs::parse(e.value.substr(0, e.value.size() - s.trailing_blanks));
    servers.push_back(std::move(s));
  }
  members_known = !template_structure && dynamic_config_file == nullptr && !dynamic_file;
  if (!members_known || !standalone_enabled) {
    mode = ZkMode::unknown;
  } else {
    mode = (!*standalone_enabled || voters() > 1) ? ZkMode::quorum : ZkMode::standalone;
  }
  const DeployedNode* node = ctx.profile().deployed();
  if (mode == ZkMode::standalone && node != nullptr && node->server_id && (!client_port.value || *client_port.value == 0)) {
    for (const ZkServer* s : members()) {
      if (*s->id == *node->server_id && !s->templated && s->spec.client && s->spec.client->port && s->spec.client->port->number) own_client_server = s;
    }
  }
}

std::vector<const ZkServer*> ZookeeperModel::members() const {
  std::vector<const ZkServer*> out;
  for (const ZkServer& s : servers) {
    if (!s.id) continue;
    const auto same = std::find_if(out.begin(), out.end(), [&](const ZkServer* m) { return *m->id == *s.id; });
    if (same != out.end()) *same = &s;
    else out.push_back(&s);
  }
  return out;
}

bool ZookeeperModel::ids_readable() const {
  return std::all_of(servers.begin(), servers.end(), [](const ZkServer& s) { return s.id.has_value() && (s.templated || s.spec.ok()); });
}

std::size_t ZookeeperModel::voters() const {
  const auto m = members();
  return static_cast<std::size_t>(std::count_if(m.begin(), m.end(), [](const ZkServer* s) { return !s->observer(); }));
}

std::size_t ZookeeperModel::observers() const {
  const auto m = members();
  return static_cast<std::size_t>(std::count_if(m.begin(), m.end(), [](const ZkServer* s) { return s->observer(); }));
}

std::optional<ZkBinding> ZookeeperModel::client_binding_of(const ZkServer* s) const {
  if (s == nullptr) s = own_client_server;
  if (s != nullptr && !s->templated && s->spec.client && s->spec.client->port && s->spec.client->port->number) {
    const qs::ClientAddress& c = *s->spec.client;
    ZkBinding b{ZkBinding::Role::client, *c.port->number, c.host ? bind_host(c.host_text) : std::string(), s->entry, c.port->span.begin,
                c.port->span.end};
    return b;
  }
  if (!client_port.value || *client_port.value == 0 || client_port.entry == nullptr) return std::nullopt;
  const auto [begin, end] = trimmed_span(client_port.entry->value);
  std::string host;
  if (client_port_address != nullptr) host = std::string(java_trim(client_port_address->value));
  if (host == "0.0.0.0") host.clear();
  return ZkBinding{ZkBinding::Role::client, *client_port.value, host, client_port.entry, begin, end};
}

std::vector<ZkBinding> ZookeeperModel::bindings_of(const ZkServer* s) const {
  std::vector<ZkBinding> out;
  if (auto c = client_binding_of(s)) out.push_back(*c);
  if (secure_client_port.value && *secure_client_port.value != 0 && secure_client_port.entry != nullptr) {
    const auto [begin, end] = trimmed_span(secure_client_port.entry->value);
    std::string host;
    if (secure_client_port_address != nullptr) host = std::string(java_trim(secure_client_port_address->value));
    if (host == "0.0.0.0") host.clear();
    out.push_back({ZkBinding::Role::secure_client, *secure_client_port.value, host, secure_client_port.entry, begin, end});
  }
  if (admin_enabled && admin_known) {
    ZkBinding b{ZkBinding::Role::admin, admin_port, admin_address, admin_port_entry, 0, 0};
    if (admin_port_entry != nullptr) std::tie(b.begin, b.end) = trimmed_span(admin_port_entry->value);
    out.push_back(b);
  }
  if (s == nullptr || s->templated) return out;
  for (const qs::Address& a : s->spec.addresses) {
    const std::string host = quorum_listen_on_all_ips ? std::string() : bind_host(a.host_text());
    // Only a leader binds the quorum port, and observers never lead.
    if (!s->observer() && a.quorum_port && a.quorum_port->in_range()) {
      out.push_back({ZkBinding::Role::quorum, *a.quorum_port->number, host, s->entry, a.quorum_port->span.begin, a.quorum_port->span.end});
    }
    if (a.election_port && a.election_port->in_range()) {
      out.push_back({ZkBinding::Role::election, *a.election_port->number, host, s->entry, a.election_port->span.begin, a.election_port->span.end});
    }
  }
  // A follower's ObserverMaster listens on the host of its own quorum address (ObserverMaster.start
  // @release-3.8.4); ports outside 1-65535 are off or stop the server first (port-out-of-range).
  const ZkNumber& om = observer_master_port;
  if (!s->observer() && om.entry != nullptr && om.value && *om.value > 0 && *om.value <= 65535 && !s->spec.addresses.empty() &&
      zookeeper_fact::observer_master_port.holds_in(version)) {
    const std::string host = quorum_listen_on_all_ips ? std::string() : bind_host(s->spec.addresses.front().host_text());
    const auto [begin, end] = trimmed_span(om.entry->value);
    out.push_back({ZkBinding::Role::observer_master, *om.value, host, om.entry, begin, end});
  }
  return out;
}

}  // namespace zklint::support
