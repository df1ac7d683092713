// zklint's own JSON report, schema version 1 (documented in the README, "JSON output").
// Streamed: the members of every object are written in sorted order, which is what the report
// has always looked like (it used to be an nlohmann tree), without holding the tree in memory.
#include "../json_writer.hpp"
#include "common.hpp"
#include "writers.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/lint/version.hpp"

namespace zklint::output {
namespace {

void fix(JsonWriter& w, const FileResult& f, const Fix& fix) {
  w.begin_object();
  w.key("description");
  w.value(fix.description);
  w.key("edits");
  w.begin_array();
  for (const TextEdit& e : fix.edits) {
    w.begin_object();
    w.key("range");
    write_range(w, f.doc->source().range(e.begin, e.end), /*with_offsets=*/true);
    w.key("replacement");
    w.value(e.replacement);
    w.end_object();
  }
  w.end_array();
  w.key("safety");
  w.value(fix.safety == FixSafety::safe ? "safe" : "unsafe");
  w.end_object();
}

void diagnostic(JsonWriter& w, const FileResult& f, const Diagnostic& d, const std::string& fingerprint) {
  const RuleMeta& m = d.rule->meta();
  w.begin_object();
  w.key("code");
  w.value(m.code);
  w.key("family");
  w.value(d.rule->family());
  w.key("fingerprint");
  w.value(fingerprint);
  w.key("fix");
  if (d.fix && f.doc) {
    fix(w, f, *d.fix);
  } else {
    w.null();
  }
  if (!d.help.empty()) {
    w.key("help");
    w.value(d.help);
  }
  w.key("message");
  w.value(d.message);
  w.key("name");
  w.value(m.name);
  w.key("range");
  write_range(w, d.range, /*with_offsets=*/true);
  w.key("related");
  w.begin_array();
  for (const RelatedLocation& r : d.related) {
    w.begin_object();
    w.key("message");
    w.value(r.message);
    w.key("path");
    w.value(r.path.empty() ? f.path : r.path);
    w.key("range");
    write_range(w, r.range, /*with_offsets=*/true);
    w.end_object();
  }
  w.end_array();
  w.key("severity");
  w.value(to_string(d.severity));
  if (!d.suggestion.empty()) {
    w.key("suggestion");
    w.value(d.suggestion);
  }
  w.end_object();
}

void file(JsonWriter& w, const RunResult& run, const FileResult& f) {
  w.begin_object();
  if (f.not_linted) {
    w.key("diagnostics");
    w.begin_array();
    w.end_array();
    w.key("error");
    w.value(*f.not_linted);
    w.key("linted");
    w.value(false);
    w.key("path");
    w.value(f.path);
    w.end_object();
    return;
  }
  if (run.baseline) {
    w.key("baselined");
    w.value(std::uint64_t{f.baselined});
  }
  w.key("diagnostics");
  w.begin_array();
  const std::vector<std::string> prints = fingerprints(f.path, f.diagnostics);
  for (std::size_t i = 0; i < f.diagnostics.size(); ++i) diagnostic(w, f, f.diagnostics[i], prints[i]);
  w.end_array();
  if (!f.fixed.empty()) {
    w.key("fixed");
    w.begin_array();
    for (const FixedFinding& x : f.fixed) {
      w.begin_object();
      w.key("code");
      w.value(x.rule->meta().code);
      w.key("fix");
      w.value(x.description);
      w.key("message");
      w.value(x.message);
      w.key("name");
      w.value(x.rule->meta().name);
      w.key("range");
      write_range(w, x.range, /*with_offsets=*/true);
      w.end_object();
    }
    w.end_array();
  }
  if (!f.internal_errors.empty()) {
    w.key("internal_errors");
    w.begin_array();
    for (const std::string& e : f.internal_errors) w.value(e);
    w.end_array();
  }
  if (f.profile.kind == FileKind::kafka) {
    w.key("kafka_version");
    w.value(describe_kafka_versions(f.profile.kafka_versions));
    w.key("kafka_versions");
    w.begin_array();
    for (const KafkaVersion v : f.profile.kafka_versions) w.value(v.to_string());
    w.end_array();
    w.key("kafka_version_reason");
    w.value(f.profile.kafka_version_reason);
  }
  w.key("kind");
  w.value(to_string(f.profile.kind));
  w.key("kind_reason");
  w.value(f.profile.kind_reason);
  w.key("linted");
  w.value(true);
  w.key("path");
  w.value(f.path);
  w.key("suppressed");
  w.value(std::uint64_t{f.suppressed});
  if (f.profile.kind == FileKind::zookeeper) {
    w.key("zookeeper_version");
    w.value(describe_zookeeper_versions(f.profile.zookeeper_versions));
    w.key("zookeeper_version_reason");
    w.value(f.profile.zookeeper_version_reason);
    w.key("zookeeper_versions");
    w.begin_array();
    for (const ZooKeeperVersion v : f.profile.zookeeper_versions) w.value(v.to_string());
    w.end_array();
  }
  w.end_object();
}

void baseline(JsonWriter& w, const BaselineStatus& b) {
  w.begin_object();
  w.key("file");
  w.value(b.file);
  w.key("fixed");
  w.begin_array();
  for (const BaselineEntry& e : b.fixed) {
    w.begin_object();
    w.key("code");
    w.value(e.code);
    w.key("fingerprint");
    w.value(e.fingerprint);
    w.key("line");
    w.value(std::uint64_t{e.line});
    w.key("message");
    w.value(e.message);
    w.key("name");
    w.value(e.name);
    w.key("path");
    w.value(e.path);
    w.end_object();
  }
  w.end_array();
  w.key("matched");
  w.value(std::uint64_t{b.matched});
  w.end_object();
}

}  // namespace

void write_json(const RunResult& run, std::ostream& out, const OutputOptions& options) {
  std::size_t suppressed = 0, fixable = 0, fixed = 0;
  for (const FileResult& f : run.files) {
    if (f.not_linted) continue;
    suppressed += f.suppressed;
    fixed += f.fixed.size();
    for (const Diagnostic& d : f.diagnostics) fixable += d.fix && d.fix->safety == FixSafety::safe;
  }

  JsonWriter w(out, 2);
  w.begin_object();
  if (run.baseline) {
    w.key("baseline");
    baseline(w, *run.baseline);
  }
  w.key("config_errors");
  w.begin_array();
  for (const std::string& e : run.config_errors) w.value(e);
  w.end_array();
  w.key("exit_code");
  w.value(std::int64_t{options.exit_code});
  w.key("files");
  w.begin_array();
  for (const FileResult& f : run.files) file(w, run, f);
  w.end_array();
  w.key("schema_version");
  w.value(std::uint64_t{1});
  w.key("summary");
  w.begin_object();
  w.key("errors");
  w.value(std::uint64_t{run.count(Severity::error)});
  w.key("files");
  w.value(std::uint64_t{run.files.size()});
  w.key("fixable");
  w.value(std::uint64_t{fixable});
  w.key("fixed");
  w.value(std::uint64_t{fixed});
  w.key("info");
  w.value(std::uint64_t{run.count(Severity::info)});
  w.key("suppressed");
  w.value(std::uint64_t{suppressed});
  w.key("warnings");
  w.value(std::uint64_t{run.count(Severity::warning)});
  w.end_object();
  w.key("tool");
  w.begin_object();
  w.key("name");
  w.value("zklint");
  w.key("version");
  w.value(version);
  w.end_object();
  w.end_object();
  w.flush();
  out << "\n";
}

}  // namespace zklint::output
