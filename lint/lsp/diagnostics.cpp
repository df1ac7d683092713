// Diagnostics as LSP 3.17 publishes them.
#include "features.hpp"
#include "output/common.hpp"
#include "zklint/lint/rule.hpp"

namespace zklint::lsp {

namespace {

// DiagnosticSeverity: Error 1, Warning 2, Information 3 (the CLI's error, warning, info).
int lsp_severity(Severity s) {
  switch (s) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::info: return 3;
  }
  return 2;
}

// The message as the text report prints it: the finding, "did you mean", then the help line.
std::string message_text(const Diagnostic& d) {
  std::string text = output::message_with_suggestion(d);
  if (!d.help.empty()) text += "\nhelp: " + d.help;
  return text;
}

}  // namespace

json lsp_diagnostic(const Diagnostic& d, const LintedView& view, const Locate& locate) {
  const RuleMeta& meta = d.rule->meta();
  json out = {{"range", view.range(d.range)},
              {"severity", lsp_severity(d.severity)},
              {"code", std::string(meta.code)},
              {"codeDescription", {{"href", output::rule_help_uri(meta)}}},
              {"source", "zklint"},
              {"message", message_text(d)}};
  json related = json::array();
  for (const RelatedLocation& r : d.related) {
    std::optional<json> location;
    if (r.path.empty()) location = json{{"uri", view.uri()}, {"range", view.range(r.range)}};
    else location = locate(r.path, r.range);
    if (location) related.push_back({{"location", std::move(*location)}, {"message", r.message}});
  }
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  // DiagnosticTag: Unnecessary 1, Deprecated 2.
  if (meta.tag == FindingTag::unnecessary) out["tags"] = {1};
  if (meta.tag == FindingTag::deprecated) out["tags"] = {2};
  return out;
}

}  // namespace zklint::lsp
