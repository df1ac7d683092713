// ZKL806 broker-without-depends-on: a ZooKeeper-mode broker does not depend on the ZooKeeper
// services it connects to.
#include <algorithm>
#include <set>
#include <string>

#include "support/compose_network.hpp"
#include "support/zookeeper_connect.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(BrokerWithoutDependsOn)

namespace zklint::rules {

const RuleMeta& BrokerWithoutDependsOn::meta() const {
  static const RuleMeta m{
      .code = "ZKL806",
      .name = "broker-without-depends-on",
      .severity = Severity::warning,
      .applies_to = FileKinds::deployment(),
      .summary = "A ZooKeeper-mode broker's service does not depend (depends_on) on any ZooKeeper service its zookeeper.connect names",
      .doc = R"md(
A ZooKeeper-mode broker needs its ZooKeeper at start: it waits
`zookeeper.connection.timeout.ms` (the session timeout, 18 s, when unset) for a session and
then stops with `ZooKeeperClientTimeoutException`. Compose starts services in dependency
order and otherwise all at once, and `docker compose up kafka` starts a service's
dependencies only ("Control startup and shutdown order in Compose",
docs.docker.com/compose/how-tos/startup-order; compose-spec `depends_on`). Without
`depends_on` the broker races ZooKeeper, and `docker compose up kafka` alone leaves it with
no ZooKeeper at all.

It is a warning: ZooKeeper usually wins the race, and a restart policy may cover the loss.
Add the ZooKeeper service to `depends_on` (a dependency reached through another service
counts). Brokers whose `zookeeper.connect` names no service of the file are not reported.
)md",
      .bad = {{.text = "x-zookeeper: &zookeeper\n  image: zookeeper:3.8.4\n  environment: &zk\n    ZOO_MY_ID: 1\n"
                       "    ZOO_SERVERS: server.1=zk1:2888:3888;2181 server.2=zk2:2888:3888;2181 server.3=zk3:2888:3888;2181\n"
                       "    ZOO_AUTOPURGE_PURGEINTERVAL: 24\n    ZOO_4LW_COMMANDS_WHITELIST: srvr,ruok,mntr\nservices:\n  zk1:\n"
                       "    <<: *zookeeper\n  zk2:\n    <<: *zookeeper\n    environment:\n      <<: *zk\n      ZOO_MY_ID: 2\n  zk3:\n"
                       "    <<: *zookeeper\n    environment:\n      <<: *zk\n      ZOO_MY_ID: 3\n  kafka:\n"
                       "    image: confluentinc/cp-kafka:7.6.1\n    environment:\n      KAFKA_BROKER_ID: 1\n"
                       "      KAFKA_ZOOKEEPER_CONNECT: zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n"
                       "      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n",
               .file_name = "compose.yaml"}},
      .good = {{.text = "x-zookeeper: &zookeeper\n  image: zookeeper:3.8.4\n  environment: &zk\n    ZOO_MY_ID: 1\n"
                        "    ZOO_SERVERS: server.1=zk1:2888:3888;2181 server.2=zk2:2888:3888;2181 server.3=zk3:2888:3888;2181\n"
                        "    ZOO_AUTOPURGE_PURGEINTERVAL: 24\n    ZOO_4LW_COMMANDS_WHITELIST: srvr,ruok,mntr\nservices:\n  zk1:\n"
                        "    <<: *zookeeper\n  zk2:\n    <<: *zookeeper\n    environment:\n      <<: *zk\n      ZOO_MY_ID: 2\n  zk3:\n"
                        "    <<: *zookeeper\n    environment:\n      <<: *zk\n      ZOO_MY_ID: 3\n  kafka:\n"
                        "    image: confluentinc/cp-kafka:7.6.1\n    depends_on: [zk1, zk2, zk3]\n    environment:\n      KAFKA_BROKER_ID: 1\n"
                        "      KAFKA_ZOOKEEPER_CONNECT: zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n"
                        "      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n",
                .file_name = "compose.yaml"}},
  };
  return m;
}

namespace {

// Every service `service` depends on, directly or through others.
std::set<std::string> dependencies(const ComposeModel& model, const ComposeService& service) {
  std::set<std::string> seen;
  std::vector<const ComposeService*> todo{&service};
  while (!todo.empty()) {
    const ComposeService* s = todo.back();
    todo.pop_back();
    for (const std::string& name : s->depends_on) {
      if (!seen.insert(name).second) continue;
      for (const ComposeService& other : model.services) {
        if (other.name == name) todo.push_back(&other);
      }
    }
  }
  return seen;
}

}  // namespace

void BrokerWithoutDependsOn::check(const LintContext& ctx, Reporter& out) const {
  const auto& reach = ctx.model<support::ComposeReach>();
  for (const support::ReachingContainer& c : reach.containers()) {
    std::vector<const support::ReachPath*> zookeepers;
    for (const support::ReachPath& path : c.paths) {
      // A service zklint reads as Kafka is not a ZooKeeper (service-port-closed reports it); any
      // other service it names is the ZooKeeper it needs, whatever its image.
      const support::ComposeMember* target = path.target != nullptr ? reach.member_of(*path.target) : nullptr;
      if (path.use == support::ReachPath::Use::zookeeper && path.verdict == support::Reach::unknown && path.target != nullptr &&
          (target == nullptr || target->node->kind == FileKind::zookeeper)) {
        zookeepers.push_back(&path);
      }
    }
    if (zookeepers.empty()) continue;
    const auto needed = dependencies(*reach.model(), *c.member.service);
    if (std::any_of(zookeepers.begin(), zookeepers.end(), [&](const support::ReachPath* p) { return needed.count(p->target->name) != 0; })) continue;
    const auto& client = c.member.ctx->model<support::ZooKeeperClientSettings>();
    const std::string wait = client.connection_timeout().ms ? std::to_string(*client.connection_timeout().ms) + " ms" : "zookeeper.connection.timeout.ms";
    const support::ReachPath& first = *zookeepers.front();
    out.report(c.member.service->name_range, "service '" + c.member.service->name + "' connects to ZooKeeper service '" + first.target->name +
                                                  "' at start but does not depend on it: compose may start the broker first (and `docker compose up " +
                                                  c.member.service->name + "` does not start ZooKeeper at all), and the broker stops if it gets no session within " +
                                                  wait)
        .help("add `depends_on: [" + first.target->name + "]` to service '" + c.member.service->name + "'");
  }
}

}  // namespace zklint::rules
