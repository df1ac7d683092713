// The zk-client family beyond its examples and fixtures: when the broker's ZooKeeper client
// settings matter at all (mode and version), and the model other rules build on.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "support/zookeeper_connect.hpp"
#include "zklint/lint/engine.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/parse.hpp"

using namespace zklint;

namespace {

std::vector<std::string> codes(const std::string& text, std::optional<KafkaVersion> version, std::vector<std::string> select = {"zk-client"}) {
  SingleFileOptions options;
  options.kafka_version = version;
  options.select = std::move(select);
  std::vector<std::string> out;
  for (const Diagnostic& d : lint_text(text, options).diagnostics) out.emplace_back(d.rule->meta().code);
  return out;
}

bool has(const std::vector<std::string>& v, std::string_view code) { return std::find(v.begin(), v.end(), code) != v.end(); }

const std::string broken_connect = "zookeeper.connect=zk1:2181 zk2:2181\nzookeeper.session.timeout.ms=0\n";
const std::string kraft = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n";

// The model of one in-memory file.
struct Built {
  std::unique_ptr<Document> doc;
  std::unique_ptr<LintContext> ctx;
};
Built build(const std::string& text, KafkaVersion version) {
  Built b;
  b.doc = std::make_unique<Document>(parse(SourceFile("server.properties", text)));
  FileProfile profile;
  profile.kind = FileKind::kafka;
  profile.kafka_version = version;
  profile.entry_template_flags.assign(b.doc->entries().size(), 0);
  b.ctx = std::make_unique<LintContext>(*b.doc, profile);
  return b;
}

}  // namespace

TEST_CASE("zk-client rules speak only where the broker uses a ZooKeeper client") {
  CHECK(has(codes(broken_connect, KafkaVersion{3, 9}), "ZKL103"));
  CHECK(has(codes(broken_connect, KafkaVersion{3, 9}), "ZKL117"));
  // Kafka 4.x has no ZooKeeper: the removed-key rules report zookeeper.* keys there.
  CHECK(codes(broken_connect, KafkaVersion{4, 0}).empty());
  CHECK(codes("broker.id=1\n", KafkaVersion{4, 1}).empty());
  // KRaft 3.x ignores zookeeper.connect unless it migrates from ZooKeeper.
  CHECK(codes(kraft + broken_connect, KafkaVersion{3, 9}).empty());
  CHECK(has(codes(kraft + broken_connect + "zookeeper.metadata.migration.enable=true\n", KafkaVersion{3, 9}), "ZKL103"));
  // A KRaft node does not need zookeeper.connect; a ZooKeeper-mode broker does.
  CHECK(!has(codes(kraft, KafkaVersion{3, 9}), "ZKL101"));
  CHECK(has(codes("broker.id=1\nprocess.roles=\n", KafkaVersion{3, 9}), "ZKL101"));
  // Templates are never parsed.
  CHECK(codes("zookeeper.connect={{ zk_hosts | join(' ') }}\nzookeeper.session.timeout.ms=${ZK_TIMEOUT}\n", KafkaVersion{3, 9}).empty());
}

TEST_CASE("zk-client: a broker's own listener in zookeeper.connect is one finding, not two") {
  const std::string text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=localhost:9092/kafka\n";
  const auto all = codes(text, KafkaVersion{3, 9}, {});
  CHECK(has(all, "ZKL224"));
  CHECK(!has(all, "ZKL112"));
  CHECK(has(codes("broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:9092,zk2:2181/kafka\n", KafkaVersion{3, 9}), "ZKL112"));
}

TEST_CASE("ZooKeeperClientSettings: servers, chroot and effective timeouts with their origins") {
  const auto b = build("zookeeper.connect=zk1:2181, zk2 ,[::1]:2182/kafka\nzookeeper.connection.timeout.ms=9000\n", KafkaVersion{3, 9});
  const auto& zk = b.ctx->model<support::ZooKeeperClientSettings>();
  CHECK(zk.uses_zookeeper);
  CHECK(zk.client_version() == "3.8.4");
  REQUIRE(zk.servers.size() == 3);
  CHECK(zk.servers[1].host == "zk2");
  CHECK(zk.servers[1].port == 2181);
  CHECK(!zk.servers[1].port_written);
  CHECK(zk.servers[2].host == "::1");
  CHECK(zk.servers[2].port == 2182);
  CHECK(zk.servers[2].range.begin.column == 34);  // the element, after the blank-padded zk2
  CHECK(zk.chroot == "/kafka");
  CHECK(zk.session_timeout().origin == support::SettingOrigin::version_default);
  CHECK(zk.session_timeout().ms == 18000);
  CHECK(zk.connection_timeout().origin == support::SettingOrigin::file);
  CHECK(zk.connection_timeout().ms == 9000);

  const auto old = build("zookeeper.connect=zk1:2181\n", KafkaVersion{2, 4});
  const auto& zk24 = old.ctx->model<support::ZooKeeperClientSettings>();
  CHECK(zk24.session_timeout().ms == 6000);  // 18000 only from Kafka 2.5
  CHECK(zk24.connection_timeout().origin == support::SettingOrigin::session_fallback);
  CHECK(zk24.connection_timeout().ms == 6000);
  CHECK(zk24.client_line() == grammar::connect_string::ClientLine::zk35);
  CHECK(build("zookeeper.connect=zk1:2181\n", KafkaVersion{2, 3}).ctx->model<support::ZooKeeperClientSettings>().client_line() ==
        grammar::connect_string::ClientLine::zk34);

  const auto bad = build("zookeeper.connect=zk1:2181\nzookeeper.session.timeout.ms=30s\n", KafkaVersion{3, 9});
  const auto& zkbad = bad.ctx->model<support::ZooKeeperClientSettings>();
  CHECK(!zkbad.session_timeout().ms);  // Kafka refuses 30s: no effective value
  CHECK(!zkbad.connection_timeout().ms);
}
