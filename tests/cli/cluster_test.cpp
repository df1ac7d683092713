// Clusters through the binary: the configs of one directory are checked against each other, a
// file named alone is checked against the unchanged files of its cluster (reported on alone), and
// a whole ensemble on one host is judged as one.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using zklint::test::Scratch;

namespace {

// Three ZooKeeper servers on one host: client ports 2181-2183, quorum and election ports apart,
// admin servers off (they would all take 8080), one dataDir each.
void write_one_host_ensemble(const Scratch& s, const std::string& dir) {
  for (int n = 1; n <= 3; ++n) {
    s.write(dir + "/zoo" + std::to_string(n) + ".cfg",
            "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper/" + std::to_string(n) + "\nclientPort=218" + std::to_string(n) +
                "\nadmin.enableServer=false\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                "server.1=localhost:2888:3888\nserver.2=localhost:2889:3889\nserver.3=localhost:2890:3890\n");
  }
}

}  // namespace

TEST_CASE("clusters: a broker on one host with its three-member ensemble is judged against every member") {
  Scratch s;
  write_one_host_ensemble(s, "dev");
  s.write("dev/server.properties", "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2183/kafka\n");
  const auto ok = s.zklint("--select ZKL501 dev");
  CHECK_MESSAGE(ok.exit_code == 0, ok.out << ok.err);

  s.write("dev/server.properties", "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2184/kafka\n");
  const auto bad = s.zklint("--select ZKL501 --format json dev");
  CHECK(bad.exit_code == 1);
  // One finding, on the one port no member listens on, naming every member it was judged against.
  CHECK(bad.out.find("'localhost:2184' uses port 2184") != std::string::npos);
  CHECK(bad.out.find("'localhost:2182'") == std::string::npos);
  for (const char* member : {"dev/zoo1.cfg", "dev/zoo2.cfg", "dev/zoo3.cfg"}) {
    CHECK_MESSAGE(bad.out.find(std::string("\"path\": \"") + member + "\"") != std::string::npos, member << " is not a related location:\n" << bad.out);
  }
}

TEST_CASE("clusters: a file named alone is checked against the other configs of its directory, which are not reported") {
  Scratch s;
  s.write("config/zookeeper.properties", "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nclientPort=2181\n");
  s.write("config/server.properties", "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=localhost:2182/kafka\n");
  const auto r = s.zklint("config/server.properties");
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(r.out.find("config/server.properties:3:29: error: ZooKeeper host 'localhost:2182' uses port 2182, but the ZooKeeper server of "
                           "config/zookeeper.properties, which runs on this machine, listens for clients on 2181") != std::string::npos,
                r.out);
  // zookeeper.properties was read, not linted: its duplicate key is not reported.
  CHECK(r.out.find("ZKL002") == std::string::npos);
  CHECK(r.out.find("note: ZooKeeper's client port at config/zookeeper.properties:4:12") != std::string::npos);
  CHECK_MESSAGE((r.out + r.err).find("in 1 file") != std::string::npos, r.out << r.err);
}

TEST_CASE("clusters: files of other directories are other clusters") {
  Scratch s;
  s.write("zk/zookeeper.properties", "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\n");
  s.write("kafka/server.properties", "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=localhost:2182/kafka\n");
  const auto r = s.zklint("--select ZKL501 .");
  CHECK_MESSAGE(r.exit_code == 0, r.out);
}

namespace {

const char* const broker_on_9092 = "broker.id=1\nlog.dirs=/var/lib/kafka/a\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n";
const char* const same_id_on_9093 = "broker.id=1\nlog.dirs=/var/lib/kafka/b\nlisteners=PLAINTEXT://:9093\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n";

}  // namespace

TEST_CASE("clusters: two configs of one directory without evidence that they run together are not compared") {
  Scratch s;
  s.write("config/server.properties", broker_on_9092);
  s.write("config/server-tls.properties", same_id_on_9093);
  const auto r = s.zklint("--select cluster config");
  CHECK_MESSAGE(r.exit_code == 0, r.out << r.err);
}

TEST_CASE("clusters: `clusters` in .zklint.json declares files of several directories one cluster, also for a file named alone") {
  Scratch s;
  s.write("east/server.properties", broker_on_9092);
  s.write("west/server.properties", same_id_on_9093);
  s.write(".zklint.json", R"({"clusters": [{"name": "prod", "files": ["east/*.properties", "west/*.properties"]}]})");
  const auto both = s.zklint("--select ZKL504 .");
  CHECK(both.exit_code == 1);
  CHECK_MESSAGE(both.out.find("east/server.properties:1:11: error: broker.id=1 is also the id of west/server.properties (both are nodes of the cluster 'prod'") !=
                    std::string::npos,
                both.out);
  CHECK(both.out.find("west/server.properties:1:11: error") != std::string::npos);
  // Named alone, as pre-commit does: west is read to check against, and only east is reported.
  const auto alone = s.zklint("--select ZKL504 east/server.properties");
  CHECK(alone.exit_code == 1);
  CHECK_MESSAGE(alone.out.find("east/server.properties:1:11: error: broker.id=1 is also the id of west/server.properties") != std::string::npos, alone.out);
  CHECK(alone.out.find("west/server.properties:1:11: error") == std::string::npos);
  // print-config says which cluster a file belongs to.
  const auto config = s.zklint("print-config east/server.properties");
  CHECK_MESSAGE(config.out.find("\"name\": \"prod\"") != std::string::npos, config.out);
}

TEST_CASE("clusters: --cluster GLOB groups files, and same-machine evidence comes only from addresses or a declared host") {
  Scratch s;
  s.write("a/server.properties", broker_on_9092);
  s.write("b/server.properties", "broker.id=2\nlog.dirs=/var/lib/kafka/a\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n");
  // One cluster now, but nothing says both brokers share a machine: no port or directory finding.
  const auto unknown_host = s.zklint("--select cluster --cluster '*/server.properties' .");
  CHECK_MESSAGE(unknown_host.exit_code == 0, unknown_host.out << unknown_host.err);
  // A declared host is that evidence.
  s.write(".zklint.json", R"({"clusters": [{"name": "dev", "files": ["*/server.properties"], "host": "devbox"}]})");
  const auto one_host = s.zklint("--select cluster .");
  CHECK(one_host.exit_code == 1);
  CHECK_MESSAGE(one_host.out.find("error: port 9092 (listener PLAINTEXT) is also the listener PLAINTEXT of b/server.properties, on the same machine "
                                  "(both run on devbox (.zklint.json))") != std::string::npos,
                one_host.out);
  CHECK(one_host.out.find("log directory /var/lib/kafka/a is also used by") != std::string::npos);
}

TEST_CASE("clusters: a malformed `clusters` entry is a config error") {
  Scratch s;
  s.write("server.properties", broker_on_9092);
  s.write(".zklint.json", R"({"clusters": [{"name": "x", "files": "*.properties"}]})");
  const auto r = s.zklint("server.properties");
  CHECK(r.exit_code == 2);
  CHECK_MESSAGE(r.err.find("`clusters` must be a list of {\"name\": NAME, \"files\": [GLOB, ...]} with optional \"host\": HOST") != std::string::npos, r.err);
}

namespace {

// A one-host ensemble whose dataDirs are absolute paths under `data_root`.
void write_ensemble_with_data(const Scratch& s, const std::string& dir, const std::string& data_root) {
  for (int n = 1; n <= 3; ++n) {
    s.write(dir + "/zoo" + std::to_string(n) + ".cfg",
            "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=" + data_root + "/zk" + std::to_string(n) + "\nclientPort=218" + std::to_string(n) +
                "\nadmin.enableServer=false\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                "server.1=localhost:2888:3888\nserver.2=localhost:2889:3889\nserver.3=localhost:2890:3890\n");
  }
}

}  // namespace

TEST_CASE("myid: the myid file of a dataDir inside the repository is read as ZooKeeper reads it") {
  Scratch s;
  std::filesystem::create_directories(s.path() / ".git");
  const std::string data = (s.path() / "data").string();
  write_ensemble_with_data(s, "zk", data);
  s.write("data/zk1/myid", "1\n");
  s.write("data/zk2/myid", "2\r\n");
  s.write("data/zk3/myid", "3");
  const auto ok = s.zklint("--select ZKL516,ZKL517 zk");
  CHECK_MESSAGE(ok.exit_code == 0, ok.out << ok.err);

  // Long.parseLong of the first line, untrimmed: a blank before the number stops the server.
  s.write("data/zk2/myid", " 2\n");
  const auto blank = s.zklint("--select ZKL516 zk");
  CHECK(blank.exit_code == 1);
  CHECK_MESSAGE(blank.out.find("zk/zoo2.cfg:4:9: error: its myid file " + data + "/zk2/myid starts with ' 2', which is not a number: ZooKeeper stops at "
                               "startup (IllegalArgumentException: serverid  2 is not a number)") != std::string::npos,
                blank.out);
  s.write("data/zk2/myid", "");
  CHECK(s.zklint("--select ZKL516 zk").out.find("myid file " + data + "/zk2/myid is empty, which is not a number") != std::string::npos);

  // A myid with no server.N line, and two servers with one myid.
  s.write("data/zk2/myid", "4\n");
  s.write("data/zk3/myid", "1\n");
  const auto wrong = s.zklint("--select ZKL516,ZKL517 zk");
  CHECK_MESSAGE(wrong.out.find("zk/zoo2.cfg:9:1: error: this server's myid is 4 (its myid file " + data +
                               "/zk2/myid), but the server.N list has no server.4 (it lists 1, 2, 3): ZooKeeper stops at startup (RuntimeException: My id 4 not "
                               "in the peer list)") != std::string::npos,
                wrong.out);
  CHECK_MESSAGE(wrong.out.find("zk/zoo3.cfg:9:1: warning: this server's myid is 1 (its myid file " + data + "/zk3/myid), and so is the myid of zk/zoo1.cfg") !=
                    std::string::npos,
                wrong.out);
  CHECK(wrong.out.find("zk/zoo1.cfg:9:1: warning: this server's myid is 1") != std::string::npos);
}

TEST_CASE("myid: no myid file is read outside the repository, for a relative dataDir, or without a git work tree") {
  Scratch s;
  const std::string data = (s.path() / "data").string();
  write_ensemble_with_data(s, "repo/zk", data);  // absolute, but outside repo/
  std::filesystem::create_directories(s.path() / "repo/.git");
  for (int n = 1; n <= 3; ++n) s.write("data/zk" + std::to_string(n) + "/myid", "x\n");
  const auto outside = s.zklint("--select ZKL516 repo/zk");
  CHECK_MESSAGE(outside.exit_code == 0, outside.out << outside.err);

  Scratch relative;
  std::filesystem::create_directories(relative.path() / ".git");
  write_ensemble_with_data(relative, "zk", "data");
  relative.write("data/zk1/myid", "x\n");
  relative.write("zk/data/zk1/myid", "x\n");
  CHECK(relative.zklint("--select ZKL516 zk").exit_code == 0);

  Scratch no_git;
  write_ensemble_with_data(no_git, "zk", (no_git.path() / "data").string());
  no_git.write("data/zk1/myid", "x\n");
  CHECK(no_git.zklint("--select ZKL516 zk").exit_code == 0);
}

TEST_CASE("clusters: `nodes` gives a host and a myid per file; a malformed one is a config error") {
  Scratch s;
  s.write("a/server.properties", "broker.id=1\nlog.dirs=/var/lib/kafka/a\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n");
  s.write("b/server.properties", "broker.id=2\nlog.dirs=/var/lib/kafka/a\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n");
  // The cluster's host puts both on one machine; a node's own host takes it elsewhere.
  s.write(".zklint.json", R"({"clusters": [{"name": "dev", "files": ["*/server.properties"], "host": "devbox",
                               "nodes": [{"file": "b/server.properties", "host": "otherbox"}]}]})");
  const auto apart = s.zklint("--select cluster .");
  CHECK_MESSAGE(apart.exit_code == 0, apart.out << apart.err);
  s.write(".zklint.json", R"({"clusters": [{"name": "dev", "files": ["*/server.properties"],
                               "nodes": [{"file": "a/*", "host": "box1"}, {"file": "b/*", "host": "BOX1"}]}]})");
  const auto together = s.zklint("--select ZKL508 .");
  CHECK(together.exit_code == 1);
  CHECK_MESSAGE(together.out.find("on the same machine (both run on box1 (.zklint.json))") != std::string::npos, together.out);

  for (const char* bad : {R"({"clusters": [{"name": "x", "files": ["*"], "nodes": [{"file": "a/*"}]}]})",
                          R"({"clusters": [{"name": "x", "files": ["*"], "nodes": [{"file": "a/*", "myid": "1"}]}]})",
                          R"({"clusters": [{"name": "x", "files": ["*"], "nodes": [{"file": "a/*", "myid": 1.5}]}]})",
                          R"({"clusters": [{"name": "x", "files": ["*"], "nodes": [{"file": "a/*", "host": "h", "port": 1}]}]})",
                          R"({"clusters": [{"name": "x", "files": ["*"], "myid-from-file-name": "yes"}]})",
                          R"({"clusters": [{"name": "x", "files": ["*"], "hosts": "h"}]})"}) {
    s.write(".zklint.json", bad);
    const auto r = s.zklint("a/server.properties");
    CHECK_MESSAGE(r.exit_code == 2, bad << "\n" << r.out << r.err);
    CHECK_MESSAGE(r.err.find(".zklint.json") != std::string::npos, r.err);
  }
}

TEST_CASE("topology: the nodes and links of a cluster as text, Mermaid and DOT, broken links marked") {
  Scratch s;
  write_one_host_ensemble(s, "dev");
  s.write("dev/server-1.properties", "broker.id=1\nlog.dirs=/var/lib/kafka/1\nlisteners=PLAINTEXT://localhost:9092\nzookeeper.connect=localhost:2181,localhost:2184/kafka\n");
  const auto text = s.zklint("topology dev");
  CHECK_MESSAGE(text.exit_code == 0, text.out << text.err);
  CHECK_MESSAGE(text.out.find("cluster dev (directory)\n") == 0, text.out);
  CHECK(text.out.find("  server-1.properties  broker 1: listener PLAINTEXT 9092\n") != std::string::npos);
  CHECK(text.out.find("  zoo2.cfg  ZooKeeper server, myid unknown: client port 2182\n") != std::string::npos);
  // localhost is this machine: every server of the one-host ensemble answers for it.
  CHECK(text.out.find("  server-1.properties -> localhost:2181 -> zoo1.cfg\n") != std::string::npos);
  CHECK(text.out.find("localhost:2181 -> zoo1.cfg, zoo2.cfg") == std::string::npos);  // zoo1.cfg is the one that listens there
  CHECK(text.out.find("  server-1.properties -> localhost:2184 -> zoo1.cfg, zoo2.cfg, zoo3.cfg  BROKEN: no client port 2184 there\n") != std::string::npos);

  const auto mermaid = s.zklint("topology --format mermaid dev");
  CHECK(mermaid.exit_code == 0);
  CHECK_MESSAGE(mermaid.out.find("flowchart LR\n  subgraph c0[\"dev\"]\n") == 0, mermaid.out);
  CHECK(mermaid.out.find("n0_0 -->|\"localhost:2181\"| n0_1\n") != std::string::npos);
  CHECK(mermaid.out.find("n0_0 -.->|\"localhost:2184: no client port 2184 there\"| n0_3\n") != std::string::npos);
  CHECK(mermaid.out.find("linkStyle 1 stroke:#d00,color:#d00\n") != std::string::npos);

  const auto dot = s.zklint("topology -f dot dev");
  CHECK(dot.exit_code == 0);
  CHECK_MESSAGE(dot.out.find("digraph zklint {\n") == 0, dot.out);
  CHECK(dot.out.find("n0_0 -> n0_3 [label=\"localhost:2184: no client port 2184 there\", color=red, fontcolor=red, style=dashed];\n") != std::string::npos);
}

TEST_CASE("topology: voters link to their controllers; an endpoint outside the cluster is drawn as such; no config is exit 2") {
  Scratch s;
  s.write("k/controller-1.properties", "process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@c1:9093,2@c2:9093\nlisteners=CONTROLLER://:9095\ncontroller.listener.names=CONTROLLER\nlog.dirs=/m\n");
  const auto r = s.zklint("topology k");
  CHECK_MESSAGE(r.exit_code == 0, r.out << r.err);
  CHECK_MESSAGE(r.out.find("  controller-1.properties -> voter 1 c1:9093 -> controller-1.properties  BROKEN: the controller listens on 9095\n") != std::string::npos, r.out);
  CHECK(r.out.find("  controller-1.properties -> voter 2 c2:9093 -> (not in this cluster)\n") != std::string::npos);
  s.write("empty/readme.txt", "nothing\n");
  const auto none = s.zklint("topology empty");
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("no Kafka or ZooKeeper config found") != std::string::npos);
}

TEST_CASE("topology: each ZooKeeper server's myid and where it came from, in text and JSON") {
  Scratch s;
  std::filesystem::create_directories(s.path() / ".git");
  const std::string data = (s.path() / "data").string();
  write_ensemble_with_data(s, "zk", data);
  s.write("data/zk1/myid", "1\n");
  s.write("data/zk2/myid", " 2\n");
  s.write(".zklint.json", R"({"clusters": [{"name": "zk", "files": ["zk/*.cfg"], "myid-from-file-name": true,
                               "nodes": [{"file": "zk/zoo1.cfg", "myid": 7}, {"file": "zk/zoo2.cfg", "host": "box2"}]}]})");
  const auto text = s.zklint("topology zk");
  CHECK_MESSAGE(text.exit_code == 0, text.out << text.err);
  // The myid file wins over .zklint.json, as ZooKeeper reads the file; a line that is not a
  // number is shown as ZooKeeper reads it.
  CHECK_MESSAGE(text.out.find("  zk/zoo1.cfg  ZooKeeper server, myid 1 from its myid file " + data + "/zk1/myid: client port 2181\n") != std::string::npos, text.out);
  CHECK(text.out.find("  zk/zoo2.cfg  ZooKeeper server, myid ' 2' (not a number) from its myid file " + data + "/zk2/myid: client port 2182\n") != std::string::npos);
  CHECK(text.out.find("  zk/zoo3.cfg  ZooKeeper server, myid 3 from its file name (myid-from-file-name in .zklint.json): client port 2183\n") != std::string::npos);

  std::filesystem::remove(s.path() / "data/zk1/myid");
  std::filesystem::remove(s.path() / "data/zk2/myid");
  s.write(".zklint.json", R"({"clusters": [{"name": "zk", "files": ["zk/*.cfg"], "nodes": [{"file": "zk/zoo1.cfg", "myid": 7}]}]})");
  const auto json = s.zklint("topology --format json zk");
  CHECK_MESSAGE(json.exit_code == 0, json.out << json.err);
  const auto parsed = nlohmann::json::parse(json.out);
  REQUIRE(parsed["clusters"].size() == 1);
  const auto& cluster = parsed["clusters"][0];
  CHECK(cluster["name"] == "zk");
  CHECK(cluster["declared"] == true);
  REQUIRE(cluster["nodes"].size() == 3);
  const auto& zoo1 = cluster["nodes"][0];
  CHECK(zoo1["name"] == "zk/zoo1.cfg");
  CHECK(zoo1["kind"] == "ZooKeeper server");
  CHECK(zoo1["myid"]["value"] == 7);
  CHECK(zoo1["myid"]["source"] == "zklint-json");
  CHECK(zoo1["myid"]["from"] == "its nodes entry in .zklint.json");
  CHECK(zoo1["needs_myid"] == true);
  CHECK(zoo1["ports"][0]["purpose"] == "client port");
  CHECK(zoo1["ports"][0]["port"] == 2181);
  // No evidence for the others: an ensemble member needs one, so the text says so.
  CHECK(cluster["nodes"][1]["myid"].is_null());
  CHECK(s.zklint("topology zk").out.find("  zk/zoo2.cfg  ZooKeeper server, myid unknown: client port 2182\n") != std::string::npos);
}

TEST_CASE("topology: the myid a ZooKeeper image writes names the image's variable") {
  Scratch s;
  const std::string servers = "      ZOO_SERVERS: server.1=zoo1:2888:3888;2181 server.2=zoo2:2888:3888;2181 server.3=zoo3:2888:3888;2181\n";
  s.write("dc/docker-compose.yml", "services:\n  zoo1:\n    image: zookeeper:3.9.2\n    environment:\n" + servers +
                                       "  zoo2:\n    image: zookeeper:3.9.2\n    environment:\n      ZOO_MY_ID: 2\n" + servers +
                                       "  zoo3:\n    image: bitnami/zookeeper:3.9\n    environment:\n      ZOO_SERVER_ID: 3\n      ALLOW_ANONYMOUS_LOGIN: 'yes'\n"
                                       "      ZOO_SERVERS: zoo1:2888:3888,zoo2:2888:3888,zoo3:2888:3888\n");
  const auto json = s.zklint("topology -f json dc");
  CHECK_MESSAGE(json.exit_code == 0, json.out << json.err);
  const auto nodes = nlohmann::json::parse(json.out)["clusters"][0]["nodes"];
  REQUIRE(nodes.size() == 3);
  CHECK(nodes[0]["myid"]["value"] == 1);
  CHECK(nodes[0]["myid"]["source"] == "image");
  CHECK(nodes[0]["myid"]["origin"] == "ZOO_MY_ID");
  CHECK(nodes[0]["myid"]["from"] == "ZOO_MY_ID (1 when unset), which its image writes to the myid file");
  CHECK(nodes[1]["myid"]["value"] == 2);
  CHECK(nodes[1]["myid"]["from"] == "ZOO_MY_ID, which its image writes to the myid file");
  CHECK(nodes[2]["myid"]["value"] == 3);
  CHECK(nodes[2]["myid"]["origin"] == "ZOO_SERVER_ID");
  const auto text = s.zklint("topology dc");
  CHECK_MESSAGE(text.out.find("ZooKeeper server, myid 2 from ZOO_MY_ID, which its image writes to the myid file") != std::string::npos, text.out);
}

TEST_CASE("clusters: a `nodes` entry that gives no file its host or myid is a config error, and the files are still linted") {
  Scratch s;
  write_one_host_ensemble(s, "zk");
  s.write(".zklint.json", "{\"clusters\": [{\"name\": \"zk\", \"files\": [\"zk/*.cfg\"],\n"
                          "  \"nodes\": [{\"file\": \"zk/zoo1.cfg\", \"myid\": 1}, {\"file\": \"zk/zoo4.cfg\", \"myid\": 4},\n"
                          "            {\"file\": \"zk/*.cfg\", \"host\": \"box\"}, {\"file\": \"zk/zoo2.cfg\", \"myid\": 2}]}]}\n");
  const std::string config = (s.path() / ".zklint.json").string();
  const auto check = [&](const zklint::test::Run& r) {
    CHECK_MESSAGE(r.exit_code == 2, r.out << r.err);
    // A typo: the pattern matches no file of the cluster.
    CHECK_MESSAGE(r.err.find(config + ":2:50: the `nodes` entry 'zk/zoo4.cfg' of cluster 'zk' matches none of the cluster's files (zk/*.cfg), so its host "
                                      "and myid go to no node\n") != std::string::npos,
                  r.err);
    // Shadowed: the first entry that matches a file wins, and zk/*.cfg comes first.
    CHECK(r.err.find(config + ":3:51: the `nodes` entry 'zk/zoo2.cfg' of cluster 'zk' gives no file its host or myid: the entries before it take every "
                              "file it matches (zk/zoo2.cfg takes the one at " + config + ":3:14)") != std::string::npos);
    // The entries that apply are not reported.
    CHECK(r.err.find("'zk/zoo1.cfg' of cluster") == std::string::npos);
    CHECK(r.err.find("'zk/*.cfg' of cluster") == std::string::npos);
  };
  const auto all = s.zklint("--format concise .");
  check(all);
  CHECK(all.out.find("zk/zoo3.cfg") != std::string::npos);  // still linted
  // A run on one file of the cluster judges the entries against all of its files on disk.
  check(s.zklint("--format concise zk/zoo1.cfg"));
  check(s.zklint("topology zk"));

  s.write(".zklint.json", R"({"clusters": [{"name": "zk", "files": ["zk/*.cfg"], "nodes": [{"file": "zk/zoo2.cfg", "myid": 2}, {"file": "zk/*.cfg", "host": "box"}]}]})");
  const auto fine = s.zklint("--format concise .");
  CHECK_MESSAGE(fine.err.find("nodes") == std::string::npos, fine.err);
  CHECK(fine.exit_code != 2);
}
