// Unit tests of the KRaft node model: role sets, the effective node id (node.id / broker.id
// synonyms), the parsed quorum, and controller.listener.names split as each release splits it
// (KafkaConfig.scala validateValues @3.9 and @4.1, QuorumConfig.java @3.9).

#include <doctest/doctest.h>

#include <string>

#include "support/kraft_node.hpp"
#include "kafka_file_context.hpp"

using namespace zklint;
using support::KraftNode;
using support::NodeRoles;

namespace {

struct Fixture : test::KafkaFileContext {
  using KafkaFileContext::KafkaFileContext;
  const KraftNode& node() const { return ctx.model<KraftNode>(); }
};

std::vector<std::string> names(const KraftNode& node) {
  std::vector<std::string> out;
  for (const auto& n : *node.controller_names()) out.emplace_back(n.text);
  return out;
}

}  // namespace

TEST_CASE("kraft node: role sets as KafkaConfig decides them") {
  CHECK(Fixture("process.roles=broker\n", KafkaVersion{3, 9}).node().roles() == NodeRoles::broker);
  CHECK(Fixture("process.roles=controller\n", KafkaVersion{4, 0}).node().roles() == NodeRoles::controller);
  CHECK(Fixture("process.roles=controller , broker\n", KafkaVersion{4, 0}).node().roles() == NodeRoles::combined);
  CHECK(Fixture("process.roles=\n", KafkaVersion{3, 9}).node().roles() == NodeRoles::zookeeper);
  CHECK(Fixture("zookeeper.connect=zk:2181\n", KafkaVersion{3, 9}).node().roles() == NodeRoles::zookeeper);
  CHECK(Fixture("process.roles=\n", KafkaVersion{4, 0}).node().roles() == NodeRoles::unusable);
  CHECK(Fixture("broker.id=1\n", KafkaVersion{4, 0}).node().roles() == NodeRoles::unusable);
  CHECK(Fixture("process.roles=Broker\n", KafkaVersion{3, 9}).node().roles() == NodeRoles::unusable);
  CHECK(Fixture("process.roles=broker,broker\n", KafkaVersion{3, 9}).node().roles() == NodeRoles::unusable);
  CHECK(Fixture("process.roles={{ roles }}\n", KafkaVersion{3, 9}).node().roles() == NodeRoles::unknown);
}

TEST_CASE("kraft node: node.id, else broker.id, else the 3.x default -1") {
  const Fixture both("node.id=3\nbroker.id=4\n", KafkaVersion{3, 9});
  CHECK(both.node().node_id().value == 3);
  CHECK_FALSE(both.node().node_id().from_broker_id);

  const Fixture synonym("process.roles=broker\nbroker.id=4\n", KafkaVersion{4, 0});
  CHECK(synonym.node().node_id().value == 4);
  CHECK(synonym.node().node_id().from_broker_id);

  const Fixture unset3("process.roles=broker\n", KafkaVersion{3, 9});
  CHECK(unset3.node().node_id().known);
  CHECK(unset3.node().node_id().value == -1);
  CHECK(unset3.node().node_id().entry == nullptr);

  const Fixture unset4("process.roles=broker\n", KafkaVersion{4, 0});
  CHECK_FALSE(unset4.node().node_id().value.has_value());

  CHECK_FALSE(Fixture("node.id=one\n", KafkaVersion{3, 9}).node().node_id().known);
  CHECK_FALSE(Fixture("node.id=${NODE_ID}\n", KafkaVersion{3, 9}).node().node_id().known);
}

TEST_CASE("kraft node: the quorum, and which host:port pattern reads it") {
  const Fixture f("controller.quorum.voters=1@a:9093,2@b:9093,3@my host:9093\n", KafkaVersion{3, 7});
  CHECK(f.node().address_syntax() == grammar::quorum::AddressSyntax::lenient);
  REQUIRE(f.node().voter_ids());
  CHECK(*f.node().voter_ids() == std::vector<std::int32_t>{1, 2, 3});
  CHECK(f.node().is_voter(2));
  CHECK_FALSE(f.node().is_voter(4));
  // bootstrap servers do not exist before 3.8 (3.8 reads them as an internal key): Kafka ignores the key
  CHECK(Fixture("controller.quorum.bootstrap.servers=a:9093\n", KafkaVersion{3, 7}).node().bootstrap_servers()->empty());

  const Fixture strict("controller.quorum.voters=1@a:9093,3@my host:9093\n", KafkaVersion{3, 8});
  CHECK(strict.node().address_syntax() == grammar::quorum::AddressSyntax::strict);
  CHECK_FALSE(strict.node().voter_ids().has_value());  // an unreadable entry: Kafka never compares ids
  REQUIRE(strict.node().voters());
  CHECK(strict.node().voters()->size() == 2);

  CHECK_FALSE(Fixture("controller.quorum.voters={{ voters }}\n", KafkaVersion{3, 9}).node().voters().has_value());
  CHECK(Fixture("process.roles=broker\n", KafkaVersion{3, 9}).node().voters()->empty());
}

TEST_CASE("kraft node: controller.listener.names split as each release splits it, with offsets") {
  const std::string value = "controller.listener.names= CONTROLLER, SSL ,,X,\n";
  CHECK(names(Fixture(value, KafkaVersion{3, 9}).node()) == std::vector<std::string>{"CONTROLLER", " SSL ", "", "X"});
  CHECK(names(Fixture(value, KafkaVersion{4, 1}).node()) == std::vector<std::string>{"CONTROLLER", "SSL", "X"});
  CHECK(names(Fixture(value, KafkaVersion{4, 2}).node()) == std::vector<std::string>{"CONTROLLER", "SSL", "", "X", ""});


  const Fixture f("controller.listener.names=CONTROLLER,controller\n", KafkaVersion{4, 0});
  const auto& n = *f.node().controller_names();
  REQUIRE(n.size() == 2);
  const std::string_view decoded = f.node().controller_names_entry()->value;
  CHECK(decoded.substr(n[1].begin, n[1].end - n[1].begin) == "controller");
  CHECK(f.node().names_controller_listener("CONTROLLER"));
  CHECK_FALSE(f.node().names_controller_listener("Controller"));
}

TEST_CASE("kraft node: a name that differs only in case has a case twin among the listeners") {
  const Fixture f("process.roles=controller\nlisteners=controller://:9093\n", KafkaVersion{4, 0});
  const auto& listeners = f.ctx.model<support::KafkaModel>().listeners();
  REQUIRE(support::case_twin(listeners, "controller") != nullptr);
  CHECK(support::case_twin(listeners, "controller")->name == "CONTROLLER");
  CHECK(support::case_twin(listeners, "CONTROLLER") == nullptr);  // an exact match is no twin
  CHECK(support::case_twin(listeners, "ctrl") == nullptr);
}

TEST_CASE("kraft node: zookeeper.* lines Java keeps, in file order") {
  const Fixture f("zookeeper.connect=a:2181\nzookeeper.set.acl=true\nzookeeper.connect=b:2181\n", KafkaVersion{4, 0});
  const auto& keys = f.node().zookeeper_entries();
  REQUIRE(keys.size() == 2);
  CHECK(keys[0]->key == "zookeeper.set.acl");
  CHECK(keys[1]->value == "b:2181");
}
