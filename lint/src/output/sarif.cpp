// SARIF 2.1.0 for GitHub code scanning and SARIF viewers (see README, "SARIF").
// One run; repository-relative URIs under %SRCROOT%; 1-based regions in UTF-16 code units;
// GitHub's primaryLocationLineHash plus our own fingerprint; fixes; notifications for files that
// could not be linted.
#include <map>
#include <nlohmann/json.hpp>

#include "common.hpp"
#include "writers.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/lint/registry.hpp"
#include "zklint/lint/version.hpp"

namespace zklint::output {
namespace {

using nlohmann::json;

std::string_view level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "warning";
}

// In SARIF message text, [text](target) is a link; literal brackets must be escaped.
std::string message_text(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

// A message as one or more sentences: "...one host" + suggestion becomes "...one host. Did you
// mean: x?" rather than two sentences run together.
std::string sentence(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?') text += '.';
  return text;
}

// Markdown escapes for prose that is not meant as markup (key names such as log.dirs_x).
std::string markdown_escaped(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' || c == '#' || c == '|') out += '\\';
    out += c;
  }
  return out;
}

// A value in Markdown code: a fence longer than any run of backticks inside it.
std::string markdown_code(std::string_view s) {
  std::size_t longest = 0, run = 0;
  for (const char c : s) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  const std::string fence(longest + 1, '`');
  const bool pad = !s.empty() && (s.front() == '`' || s.back() == '`' || s.front() == ' ' || s.back() == ' ');
  return fence + (pad ? " " : "") + std::string(s) + (pad ? " " : "") + fence;
}

json result_message(const Diagnostic& d) {
  std::string text = sentence(d.message), markdown = sentence(markdown_escaped(d.message));
  if (!d.suggestion.empty()) {
    text += " Did you mean: " + d.suggestion;
    markdown += " Did you mean " + markdown_code(d.suggestion) + "?";
  }
  if (!d.help.empty()) {  // a label, not a sentence: help may start with a key name, which keeps its case
    text = sentence(text) + " Help: " + sentence(d.help);
    markdown = sentence(markdown) + " Help: " + sentence(markdown_escaped(d.help));
  }
  return {{"text", message_text(text)}, {"markdown", markdown}};
}

/// The release lines a file was judged as, and why: kafkaVersion, kafkaVersions, kafkaVersionReason
/// (or zookeeper...) in the run's properties for that file.
template <typename Version>
void add_versions(json& props, const std::string& product, const std::string& described, const std::vector<Version>& versions, const std::string& reason) {
  props[product + "Version"] = described;
  json lines = json::array();
  for (const Version v : versions) lines.push_back(v.to_string());
  props[product + "Versions"] = std::move(lines);
  props[product + "VersionReason"] = reason;
}

json artifact(std::string_view path) {
  if (is_absolute_path(path)) return {{"uri", "file://" + relative_uri(path)}};
  return {{"uri", relative_uri(path)}, {"uriBaseId", "%SRCROOT%"}};
}

json region(const Range& r) {
  return {{"startLine", r.begin.line}, {"startColumn", r.begin.column}, {"endLine", r.end.line}, {"endColumn", r.end.column}};
}

json rule_descriptor(const Rule& rule) {
  const RuleMeta& m = rule.meta();
  const std::string help_uri = rule_help_uri(m);
  std::string full = first_paragraph(m.doc);
  if (full.size() > 1000) full = full.substr(0, 997) + "...";
  std::string_view problem = m.severity == Severity::error ? "error" : m.severity == Severity::warning ? "warning" : "recommendation";
  return {{"id", m.code},
          {"name", m.name},
          {"shortDescription", {{"text", m.summary}}},
          {"fullDescription", {{"text", full}}},
          {"help", {{"text", std::string(m.doc)}, {"markdown", std::string(m.doc) + "\n\n[Rule documentation](" + help_uri + ")"}}},
          {"helpUri", help_uri},
          {"defaultConfiguration", {{"level", level(m.severity)}}},
          {"properties", {{"tags", json::array({rule.family()})}, {"precision", "very-high"}, {"problem.severity", problem}}}};
}

json result(const FileResult& f, const Diagnostic& d, const std::string& fingerprint, std::size_t rule_index,
            const std::vector<std::string>& line_hashes) {
  json r = {{"ruleId", d.rule->meta().code},
            {"ruleIndex", rule_index},
            {"level", level(d.severity)},
            {"message", result_message(d)},
            {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact(f.path)}, {"region", region(d.range)}}}}})}};
  json fingerprints = {{"zklint/v1", fingerprint}};
  if (d.range.begin.line - 1 < line_hashes.size() && !line_hashes[d.range.begin.line - 1].empty()) {
    fingerprints["primaryLocationLineHash"] = line_hashes[d.range.begin.line - 1];
  }
  r["partialFingerprints"] = std::move(fingerprints);
  if (!d.related.empty()) {
    json related = json::array();
    int id = 1;
    for (const RelatedLocation& rel : d.related) {
      related.push_back({{"id", id++},
                         {"physicalLocation", {{"artifactLocation", artifact(rel.path.empty() ? f.path : rel.path)}, {"region", region(rel.range)}}},
                         {"message", {{"text", message_text(rel.message)}}}});
    }
    r["relatedLocations"] = std::move(related);
  }
  if (d.fix && f.doc) {
    json replacements = json::array();
    for (const TextEdit& e : d.fix->edits) {
      replacements.push_back({{"deletedRegion", region(f.doc->source().range(e.begin, e.end))}, {"insertedContent", {{"text", e.replacement}}}});
    }
    r["fixes"] = json::array({{{"description", {{"text", d.fix->description}}},
                               {"artifactChanges", json::array({{{"artifactLocation", artifact(f.path)}, {"replacements", replacements}}})}}});
  }
  return r;
}

}  // namespace

void write_sarif(const RunResult& run, std::ostream& out, const OutputOptions& options) {
  // Rules: every rule that ran, plus any that reported (meta rules always can).
  std::vector<const Rule*> rules = run.rules_in_run;
  for (const FileResult& f : run.files) {
    for (const Diagnostic& d : f.diagnostics) {
      if (std::find(rules.begin(), rules.end(), d.rule) == rules.end()) rules.push_back(d.rule);
    }
  }
  std::sort(rules.begin(), rules.end(), [](const Rule* a, const Rule* b) { return a->meta().code < b->meta().code; });
  std::map<const Rule*, std::size_t> index;
  json descriptors = json::array();
  for (const Rule* r : rules) {
    index[r] = descriptors.size();
    descriptors.push_back(rule_descriptor(*r));
  }

  bool has_results = false;
  json notifications = json::array();
  json file_properties = json::object();
  bool failed = false;
  for (const FileResult& f : run.files) {
    if (f.not_linted) {
      failed = true;
      notifications.push_back({{"level", "error"},
                               {"message", {{"text", message_text(f.path + ": " + *f.not_linted)}}},
                               {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact(f.path)}}}}})}});
      continue;
    }
    for (const std::string& e : f.internal_errors) {
      failed = true;
      notifications.push_back({{"level", "error"}, {"message", {{"text", message_text(f.path + ": internal error: " + e)}}}});
    }
    json props = {{"kind", to_string(f.profile.kind)}, {"kindReason", f.profile.kind_reason}};
    if (f.profile.kind == FileKind::kafka) {
      add_versions(props, "kafka", describe_kafka_versions(f.profile.kafka_versions), f.profile.kafka_versions, f.profile.kafka_version_reason);
    }
    if (f.profile.kind == FileKind::zookeeper) {
      add_versions(props, "zookeeper", describe_zookeeper_versions(f.profile.zookeeper_versions), f.profile.zookeeper_versions,
                   f.profile.zookeeper_version_reason);
    }
    file_properties[f.path] = std::move(props);
    has_results = has_results || !f.diagnostics.empty();
  }
  json configuration_notifications = json::array();
  for (const std::string& e : run.config_errors) {
    failed = true;
    configuration_notifications.push_back({{"level", "error"}, {"message", {{"text", message_text(e)}}}});
  }

  json invocation = {{"executionSuccessful", !failed && options.exit_code < 2}, {"exitCode", options.exit_code}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  if (!configuration_notifications.empty()) invocation["toolConfigurationNotifications"] = std::move(configuration_notifications);

  json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({{{"tool", {{"driver", {{"name", "zklint"},
                                                    {"semanticVersion", version},
                                                    {"version", version},
                                                    {"informationUri", homepage},
                                                    {"rules", std::move(descriptors)}}}}},
                             {"columnKind", "utf16CodeUnits"},
                             {"invocations", json::array({std::move(invocation)})},
                             {"properties", {{"files", std::move(file_properties)}}},
                             {"results", json::array()}}})},
  };
  const std::string envelope = sarif.dump(2, ' ', false, json::error_handler_t::replace);
  if (!has_results) {
    out << envelope << "\n";
    return;
  }
  // The results are streamed into the envelope one at a time, laid out exactly as dump(2) would
  // lay out the whole tree: a million findings as one tree took gigabytes. "results" is the last
  // member of the last run, so its empty array is the last "results": [] in the text.
  constexpr std::string_view empty_results = "\"results\": []";
  const std::size_t splice = envelope.rfind(empty_results);
  const std::string element_indent = "\n        ";  // results[i] sits at depth 4 of 2 spaces
  out << std::string_view(envelope).substr(0, splice) << "\"results\": [";
  bool first = true;
  for (const FileResult& f : run.files) {
    if (f.not_linted || f.diagnostics.empty()) continue;
    const std::vector<std::string> hashes = github_line_hashes(f.doc->source().bytes());
    const std::vector<std::string> prints = fingerprints(f.path, f.diagnostics);
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      const Diagnostic& d = f.diagnostics[i];
      std::string text = result(f, d, prints[i], index.at(d.rule), hashes).dump(2, ' ', false, json::error_handler_t::replace);
      out << (first ? "" : ",") << element_indent;
      first = false;
      // dump() escapes newlines inside strings, so every raw newline is layout and gets the indent.
      for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + element_indent.size())) {
        text.replace(at, 1, element_indent);
      }
      out << text;
    }
  }
  out << "\n      ]" << std::string_view(envelope).substr(splice + empty_results.size()) << "\n";
}

}  // namespace zklint::output
