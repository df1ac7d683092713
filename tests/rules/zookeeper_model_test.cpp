// The ZooKeeper key table and the shared model of a zoo.cfg (rules/support/zookeeper_model.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "support/zookeeper_model.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/parse.hpp"
#include "zookeeper_keys.hpp"

using namespace zklint;

namespace {

struct Parsed {
  explicit Parsed(std::string text) : doc(parse(SourceFile("zoo.cfg", std::move(text)))), ctx(doc, profile(doc)) {}
  static FileProfile profile(const Document& doc) {
    ProfileSettings settings;
    settings.kind = FileKind::zookeeper;
    return make_profile(doc, settings);
  }
  Document doc;
  LintContext ctx;
  const support::ZookeeperModel& model() const { return ctx.model<support::ZookeeperModel>(); }
};

}  // namespace

TEST_CASE("zookeeper keys: sorted, unique, and found") {
  const auto keys = zookeeper_keys::all();
  CHECK(std::is_sorted(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.name < b.name; }));
  CHECK(std::adjacent_find(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.name == b.name; }) == keys.end());
  CHECK(zookeeper_keys::find("tickTime") != nullptr);
  CHECK(zookeeper_keys::find("ticktime") == nullptr);
  CHECK(zookeeper_keys::find("jute.maxbuffer")->handling == zookeeper_keys::Handling::jvm_flag_only);
  CHECK(zookeeper_keys::family_of("authProvider.sasl") != nullptr);
  CHECK(zookeeper_keys::family_of("authProvider.") == nullptr);
}

TEST_CASE("zookeeper model: session limits after the -1 defaults, in Java int arithmetic") {
  {
    Parsed p("tickTime=2000\ndataDir=/d\nmaxSessionTimeout=3000\n");
    CHECK(*p.model().min_session_timeout == 4000);
    CHECK(*p.model().max_session_timeout == 3000);
  }
  {
    Parsed p("dataDir=/d\n");  // the default tickTime is 3000
    CHECK(*p.model().min_session_timeout == 6000);
    CHECK(*p.model().max_session_timeout == 60000);
  }
  {
    Parsed p("tickTime=200000000\ndataDir=/d\n");
    CHECK(*p.model().max_session_timeout == static_cast<std::int32_t>(4000000000U));
  }
  {
    Parsed p("tickTime={{ tick }}\ndataDir=/d\n");
    CHECK(!p.model().min_session_timeout);
  }
}

TEST_CASE("zookeeper model: members, mode and the ports one server binds") {
  Parsed p("tickTime=2000\ndataDir=/d\nclientPort=2181\ninitLimit=5\nsyncLimit=2\n"
           "server.1=zk1:2888:3888\nserver.01=zk9:2888:3888\nserver.2=zk2:2888:3888;2182\nserver.3=zk3:2888:3888:observer\n");
  const auto& m = p.model();
  CHECK(m.servers.size() == 4);
  CHECK(m.members().size() == 3);  // server.1 and server.01 are one member
  CHECK(m.voters() == 2);
  CHECK(m.observers() == 1);
  CHECK(m.mode == support::ZkMode::quorum);
  const auto bindings = m.bindings_of(m.members()[1]);  // server.2
  REQUIRE(bindings.size() == 4);                         // client (suffix), admin 8080, quorum, election
  CHECK(bindings[0].port == 2182);
  CHECK(bindings[1].role == support::ZkBinding::Role::admin);
  CHECK(bindings[1].port == 8080);
  // An observer never leads, so it never binds its quorum port.
  CHECK(m.bindings_of(m.members()[2]).size() == 3);
}

TEST_CASE("zookeeper model: a follower's observer master port, on its quorum host, for participants only") {
  const std::string members = "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888:observer\n";
  Parsed p("tickTime=2000\ndataDir=/d\nclientPort=2181\ninitLimit=5\nsyncLimit=2\nobserverMasterPort=2191\n" + members);
  const auto& m = p.model();
  const auto voter = m.bindings_of(m.members()[0]);
  REQUIRE(voter.size() == 5);  // client, admin 8080, quorum, election, observer master
  CHECK(voter.back().role == support::ZkBinding::Role::observer_master);
  CHECK(voter.back().port == 2191);
  CHECK(voter.back().host == "zk1");
  // An observer never follows, so it opens neither the quorum port nor the observer master port.
  CHECK(m.bindings_of(m.members()[2]).size() == 3);
  // 0 or less is off; above 65535 the server stops before it binds anything (port-out-of-range).
  for (const char* off : {"0", "-1", "70000"}) {
    Parsed q("tickTime=2000\ndataDir=/d\nclientPort=2181\ninitLimit=5\nsyncLimit=2\nobserverMasterPort=" + std::string(off) + "\n" + members);
    CAPTURE(off);
    CHECK(q.model().bindings_of(q.model().members()[0]).size() == 4);
  }
}

TEST_CASE("zookeeper model: Java number helpers") {
  CHECK(support::java_decode_int("0x1F91") == 8081);
  CHECK(support::java_decode_int("#10") == 16);
  CHECK(support::java_decode_int("010") == 8);
  CHECK(support::java_decode_int("08080") == std::nullopt);
  CHECK(support::java_decode_int("-0") == 0);
  CHECK(support::java_decode_int("+-1") == std::nullopt);
  CHECK(support::java_decode_int("2147483648") == std::nullopt);
  CHECK(support::java_decode_int("-2147483648") == -2147483648LL);
  CHECK(support::java_int("+2181") == 2181);
  CHECK(support::java_int(" 2181") == std::nullopt);
  CHECK(support::java_file_path("/var//lib/zk/") == "/var/lib/zk");
  CHECK(support::java_file_path("a/") == "a");
  CHECK(support::absolute_path("C:/kafka/zk"));
  CHECK(!support::absolute_path("kafka/zk"));
  CHECK(support::same_host("localhost", "127.0.0.1"));
  CHECK(!support::same_host("localhost", "::1"));
  CHECK(!support::same_host("127.0.0.1", "127.0.0.2"));
}
