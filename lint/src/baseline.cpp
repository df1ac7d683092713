#include "zklint/lint/baseline.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "output/common.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/version.hpp"

namespace zklint {

namespace fs = std::filesystem;

namespace {

constexpr int schema_version = 1;

// The file's path relative to the baseline's directory, so that a baseline works from any
// working directory. Standard input is known only by its --stdin-filename.
std::string relative_path(const FileResult& f, const fs::path& baseline_file) {
  const fs::path base = fs::absolute(baseline_file).lexically_normal().parent_path();
  const fs::path location = f.location == "-" ? fs::path(f.path) : f.location;
  return fs::absolute(location).lexically_normal().lexically_relative(base).generic_string();
}

using Key = std::tuple<std::string, std::string, std::string>;  // path, code, fingerprint

std::vector<BaselineEntry> entries_of(const RunResult& run, const fs::path& baseline_file) {
  std::vector<BaselineEntry> entries;
  for (const FileResult& f : run.files) {
    if (!f.doc) continue;
    const std::string path = relative_path(f, baseline_file);
    const std::vector<std::string> prints = output::fingerprints(path, f.diagnostics);
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      const Diagnostic& d = f.diagnostics[i];
      const RuleMeta& m = d.rule->meta();
      entries.push_back({path, std::string(m.code), std::string(m.name), prints[i], d.message, d.range.begin.line});
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.path, a.line, a.code) < std::tie(b.path, b.line, b.code);
  });
  return entries;
}

std::string field(const nlohmann::json& j, const char* name, std::size_t index) {
  if (!j.contains(name) || !j[name].is_string()) {
    throw std::runtime_error("finding " + std::to_string(index + 1) + " has no string \"" + name + "\"");
  }
  return j[name].get<std::string>();
}

}  // namespace

std::optional<Baseline> load_baseline(const fs::path& file, std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = file.string() + ": cannot read the baseline (write one with --write-baseline)";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    const nlohmann::json j = nlohmann::json::parse(text.str());
    if (!j.is_object() || j.value("schema_version", 0) != schema_version || !j.contains("findings") || !j["findings"].is_array()) {
      error = file.string() + ": not a zklint baseline (schema_version " + std::to_string(schema_version) + " with a findings array)";
      return std::nullopt;
    }
    Baseline baseline{file, {}};
    const nlohmann::json& findings = j["findings"];
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const nlohmann::json& e = findings[i];
      if (!e.is_object()) throw std::runtime_error("finding " + std::to_string(i + 1) + " is not an object");
      BaselineEntry entry{field(e, "path", i), field(e, "code", i), e.value("name", ""), field(e, "fingerprint", i), e.value("message", ""), 0};
      if (e.contains("line") && e["line"].is_number_unsigned()) entry.line = e["line"].get<std::uint32_t>();
      baseline.entries.push_back(std::move(entry));
    }
    return baseline;
  } catch (const std::exception& e) {
    error = file.string() + ": " + e.what();
    return std::nullopt;
  }
}

std::string baseline_text(const RunResult& run, const fs::path& file) {
  nlohmann::json findings = nlohmann::json::array();
  for (const BaselineEntry& e : entries_of(run, file)) {
    findings.push_back({{"path", e.path}, {"code", e.code}, {"name", e.name}, {"fingerprint", e.fingerprint}, {"line", e.line}, {"message", e.message}});
  }
  const nlohmann::json j = {
      {"schema_version", schema_version},
      {"tool", {{"name", "zklint"}, {"version", version}}},
      {"about", "Findings accepted when this baseline was written: `zklint --baseline FILE` does not report them. "
                "They are matched by path (relative to this file), rule and fingerprint (the offending setting), "
                "not by line; `line` and `message` are for reading only."},
      {"findings", std::move(findings)},
  };
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void apply_baseline(RunResult& run, const Baseline& baseline, const std::string& label) {
  std::map<Key, std::size_t> remaining;
  for (const BaselineEntry& e : baseline.entries) ++remaining[{e.path, e.code, e.fingerprint}];
  BaselineStatus status{label, 0, {}};
  std::set<std::string> linted;
  for (FileResult& f : run.files) {
    if (!f.doc) continue;
    const std::string path = relative_path(f, baseline.file);
    linted.insert(path);
    std::vector<bool> hidden(f.diagnostics.size(), false);
    const std::vector<std::string> prints = output::fingerprints(path, f.diagnostics);
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      const Diagnostic& d = f.diagnostics[i];
      const auto it = remaining.find({path, std::string(d.rule->meta().code), prints[i]});
      if (it == remaining.end() || it->second == 0) continue;
      --it->second;
      hidden[i] = true;
    }
    std::vector<Diagnostic> kept;
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      if (!hidden[i]) kept.push_back(std::move(f.diagnostics[i]));
    }
    f.baselined = f.diagnostics.size() - kept.size();
    status.matched += f.baselined;
    f.diagnostics = std::move(kept);
  }
  for (const BaselineEntry& e : baseline.entries) {
    auto& left = remaining[{e.path, e.code, e.fingerprint}];
    if (left == 0 || linted.count(e.path) == 0) continue;
    --left;
    status.fixed.push_back(e);
  }
  run.baseline = std::move(status);
}

}  // namespace zklint
