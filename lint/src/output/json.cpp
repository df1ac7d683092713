// zklint's own JSON report, schema version 1 (documented in the README, "JSON output").
#include <nlohmann/json.hpp>

#include "common.hpp"
#include "writers.hpp"
#include "zklint/lint/version.hpp"

namespace zklint::output {
namespace {

nlohmann::json position(const Position& p) { return {{"line", p.line}, {"column", p.column}, {"offset", p.offset}}; }
nlohmann::json range(const Range& r) { return {{"start", position(r.begin)}, {"end", position(r.end)}}; }

nlohmann::json diagnostic(const FileResult& f, const Diagnostic& d, const std::string& fingerprint) {
  const RuleMeta& m = d.rule->meta();
  nlohmann::json j = {{"code", m.code},
                      {"name", m.name},
                      {"family", d.rule->family()},
                      {"severity", to_string(d.severity)},
                      {"message", d.message},
                      {"range", range(d.range)},
                      {"fingerprint", fingerprint}};
  if (!d.help.empty()) j["help"] = d.help;
  if (!d.suggestion.empty()) j["suggestion"] = d.suggestion;
  nlohmann::json related = nlohmann::json::array();
  for (const RelatedLocation& r : d.related) {
    related.push_back({{"path", r.path.empty() ? f.path : r.path}, {"range", range(r.range)}, {"message", r.message}});
  }
  j["related"] = std::move(related);
  if (d.fix && f.doc) {
    nlohmann::json edits = nlohmann::json::array();
    for (const TextEdit& e : d.fix->edits) {
      edits.push_back({{"range", range(f.doc->source().range(e.begin, e.end))}, {"replacement", e.replacement}});
    }
    j["fix"] = {{"description", d.fix->description}, {"safety", d.fix->safety == FixSafety::safe ? "safe" : "unsafe"}, {"edits", edits}};
  } else {
    j["fix"] = nullptr;
  }
  return j;
}

}  // namespace

void write_json(const RunResult& run, std::ostream& out, const OutputOptions& options) {
  nlohmann::json files = nlohmann::json::array();
  std::size_t suppressed = 0, fixable = 0, fixed = 0;
  for (const FileResult& f : run.files) {
    nlohmann::json jf = {{"path", f.path}, {"linted", !f.not_linted.has_value()}};
    if (f.not_linted) {
      jf["error"] = *f.not_linted;
      jf["diagnostics"] = nlohmann::json::array();
      files.push_back(std::move(jf));
      continue;
    }
    jf["kind"] = to_string(f.profile.kind);
    jf["kind_reason"] = f.profile.kind_reason;
    if (f.profile.kind == FileKind::kafka) {
      jf["kafka_version"] = f.profile.kafka_version.to_string();
      jf["kafka_version_reason"] = f.profile.kafka_version_reason;
    }
    jf["suppressed"] = f.suppressed;
    if (run.baseline) jf["baselined"] = f.baselined;
    if (!f.fixed.empty()) {
      nlohmann::json repairs = nlohmann::json::array();
      for (const FixedFinding& x : f.fixed) {
        repairs.push_back({{"code", x.rule->meta().code}, {"name", x.rule->meta().name}, {"message", x.message},
                         {"fix", x.description}, {"range", range(x.range)}});
      }
      jf["fixed"] = std::move(repairs);
    }
    if (!f.internal_errors.empty()) jf["internal_errors"] = f.internal_errors;
    nlohmann::json diags = nlohmann::json::array();
    const std::vector<std::string> prints = fingerprints(f.path, f.diagnostics);
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      const Diagnostic& d = f.diagnostics[i];
      diags.push_back(diagnostic(f, d, prints[i]));
      fixable += d.fix && d.fix->safety == FixSafety::safe;
    }
    jf["diagnostics"] = std::move(diags);
    suppressed += f.suppressed;
    fixed += f.fixed.size();
    files.push_back(std::move(jf));
  }
  nlohmann::json report = {
      {"schema_version", 1},
      {"tool", {{"name", "zklint"}, {"version", version}}},
      {"exit_code", options.exit_code},
      {"summary",
       {{"files", run.files.size()},
        {"errors", run.count(Severity::error)},
        {"warnings", run.count(Severity::warning)},
        {"info", run.count(Severity::info)},
        {"suppressed", suppressed},
        {"fixable", fixable},
        {"fixed", fixed}}},
      {"files", std::move(files)},
      {"config_errors", run.config_errors},
  };
  if (run.baseline) {
    nlohmann::json entries = nlohmann::json::array();
    for (const BaselineEntry& e : run.baseline->fixed) {
      entries.push_back({{"path", e.path}, {"code", e.code}, {"name", e.name}, {"fingerprint", e.fingerprint}, {"line", e.line}, {"message", e.message}});
    }
    report["baseline"] = {{"file", run.baseline->file}, {"matched", run.baseline->matched}, {"fixed", std::move(entries)}};
  }
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace zklint::output
