// Unit tests of the Kafka version guess (lint/src/profile.cpp): a range of release lines from the
// keys a file sets, and the refusal of versions outside the catalog.

#include <doctest/doctest.h>

#include "zklint/lint/profile.hpp"
#include "zklint/parse.hpp"

using namespace zklint;

namespace {

FileProfile guess(std::string text) {
  const Document doc = parse(SourceFile("server.properties", std::move(text)));
  return make_profile(doc, ProfileSettings{});
}

std::string range(const FileProfile& p) { return describe_kafka_versions(p.kafka_versions); }

}  // namespace

TEST_CASE("the guessed range: keys added or removed in a release narrow it") {
  const FileProfile kraft = guess("process.roles=broker\nnode.id=1\nlog.dirs=/d\n");
  CHECK(kraft.kafka_version_guessed);
  CHECK(range(kraft) == "3.3–4.3");  // not the early-access releases (2.8-3.2)
  CHECK(kraft.kafka_version == KafkaVersion{4, 3});
  CHECK(kraft.kafka_version_reason == "guessed from the keys: process.roles is set, and KRaft is production ready from 3.3");

  CHECK(range(guess("broker.id=1\nzookeeper.connect=zk:2181\nlog.dirs=/d\n")) == "2.0–3.9");
  const FileProfile migration = guess("process.roles=controller\nnode.id=1\nzookeeper.metadata.migration.enable=true\nzookeeper.connect=zk:2181\n");
  CHECK(range(migration) == "3.4–3.9");
  CHECK(migration.kafka_version_reason == "guessed from the keys: zookeeper.metadata.migration.enable exists in 3.4–3.9 only");
  CHECK(guess("zookeeper.connect=zk:2181\nprocess.roles=broker\nnode.id=1\n").kafka_version_reason ==
        "guessed from the keys: process.roles is set, and KRaft is production ready from 3.3, zookeeper.connect up to 3.9");

  // A key of no release (a typo, a plug-in's key) says nothing; neither does a templated key.
  const FileProfile none = guess("log.retention.hourz=1\n{{ key }}=v\n");
  CHECK(range(none) == "2.0–4.3");  // 2.8 and 3.0 are neighbouring lines
  CHECK(none.kafka_version_reason == "guessed from the keys: no key of the file is a broker setting");
  CHECK(guess("num.partitions=3\n").kafka_version_reason == "guessed from the keys: no key of the file narrows it");

  // Keys of two eras that tie (a 4.x key and a stale 3.x key) keep both eras possible.
  const FileProfile mixed = guess("process.roles=broker\nnode.id=1\nlog.message.format.version=3.0\nshare.coordinator.state.topic.num.partitions=50\n");
  CHECK(range(mixed) == "3.3–4.3");
}

TEST_CASE("a chosen version is one release line, judged as itself") {
  ProfileSettings settings;
  settings.kafka_version = KafkaVersion{3, 6};
  settings.kafka_version_origin = "--kafka-version";
  const Document doc = parse(SourceFile("server.properties", "process.roles=broker\n"));
  const FileProfile p = make_profile(doc, settings);
  CHECK_FALSE(p.kafka_version_guessed);
  CHECK(p.kafka_versions == std::vector<KafkaVersion>{{3, 6}});
  CHECK(p.kafka_version_text == "3.6");
  CHECK(p.kafka_version_reason == "--kafka-version");
}

TEST_CASE("versions outside the catalog are refused") {
  CHECK_FALSE(unsupported_kafka_version({2, 0}).has_value());
  CHECK_FALSE(unsupported_kafka_version({4, 3}).has_value());
  for (const KafkaVersion v : {KafkaVersion{1, 1}, KafkaVersion{2, 9}, KafkaVersion{3, 10}, KafkaVersion{4, 4}, KafkaVersion{5, 0}}) {
    CAPTURE(v.to_string());
    const auto refused = unsupported_kafka_version(v);
    REQUIRE(refused.has_value());
    CHECK(*refused == "Kafka " + v.to_string() + " is not a release line zklint knows; it knows 2.0–2.8, 3.0–3.9, 4.0–4.3");
  }
}
