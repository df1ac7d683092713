// The informational subcommands: dump, rules, explain, print-config.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "zklint/lint/config.hpp"
#include "zklint/lint/dump.hpp"
#include "zklint/lint/input.hpp"
#include "zklint/lint/registry.hpp"
#include "zklint/lint/strings.hpp"
#include "zklint/parse.hpp"

namespace zklint::cli {

namespace fs = std::filesystem;

int run_dump(const std::vector<std::string>& files) {
  int code = 0;
  for (const std::string& file : files) {
    ReadResult read = read_input(file, file == "-" ? "-" : file);
    if (read.error) {
      std::cerr << "zklint: " << read.error->path << ": " << read.error->message << "\n";
      code = 2;
      continue;
    }
    if (read.source->bytes().empty()) std::cerr << "zklint: " << read.source->path() << ": the file is empty\n";
    // A deployment file: what each Kafka and ZooKeeper container gets, and where each setting came from.
    if (const std::string name = read.source->path(); ends_with(name, ".yml") || ends_with(name, ".yaml")) {
      const fs::path directory = file == "-" ? fs::path(".") : fs::path(file).parent_path();
      if (write_deployment_dump(*read.source, directory, std::cout, files.size() == 1)) {
        std::cout << "\n";
        continue;
      }
      std::cerr << "zklint: " << name
                << ": is a YAML file but not a docker-compose file (no top-level 'services:'), not a Kubernetes manifest with Strimzi or Confluent for "
                   "Kubernetes Kafka resources, and not Helm values of the Bitnami kafka chart with properties text\n";
      code = 2;
      continue;
    }
    const Document doc = parse(std::move(*read.source));
    // One file: readable JSON. Several: JSON Lines, one object per file.
    write_dump(doc, std::cout, files.size() == 1);
    std::cout << "\n";
    if (code == 0 && doc.load_failure_entry()) code = 1;
  }
  return code;
}

namespace {

std::string_view kinds_text(FileKinds k) {
  if (k.contains(FileKind::kafka) && k.contains(FileKind::zookeeper)) return "any";
  if (k.contains(FileKind::kafka)) return "kafka";
  if (k.contains(FileKind::zookeeper)) return "zookeeper";
  if (k.contains(FileKind::deployment)) return "docker-compose";
  return "foreign";
}

std::string fence(std::string_view text, std::string_view name) {
  const std::string language = ends_with(name, ".yml") || ends_with(name, ".yaml") ? "yaml" : "properties";
  std::string out = "```" + language + "\n";
  if (!name.empty()) out = "```" + language + " title=\"" + std::string(name) + "\"\n";
  out += text;
  if (!text.empty() && text.back() != '\n') out += "\n";
  return out + "```\n";
}

std::string example_block(const Example& e, std::string_view label) {
  std::string out = "**" + std::string(label) + "**";
  if (!e.kafka_version.empty()) out += " (Kafka " + std::string(e.kafka_version) + ")";
  if (!e.zookeeper_version.empty()) out += " (ZooKeeper " + std::string(e.zookeeper_version) + ")";
  out += "\n\n" + fence(e.text, e.file_name);
  if (!e.companion.empty()) out += "\nwith the paired file:\n\n" + fence(e.companion, e.companion_name);
  if (!e.beside.empty()) out += "\nwith the file beside it that it names:\n\n" + fence(e.beside, e.beside_name);
  if (!e.observed.empty()) out += "\nwhen `zklint probe` sees:\n\n```json\n" + std::string(java_trim(e.observed)) + "\n```\n";
  if (!e.fixed.empty()) out += "\nafter `zklint --fix`:\n\n" + fence(e.fixed, e.file_name);
  return out + "\n";
}

std::string rule_markdown(const Rule& r) {
  const RuleMeta& m = r.meta();
  std::string out = "### " + std::string(m.code) + " " + std::string(m.name) + "\n\n";
  out += "*" + std::string(to_string(m.severity)) + "* · family `" + std::string(r.family()) + "` · applies to " +
         std::string(kinds_text(m.applies_to)) + " files";
  if (m.fix) out += m.fix == FixSafety::safe ? " · fix: safe (`--fix`)" : " · fix: unsafe";
  if (!m.enabled_by_default) out += " · off by default";
  out += "\n\n" + std::string(m.summary) + "\n\n" + std::string(java_trim(m.doc)) + "\n\n";
  for (const Example& e : m.bad) out += example_block(e, "Bad");
  for (const Example& e : m.good) out += example_block(e, "Good");
  return out;
}

}  // namespace

int run_rules(const std::string& format) {
  const auto& rules = RuleRegistry::instance().rules();
  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const Rule* r : rules) {
      const RuleMeta& m = r->meta();
      out.push_back({{"code", m.code}, {"name", m.name}, {"family", r->family()}, {"severity", to_string(m.severity)},
                     {"summary", m.summary}, {"applies_to", kinds_text(m.applies_to)}, {"enabled_by_default", m.enabled_by_default},
                     {"fix", m.fix ? (*m.fix == FixSafety::safe ? "safe" : "unsafe") : "none"}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (format == "markdown" || format == "table") {
    // "table" is the rule table of the top-level README; "markdown" is the whole of rules/README.md.
    const std::string link_base = format == "table" ? "rules/README.md" : "";
    if (format == "markdown") {
      std::cout << "# zklint rules\n\nGenerated by `zklint rules --format markdown` (`cmake --build build --target docs`); do not edit. "
                   "Severity: *error* means Kafka or ZooKeeper rejects the config or will fail; *warning* means it is "
                   "accepted but wrong or dangerous; *info* is advice.\n\n";
    }
    std::cout << "| Code | Name | Severity | Applies to | Fix | Summary |\n|---|---|---|---|---|---|\n";
    for (const Rule* r : rules) {
      const RuleMeta& m = r->meta();
      std::string summary(m.summary);
      for (std::size_t pos = 0; (pos = summary.find('|', pos)) != std::string::npos; pos += 2) summary.replace(pos, 1, "\\|");
      std::cout << "| [" << m.code << "](" << link_base << "#" << to_lower(m.code) << "-" << m.name << ") | `" << m.name << "` | "
                << to_string(m.severity) << " | " << kinds_text(m.applies_to) << " | "
                << (m.fix ? (*m.fix == FixSafety::safe ? "safe" : "unsafe") : "") << " | " << summary << " |\n";
    }
    if (format == "markdown") {
      std::cout << "\n";
      for (const Rule* r : rules) std::cout << rule_markdown(*r);
    }
    return 0;
  }
  for (const Rule* r : rules) {
    const RuleMeta& m = r->meta();
    std::cout << m.code << "  " << m.name << std::string(m.name.size() < 40 ? 40 - m.name.size() : 1, ' ') << to_string(m.severity)
              << std::string(9 - to_string(m.severity).size(), ' ') << m.summary << "\n";
  }
  return 0;
}

int run_explain(const std::string& id) {
  const Rule* r = RuleRegistry::instance().find(id);
  if (r == nullptr) {
    std::vector<std::string_view> names;
    for (const Rule* rule : RuleRegistry::instance().rules()) names.push_back(rule->meta().name);
    const auto close = closest_match(id, names);
    std::cerr << "zklint: unknown rule '" << id << "'" << (close ? "; did you mean '" + std::string(*close) + "'?" : "")
              << " (zklint rules lists them)\n";
    return 2;
  }
  std::cout << rule_markdown(*r);
  return 0;
}

int run_print_config(const std::string& file, const std::optional<std::string>& config_file, bool no_config) {
  ConfigResolver resolver(config_file ? std::optional<fs::path>(*config_file) : std::nullopt, no_config);
  ConfigError error;
  const auto config = resolver.for_file(fs::absolute(file), error);
  if (!config) {
    std::cerr << "zklint: config error: " << error.message << "\n";
    return 2;
  }
  nlohmann::json out;
  out["file"] = file;
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : config->files) files.push_back(f.string());
  out["config_files"] = files;
  out["fail-on"] = {{"value", to_string(config->fail_on.value)}, {"from", config->fail_on.origin}};
  out["kafka-version"] = {{"value", config->kafka_version.value ? config->kafka_version.value->to_string() : "auto"}, {"from", config->kafka_version.origin}};
  out["zookeeper-version"] = {{"value", config->zookeeper_version.value ? config->zookeeper_version.value->to_string() : "auto"},
                              {"from", config->zookeeper_version.origin}};
  out["kind"] = {{"value", config->kind.value ? std::string(to_string(*config->kind.value)) : "auto"}, {"from", config->kind.origin}};
  nlohmann::json rules = nlohmann::json::array();
  for (const RuleSetting& s : config->rules) {
    rules.push_back({{"rule", s.selector}, {"value", s.severity ? std::string(to_string(*s.severity)) : s.enabled ? "on" : "off"}, {"from", s.origin}});
  }
  out["rules"] = rules;
  for (const auto& [name, patterns] : {std::pair{"include", &config->include}, std::pair{"exclude", &config->exclude}}) {
    nlohmann::json list = nlohmann::json::array();
    for (const PathPattern& p : *patterns) list.push_back({{"pattern", p.pattern}, {"relative_to", p.base.string()}, {"from", p.origin}});
    out[name] = list;
  }
  out["excluded"] = config->excludes(fs::absolute(file)) != nullptr;
  nlohmann::json per_file_ignores = nlohmann::json::array();
  for (const PerFileIgnore& p : config->per_file_ignores) {
    per_file_ignores.push_back({{"pattern", p.pattern.pattern}, {"rules", p.selectors}, {"from", p.pattern.origin}});
  }
  out["per-file-ignores"] = per_file_ignores;
  out["ignored_for_this_file"] = config->file_ignores;
  nlohmann::json pairs = nlohmann::json::array();
  for (const PairSetting& p : config->pairs) pairs.push_back({{"kafka", p.kafka.string()}, {"zookeeper", p.zookeeper.string()}, {"from", p.origin}});
  out["pairs"] = pairs;
  if (const ClusterSetting* c = config->cluster_of(fs::absolute(file))) {
    nlohmann::json globs = nlohmann::json::array();
    for (const PathPattern& p : c->files) globs.push_back(p.pattern);
    // What the cluster entry says of this file's node: its `nodes` entry first, then the cluster's.
    const NodeSetting* node = c->node_of(fs::absolute(file));
    const std::optional<std::string> host = node != nullptr && node->host ? node->host : c->host;
    out["cluster"] = {{"name", c->name},
                      {"files", globs},
                      {"host", host ? nlohmann::json(*host) : nlohmann::json()},
                      {"myid", node != nullptr && node->myid ? nlohmann::json(*node->myid) : nlohmann::json()},
                      {"myid-from-file-name", c->myid_from_file_name},
                      {"from", c->origin}};
  } else {
    out["cluster"] = nullptr;  // the directory's configs
  }
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace zklint::cli
