// ZKL703 container-exits-at-start: the image's start-up script exits before Kafka or ZooKeeper runs.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ContainerExitsAtStart)

namespace zklint::rules {

const RuleMeta& ContainerExitsAtStart::meta() const {
  static const RuleMeta m{
      .code = "ZKL703",
      .name = "container-exits-at-start",
      .severity = Severity::error,
      .applies_to = FileKinds::deployment(),
      .summary = "A variable the image's start-up script requires is missing (or one it refuses is set): the container exits at once",
      .doc = R"md(
Container images do not start Kafka or ZooKeeper directly: a script turns the environment into
a config file first, and it checks a few variables on the way. When one is missing, it prints
a line such as `KAFKA_ZOOKEEPER_CONNECT is required.` and exits 1; compose restarts the
container (or not) and the cluster never forms. zklint knows these checks from the images' own
scripts:

* **confluentinc/cp-kafka, cp-server** (`configure` in confluentinc/kafka-images): ZooKeeper
  mode needs `KAFKA_ZOOKEEPER_CONNECT` and `KAFKA_ADVERTISED_LISTENERS`; KRaft mode
  (`KAFKA_PROCESS_ROLES`, 7.4 and later) needs `CLUSTER_ID`, and `KAFKA_ADVERTISED_LISTENERS`
  except on a controller-only node, where it is refused; images before 7.4 always need the
  ZooKeeper pair; 8.x images need `KAFKA_PROCESS_ROLES` and `CLUSTER_ID`; `KAFKA_PORT`,
  `KAFKA_HOST`, `KAFKA_ADVERTISED_PORT` and `KAFKA_ADVERTISED_HOST` are refused.
* **confluentinc/cp-zookeeper**: `ZOOKEEPER_CLIENT_PORT` (or `ZOOKEEPER_SECURE_CLIENT_PORT`),
  and `ZOOKEEPER_SERVER_ID` when `ZOOKEEPER_SERVERS` is set.
* **apache/kafka**: a controller-only node must not have `KAFKA_ADVERTISED_LISTENERS`.
* **both Kafka images**: an `SSL://` advertised listener needs `KAFKA_SSL_KEYSTORE_FILENAME`,
  `KAFKA_SSL_KEY_CREDENTIALS` and `KAFKA_SSL_KEYSTORE_CREDENTIALS`; a `SASL_` one needs `KAFKA_OPTS`.
* **wurstmeister/kafka** (`start-kafka.sh`): `KAFKA_ZOOKEEPER_CONNECT`, and `KAFKA_LISTENERS`
  (or `KAFKA_ADVERTISED_HOST_NAME`, or `HOSTNAME_COMMAND`).

An empty value counts as missing, as it does for the scripts. A variable compose cannot resolve
from the `.env` file (`${VAR}` with no value there) is not judged. A service that overrides
`entrypoint:` or `command:` may not run these checks, so it is not judged either.
)md",
      .bad = {{.text = "services:\n  broker:\n    image: confluentinc/cp-kafka:7.6.1\n    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_ZOOKEEPER_CONNECT: zk1:2181,zk2:2181,zk3:2181/kafka\n      KAFKA_LISTENERS: PLAINTEXT://:9092\n",
               .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n  broker:\n    image: confluentinc/cp-kafka:7.6.1\n    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_ZOOKEEPER_CONNECT: zk1:2181,zk2:2181,zk3:2181/kafka\n      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://broker:9092\n",
                .file_name = "compose.yaml"}},
  };
  return m;
}

void ContainerExitsAtStart::check(const LintContext& ctx, Reporter& out) const { support::report_container_findings(ctx, out, ContainerFinding::Kind::exits_at_start); }

}  // namespace zklint::rules
