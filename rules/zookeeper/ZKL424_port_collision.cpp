// ZKL424 port-collision: two ports one ZooKeeper server opens are the same.
#include <set>

#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(PortCollision)

namespace zklint::rules {
namespace {

using Role = support::ZkBinding::Role;

std::string describe(const support::ZkBinding& b) {
  if (b.entry == nullptr) return "the admin server's default port " + std::to_string(b.port);
  switch (b.role) {
    case Role::client: return b.entry->key == "clientPort" ? "clientPort " + std::to_string(b.port) : "the client port " + std::to_string(b.port) + " of " + std::string(b.entry->key);
    case Role::secure_client: return "secureClientPort " + std::to_string(b.port);
    case Role::admin: return "admin.serverPort " + std::to_string(b.port);
    case Role::quorum: return "the quorum port " + std::to_string(b.port) + " of " + std::string(b.entry->key);
    case Role::election: return "the election port " + std::to_string(b.port) + " of " + std::string(b.entry->key);
    case Role::observer_master: return "observerMasterPort " + std::to_string(b.port);
  }
  return "port " + std::to_string(b.port);
}

bool is_client(Role r) { return r == Role::client || r == Role::secure_client; }

// Only a leader opens its quorum port and only a follower its observerMasterPort: one server never
// holds both, so they may be the same (confirmed with ZooKeeper 3.8.0).
bool never_open_together(Role a, Role b) {
  return (a == Role::quorum && b == Role::observer_master) || (a == Role::observer_master && b == Role::quorum);
}

std::string consequence(const support::ZkBinding& a, const support::ZkBinding& b, bool survived) {
  if (survived) return "the admin server cannot bind it (ZooKeeper logs 'Problem starting AdminServer' and runs without the admin server)";
  if (a.role == Role::observer_master || b.role == Role::observer_master) {
    return "each time this server follows a leader it fails to open observerMasterPort (BindException: Address already in use), "
           "drops out and goes back to leader election, so it never serves as a follower";
  }
  return "ZooKeeper cannot open both and fails at startup (BindException: Address already in use)";
}

// The later of two bindings in the file carries the finding; the admin default has no line.
bool reported_at_first(const support::ZkBinding& a, const support::ZkBinding& b) {
  if (b.entry == nullptr) return true;
  if (a.entry == nullptr) return false;
  return a.entry->index > b.entry->index || (a.entry == b.entry && a.begin > b.begin);
}

}  // namespace

const RuleMeta& PortCollision::meta() const {
  static const RuleMeta m{
      .code = "ZKL424",
      .name = "port-collision",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "Two ports one ZooKeeper server opens are the same (client, secure client, admin 8080, quorum, election, observer master)",
      .doc = R"md(
A ZooKeeper server opens several listening ports at startup: `clientPort`,
`secureClientPort`, the admin server's `admin.serverPort` (**8080** unless
`admin.enableServer=false`), and in quorum mode its own quorum and election ports from its
`server.N` line. Two of them on the same port cannot both be opened: the second fails with
`java.net.BindException: Address already in use`. ZooKeeper does not check this when it
reads the config; it fails at startup. Confirmed with ZooKeeper 3.8.0:

- a standalone server exits on any such collision (including `clientPort=8080` against the
  admin server's default port);
- a quorum member exits when its election port is taken, and cannot act as leader when
  its quorum port is taken;
- only the admin server losing its port to the client listener of a quorum member is
  survived: ZooKeeper logs `Problem starting AdminServer` and runs without it (a warning).

`observerMasterPort` (ZooKeeper 3.6+) is opened later, by a follower once it has joined the
leader (`Follower.followLeader`, `ObserverMaster.start`, @release-3.6.0 to @release-3.9.5), on
the host of its quorum address. When it is one of the member's client, secure client, admin or
election ports, every follower fails with `BindException`, leaves the leader and goes back to
leader election, over and over: the ensemble never keeps its followers (an error, confirmed on a
ZooKeeper 3.8.0 ensemble). It may be the member's own quorum port: only a leader opens that, and a
leader opens no observer master port. Observers open neither.

The same zoo.cfg is normally copied to every member, so every member's line is checked
against the static ports. Two members sharing a host and port are `duplicate-server-address`.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=8080\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:2181\nserver.2=zk2:2888:2181\nserver.3=zk3:2888:2181\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=8080\nadmin.serverPort=8081\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void PortCollision::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.mode == support::ZkMode::unknown) return;
  const bool quorum = zk.mode == support::ZkMode::quorum;
  std::vector<const support::ZkServer*> owners;
  if (quorum) owners = zk.members();
  else owners.push_back(nullptr);

  std::set<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::pair<std::uint32_t, std::uint32_t>>> seen;
  const auto key = [](const support::ZkBinding& b) {
    return std::make_pair(b.entry == nullptr ? UINT32_MAX : b.entry->index, b.begin);
  };
  for (const support::ZkServer* owner : owners) {
    if (owner != nullptr && (owner->templated || !owner->spec.ok())) continue;
    const std::vector<support::ZkBinding> bindings = zk.bindings_of(owner);
    for (std::size_t i = 0; i < bindings.size(); ++i) {
      for (std::size_t j = i + 1; j < bindings.size(); ++j) {
        const support::ZkBinding& a = bindings[i];
        const support::ZkBinding& b = bindings[j];
        if (!support::overlaps(a, b) || never_open_together(a.role, b.role)) continue;
        const auto ka = key(a), kb = key(b);
        if (!seen.insert(ka < kb ? std::make_pair(ka, kb) : std::make_pair(kb, ka)).second) continue;
        const bool survived = quorum && ((a.role == Role::admin && is_client(b.role)) || (b.role == Role::admin && is_client(a.role)));
        const support::ZkBinding& at = reported_at_first(a, b) ? a : b;
        const support::ZkBinding& other = &at == &a ? b : a;
        const std::string on = owner != nullptr ? " on " + std::string(owner->spec.addresses.empty() ? "" : owner->spec.addresses.front().host_text()) +
                                                      " (" + std::string(owner->entry->key) + ")"
                                                : "";
        const std::string message = describe(at) + " is also " + describe(other) + on + ": " + consequence(a, b, survived);
        auto d = out.report_value_part(*at.entry, at.begin, at.end, message).severity(survived ? Severity::warning : Severity::error);
        if (other.entry != nullptr) d.related(other.entry->value_range, "the other use of port " + std::to_string(other.port));
        if (other.role == Role::admin && other.entry == nullptr) d.help("move the admin server with admin.serverPort, or set admin.enableServer=false");
      }
    }
  }
}

}  // namespace zklint::rules
