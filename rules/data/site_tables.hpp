#pragma once
// The broker-config tables of the Kafka web site (apache/kafka-site), read into catalog entries, and
// the catalog (kafka-broker-configs.json) written from them. Used by the maintainer command
// kafka_catalog_from_site; zklint itself never reads HTML.
//
// The site has printed the table in four shapes over the releases, all read here:
//   2.0-2.3  one <table>: a header row (Name, Description, Type, Default, Valid Values, Importance,
//            Dynamic Update Mode) and one <tr> of <td> cells per key;
//   2.4      <ul class="config-list">: <li><b>KEY</b>: text <ul class="horizontal-list"> with
//            <li><b>Type</b>: int</li> items;
//   2.5-4.1  generated/kafka_config.html: <li><h4>KEY</h4><p>text</p><table> of
//            <tr><th>Type:</th><td>int</td></tr> rows;
//   4.2+     the Hugo-built configuration/broker-configs/index.html: the same <li>, minified, inside
//            a whole page (navigation, scripts).

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace zklint::data::site {

// One key of one version, each field the cell's text as the site shows it (entities decoded,
// blanks at either end dropped). update_mode is absent where the table has no such column.
struct ConfigEntry {
  std::string type, default_value, valid_values, importance;
  std::optional<std::string> update_mode;
  bool operator==(const ConfigEntry&) const = default;
};

using VersionTable = std::map<std::string, ConfigEntry>;  // by key name

// The page does not have the shape of any known broker-config table (or is not HTML at all).
struct ShapeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Every broker-config entry of one page; throws ShapeError when an entry lacks a field, a label is
// unknown, a key is listed twice or no entry is found.
VersionTable parse_broker_configs(std::string_view html);

// "2.10" after "2.9": the order of versions in the catalog.
bool version_less(const std::string& a, const std::string& b);

struct Catalog {
  std::map<std::string, std::string, decltype(&version_less)> version_sources{&version_less};
  std::map<std::string, VersionTable, decltype(&version_less)> versions{&version_less};
};

// kafka-broker-configs.json, byte for byte in the layout the repository keeps (one key per line).
std::string catalog_json(const Catalog& catalog);

}  // namespace zklint::data::site
