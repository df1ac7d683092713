// Maintainer command: writes kafka-broker-configs.json from the broker-config tables of the Kafka web
// site, as listed in kafka-catalog-sources.tsv. It reads a git clone of apache/kafka-site
// (`git clone https://github.com/apache/kafka-site`); every page is taken at the commit the sources
// table names, so the result does not depend on what the clone has checked out. Nothing here runs
// at build time, and nothing is downloaded.
//
//   kafka_catalog_from_site --site ~/kafka-site                 regenerate the catalog
//   kafka_catalog_from_site --site ~/kafka-site --add 4.4       add a release: a sources row for
//                                                               the clone's HEAD, then regenerate
//
// Exit codes: 0 written, 1 a page or the sources table could not be read, 2 usage.

#include <CLI/CLI.hpp>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "site_tables.hpp"

namespace site = zklint::data::site;

namespace {

// One row of kafka-catalog-sources.tsv: VERSION COMMIT PATH KEYS, tab-separated. KEYS "-" takes the
// whole page; a comma-separated list takes only those keys, over the version's earlier rows (a
// correction published after the release page was copied).
struct SourceRow {
  std::string version, commit, path;
  std::set<std::string> keys;  // empty: every key
  int line = 0;
};

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, separator);) parts.push_back(part);
  return parts;
}

std::vector<SourceRow> read_sources(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Failure(path + ": cannot read the sources table");
  static const std::regex version(R"([0-9]+\.[0-9]+)"), commit(R"([0-9a-f]{7,40})"),
      page(R"([0-9]+/[A-Za-z0-9_./-]+\.html)");
  std::vector<SourceRow> rows;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty() || line.starts_with('#')) continue;
    const auto cells = split(line, '\t');
    const auto where = path + ":" + std::to_string(line_number) + ": ";
    if (cells.size() != 4) throw Failure(where + "expected VERSION, COMMIT, PATH and KEYS separated by tabs");
    if (!std::regex_match(cells[0], version)) throw Failure(where + "not a version: " + cells[0]);
    if (!std::regex_match(cells[1], commit)) throw Failure(where + "not a commit hash: " + cells[1]);
    if (!std::regex_match(cells[2], page) || cells[2].find("..") != std::string::npos)
      throw Failure(where + "not a page of the site: " + cells[2]);
    SourceRow row{cells[0], cells[1], cells[2], {}, line_number};
    if (cells[3] != "-") {
      for (const auto& key : split(cells[3], ',')) row.keys.insert(key);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Runs git through the shell, every argument single-quoted; its output, or Failure with what it said.
std::string git(const std::vector<std::string>& args) {
  std::string command = "git";
  for (const auto& arg : args) {
    if (arg.find('\'') != std::string::npos) throw Failure("a quote in a git argument: " + arg);
    command += " '" + arg + "'";
  }
  command += " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw Failure("cannot run git");
  std::string out;
  std::array<char, 65536> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) out.append(buffer.data(), n);
  if (pclose(pipe) != 0) throw Failure("git " + args.back() + ": " + out);
  return out;
}

std::string provenance(const SourceRow& row) { return "apache/kafka-site " + row.path + " @ " + row.commit; }

site::Catalog build(const std::string& clone, const std::vector<SourceRow>& rows) {
  site::Catalog catalog;
  for (const SourceRow& row : rows) {
    const std::string where = "row " + std::to_string(row.line) + " (" + row.version + "): ";
    site::VersionTable page;
    try {
      page = site::parse_broker_configs(git({"-C", clone, "show", row.commit + ":" + row.path}));
    } catch (const site::ShapeError& e) {
      throw Failure(where + row.path + " @ " + row.commit + ": " + e.what());
    }
    auto& table = catalog.versions[row.version];
    auto& source = catalog.version_sources[row.version];
    if (row.keys.empty()) {
      if (!table.empty()) throw Failure(where + "a second whole page for one version");
      table = std::move(page);
      source = provenance(row);
      continue;
    }
    if (table.empty()) throw Failure(where + "a correction before the version's page");
    std::string keys;
    for (const auto& key : row.keys) {
      const auto it = page.find(key);
      if (it == page.end()) throw Failure(where + key + " is not on " + row.path);
      table[key] = it->second;
      keys += (keys.empty() ? "" : ", ") + key;
    }
    source += "; patched: " + keys + " (" + provenance(row) + ")";
  }
  return catalog;
}

// "4.4" -> "44/configuration/broker-configs/index.html", the page of the Hugo-built site (4.2+).
std::string hugo_page(const std::string& version) {
  std::string digits;
  for (const char c : version) {
    if (c != '.') digits += c;
  }
  return digits + "/configuration/broker-configs/index.html";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes the Kafka broker catalog (kafka-broker-configs.json) from a clone of apache/kafka-site"};
  std::string clone, sources = ZKLINT_DATA_DIR "/kafka-catalog-sources.tsv",
                     output = ZKLINT_DATA_DIR "/kafka-broker-configs.json", added;
  app.add_option("--site", clone, "git clone of apache/kafka-site")->required()->check(CLI::ExistingDirectory);
  app.add_option("--sources", sources, "sources table (VERSION COMMIT PATH KEYS)")->capture_default_str();
  app.add_option("--output", output, "catalog to write")->capture_default_str();
  app.add_option("--add", added, "append a row for this release (its Hugo page at the clone's HEAD) first")
      ->check([](const std::string& v) { return std::regex_match(v, std::regex(R"([0-9]+\.[0-9]+)")) ? "" : "not a version"; });
  CLI11_PARSE(app, argc, argv);
  try {
    auto rows = read_sources(sources);
    std::string new_row;
    if (!added.empty()) {
      for (const auto& row : rows) {
        if (row.version == added) throw Failure(added + " is already in " + sources);
      }
      std::string head = git({"-C", clone, "rev-parse", "--short=12", "HEAD"});
      head.erase(head.find_last_not_of('\n') + 1);
      new_row = added + "\t" + head + "\t" + hugo_page(added) + "\t-";
      rows.push_back({added, head, hugo_page(added), {}, 0});
    }
    const std::string json = site::catalog_json(build(clone, rows));
    if (!new_row.empty()) std::ofstream(sources, std::ios::app) << new_row << "\n";
    std::ofstream out(output, std::ios::binary);
    out << json;
    if (!out) throw Failure(output + ": cannot write");
    std::cout << output << ": " << rows.size() << " source rows\n";
  } catch (const Failure& e) {
    std::cerr << "kafka_catalog_from_site: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
