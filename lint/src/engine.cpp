#include "zklint/lint/engine.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <thread>
#include <unordered_map>

#include "suppressions.hpp"
#include "zklint/lint/discover.hpp"
#include "zklint/lint/input.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/lint/registry.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/selector.hpp"
#include "zklint/lint/strings.hpp"
#include "zklint/parse.hpp"
#include "zklint/text.hpp"

namespace zklint {

namespace fs = std::filesystem;

namespace {

/// Which rules run on a file and at which severity: the config's settings, then --select/--ignore.
struct RulePlan {
  std::vector<const Rule*> rules;
  std::unordered_map<const Rule*, Severity> severity;
};

RulePlan plan_rules(const Config& config, const std::vector<std::string>& select, const std::vector<std::string>& ignore) {
  RulePlan plan;
  const auto named_by = [](const std::vector<std::string>& selectors, const Rule& rule) {
    return std::any_of(selectors.begin(), selectors.end(), [&](const std::string& s) { return selector_matches(s, rule); });
  };
  for (const Rule* rule : RuleRegistry::instance().rules()) {
    const RuleDecision decision = config.decide(*rule);
    bool enabled = decision.enabled;
    if (decision.severity) plan.severity[rule] = *decision.severity;
    if (!select.empty()) enabled = named_by(select, *rule);
    if (named_by(ignore, *rule) || config.ignored_for_file(*rule)) enabled = false;
    if (enabled) plan.rules.push_back(rule);
  }
  return plan;
}

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& body) {
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) body(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  const unsigned n = static_cast<unsigned>(std::min<std::size_t>(jobs, count));
  for (unsigned w = 0; w < n; ++w) {
    workers.emplace_back([&] {
      for (std::size_t i = next++; i < count; i = next++) body(i);
    });
  }
  for (auto& t : workers) t.join();
}

// The entry whose lines contain `line`, for anchoring a diagnostic to what it is about.
const Entry* entry_at_line(const Document& doc, std::uint32_t line) {
  const auto& entries = doc.entries();
  auto it = std::upper_bound(entries.begin(), entries.end(), line, [](std::uint32_t l, const Entry& e) { return l < e.key_range.begin.line; });
  if (it == entries.begin()) return nullptr;
  --it;
  return line <= it->last_line ? &*it : nullptr;
}

void finish_diagnostics(const Document& doc, const RulePlan& plan, std::vector<Diagnostic>& diagnostics) {
  for (Diagnostic& d : diagnostics) {
    if (const auto it = plan.severity.find(d.rule); it != plan.severity.end()) d.severity = it->second;
    d.message = to_valid_utf8(d.message);
    d.help = to_valid_utf8(d.help);
    d.suggestion = to_valid_utf8(d.suggestion);
    if (d.anchor.empty()) {
      const Entry* e = entry_at_line(doc, d.range.begin.line);
      d.anchor = e != nullptr ? std::string(e->key) + "=" + std::string(java_trim(e->value)) : d.message;
    }
  }
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.range.begin.line, a.range.begin.column, a.rule->meta().code, a.message) <
           std::tie(b.range.begin.line, b.range.begin.column, b.rule->meta().code, b.message);
  });
}

/// Runs the planned rules on one file whose context (and companion) is ready.
void lint_one(FileResult& file, const LintContext& ctx, const RulePlan& plan) {
  std::vector<Diagnostic> diagnostics;
  std::vector<const Rule*> ran;
  for (const Rule* rule : plan.rules) {
    if (!rule->meta().applies_to.contains(ctx.kind())) continue;
    ran.push_back(rule);
    Reporter reporter(*rule, ctx.source(), diagnostics);
    try {
      rule->check(ctx, reporter);
    } catch (const std::exception& e) {
      file.internal_errors.push_back(std::string(rule->meta().code) + " failed: " + e.what());
    }
  }
  SuppressionReport suppressions = collect_suppressions(ctx.doc(), [&](const Rule& r) {
    return std::find(ran.begin(), ran.end(), &r) != ran.end();
  });
  file.suppressed = apply_suppressions(suppressions, diagnostics);
  for (const Rule* rule : ran) {
    Reporter reporter(*rule, ctx.source(), diagnostics);
    try {
      rule->check_suppressions(ctx, suppressions, reporter);
    } catch (const std::exception& e) {
      file.internal_errors.push_back(std::string(rule->meta().code) + " failed: " + e.what());
    }
  }
  finish_diagnostics(ctx.doc(), plan, diagnostics);
  file.diagnostics = std::move(diagnostics);
}

/// Disjoint sets of files that are linted together (a broker and its ZooKeeper server).
struct Pairing {
  std::vector<std::size_t> parent;
  explicit Pairing(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t root(std::size_t i) { return parent[i] == i ? i : parent[i] = root(parent[i]); }
  void join(std::size_t a, std::size_t b) { parent[root(a)] = root(b); }
};

/// fs::absolute(p).lexically_normal(), asking the system for the working directory once rather
/// than for every file (ten thousand getcwd calls and path splits showed in the profile).
class NormalLocation {
 public:
  fs::path operator()(const fs::path& p) const { return (p.is_absolute() ? p : cwd_ / p).lexically_normal(); }

 private:
  fs::path cwd_ = fs::current_path();
};

ProfileSettings profile_settings(const RunOptions& options, const Config& config) {
  ProfileSettings s;
  if (options.kind) {
    s.kind = options.kind;
    s.kind_origin = "--kind";
  } else if (config.kind.value) {
    s.kind = config.kind.value;
    s.kind_origin = config.kind.origin;
  }
  if (options.kafka_version) {
    s.kafka_version = options.kafka_version;
    s.kafka_version_origin = "--kafka-version";
  } else if (!options.kafka_version_auto && config.kafka_version.value) {
    s.kafka_version = config.kafka_version.value;
    s.kafka_version_origin = config.kafka_version.origin;
  }
  return s;
}

// The file's text: from RunOptions::contents when the --fix loop supplies it, else from disk.
ReadResult read_text(const RunOptions& options, const fs::path& location, const std::string& display) {
  // content_key() asks the file system for the working directory: only when there are contents.
  if (const auto it = options.contents.empty() ? options.contents.end() : options.contents.find(content_key(location));
      it != options.contents.end()) {
    ReadResult read;
    read.source.emplace(display, it->second);
    return read;
  }
  return read_input(location.string(), display);
}

// Reads, parses and profiles one file. Returns false when it could not be read.
bool load(FileResult& file, const RunOptions& options) {
  ReadResult read = read_text(options, file.location, file.path);
  if (read.error) {
    file.not_linted = read.error->message;
    return false;
  }
  file.doc = std::make_unique<Document>(parse(std::move(*read.source)));
  file.profile = make_profile(*file.doc, profile_settings(options, *file.config));
  return true;
}

// `include` in .zklint.json takes back walked files that were skipped for their name.
void take_back_included(Discovery& discovery, ConfigResolver& resolver, const NormalLocation& normal_location) {
  std::vector<SkippedFile> still_skipped;
  for (SkippedFile& s : discovery.skipped) {
    ConfigError ignored;  // a broken config is reported for the files it governs
    const std::shared_ptr<const Config> config = s.includable ? resolver.for_file(normal_location(s.path), ignored) : nullptr;
    if (config && config->includes(normal_location(s.path))) discovery.files.push_back({s.display, s.path, true, true});
    else still_skipped.push_back(std::move(s));
  }
  discovery.skipped = std::move(still_skipped);
}

// A walked file that turns out to be neither a Kafka nor a ZooKeeper config is not ours to lint.
bool not_a_server_config(const FileResult& f) {
  return f.from_walk && !f.included && f.doc && f.profile.kind == FileKind::unknown && !f.profile.kind_forced;
}

}  // namespace

std::string content_key(const fs::path& location) {
  if (location == "-") return "-";
  return fs::absolute(location).lexically_normal().string();
}

std::size_t RunResult::count(Severity s) const {
  std::size_t n = 0;
  for (const FileResult& f : files) {
    n += static_cast<std::size_t>(std::count_if(f.diagnostics.begin(), f.diagnostics.end(), [&](const Diagnostic& d) { return d.severity == s; }));
  }
  return n;
}

bool RunResult::had_input_errors() const {
  return !config_errors.empty() || std::any_of(files.begin(), files.end(), [](const FileResult& f) { return f.not_linted.has_value(); });
}

bool RunResult::had_internal_errors() const {
  return std::any_of(files.begin(), files.end(), [](const FileResult& f) { return !f.internal_errors.empty(); });
}

int exit_code(const RunResult& result) {
  if (result.had_internal_errors()) return 3;
  if (result.had_input_errors()) return 2;
  for (const FileResult& f : result.files) {
    if (f.fail_on == FailOn::never) continue;
    const auto threshold = static_cast<int>(f.fail_on);  // info=0, warning=1, error=2
    for (const Diagnostic& d : f.diagnostics) {
      if (static_cast<int>(d.severity) >= threshold) return 1;
    }
  }
  return 0;
}

RunResult run_lint(const RunOptions& options) {
  RunResult result;
  Discovery discovery = discover_inputs(options.paths, options.stdin_filename);
  ConfigResolver resolver(options.config_file, options.no_config);
  const NormalLocation normal_location;
  take_back_included(discovery, resolver, normal_location);

  std::vector<FileResult> files;
  std::map<std::string, bool> reported_config_errors;
  for (const InputError& e : discovery.errors) {
    FileResult f;
    f.path = e.path;
    f.not_linted = e.message;
    files.push_back(std::move(f));
  }
  auto resolve_config = [&](FileResult& f, const fs::path& for_path) {
    ConfigError error;
    f.config = resolver.for_file(for_path, error);
    if (!f.config) {
      f.not_linted = "not linted: its config file has an error";
      if (!reported_config_errors[error.message]) result.config_errors.push_back(error.message);
      reported_config_errors[error.message] = true;
    }
  };
  for (const InputFile& in : discovery.files) {
    FileResult f;
    f.path = in.display;
    f.location = in.path;
    f.from_walk = in.from_walk;
    f.included = in.included;
    const fs::path for_path = normal_location(in.path == "-" ? fs::path(in.display == "-" ? "stdin" : in.display) : in.path);
    resolve_config(f, for_path);
    if (const PathPattern* p = f.config ? f.config->excludes(for_path) : nullptr) {
      discovery.skipped.push_back({in.display, in.path, "excluded by \"" + p->pattern + "\" (" + p->origin + ")", false});
      continue;
    }
    files.push_back(std::move(f));
  }

  const unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  parallel_for(files.size(), jobs, [&](std::size_t i) {
    FileResult& f = files[i];
    if (f.not_linted || !f.config) return;
    load(f, options);
  });

  for (const FileResult& f : files) {
    if (not_a_server_config(f)) discovery.skipped.push_back({f.path, f.location, "its keys are not a Kafka or ZooKeeper config's (" + f.profile.kind_reason + ")", false});
  }
  files.erase(std::remove_if(files.begin(), files.end(), not_a_server_config), files.end());
  result.skipped = std::move(discovery.skipped);
  std::sort(result.skipped.begin(), result.skipped.end(), [](const SkippedFile& a, const SkippedFile& b) { return a.display < b.display; });

  // Pairing: --zookeeper-config, `pairs` in .zklint.json, and Kafka + ZooKeeper files side by side.
  std::vector<fs::path> where(files.size());  // normal locations of the files found so far
  std::map<fs::path, std::size_t> by_location;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!files[i].doc) continue;
    where[i] = normal_location(files[i].location);
    if (files[i].location != "-") by_location[where[i]] = i;
  }
  auto companion_index = [&](const fs::path& path, std::shared_ptr<const Config> config) -> std::optional<std::size_t> {
    const fs::path key = normal_location(path);
    if (const auto it = by_location.find(key); it != by_location.end()) return it->second;
    FileResult f;
    f.path = path.string();
    f.location = path;
    f.companion_only = true;
    ConfigError ignored;
    f.config = config ? std::move(config) : resolver.for_file(key, ignored);
    if (!f.config) f.config = std::make_shared<const Config>();
    ProfileSettings zk;
    zk.kind = FileKind::zookeeper;
    zk.kind_origin = "paired as the ZooKeeper config";
    ReadResult read = read_text(options, path, path.string());
    if (read.error) {
      result.config_errors.push_back(path.string() + ": the paired ZooKeeper config " + read.error->message);
      return std::nullopt;
    }
    f.doc = std::make_unique<Document>(parse(std::move(*read.source)));
    f.profile = make_profile(*f.doc, zk);
    files.push_back(std::move(f));
    by_location[key] = files.size() - 1;
    return files.size() - 1;
  };
  std::map<std::size_t, std::size_t> companion_of;  // kafka file -> zookeeper file
  const std::size_t reported_count = files.size();
  files.reserve(2 * reported_count + 1);  // companions are appended; keep indices and references stable
  // The first ZooKeeper file of each directory, found once: a search per Kafka file made a run
  // over 10,000 files quadratic (minutes instead of a second).
  std::map<fs::path, std::size_t> zookeeper_in_directory;
  for (std::size_t j = reported_count; j-- > 0;) {
    if (files[j].doc && files[j].profile.kind == FileKind::zookeeper && files[j].location != "-") {
      zookeeper_in_directory[where[j].parent_path()] = j;
    }
  }
  for (std::size_t i = 0; i < reported_count; ++i) {
    if (!files[i].doc || files[i].profile.kind != FileKind::kafka) continue;
    std::optional<std::size_t> zk;
    if (options.zookeeper_config) zk = companion_index(*options.zookeeper_config, nullptr);
    const fs::path& self = where[i];
    for (const PairSetting& p : files[i].config->pairs) {
      if (!zk && p.kafka == self) zk = companion_index(p.zookeeper, files[i].config);
    }
    if (!zk) {
      if (const auto it = zookeeper_in_directory.find(self.parent_path()); it != zookeeper_in_directory.end()) zk = it->second;
    }
    if (zk) companion_of[i] = *zk;
  }

  // Group paired files so that each group is linted by one thread (contexts cache models).
  Pairing pairing(files.size());
  for (const auto& [k, z] : companion_of) pairing.join(k, z);
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].doc) groups[pairing.root(i)].push_back(i);
  }
  std::vector<std::vector<std::size_t>> group_list;
  for (auto& [root, members] : groups) group_list.push_back(std::move(members));

  std::map<const Config*, RulePlan> plans;
  for (const FileResult& f : files) {
    if (f.config && !plans.count(f.config.get())) plans[f.config.get()] = plan_rules(*f.config, options.select, options.ignore);
  }
  parallel_for(group_list.size(), jobs, [&](std::size_t g) {
    std::map<std::size_t, std::unique_ptr<LintContext>> contexts;
    for (const std::size_t i : group_list[g]) contexts[i] = std::make_unique<LintContext>(*files[i].doc, files[i].profile);
    std::size_t kafka_for_zookeeper = SIZE_MAX, kafka_count = 0;
    for (const std::size_t i : group_list[g]) {
      if (const auto it = companion_of.find(i); it != companion_of.end()) {
        contexts[i]->set_companion(contexts[it->second].get());
        kafka_for_zookeeper = i;
        ++kafka_count;
      }
    }
    for (const std::size_t i : group_list[g]) {
      if (files[i].profile.kind == FileKind::zookeeper && kafka_count == 1) contexts[i]->set_companion(contexts[kafka_for_zookeeper].get());
    }
    for (const std::size_t i : group_list[g]) {
      if (files[i].companion_only) continue;
      lint_one(files[i], *contexts[i], plans.at(files[i].config.get()));
    }
  });

  std::set<const Rule*> rules_in_run;
  for (FileResult& f : files) {
    if (f.companion_only) continue;
    if (f.config) {
      f.fail_on = options.fail_on ? *options.fail_on : f.config->fail_on.value;
      for (const Rule* r : plans.at(f.config.get()).rules) {
        if (f.doc && r->meta().applies_to.contains(f.profile.kind)) rules_in_run.insert(r);
      }
    }
    result.files.push_back(std::move(f));
  }
  std::stable_sort(result.files.begin(), result.files.end(), [](const FileResult& a, const FileResult& b) { return a.path < b.path; });
  result.rules_in_run.assign(rules_in_run.begin(), rules_in_run.end());
  std::sort(result.rules_in_run.begin(), result.rules_in_run.end(), [](const Rule* a, const Rule* b) { return a->meta().code < b->meta().code; });
  return result;
}

SingleFileResult lint_text(std::string text, const SingleFileOptions& options) {
  SingleFileResult out;
  Config config;
  const RulePlan plan = plan_rules(config, options.select, {});
  ProfileSettings settings;
  settings.kind = options.kind;
  settings.kind_origin = "given";
  settings.kafka_version = options.kafka_version;
  settings.kafka_version_origin = "given";
  out.doc = std::make_unique<Document>(parse(SourceFile(options.file_name, std::move(text))));
  out.profile = make_profile(*out.doc, settings);
  LintContext ctx(*out.doc, out.profile);

  std::unique_ptr<Document> companion_doc;
  std::unique_ptr<LintContext> companion_ctx;
  if (!options.companion_text.empty()) {
    companion_doc = std::make_unique<Document>(parse(SourceFile(options.companion_name, options.companion_text)));
    ProfileSettings companion_settings = settings;
    companion_settings.kind.reset();
    companion_ctx = std::make_unique<LintContext>(*companion_doc, make_profile(*companion_doc, companion_settings));
    ctx.set_companion(companion_ctx.get());
    companion_ctx->set_companion(&ctx);
  }
  FileResult file;
  lint_one(file, ctx, plan);
  if (!file.internal_errors.empty()) throw std::runtime_error(file.internal_errors.front());
  out.diagnostics = std::move(file.diagnostics);
  return out;
}

}  // namespace zklint
