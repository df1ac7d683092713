// --zookeeper-version and "zookeeper-version" end to end: the guessed range and why, in the text,
// JSON and SARIF reports, and the per-line verdicts it leads to (electionAlg 1 is fatal on 3.6
// and later only: QuorumPeerConfig.java @release-3.6.0, QuorumPeer.java @release-3.5.10).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using nlohmann::json;
using zklint::test::Scratch;

namespace {

constexpr const char* quorum_with_election_alg_1 =
    "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
    "initLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\nelectionAlg=1\n";

}  // namespace

TEST_CASE("a guessed ZooKeeper range is explained in text, JSON and SARIF") {
  Scratch s;
  s.write("zoo.cfg", quorum_with_election_alg_1);
  const auto text = s.zklint("--no-config zoo.cfg");
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("zoo.cfg: note: judged as ZooKeeper 3.5–3.9, guessed from the keys: no key of the file narrows it; "
                      "set --zookeeper-version to judge one release") != std::string::npos);
  CHECK(text.out.find("zoo.cfg:11:13: warning: electionAlg 1 no longer exists: ZooKeeper 3.6–3.9 refuses to start") != std::string::npos);
  CHECK(text.out.find("(zklint guessed ZooKeeper 3.5–3.9 from the file)") != std::string::npos);

  const json j = json::parse(s.zklint("--no-config --format json zoo.cfg").out);
  const json& file = j.at("files").at(0);
  CHECK(file.at("zookeeper_version") == "3.5–3.9");
  CHECK(file.at("zookeeper_versions") == json::array({"3.5", "3.6", "3.7", "3.8", "3.9"}));
  CHECK(file.at("zookeeper_version_reason") == "guessed from the keys: no key of the file narrows it");
  CHECK_FALSE(file.contains("kafka_version"));

  const json sarif = json::parse(s.zklint("--no-config --format sarif zoo.cfg").out);
  const std::string dump = sarif.dump();
  CHECK(dump.find("\"zookeeperVersion\":\"3.5–3.9\"") != std::string::npos);
  CHECK(dump.find("\"zookeeperVersionReason\":\"guessed from the keys: no key of the file narrows it\"") != std::string::npos);

  // A key that 3.6 added narrows the guess, and then every line of it refuses the file.
  s.write("zoo.cfg", std::string(quorum_with_election_alg_1) + "observerMasterPort=2191\n");
  const auto narrowed = s.zklint("--no-config zoo.cfg");
  CHECK(narrowed.out.find("judged as ZooKeeper 3.6–3.9, guessed from the keys: observerMasterPort exists from 3.6") != std::string::npos);
  CHECK(narrowed.out.find("error: electionAlg 1 no longer exists: ZooKeeper 3.6–3.9 refuses to start") != std::string::npos);
}

TEST_CASE("a chosen ZooKeeper version judges one line, from the option or .zklint.json") {
  Scratch s;
  s.write("zoo.cfg", quorum_with_election_alg_1);
  const auto v38 = s.zklint("--no-config --zookeeper-version 3.8 zoo.cfg");
  CHECK(v38.exit_code == 1);
  CHECK(v38.out.find("error: electionAlg 1 no longer exists: ZooKeeper 3.8 refuses to start") != std::string::npos);
  CHECK(v38.out.find("note: judged as") == std::string::npos);  // nothing was guessed
  CHECK(s.zklint("--no-config --zookeeper-version 3.5 zoo.cfg").exit_code == 0);  // 3.5 still runs algorithm 1

  s.write(".zklint.json", "{\"zookeeper-version\": \"3.5\"}\n");
  CHECK(s.zklint("zoo.cfg").exit_code == 0);
  const auto verbose = s.zklint("--verbose zoo.cfg");
  CHECK(verbose.out.find("; ZooKeeper 3.5 (") != std::string::npos);
  CHECK(verbose.out.find(".zklint.json:1:2)") != std::string::npos);
  const auto overridden = s.zklint("--zookeeper-version auto zoo.cfg");  // auto on the command line wins over the config
  CHECK(overridden.out.find("warning: electionAlg 1 no longer exists: ZooKeeper 3.6–3.9 refuses to start") != std::string::npos);
  const json config = json::parse(s.zklint("print-config zoo.cfg").out);
  CHECK(config.at("zookeeper-version").at("value") == "3.5");
}
