// Unit tests of the Kafka key classification (KafkaConfig.scala @3.9, AbstractConfig.java logUnused).

#include <doctest/doctest.h>

#include "support/kafka_keys.hpp"

using namespace zklint;
using namespace zklint::support::kafka;

TEST_CASE("key classification: broker keys, overrides, plug-ins, vendors, versions") {
  const KafkaVersion v39{3, 9};
  CHECK(classify_key(v39, "num.partitions").kind == KeyKind::broker);
  CHECK(classify_key(v39, "Num.Partitions").kind == KeyKind::unknown);  // keys are case-sensitive

  const KeyInfo ssl = classify_key(v39, "listener.name.internal.ssl.keystore.location");
  CHECK(ssl.kind == KeyKind::listener_override);
  CHECK(ssl.listener == "internal");
  REQUIRE(ssl.spec != nullptr);
  CHECK(ssl.spec->name == "ssl.keystore.location");
  const KeyInfo jaas = classify_key(v39, "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config");
  REQUIRE(jaas.spec != nullptr);
  CHECK(jaas.spec->name == "sasl.jaas.config");
  CHECK(classify_key(v39, "listener.name.internal.ssl.keystore.locaton").unknown_inner);

  CHECK(classify_key(v39, "super.users").kind == KeyKind::plugin);
  CHECK(classify_key(v39, "cruise.control.metrics.reporter.bootstrap.servers").kind == KeyKind::plugin);
  CHECK(classify_key(v39, "kafka.csv.metrics.dir").kind == KeyKind::plugin);
  CHECK(classify_key(v39, "authorizer.zookeeper.ssl.client.enable").kind == KeyKind::plugin);
  CHECK(classify_key(v39, "rsm.config.dir").kind == KeyKind::plugin);
  const std::string_view custom[] = {"tiered."};
  CHECK(classify_key(v39, "tiered.bucket", custom).kind == KeyKind::plugin);
  CHECK(classify_key(v39, "confluent.balancer.enable").kind == KeyKind::vendor);

  const KeyInfo port = classify_key(v39, "port");
  CHECK(port.kind == KeyKind::removed);
  CHECK(port.release == "3.0");
  CHECK(port.replacement.find("listeners") != std::string_view::npos);
  const KeyInfo old = classify_key(v39, "log.file.size");
  CHECK(old.kind == KeyKind::removed);
  CHECK(old.release == "0.8");
  const KeyInfo newer = classify_key(v39, "share.coordinator.threads");
  CHECK(newer.kind == KeyKind::not_yet);
  CHECK(newer.release == "4.0");
  CHECK(classify_key({4, 0}, "zookeeper.connect").kind == KeyKind::removed);
  CHECK(classify_key(v39, "security.protocol").hint.find("client setting") != std::string_view::npos);
}

TEST_CASE("broker_spec: 2.8's internal KRaft keys and gaps in the docs tables") {
  CHECK(broker_spec({2, 8}, "process.roles") != nullptr);  // defineInternal in 2.8, documented from 3.0
  CHECK(broker_spec({2, 7}, "process.roles") == nullptr);
  CHECK(broker_spec({3, 1}, "sasl.server.max.receive.size") != nullptr);  // missing from the 3.0-3.2 tables only
  CHECK(broker_spec({3, 9}, "group.consumer.migration.policy") != nullptr);  // missing from the 3.9 table only
  CHECK(classify_key({3, 1}, "sasl.server.max.receive.size").kind == KeyKind::broker);
}
