// The reader of the Kafka web site's broker-config tables (rules/data/site_tables.hpp), on small
// pages of each shape the site has printed. The expected entries were written by hand from the
// tables, not by running the reader.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "site_tables.hpp"

namespace site = zklint::data::site;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ZKLINT_SOURCE_DIR) + "/tests/catalog/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in, "missing fixture " << name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

nlohmann::json as_json(const site::VersionTable& table) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, e] : table) {
    out[key] = {{"type", e.type}, {"default", e.default_value}, {"valid_values", e.valid_values},
                {"importance", e.importance}, {"update_mode", e.update_mode ? nlohmann::json(*e.update_mode) : nullptr}};
  }
  return out;
}

}  // namespace

TEST_CASE("site tables: every shape of the broker-config table reads as written") {
  for (const char* shape : {"table-2.0", "config-list-2.4", "h4-list-2.5", "h4-list-3.9", "hugo-4.2"}) {
    CAPTURE(shape);
    const auto expected = nlohmann::json::parse(fixture(std::string(shape) + ".expected.json"));
    CHECK(as_json(site::parse_broker_configs(fixture(std::string(shape) + ".html"))) == expected);
  }
}

TEST_CASE("site tables: a page of another shape is refused, never read in part") {
  const std::string entry_start = "<li><h4>a.key</h4><table><tr><th>Type:</th><td>int</td></tr>";
  const std::string entry_rest =
      "<tr><th>Default:</th><td>1</td></tr><tr><th>Valid Values:</th><td></td></tr>"
      "<tr><th>Importance:</th><td>low</td></tr></table></li>";
  CHECK_NOTHROW(site::parse_broker_configs(entry_start + entry_rest));
  CHECK_THROWS_WITH_AS(site::parse_broker_configs("<html><body><h4>Title</h4></body></html>"),
                       "no broker-config entry found", site::ShapeError);
  CHECK_THROWS_WITH_AS(site::parse_broker_configs(entry_start + "<tr><th>Deprecated:</th><td>yes</td></tr>" + entry_rest),
                       "unknown field label 'Deprecated:'", site::ShapeError);
  CHECK_THROWS_WITH_AS(site::parse_broker_configs("<li><h4>a.key</h4><table><tr><th>Type:</th><td>int</td></tr></table></li>"),
                       "key a.key lacks a field", site::ShapeError);
  CHECK_THROWS_WITH_AS(site::parse_broker_configs(entry_start + entry_rest + entry_start + entry_rest),
                       "key a.key is listed twice", site::ShapeError);
  CHECK_THROWS_WITH_AS(site::parse_broker_configs("<table><tr><th>Name</th><th>Type</th></tr><tr><td>a.key</td></tr></table>"),
                       "a table row has 1 cells under 2 headers", site::ShapeError);
}

TEST_CASE("site tables: versions sort as numbers") {
  CHECK(site::version_less("2.9", "2.10"));
  CHECK(site::version_less("3.9", "4.0"));
  CHECK_FALSE(site::version_less("4.0", "4.0"));
}

TEST_CASE("site tables: the catalog is written in the repository's layout") {
  site::Catalog catalog;
  catalog.version_sources["2.10"] = "apache/kafka-site 210/p.html @ bbb";
  catalog.version_sources["2.9"] = "apache/kafka-site 29/p.html @ aaa";
  catalog.versions["2.10"]["b.key"] = {"list", "\"\"", "", "low", std::nullopt};
  catalog.versions["2.9"]["z.key"] = {"int", "1", "[0,...]", "high", "read-only"};
  catalog.versions["2.9"]["a.key"] = {"string", "null", "", "medium", "per-broker"};
  const std::string expected = R"json({
 "source": "apache/kafka-site generated/kafka_config.html (2.0-4.1); NN/configuration/broker-configs/index.html of the Hugo-built site (4.2+)",
 "version_sources": {"2.9": "apache/kafka-site 29/p.html @ aaa", "2.10": "apache/kafka-site 210/p.html @ bbb"},
 "conventions": {"default": "raw Default cell text: '' = no default (required key), 'null' = null default, '\"\"' = empty string/list default; newer tables append a unit such as ' (7 days)' to .ms/.bytes defaults", "valid_values": "raw Valid Values cell text; '' = no validator shown", "update_mode": "read-only | per-broker | cluster-wide; null where the table has no such column"},
 "versions": {
  "2.9": {
   "a.key": {"type": "string", "default": "null", "valid_values": "", "importance": "medium", "update_mode": "per-broker"},
   "z.key": {"type": "int", "default": "1", "valid_values": "[0,...]", "importance": "high", "update_mode": "read-only"}
  },
  "2.10": {
   "b.key": {"type": "list", "default": "\"\"", "valid_values": "", "importance": "low", "update_mode": null}
  }
 }
}
)json";
  CHECK(site::catalog_json(catalog) == expected);
}
