// Unit tests of the Kafka release-facts table (rules/data/kafka_releases.hpp).

#include <doctest/doctest.h>

#include <algorithm>

#include "kafka_catalog.hpp"
#include "kafka_releases.hpp"
#include "zklint/lint/release_questions.hpp"

using namespace zklint;

TEST_CASE("release facts: every fact starts at a catalog line and cites a source") {
  const auto lines = kafka_catalog::versions();
  for (const kafka_fact::ReleaseFact& f : kafka_fact::release_facts) {
    CAPTURE(f.name);
    CHECK(!f.source.empty());
    CHECK(f.since <= f.until);
    // {0, 0}: holds since before the catalog's first line.
    CHECK((f.since == KafkaVersion{0, 0} || std::find(lines.begin(), lines.end(), f.since) != lines.end()));
  }
}

TEST_CASE("release facts: asked by name") {
  CHECK_FALSE(kafka_fact::zookeeper_mode_removed.holds_in({3, 9}));
  CHECK(kafka_fact::zookeeper_mode_removed.holds_in({4, 0}));
  CHECK(kafka_fact::zookeeper_mode_removed.holds_in({4, 3}));
  CHECK_FALSE(kafka_fact::controller_listener_advertised_from_listeners.holds_in({3, 8}));
  CHECK(kafka_fact::controller_listener_advertised_from_listeners.holds_in({3, 9}));
  CHECK_FALSE(kafka_fact::controller_listener_advertised_from_listeners.holds_in({4, 0}));
  CHECK(kafka_fact::bundled_zookeeper_client({2, 2}) == "3.4.13");
  CHECK(kafka_fact::bundled_zookeeper_client({2, 3}) == "3.4.14");
  CHECK(kafka_fact::bundled_zookeeper_client({2, 8}) == "3.5.9");
  CHECK(kafka_fact::bundled_zookeeper_client({3, 5}) == "3.6.4");
  CHECK(kafka_fact::bundled_zookeeper_client({3, 9}) == "3.8.4");
}

TEST_CASE("release classes: two lines differ only where an answer consulted changes") {
  const auto index = [](KafkaVersion v) { return kafka_catalog::line_index(v); };
  ReleaseQuestions asked;
  {
    const ReleaseLog log;
    CHECK_FALSE(kafka_fact::quorum_addresses_strict.holds_in({3, 7}));
    asked = log.asked();
  }
  CHECK(asked.same_answers(index({3, 3}), index({3, 7})));
  CHECK_FALSE(asked.same_answers(index({3, 7}), index({3, 8})));
  CHECK_FALSE(asked.same_answers(index({4, 3}), index({3, 3})));
  CHECK(ReleaseQuestions{}.same_answers(index({3, 8}), index({4, 3})));  // nothing asked: nothing tells them apart
  {
    const ReleaseLog log;
    CHECK(kafka_fact::bundled_zookeeper_client({3, 5}) == "3.6.4");
    asked = log.asked();
  }
  CHECK(asked.same_answers(index({3, 0}), index({3, 5})));
  CHECK_FALSE(asked.same_answers(index({3, 5}), index({3, 6})));  // ZooKeeper 3.6.4 -> 3.8.4
  {
    const ReleaseLog log;
    kafka_catalog::find({3, 9}, "log.segment.bytes");  // at least 14 up to 3.9, 1 MiB from 4.0
    asked = log.asked();
  }
  CHECK(asked.same_answers(index({3, 3}), index({3, 9})));
  CHECK_FALSE(asked.same_answers(index({3, 9}), index({4, 0})));
  CHECK(kafka_catalog::behaviour_changes("no.such.key") == 0);
}
