// The whole zklint pipeline on one fuzz input: parse, value sub-grammars, every rule (with and
// without a companion file), fixes, every report format and `zklint dump`. Shared by the libFuzzer
// target (fuzz_pipeline.cpp) and the replay of the regression corpus in the normal test run.
//
// Input layout: the first byte chooses the settings (see Settings); the rest is the file, and when
// it contains a line `#~companion~`, what follows that line is the paired file (for a
// docker-compose file, the .env beside it).
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/grammar/connect_string.hpp"
#include "zklint/grammar/csv.hpp"
#include "zklint/grammar/directive.hpp"
#include "zklint/grammar/listeners.hpp"
#include "zklint/grammar/quorum_server.hpp"
#include "zklint/grammar/quorum_voters.hpp"
#include "zklint/lint/dump.hpp"
#include "zklint/lint/engine.hpp"
#include "zklint/lint/fixer.hpp"
#include "zklint/lint/output.hpp"
#include "zklint/lint/registry.hpp"
#include "zklint/lint/unified_diff.hpp"

namespace zklint::fuzz {

inline constexpr std::string_view companion_marker = "\n#~companion~\n";

/// What the first byte of an input selects.
struct Settings {
  SingleFileOptions options;
  bool every_rule = false;  ///< also the rules that are off by default

  explicit Settings(unsigned char b) {
    static constexpr const char* names[] = {"server.properties", "zoo.cfg", "zookeeper.properties", "app.properties"};
    static constexpr const char* versions[] = {"", "3.9", "2.3", "4.1"};
    options.file_name = names[b & 3];
    if (const auto v = KafkaVersion::parse(versions[(b >> 2) & 3])) options.kafka_version = v;
    switch ((b >> 4) & 3) {
      case 1: options.kind = FileKind::kafka; break;
      case 2: options.kind = FileKind::zookeeper; break;
      case 3: options.kind = FileKind::unknown; break;
      default: break;
    }
    every_rule = (b & 0x40) != 0;
    // The YAML front end and the deployment adapters: a compose file, a YAML file that is compose
    // or Strimzi by its content, a docker run env file, a compose .env file.
    static constexpr const char* deployment_names[] = {"compose.yaml", "kafka.yaml", "kafka.env", ".env"};
    if ((b & 0x80) != 0) options.file_name = deployment_names[b & 3];
    if (every_rule) {
      for (const Rule* r : RuleRegistry::instance().rules()) options.select.emplace_back(r->meta().code);
    }
  }
};

/// Everything the pipeline found wrong with itself (not with the input): empty means fine.
class Problems {
 public:
  void add(std::string what) { list_.push_back(std::move(what)); }
  const std::vector<std::string>& list() const { return list_; }

 private:
  std::vector<std::string> list_;
};

inline void check_range(const SourceFile& source, const Range& r, std::string_view what, Problems& problems) {
  const auto size = source.bytes().size();
  const bool ordered = r.begin.offset <= r.end.offset && r.begin.line <= r.end.line;
  const bool inside = r.end.offset <= size && r.begin.line >= 1 && r.end.line <= source.line_count() && r.begin.column >= 1;
  if (!ordered || !inside) {
    problems.add(std::string(what) + ": range out of the file or reversed: " + std::to_string(r.begin.line) + ":" +
                 std::to_string(r.begin.column) + "@" + std::to_string(r.begin.offset) + " to " + std::to_string(r.end.line) + ":" +
                 std::to_string(r.end.column) + "@" + std::to_string(r.end.offset) + " in " + std::to_string(size) + " bytes");
  }
}

/// The value sub-grammars on every value (bounded), as the rules would call them on their keys.
inline void run_value_grammars(const Document& doc) {
  std::size_t budget = 64;
  for (const Entry& e : doc.entries()) {
    if (budget-- == 0) break;
    const std::string_view v = e.value;
    (void)grammar::connect_string::parse(v, grammar::connect_string::ClientLine::zk34);
    (void)grammar::connect_string::parse(v, grammar::connect_string::ClientLine::zk35);
    (void)grammar::connect_string::java_parse_int(v);
    (void)grammar::listeners::parse_listeners(v);
    (void)grammar::listeners::parse_protocol_map(v);
    (void)grammar::listeners::parse_csv_map(v);
    (void)grammar::quorum::parse_voters(v, grammar::quorum::AddressSyntax::strict);
    (void)grammar::quorum::parse_voters(v, grammar::quorum::AddressSyntax::lenient);
    (void)grammar::quorum::parse_bootstrap_servers(v);
    (void)grammar::quorum_server::parse(v);
    (void)grammar::csv::split(v, grammar::csv::Empties::keep);
    (void)grammar::csv::split(v, grammar::csv::Empties::drop);
    (void)grammar::csv::split(v, grammar::csv::Empties::drop_trailing);
  }
  for (const Comment& c : doc.comments()) {
    grammar::Directive directive;
    (void)grammar::parse_directive(c.text, directive);
  }
}

/// Every report format over a one-file run, as `zklint --format F` writes it.
inline void run_outputs(SingleFileResult& linted, Problems& problems) {
  RunResult run;
  FileResult file;
  file.path = linted.doc->source().path();
  file.location = file.path;
  file.profile = linted.profile;
  file.config = std::make_shared<const Config>();
  file.diagnostics = linted.diagnostics;
  file.doc = std::move(linted.doc);
  run.files.push_back(std::move(file));
  for (const Diagnostic& d : run.files[0].diagnostics) {
    if (std::find(run.rules_in_run.begin(), run.rules_in_run.end(), d.rule) == run.rules_in_run.end()) run.rules_in_run.push_back(d.rule);
  }
  for (const FormatInfo& f : formats()) {
    std::ostringstream out;
    write_report(f.format, run, out, OutputOptions{.color = true, .verbose = true, .exit_code = exit_code(run)});
    if (f.format == Format::json || f.format == Format::sarif) {
      if (!nlohmann::json::accept(out.str())) problems.add(std::string(f.name) + " report is not valid JSON");
    }
  }
  std::ostringstream summary;
  write_summary(run, summary);
  linted.doc = std::move(run.files[0].doc);
}

inline Problems run_pipeline(std::string_view data) {
  Problems problems;
  if (data.empty()) return problems;
  const Settings settings(static_cast<unsigned char>(data[0]));
  std::string text(data.substr(1));
  SingleFileOptions options = settings.options;
  if (const auto at = text.find(companion_marker); at != std::string::npos) {
    const std::string companion = options.file_name == "compose.yaml"      ? ".env"
                                  : options.file_name == "server.properties" ? "zookeeper.properties"
                                                                             : "server.properties";
    options.cluster.push_back({companion, text.substr(at + companion_marker.size())});
    text.resize(at + 1);
  }

  SingleFileResult linted;
  try {
    linted = lint_text(text, options);
  } catch (const std::exception& e) {
    problems.add(std::string("a rule threw: ") + e.what());
    return problems;
  }
  const SourceFile& source = linted.doc->source();
  for (const Entry& e : linted.doc->entries()) {
    check_range(source, e.key_range, "key range", problems);
    check_range(source, e.value_range, "value range", problems);
  }
  for (const Diagnostic& d : linted.diagnostics) {
    const std::string code(d.rule->meta().code);
    check_range(source, d.range, code, problems);
    for (const RelatedLocation& r : d.related) {
      if (r.path.empty()) check_range(source, r.range, code + " related", problems);
    }
    if (d.fix) {
      for (const TextEdit& e : d.fix->edits) {
        if (e.begin > e.end || e.end > source.bytes().size()) problems.add(code + ": fix edit out of the file");
      }
    }
  }
  run_value_grammars(*linted.doc);

  // --fix and --diff: the fixed text must lint again without trouble.
  for (const bool unsafe : {false, true}) {
    const FixResult fixed = apply_fixes(source.bytes(), linted.diagnostics, unsafe);
    if (fixed.applied == 0) continue;
    (void)unified_diff(source.bytes(), fixed.text, options.file_name);
    SingleFileOptions again = options;
    try {
      (void)lint_text(fixed.text, again);
    } catch (const std::exception& e) {
      problems.add(std::string("a rule threw on the fixed text: ") + e.what());
    }
  }

  std::ostringstream dump;
  write_dump(*linted.doc, dump, true);
  if (!nlohmann::json::accept(dump.str())) problems.add("dump is not valid JSON");
  if (options.file_name == "compose.yaml") {
    std::ostringstream services;  // files beside it are not read: the directory does not exist
    if (write_deployment_dump(source, "/nonexistent/zklint-fuzz", services, true) && !nlohmann::json::accept(services.str())) {
      problems.add("compose dump is not valid JSON");
    }
  }

  run_outputs(linted, problems);
  return problems;
}

}  // namespace zklint::fuzz
