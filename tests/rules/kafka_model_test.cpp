// Unit tests of the Kafka model: mode, effective listeners, protocol map and inter-broker
// listener as KafkaConfig derives them (KafkaConfig.scala @3.9).

#include <doctest/doctest.h>

#include <string>

#include "support/kafka_model.hpp"
#include "kafka_file_context.hpp"

using namespace zklint;
using support::KafkaMode;
using support::KafkaModel;
using support::ListenerSource;

namespace {

struct Fixture : test::KafkaFileContext {
  using KafkaFileContext::KafkaFileContext;
  const KafkaModel& model() const { return ctx.model<KafkaModel>(); }
};

std::vector<std::string> names(const support::ListenerList& list) {
  std::vector<std::string> out;
  for (const auto& l : list.listeners) out.push_back(l.name);
  return out;
}

}  // namespace

TEST_CASE("kafka model: ZooKeeper mode, default listener, PLAINTEXT inter-broker listener") {
  const Fixture f("broker.id=1\nzookeeper.connect=zk:2181\n", KafkaVersion{3, 9});
  const KafkaModel& m = f.model();
  CHECK(m.mode() == KafkaMode::zookeeper);
  CHECK(m.runs_broker());
  CHECK(m.listeners().source == ListenerSource::default_value);
  CHECK(names(m.listeners()) == std::vector<std::string>{"PLAINTEXT"});
  CHECK(m.advertised_listeners().source == ListenerSource::listeners_fallback);
  CHECK(m.inter_broker_listener().known);
  CHECK(m.inter_broker_listener().name == "PLAINTEXT");
  CHECK(m.protocol_map().protocol_of("SASL_SSL") != nullptr);
  REQUIRE(m.log_dirs());
  CHECK(m.log_dirs()->front().text == "/tmp/kafka-logs");
  CHECK(m.integer("log.retention.hours") == 168);
}

TEST_CASE("kafka model: explicit listeners, names upper-cased, explicit map, inter-broker by name") {
  const Fixture f(
      "listeners=internal://:9092,EXTERNAL://0.0.0.0:9093\n"
      "advertised.listeners=INTERNAL://k1:9092,EXTERNAL://k1.example.com:9093\n"
      "listener.security.protocol.map=INTERNAL:plaintext,EXTERNAL:SASL_SSL\n"
      "inter.broker.listener.name=internal\nzookeeper.connect=zk:2181\nlog.dirs=/data/a, /data/b\n",
      KafkaVersion{3, 9});
  const KafkaModel& m = f.model();
  CHECK(names(m.listeners()) == std::vector<std::string>{"INTERNAL", "EXTERNAL"});
  CHECK(m.listeners().listeners[1].host() == "0.0.0.0");
  CHECK(m.advertised_listeners().source == ListenerSource::explicit_value);
  REQUIRE(m.protocol_map().protocol_of("INTERNAL") != nullptr);
  CHECK(*m.protocol_map().protocol_of("INTERNAL") == "PLAINTEXT");
  CHECK(m.inter_broker_listener().name == "INTERNAL");
  CHECK(m.inter_broker_listener().from_listener_name);
  REQUIRE(m.log_dirs());
  CHECK(m.log_dirs()->size() == 2);
}

TEST_CASE("kafka model: KRaft maps controller listener names to PLAINTEXT when no map is given") {
  const Fixture f(
      "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@k:9093\n"
      "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\n",
      std::nullopt);
  const KafkaModel& m = f.model();
  CHECK(m.mode() == KafkaMode::kraft);
  CHECK(m.broker_role());
  CHECK(m.controller_role());
  CHECK(m.protocol_map().controller_defaults_added);
  CHECK(m.protocol_map().protocol_of("CONTROLLER") != nullptr);
  CHECK(m.is_controller_listener("CONTROLLER"));

  // An SSL listener switches the default mapping off; a lower-case name maps only as written.
  const Fixture ssl("process.roles=controller\nnode.id=1\nlisteners=SSL://:9093\ncontroller.listener.names=controller\n", std::nullopt);
  CHECK_FALSE(ssl.model().protocol_map().controller_defaults_added);
  const Fixture lower("process.roles=controller\nnode.id=1\nlisteners=controller://:9093\ncontroller.listener.names=controller\n", std::nullopt);
  CHECK(lower.model().protocol_map().protocol_of("controller") != nullptr);
  CHECK(lower.model().protocol_map().protocol_of("CONTROLLER") == nullptr);
  CHECK_FALSE(lower.model().is_controller_listener("CONTROLLER"));
}

TEST_CASE("kafka model: 2.x builds listeners from host.name and port") {
  const Fixture f("zookeeper.connect=zk:2181\nhost.name=k1\nport=9093\nadvertised.host.name=k1.example.com\n", KafkaVersion{2, 4});
  const KafkaModel& m = f.model();
  CHECK(m.listeners().source == ListenerSource::legacy_host_port);
  REQUIRE(m.listeners().listeners.size() == 1);
  CHECK(m.listeners().listeners[0].host() == "k1");
  CHECK(m.listeners().listeners[0].endpoint.port == 9093);
  CHECK(m.advertised_listeners().listeners[0].host() == "k1.example.com");
  CHECK(m.advertised_listeners().listeners[0].endpoint.port == 9093);
}

TEST_CASE("kafka model: templated values are unknown, never guessed") {
  const Fixture f("listeners={{ listeners }}\nprocess.roles={{ roles }}\nnode.id=1\n", std::nullopt);
  const KafkaModel& m = f.model();
  CHECK(m.mode() == KafkaMode::unknown);
  CHECK_FALSE(m.listeners().known);
  CHECK_FALSE(m.advertised_listeners().known);
  const Fixture keys("{{ key }}={{ value }}\nbroker.id=1\n", KafkaVersion{3, 9});
  CHECK(keys.model().template_structure());
}

TEST_CASE("kafka model: 4.x is KRaft even without process.roles; security.inter.broker.protocol case rules") {
  const Fixture f("node.id=1\n", KafkaVersion{4, 0});
  CHECK(f.model().mode() == KafkaMode::kraft);
  CHECK_FALSE(f.model().runs_broker());
  const Fixture lower_old("security.inter.broker.protocol=ssl\nzookeeper.connect=zk:2181\n", KafkaVersion{3, 2});
  CHECK(lower_old.model().inter_broker_listener().name == "SSL");
  const Fixture lower_new("security.inter.broker.protocol=ssl\nzookeeper.connect=zk:2181\n", KafkaVersion{3, 9});
  CHECK_FALSE(lower_new.model().inter_broker_listener().known);
}
