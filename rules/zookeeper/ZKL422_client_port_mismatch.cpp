// ZKL422 client-port-mismatch: clientPort and a server.N ";clientPort" suffix disagree.
#include "support/ip_literals.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ClientPortMismatch)

namespace zklint::rules {
namespace {

bool wildcard(std::string_view host) { return host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]"; }

}  // namespace

const RuleMeta& ClientPortMismatch::meta() const {
  static const RuleMeta m{
      .code = "ZKL422",
      .name = "client-port-mismatch",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "clientPort (and clientPortAddress) disagree with the ';clientPort' suffix of a server.N line",
      .doc = R"md(
Since 3.5 the client address of a member can be written in two places: the static
`clientPort` (with `clientPortAddress`) and the suffix of its own `server.N` line
(`server.1=zk1:2888:3888;2181`). When a member finds both, they must agree, or it
refuses to start: `ConfigException: client address for this server (id = N) in static
config file is ... is different from client address found in dynamic file: ...`.

- With `clientPortAddress` unset (all interfaces), only the ports are compared.
- With `clientPortAddress` set, the suffix must name the same address and port; a suffix
  with only a port means `0.0.0.0`, which differs from any specific address.

A member only compares its own line (the one whose id is in its `myid` file), but the same
zoo.cfg is normally copied to every member, so every line is checked.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2182\n"
                       "server.3=zk3:2888:3888;2181\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2181\n"
                        "server.3=zk3:2888:3888\n"}},
  };
  return m;
}

void ClientPortMismatch::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (!zk.client_port.value || *zk.client_port.value <= 0 || *zk.client_port.value > 65535) return;
  if (zk.client_port_address != nullptr && support::placeholder_value(ctx, *zk.client_port_address)) return;
  const std::int64_t port = *zk.client_port.value;
  const std::string static_host = zk.client_port_address != nullptr ? std::string(java_trim(zk.client_port_address->value)) : std::string();
  for (const support::ZkServer* s : zk.members()) {
    if (s->templated || !s->spec.ok() || !s->spec.client || !s->spec.client->port) continue;
    const auto& client = *s->spec.client;
    const std::int64_t suffix_port = *client.port->number;
    std::uint32_t begin = client.port->span.begin, end = client.port->span.end;
    std::string differs;
    if (wildcard(static_host)) {
      if (suffix_port != port) differs = "port " + std::to_string(suffix_port) + " differs from clientPort " + std::to_string(port);
    } else if (wildcard(client.host_text)) {
      differs = "address " + client.host_text + ":" + std::to_string(suffix_port) + " differs from clientPortAddress " + static_host + ":" + std::to_string(port);
      begin = client.text.begin;
    } else if (iequals(client.host_text, static_host)) {
      if (suffix_port != port) differs = "port " + std::to_string(suffix_port) + " differs from clientPort " + std::to_string(port);
    } else if (support::is_ipv4_literal(client.host_text) && support::is_ipv4_literal(static_host)) {
      differs = "address " + client.host_text + " differs from clientPortAddress " + static_host;
      begin = client.host->begin;
      end = client.host->end;
    }
    if (differs.empty()) continue;  // different names may resolve to one address: only DNS knows
    out.report_value_part(*s->entry, begin, end,
                          std::string(s->entry->key) + ": the client " + differs + ": that member refuses to start (client address ... is different from client address found in dynamic file)")
        .related(zk.client_port.entry->value_range, "the static client port")
        .help("write the same client address in both places, or only in one of them");
  }
}

}  // namespace zklint::rules
