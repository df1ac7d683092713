#include "zklint/lint/engine.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <functional>
#include <map>
#include <mutex>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <numeric>
#include <set>
#include <thread>
#include <unordered_map>

#include "deploy/compose.hpp"
#include "deploy/helm.hpp"
#include "deploy/source_fixes.hpp"
#include "kafka_catalog.hpp"
#include "kafka_releases.hpp"
#include "member_facts.hpp"
#include "suppressions.hpp"
#include "zklint/lint/cluster.hpp"
#include "zklint/lint/discover.hpp"
#include "zklint/lint/input.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/lint/registry.hpp"
#include "zklint/lint/release_questions.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/selector.hpp"
#include "zklint/lint/strings.hpp"
#include "zklint/parse.hpp"
#include "zklint/text.hpp"
#include "zookeeper_releases.hpp"

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

/// The order of a report: by position, then code, then message.
bool by_position(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.range.begin.line, a.range.begin.column, a.rule->meta().code, a.message) <
         std::tie(b.range.begin.line, b.range.begin.column, b.rule->meta().code, b.message);
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
  std::stable_sort(diagnostics.begin(), diagnostics.end(), by_position);
}

void note_internal_error(FileResult& file, const Rule& rule, const std::exception& e) {
  std::string what = std::string(rule.meta().code) + " failed: " + e.what();
  if (std::find(file.internal_errors.begin(), file.internal_errors.end(), what) == file.internal_errors.end()) {
    file.internal_errors.push_back(std::move(what));
  }
}

void run_rule(FileResult& file, const LintContext& ctx, const Rule& rule, std::vector<Diagnostic>& diagnostics) {
  Reporter reporter(rule, ctx.source(), diagnostics, ctx.doc().file_anchor());
  try {
    rule.check(ctx, reporter);
  } catch (const std::exception& e) {
    note_internal_error(file, rule, e);
  }
}

/// A guessed range of one product's release lines, as the engine judges a file over it: Kafka's
/// for a broker config, ZooKeeper's for a ZooKeeper config.
struct ReleaseRange {
  std::string_view product;      ///< "Kafka", as messages name it
  std::string_view placeholder;  ///< what LintContext's *_version_text() holds while a class is judged
  std::string_view advice;       ///< how to choose one release
  std::size_t size = 0;          ///< lines in the range, oldest first; positions below index them
  /// The file judged as the line at a position.
  std::function<std::unique_ptr<LintContext>(std::size_t)> judged_as;
  std::vector<std::size_t> index;  ///< per position: the line's number in ReleaseQuestions
  bool (ReleaseQuestions::*same)(std::size_t, std::size_t) const;  ///< compares two such numbers
  /// Whether the lines at two positions answer alike what a rule asked.
  bool same_answers(const ReleaseQuestions& asked, std::size_t a, std::size_t b) const { return (asked.*same)(index[a], index[b]); }
  /// The lines at some positions (ascending), as messages name them: "3.6–3.9".
  std::function<std::string(const std::vector<std::size_t>&)> describe;
};

/// The range of `lines` (a product's guessed release lines, oldest first) as the engine walks it:
/// `number` numbers a line as ReleaseQuestions does, `same` compares two such numbers.
template <typename Version, typename Number, typename Describe>
ReleaseRange release_range(const LintContext& ctx, const std::vector<Version>& lines, std::string_view product, std::string_view placeholder,
                           std::string_view advice, Number number, bool (ReleaseQuestions::*same)(std::size_t, std::size_t) const, Describe describe) {
  std::vector<std::size_t> index;
  for (const Version v : lines) index.push_back(number(v));
  return {product, placeholder, advice, lines.size(),
          [&ctx, &lines, placeholder](std::size_t p) { return ctx.judged_as(lines[p], std::string(placeholder)); },
          std::move(index), same,
          [&lines, describe](const std::vector<std::size_t>& at) {
            std::vector<Version> some;
            for (const std::size_t p : at) some.push_back(lines[p]);
            return describe(some);
          }};
}

ReleaseRange kafka_range(const LintContext& ctx) {
  return release_range(ctx, ctx.profile().kafka_versions, "Kafka", kafka_version_placeholder,
                       "set --kafka-version (or \"kafka-version\" in .zklint.json) to judge one release", kafka_catalog::line_index,
                       &ReleaseQuestions::same_answers, describe_kafka_versions);
}

ReleaseRange zookeeper_range(const LintContext& ctx) {
  return release_range(ctx, ctx.profile().zookeeper_versions, "ZooKeeper", zookeeper_version_placeholder,
                       "set --zookeeper-version (or \"zookeeper-version\" in .zklint.json) to judge one release", zookeeper_fact::line_index,
                       &ReleaseQuestions::same_zookeeper_answers, describe_zookeeper_versions);
}

/// One rule's findings on the release lines of one class (see judge_each_release_class).
struct Judgement {
  std::vector<std::size_t> lines;  ///< positions in the range, ascending (oldest first)
  std::vector<Diagnostic> diagnostics;
};

/// A guessed version is a range of release lines. For each rule: judge the file as one line not
/// judged yet, and let that verdict stand for every line that answers alike what the rule asked;
/// repeat. Most rules ask nothing that differs across the range and run once. Any line of a class
/// gives the class's verdict, so a rule is judged as a line whose context (and the models cached
/// in it) another rule made already, else as the newest line left: a file's models are built for
/// few lines. A class without findings is not kept: merging has nothing to take from it.
std::vector<Judgement> judge_each_release_class(FileResult& file, const ReleaseRange& range, const std::vector<const Rule*>& rules) {
  std::vector<std::unique_ptr<LintContext>> contexts(range.size);  // made when a rule is first judged as that line
  const auto bit = [&](std::size_t p) { return std::uint64_t{1} << (range.size - 1 - p); };  // bit 0: the newest line
  std::uint64_t made = 0;
  std::vector<Judgement> judged;
  std::vector<Diagnostic> found;
  for (const Rule* rule : rules) {
    std::uint64_t pending = range.size == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << range.size) - 1;
    while (pending != 0) {
      const std::uint64_t ready = pending & made;
      const std::size_t as = range.size - 1 - static_cast<std::size_t>(std::countr_zero(ready != 0 ? ready : pending));
      if (!contexts[as]) {
        contexts[as] = range.judged_as(as);
        made |= bit(as);
      }
      ReleaseQuestions asked;
      {
        const ReleaseLog log;
        run_rule(file, *contexts[as], *rule, found);
        asked = log.asked();
      }
      // A bit mask, not a list: this runs for every rule and class, and most runs find nothing.
      std::uint64_t same = 0;
      for (std::size_t q = 0; q < range.size; ++q) {
        if ((pending & bit(q)) != 0 && range.same_answers(asked, q, as)) same |= bit(q);
      }
      pending &= ~same;
      if (found.empty()) continue;
      std::vector<std::size_t> lines;
      for (std::size_t q = 0; q < range.size; ++q) {
        if ((same & bit(q)) != 0) lines.push_back(q);
      }
      judged.push_back({std::move(lines), std::move(found)});
      found.clear();
    }
  }
  return judged;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
}

void name_versions(Diagnostic& d, std::string_view placeholder, std::string_view versions) {
  for (std::string* text : {&d.message, &d.help, &d.suggestion, &d.anchor}) replace_all(*text, placeholder, versions);
  for (RelatedLocation& r : d.related) replace_all(r.message, placeholder, versions);
  if (d.fix) replace_all(d.fix->description, placeholder, versions);
}

/// One finding per rule and place. Where a rule says the same on every class, the finding stands
/// as it is. Otherwise the most severe of its findings there (then the one of the newest release)
/// stands for the others and names the releases it holds on. If the rule reports something there
/// on every release, in whatever words, the finding keeps the severity all of them share; if not,
/// it is one step milder (an error becomes a warning, a warning info): the file may be for a
/// release where it does not hold.
std::vector<Diagnostic> merge_judgements(std::vector<Judgement> judged, const ReleaseRange& range) {
  using Place = std::tuple<const Rule*, std::uint32_t, std::uint32_t, int>;  // rule, range, n-th finding there
  struct Merged {
    Diagnostic d;
    std::vector<std::size_t> lines;
  };
  struct AtPlace {
    std::vector<Merged> findings;                 // one per distinct message
    std::map<std::size_t, Severity> severities;  // the most severe finding there, per release line
  };
  std::map<Place, AtPlace> places;
  for (Judgement& j : judged) {
    std::map<std::tuple<const Rule*, std::uint32_t, std::uint32_t>, int> seen;  // a rule may report twice at one place
    for (Diagnostic& d : j.diagnostics) {
      const int n = seen[{d.rule, d.range.begin.offset, d.range.end.offset}]++;
      AtPlace& at = places[{d.rule, d.range.begin.offset, d.range.end.offset, n}];
      for (const std::size_t line : j.lines) {
        const auto [it, added] = at.severities.try_emplace(line, d.severity);
        if (!added) it->second = std::max(it->second, d.severity);
      }
      auto same = std::find_if(at.findings.begin(), at.findings.end(), [&](const Merged& m) { return m.d.message == d.message; });
      if (same == at.findings.end()) same = at.findings.insert(at.findings.end(), {std::move(d), {}});
      same->lines.insert(same->lines.end(), j.lines.begin(), j.lines.end());
    }
  }
  std::vector<std::size_t> every(range.size);
  std::iota(every.begin(), every.end(), std::size_t{0});
  const std::string product(range.product);
  const std::string guessed = "zklint guessed " + product + " " + range.describe(every) + " from the file";
  std::vector<Diagnostic> out;
  for (auto& [place, at] : places) {
    for (Merged& f : at.findings) std::sort(f.lines.begin(), f.lines.end());
    Merged& m = *std::max_element(at.findings.begin(), at.findings.end(), [](const Merged& a, const Merged& b) {
      return std::tuple(a.d.severity, a.lines.back()) < std::tuple(b.d.severity, b.lines.back());
    });
    Diagnostic& d = m.d;
    if (m.lines.size() == range.size) {
      name_versions(d, range.placeholder, range.describe(every));
      out.push_back(std::move(d));
      continue;
    }
    const std::string some = range.describe(m.lines);
    const bool named = d.message.find(range.placeholder) != std::string::npos;
    name_versions(d, range.placeholder, some);
    if (at.severities.size() == range.size) {
      const auto shared = std::min_element(at.severities.begin(), at.severities.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
      d.severity = std::min(d.severity, shared->second);
      const std::string too = d.severity == Severity::error ? "refuse it too" : "report it too";
      d.message += " (" + std::string(named ? "" : product + " " + some + "; ") + "the other releases of the guessed range " + too + "; " + guessed + ")";
    } else {
      const std::string holds = d.severity == Severity::error ? "fatal on " + product + " " : "on " + product + " ";
      d.severity = d.severity == Severity::error ? Severity::warning : Severity::info;
      d.message += named ? " (" + guessed + ")" : " (" + holds + some + " only; " + guessed + ")";
      d.help = d.help.empty() ? std::string(range.advice) : d.help + "; " + std::string(range.advice);
    }
    out.push_back(std::move(d));
  }
  return out;
}

/// Suppressions: the file's directives drop what they name from `file.diagnostics`; the meta rules
/// that ran report on the directives themselves, and those findings are returned.
std::vector<Diagnostic> suppress(FileResult& file, const LintContext& ctx, const std::vector<const Rule*>& ran) {
  SuppressionReport suppressions = collect_suppressions(ctx.doc(), [&](const Rule& r) {
    return std::find(ran.begin(), ran.end(), &r) != ran.end();
  });
  file.suppressed += apply_suppressions(suppressions, file.diagnostics);
  std::vector<Diagnostic> about_directives;
  for (const Rule* rule : ran) {
    Reporter reporter(*rule, ctx.source(), about_directives, ctx.doc().file_anchor());
    try {
      rule->check_suppressions(ctx, suppressions, reporter);
    } catch (const std::exception& e) {
      note_internal_error(file, *rule, e);
    }
  }
  return about_directives;
}

/// Runs the planned rules on one file whose context (and cluster) is ready. A deployment file and
/// its services leave their suppressions to merge_services: the directives are the file's, and
/// one may silence what any service reports.
void lint_one(FileResult& file, const LintContext& ctx, const RulePlan& plan) {
  std::vector<Diagnostic> diagnostics;
  std::vector<const Rule*> ran;
  for (const Rule* rule : plan.rules) {
    if (!rule->meta().applies_to.contains(ctx.kind())) continue;
    // Settings that come from YAML were never written in .properties syntax.
    if (ctx.doc().derived() && rule->family() == "properties") continue;
    ran.push_back(rule);
  }
  if (ctx.kind() == FileKind::kafka && ctx.profile().kafka_versions.size() > 1) {
    const ReleaseRange range = kafka_range(ctx);
    diagnostics = merge_judgements(judge_each_release_class(file, range, ran), range);
  } else if (ctx.kind() == FileKind::zookeeper && ctx.profile().zookeeper_versions.size() > 1) {
    const ReleaseRange range = zookeeper_range(ctx);
    diagnostics = merge_judgements(judge_each_release_class(file, range, ran), range);
  } else {
    for (const Rule* rule : ran) run_rule(file, ctx, *rule, diagnostics);
  }
  file.diagnostics = std::move(diagnostics);
  if (ctx.doc().derived()) {
    file.deferred_rules = std::move(ran);
  } else {
    std::vector<Diagnostic> about_directives = suppress(file, ctx, ran);
    std::move(about_directives.begin(), about_directives.end(), std::back_inserter(file.diagnostics));
  }
  finish_diagnostics(ctx.doc(), plan, file.diagnostics);
  // A fix is written in .properties terms: in YAML or an env file it stands only where it means the same.
  if (ctx.doc().derived()) deploy::keep_fixes_true_to_source(ctx.doc(), file.diagnostics);
}

/// fs::absolute(p).lexically_normal(), asking the system for the working directory once rather
/// than for every file (ten thousand getcwd calls and path splits showed in the profile).
class NormalLocation {
 public:
  fs::path operator()(const fs::path& p) const { return (p.is_absolute() ? p : cwd_ / p).lexically_normal(); }

 private:
  fs::path cwd_ = fs::current_path();
};

// The option wins over the config file; `--x-version auto` also overrides the config's version.
template <typename Version>
void pick_version(const std::optional<Version>& option, bool option_auto, std::string_view option_name, const Setting<std::optional<Version>>& configured,
                  std::optional<Version>& version, std::string& origin) {
  if (option) {
    version = option;
    origin = option_name;
  } else if (!option_auto && configured.value) {
    version = configured.value;
    origin = configured.origin;
  }
}

ProfileSettings profile_settings(const RunOptions& options, const Config& config) {
  ProfileSettings s;
  if (options.kind) {
    s.kind = options.kind;
    s.kind_origin = "--kind";
  } else if (config.kind.value) {
    s.kind = config.kind.value;
    s.kind_origin = config.kind.origin;
  }
  pick_version(options.kafka_version, options.kafka_version_auto, "--kafka-version", config.kafka_version, s.kafka_version, s.kafka_version_origin);
  pick_version(options.zookeeper_version, options.zookeeper_version_auto, "--zookeeper-version", config.zookeeper_version, s.zookeeper_version,
               s.zookeeper_version_origin);
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

// The file name a ZooKeeper config's dynamicConfigFile names, or nothing (not ZooKeeper, not set,
// a template placeholder). ZooKeeper opens the path as written; zklint looks for that name beside
// the config, which is where a deployment's copy of both sits.
std::optional<std::string> dynamic_config_name(const Document& doc, const FileProfile& profile) {
  if (profile.kind != FileKind::zookeeper) return std::nullopt;
  const Entry* e = doc.find("dynamicConfigFile");
  if (e == nullptr) return std::nullopt;
  if (e->index < profile.entry_template_flags.size() && profile.entry_template_flags[e->index] != 0) return std::nullopt;
  const std::string name = fs::path(std::string(java_trim(e->value))).filename().string();
  if (name.empty() || name == "." || name == "..") return std::nullopt;
  return name;
}

std::unique_ptr<CompanionFile> companion(SourceFile source) {
  auto out = std::make_unique<CompanionFile>();
  out->doc = std::make_unique<Document>(parse(std::move(source)));
  ProfileSettings settings;
  settings.kind = FileKind::zookeeper;
  settings.kind_origin = "named by dynamicConfigFile";
  out->profile = make_profile(*out->doc, settings);
  return out;
}

// --cluster GLOB: relative to the working directory, or absolute.
std::vector<ClusterSetting> clusters_from_options(const RunOptions& options) {
  std::vector<ClusterSetting> out;
  for (const std::string& glob : options.cluster_globs) {
    const bool absolute = !glob.empty() && glob.front() == '/';
    const PathPattern pattern{absolute ? glob.substr(1) : glob, absolute ? fs::path("/") : fs::current_path(), "--cluster"};
    out.push_back({"--cluster " + glob, {pattern}, std::nullopt, false, {}, "--cluster"});
  }
  return out;
}

// The regular files a declared cluster's patterns match, walked from the part of each pattern
// before its first wildcard (so `prod/*.properties` reads one directory, not the whole tree).
std::vector<fs::path> files_of(const ClusterSetting& cluster) {
  std::vector<fs::path> out;
  for (const PathPattern& p : cluster.files) {
    fs::path root = p.base;
    for (const fs::path& part : fs::path(p.pattern)) {
      if (part.string().find_first_of("*?[") != std::string::npos) break;
      root /= part;
    }
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      if (cluster.matches(root)) out.push_back(root);
      continue;
    }
    const auto options = fs::directory_options::skip_permission_denied;
    for (fs::recursive_directory_iterator it(root, options, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_regular_file(type_ec) && cluster.matches(it->path())) out.push_back(it->path());
    }
  }
  return out;
}

// The run, stage by stage: discover -> load (read, parse, profile) -> cluster -> rules -> report.
// Each stage reads what the one before produced and never reaches back. `files` only grows (the
// cluster stage's members are indices), so nothing holds a reference across a stage.
struct RunState {
  explicit RunState(const RunOptions& o) : options(o), resolver(o.config_file, o.no_config) {}
  const RunOptions& options;
  ConfigResolver resolver;
  NormalLocation normal_location;
  std::vector<FileResult> files;
  std::vector<fs::path> where;                       ///< normal location per file ("" for stdin)
  std::map<fs::path, std::size_t> by_location;
  std::map<std::size_t, FileKind> kind_of;           ///< --zookeeper-config and `pairs`: known kinds
  std::vector<std::pair<std::size_t, std::size_t>> joined;  ///< files of one cluster whatever their directories
  std::map<std::string, bool> reported_config_errors;
  std::vector<ClusterSetting> cli_clusters = clusters_from_options(options);  ///< --cluster
  RunResult result;

  /// The declared cluster file `i` belongs to: --cluster first, then `clusters` in its .zklint.json.
  const ClusterSetting* declared_cluster_of(std::size_t i) const {
    if (where[i].empty()) return nullptr;
    for (const ClusterSetting& c : cli_clusters) {
      if (c.matches(where[i])) return &c;
    }
    return files[i].config ? files[i].config->cluster_of(where[i]) : nullptr;
  }

  void config_error(const std::string& message) {
    if (!reported_config_errors[message]) result.config_errors.push_back(message);
    reported_config_errors[message] = true;
  }
  std::size_t add(FileResult f, const fs::path& normal) {
    files.push_back(std::move(f));
    where.push_back(normal);
    if (!normal.empty()) by_location[normal] = files.size() - 1;
    return files.size() - 1;
  }
};

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

// Discover: the files named or walked, each with its .zklint.json; excluded files are dropped.
void discover_stage(RunState& run) {
  Discovery discovery = discover_inputs(run.options.paths, run.options.stdin_filename);
  take_back_included(discovery, run.resolver, run.normal_location);
  for (const InputError& e : discovery.errors) {
    FileResult f;
    f.path = e.path;
    f.not_linted = e.message;
    run.add(std::move(f), {});
  }
  for (const InputFile& in : discovery.files) {
    FileResult f;
    f.path = in.display;
    f.location = in.path;
    f.from_walk = in.from_walk;
    f.included = in.included;
    const fs::path for_path = run.normal_location(in.path == "-" ? fs::path(in.display == "-" ? "stdin" : in.display) : in.path);
    ConfigError error;
    f.config = run.resolver.for_file(for_path, error);
    if (!f.config) {
      f.not_linted = "not linted: its config file has an error";
      run.config_error(error.message);
    }
    if (const PathPattern* p = f.config ? f.config->excludes(for_path) : nullptr) {
      discovery.skipped.push_back({in.display, in.path, "excluded by \"" + p->pattern + "\" (" + p->origin + ")", false});
      continue;
    }
    run.add(std::move(f), in.path == "-" ? fs::path() : for_path);
  }
  run.result.skipped = std::move(discovery.skipped);
}


// A file read only to check the others against (a cluster member that was not asked about).
std::optional<std::size_t> add_context_file(RunState& run, const fs::path& location, const std::string& display) {
  const fs::path normal = run.normal_location(location);
  if (const auto it = run.by_location.find(normal); it != run.by_location.end()) return it->second;
  FileResult f;
  f.path = display;
  f.location = location;
  f.context_only = true;
  ConfigError ignored;  // a broken .zklint.json elsewhere is reported for the files it governs
  f.config = run.resolver.for_file(normal, ignored);
  if (!f.config) f.config = std::make_shared<const Config>();
  if (f.config->excludes(normal)) return std::nullopt;
  return run.add(std::move(f), normal);
}

// Cluster context: a file named alone (pre-commit, an editor) is checked against the other configs
// of its directory and of its declared cluster, and a Kafka file against its --zookeeper-config or
// `pairs` ZooKeeper file.
// A `nodes` entry of a cluster in this run that gives none of its files a host or a myid is a
// mistake in the config, reported as one (like an unknown rule: file:line:col, exit 2): a typo
// in its pattern, or entries before it that take every file it matches. Checked against the
// cluster's files on disk, so a run on some of them does not count the others as missing.
void report_idle_nodes(RunState& run) {
  std::set<const ClusterSetting*> checked;
  for (std::size_t i = 0; i < run.files.size(); ++i) {
    const ClusterSetting* declared = run.declared_cluster_of(i);
    if (declared == nullptr || declared->nodes.empty() || !checked.insert(declared).second) continue;
    for (const std::string& message : declared->idle_nodes(files_of(*declared))) run.config_error(message);
  }
}

void add_cluster_context_stage(RunState& run) {
  std::set<fs::path> listed;
  const std::size_t named_count = run.files.size();
  for (std::size_t i = 0; i < named_count; ++i) {
    // Indices, not references: adding a member grows run.files.
    if (run.files[i].from_walk || run.files[i].not_linted || run.where[i].empty()) continue;
    const fs::path dir = run.where[i].parent_path();
    if (!listed.insert(dir).second) continue;
    std::error_code ec;  // an unreadable directory leaves the file with the members it has
    for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (!it->is_regular_file(type_ec) || !is_config_name(it->path())) continue;
      add_context_file(run, it->path(), (fs::path(run.files[i].path).parent_path() / it->path().filename()).string());
    }
  }
  std::set<const ClusterSetting*> declared_listed;
  for (std::size_t i = 0; i < named_count; ++i) {
    const ClusterSetting* declared = run.files[i].from_walk || run.files[i].not_linted ? nullptr : run.declared_cluster_of(i);
    if (declared == nullptr || !declared_listed.insert(declared).second) continue;
    for (const fs::path& member : files_of(*declared)) add_context_file(run, member, member.lexically_proximate(fs::current_path()).string());
  }
  report_idle_nodes(run);
  for (std::size_t i = 0; i < named_count; ++i) {
    if (!run.files[i].config || run.files[i].not_linted) continue;
    std::vector<fs::path> zookeeper_files;
    if (run.options.zookeeper_config) zookeeper_files.push_back(*run.options.zookeeper_config);
    for (const PairSetting& p : run.files[i].config->pairs) {
      if (p.kafka == run.where[i]) zookeeper_files.push_back(p.zookeeper);
    }
    for (const fs::path& z : zookeeper_files) {
      const auto zk = add_context_file(run, z, z.string());
      if (!zk) continue;
      run.kind_of.emplace(*zk, FileKind::zookeeper);
      run.joined.emplace_back(i, *zk);
    }
  }
}

// The settings-free result of a deployment file and one result per service it defines.
std::vector<FileResult> load_deployment(FileResult& f, SourceFile source, const ProfileSettings& settings, deploy::ComposeLoad load) {
  f.doc = std::make_unique<Document>(Document::derive(std::move(source), {}, std::nullopt, load.comments));
  f.profile.kind = FileKind::deployment;
  f.profile.kind_reason = load.what;
  f.profile.compose = load.model;
  std::vector<FileResult> out;
  for (deploy::ServiceDocument& s : load.services) {
    const DeployedNode& node = load.model->nodes[s.node];
    FileResult member;
    member.path = f.path;
    member.location = f.location;
    member.from_walk = f.from_walk;
    member.included = f.included;
    member.context_only = f.context_only;
    member.config = f.config;
    member.service = node.service;
    ProfileSettings own = settings;
    own.kind = node.kind;
    const bool strimzi = node.family == ImageFamily::strimzi;
    const bool compose = load.what == "docker-compose file";
    own.kind_origin = strimzi                   ? "Strimzi resource " + node.service
                      : load.what == "env file" ? "env file, read as the apache/kafka image reads it"
                      : compose                 ? "docker-compose service '" + node.service + "' (image " + std::string(to_string(node.family)) + ")"
                                                : load.what + ": " + node.service;
    if (!own.kafka_version && node.kafka_version) {
      own.kafka_version = KafkaVersion::parse(*node.kafka_version);
      own.kafka_version_origin = strimzi ? "spec.kafka.version of " + node.service
                                 : compose ? "the image tag of service '" + node.service + "' (" + node.image + ")"
                                           : "the image tag of " + node.service + " (" + node.image + ")";
    }
    own.derived_template_flags = std::move(s.template_flags);
    member.doc = std::move(s.doc);
    member.profile = make_profile(*member.doc, own);
    member.profile.compose = load.model;
    member.profile.node = s.node;
    out.push_back(std::move(member));
  }
  return out;
}

std::string not_properties_message(const std::string& name) {
  return "is a " + std::string(deploy::is_json_name(name) ? "JSON" : "YAML") +
         " file but not a docker-compose file (no top-level 'services:'), not a Kubernetes manifest with a Strimzi Kafka or KafkaNodePool resource "
         "or a Confluent for Kubernetes Kafka or KRaftController resource, not Helm values of the Bitnami kafka chart with properties text in "
         "config, extraConfig or secretConfig, and not a .properties config: zklint has nothing to check in it";
}

// A zoo.cfg's dynamicConfigFile, when a file of that name sits beside it. None there is no
// finding (the deployment may put it elsewhere); one that cannot be read (binary, over the size
// cap, a directory or FIFO, permission denied) is kept with read_input's reason, so the rule can
// say its contents went unchecked.
void load_dynamic_config(RunState& run, std::size_t i) {
  FileResult& f = run.files[i];
  if (f.context_only || run.where[i].empty()) return;
  const auto name = dynamic_config_name(*f.doc, f.profile);
  if (!name) return;
  const fs::path location = run.where[i].parent_path() / *name;
  std::error_code ec;
  if (!fs::exists(location, ec)) return;
  ReadResult read = read_text(run.options, location, (fs::path(f.path).parent_path() / *name).string());
  if (read.source) {
    f.dynamic_config = companion(std::move(*read.source));
  } else {
    f.dynamic_config = std::make_unique<CompanionFile>();
    f.dynamic_config->unreadable = read.error->path + " " + read.error->message;
  }
}

// Load: read, parse and profile every file (in parallel). Walked or context files that turn out
// to be neither Kafka nor ZooKeeper configs are not ours: a cluster never gets an invented node.
// A docker-compose file becomes its own result plus one member per Kafka or ZooKeeper service,
// joined into one cluster.
void load_stage(RunState& run, unsigned jobs) {
  std::vector<std::vector<FileResult>> services(run.files.size());
  std::vector<char> not_ours(run.files.size(), 0);  // walked YAML that is not a compose file
  parallel_for(run.files.size(), jobs, [&](std::size_t i) {
    FileResult& f = run.files[i];
    if (f.not_linted || !f.config) return;
    ReadResult read = read_text(run.options, f.location, f.path);
    if (read.error) {
      if (!f.context_only) f.not_linted = read.error->message;
      return;
    }
    ProfileSettings settings = profile_settings(run.options, *f.config);
    const std::string name = f.location == "-" ? f.path : f.location.string();
    const bool named = !f.from_walk || f.included;
    if (deploy::is_env_file_name(name)) {  // never walked: only named, as one container's environment
      if (f.context_only) return;
      deploy::ComposeLoad load = deploy::load_env_file(*read.source);
      services[i] = load_deployment(f, std::move(*read.source), settings, std::move(load));
      return;
    }
    if (deploy::is_json_name(name)) {
      if (named && !f.context_only) f.not_linted = not_properties_message(name);
      else not_ours[i] = true;
      return;
    }
    if (deploy::is_yaml_name(name)) {
      const fs::path directory = f.location == "-" ? fs::path(".") : f.location.parent_path();
      deploy::ComposeLoad load = deploy::load_compose(*read.source, directory, [&](const fs::path& beside) -> std::optional<std::string> {
        ReadResult r = read_text(run.options, beside, beside.string());
        if (!r.source) return std::nullopt;
        return std::string(r.source->bytes());
      }, named);
      if (!load.recognized) load = deploy::load_kubernetes_yaml(*read.source);
      if (load.recognized) services[i] = load_deployment(f, std::move(*read.source), settings, std::move(load));
      else if (named && !f.context_only) f.not_linted = not_properties_message(name);
      else not_ours[i] = true;
      return;
    }
    f.doc = std::make_unique<Document>(parse(std::move(*read.source)));
    if (const auto it = run.kind_of.find(i); it != run.kind_of.end()) {
      settings.kind = it->second;
      settings.kind_origin = "given as the ZooKeeper config";
    }
    f.profile = make_profile(*f.doc, settings);
    load_dynamic_config(run, i);
  });
  for (std::size_t i = 0; i < services.size(); ++i) {
    if (not_ours[i]) {
      run.result.skipped.push_back({run.files[i].path, run.files[i].location, "a YAML or JSON file that is not a docker-compose file", false});
      run.files[i].not_linted = "skipped";
      run.files[i].context_only = true;  // neither linted nor reported
    }
    for (FileResult& service : services[i]) {
      service.part_of = i;
      run.joined.emplace_back(i, run.add(std::move(service), {}));
    }
  }
  for (const auto& [kafka, zookeeper] : run.joined) {
    const FileResult& zk = run.files[zookeeper];
    if (!zk.doc && zk.context_only) run.config_error(zk.path + ": the paired ZooKeeper config cannot be read");
  }
}

bool dropped(const FileResult& f) {
  const bool unowned = f.from_walk || f.context_only;
  return (f.context_only && !f.doc) || (unowned && !f.included && f.doc && f.profile.kind == FileKind::unknown && !f.profile.kind_forced);
}

/// Disjoint sets of file indices (the clusters).
struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t root(std::size_t i) { return parent[i] == i ? i : parent[i] = root(parent[i]); }
  void join(std::size_t a, std::size_t b) { parent[root(a)] = root(b); }
};

struct ClusterGroup {
  Cluster::Origin origin;
  std::vector<std::size_t> members;  ///< file indices, in path order
  std::vector<MemberFacts> facts;    ///< per member
};

/// The name a directory cluster goes by in messages: its directory as reported.
std::string directory_name(const FileResult& f) {
  const std::string dir = fs::path(f.path).parent_path().string();
  return dir.empty() ? "." : dir;
}

// Cluster: a declared cluster (--cluster, then `clusters` in .zklint.json) takes its files; the
// other files of one directory form a cluster, and files joined by --zookeeper-config or `pairs`
// share one. Linear in the number of files: one map lookup per file.
std::vector<ClusterGroup> cluster_stage(const RunState& run) {
  UnionFind sets(run.files.size());
  std::map<std::string, std::size_t> first_with_key;
  std::vector<Cluster::Origin> origin_of(run.files.size());
  const auto member = [&](std::size_t i) { return run.files[i].doc && !dropped(run.files[i]); };
  for (std::size_t i = 0; i < run.files.size(); ++i) {
    // A deployment file's services are a cluster of their own (the compose project), not the directory's.
    if (!member(i) || run.where[i].empty() || run.files[i].profile.kind == FileKind::deployment) continue;
    const ClusterSetting* declared = run.declared_cluster_of(i);
    origin_of[i] = declared ? Cluster::Origin{declared->name, true} : Cluster::Origin{directory_name(run.files[i]), false};
    const std::string key = declared ? "declared\n" + declared->origin + "\n" + declared->name : "directory\n" + run.where[i].parent_path().string();
    const auto [it, inserted] = first_with_key.emplace(key, i);
    if (!inserted) sets.join(i, it->second);
  }
  for (const auto& [a, b] : run.joined) {
    if (run.files[a].doc && run.files[b].doc) sets.join(a, b);
  }
  std::map<std::size_t, ClusterGroup> groups;
  for (std::size_t i = 0; i < run.files.size(); ++i) {
    if (!member(i)) continue;
    ClusterGroup& g = groups[sets.root(i)];
    if (g.members.empty() || (origin_of[i].declared && !g.origin.declared)) g.origin = origin_of[i];
    g.members.push_back(i);
  }
  std::vector<ClusterGroup> out;
  out.reserve(groups.size());
  for (auto& [root, group] : groups) {
    if (group.origin.name.empty()) group.origin.name = directory_name(run.files[group.members.front()]);  // stdin
    std::sort(group.members.begin(), group.members.end(), [&](std::size_t a, std::size_t b) { return run.files[a].path < run.files[b].path; });
    for (const std::size_t i : group.members) group.facts.push_back(member_facts(run.where[i], *run.files[i].doc, run.files[i].profile, run.declared_cluster_of(i)));
    out.push_back(std::move(group));
  }
  return out;
}

// A cluster as the rules see it: a LintContext per member file, each pointing at the cluster.
struct ClusterContexts {
  ClusterContexts(Cluster::Origin origin, const std::vector<FileResult*>& members, const std::vector<MemberFacts>& facts)
      : cluster(std::move(origin)) {
    contexts.reserve(members.size());
    for (std::size_t m = 0; m < members.size(); ++m) {
      contexts.push_back(std::make_unique<LintContext>(*members[m]->doc, members[m]->profile));
      contexts.back()->set_cluster(&cluster);
      if (const CompanionFile* dynamic = members[m]->dynamic_config.get()) {
        if (dynamic->doc) contexts.back()->set_dynamic_config(std::make_unique<LintContext>(*dynamic->doc, dynamic->profile));
        contexts.back()->set_dynamic_config_unreadable(dynamic->unreadable);
      }
      cluster.add(*contexts.back(), m < facts.size() ? facts[m] : MemberFacts{});
    }
  }
  Cluster cluster;
  std::vector<std::unique_ptr<LintContext>> contexts;
};

// What `zklint probe` saw of the systems a file names (RunOptions::observe), or null.
using Observe = std::function<std::shared_ptr<const Observations>(const LintContext&)>;

// Observations (zklint probe only), then rules: each cluster on one thread (contexts cache
// models), its files to report linted with the whole cluster in view. lint_text runs the same
// function.
void lint_cluster(Cluster::Origin origin, const std::vector<FileResult*>& members, const std::vector<MemberFacts>& facts,
                  const std::function<const RulePlan&(const FileResult&)>& plan_of, const Observe& observe) {
  const ClusterContexts view(std::move(origin), members, facts);
  for (std::size_t m = 0; m < members.size(); ++m) {
    if (members[m]->context_only) continue;
    if (observe) view.contexts[m]->set_observed(observe(*view.contexts[m]));
    lint_one(*members[m], *view.contexts[m], plan_of(*members[m]));
  }
}

// The message says what Kafka does with the settings; the related location says that the image
// may not hand them to Kafka as written, which is why it is a warning.
void demote_for_unknown_image(Diagnostic& d, const DeployedNode& node) {
  d.severity = Severity::warning;
  const std::string image = node.image.empty() ? "the image this service builds" : "image '" + node.image + "'";
  d.related.push_back({std::string(), node.image_range,
                       "true if " + image + " hands these settings to Kafka as apache/kafka does; zklint does not know it, so this is a "
                       "warning, not an error"});
}

// A deployment file reports what was found in each of its services, once per place and message
// (services that share an anchor share its findings); then its own directives apply to all of it.
void merge_services(std::vector<FileResult*> parts, FileResult& file, const RulePlan& plan) {
  std::vector<const Rule*> ran = std::move(file.deferred_rules);
  for (FileResult* part : parts) {
    for (const Rule* rule : part->deferred_rules) {
      if (std::find(ran.begin(), ran.end(), rule) == ran.end()) ran.push_back(rule);
    }
    // An image zklint does not know may set what zklint does not see: nothing on it is certain
    // enough to be an error (unknown-image says why).
    const DeployedNode* node = part->profile.deployed();
    const bool assumed = node != nullptr && node->family == ImageFamily::unknown_kafka;
    for (Diagnostic& d : part->diagnostics) {
      if (assumed && d.severity == Severity::error) demote_for_unknown_image(d, *node);
      d.anchor = part->service + ": " + d.anchor;
      file.diagnostics.push_back(std::move(d));
    }
    part->diagnostics.clear();
    file.suppressed += part->suppressed;
    file.internal_errors.insert(file.internal_errors.end(), part->internal_errors.begin(), part->internal_errors.end());
  }
  auto& all = file.diagnostics;
  std::stable_sort(all.begin(), all.end(), by_position);
  all.erase(std::unique(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
              return a.rule == b.rule && a.range == b.range && a.message == b.message;
            }),
            all.end());
  if (!file.doc) return;
  const LintContext ctx(*file.doc, file.profile);
  std::vector<Diagnostic> about_directives = suppress(file, ctx, ran);
  finish_diagnostics(*file.doc, plan, about_directives);
  std::move(about_directives.begin(), about_directives.end(), std::back_inserter(all));
  std::stable_sort(all.begin(), all.end(), by_position);
}

void rules_stage(RunState& run, const std::vector<ClusterGroup>& clusters, const std::map<const Config*, RulePlan>& plans, unsigned jobs) {
  parallel_for(clusters.size(), jobs, [&](std::size_t c) {
    std::vector<FileResult*> members;
    for (const std::size_t i : clusters[c].members) members.push_back(&run.files[i]);
    lint_cluster(clusters[c].origin, members, clusters[c].facts, [&](const FileResult& f) -> const RulePlan& { return plans.at(f.config.get()); }, run.options.observe);
  });
  std::map<std::size_t, std::vector<FileResult*>> parts;
  for (std::size_t i = 0; i < run.files.size(); ++i) {
    const FileResult& f = run.files[i];
    if (f.part_of) parts[*f.part_of].push_back(&run.files[i]);
    else if (f.doc && f.doc->derived() && !f.not_linted) parts[i];  // no services: still its own directives
  }
  for (auto& [file, services] : parts) merge_services(services, run.files[file], plans.at(run.files[file].config.get()));
}

// Report: the files asked about, sorted by path, with their failure threshold; the rules that ran.
RunResult report_stage(RunState& run, const std::map<const Config*, RulePlan>& plans) {
  std::set<const Rule*> rules_in_run;
  for (std::size_t i = 0; i < run.files.size(); ++i) {
    FileResult& f = run.files[i];
    if (f.context_only) continue;
    if (f.part_of) {
      for (const Rule* r : plans.at(f.config.get()).rules) {
        if (r->meta().applies_to.contains(f.profile.kind)) rules_in_run.insert(r);
      }
      continue;
    }
    if (f.from_walk && dropped(f)) {
      run.result.skipped.push_back({f.path, f.location, "its keys are not a Kafka or ZooKeeper config's (" + f.profile.kind_reason + ")", false});
      continue;
    }
    if (f.config) {
      f.fail_on = run.options.fail_on ? *run.options.fail_on : f.config->fail_on.value;
      for (const Rule* r : plans.at(f.config.get()).rules) {
        if (f.doc && r->meta().applies_to.contains(f.profile.kind)) rules_in_run.insert(r);
      }
    }
    run.result.files.push_back(std::move(f));
  }
  RunResult& result = run.result;
  std::sort(result.skipped.begin(), result.skipped.end(), [](const SkippedFile& a, const SkippedFile& b) { return a.display < b.display; });
  std::stable_sort(result.files.begin(), result.files.end(), [](const FileResult& a, const FileResult& b) { return a.path < b.path; });
  result.rules_in_run.assign(rules_in_run.begin(), rules_in_run.end());
  std::sort(result.rules_in_run.begin(), result.rules_in_run.end(), [](const Rule* a, const Rule* b) { return a->meta().code < b->meta().code; });
  return std::move(run.result);
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
  RunState run(options);
  const unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  discover_stage(run);
  add_cluster_context_stage(run);
  load_stage(run, jobs);
  const auto clusters = cluster_stage(run);
  std::map<const Config*, RulePlan> plans;
  for (const FileResult& f : run.files) {
    if (f.config && !plans.count(f.config.get())) plans[f.config.get()] = plan_rules(*f.config, options.select, options.ignore);
  }
  rules_stage(run, clusters, plans, jobs);
  return report_stage(run, plans);
}

std::vector<std::string> visit_clusters(const RunOptions& options, const std::function<void(const Cluster&)>& visit) {
  RunState run(options);
  discover_stage(run);
  add_cluster_context_stage(run);
  load_stage(run, options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency()));
  std::vector<std::string> problems = run.result.config_errors;
  for (const FileResult& f : run.files) {
    if (f.not_linted && !f.context_only) problems.push_back(f.path + ": " + *f.not_linted);
  }
  for (const ClusterGroup& group : cluster_stage(run)) {
    std::vector<FileResult*> members;
    for (const std::size_t i : group.members) members.push_back(&run.files[i]);
    const ClusterContexts view(group.origin, members, group.facts);
    visit(view.cluster);
  }
  return problems;
}

namespace {

SingleFileResult lint_deployment_members(FileResult& file, SourceFile source, const SingleFileOptions& options, const ProfileSettings& settings,
                                         const RulePlan& plan, deploy::ComposeLoad load);

// A deployment text (docker-compose, Strimzi resources, an env file): its nodes are its cluster;
// the files beside a compose file (.env, env_file) come from options.cluster by name.
SingleFileResult lint_deployment_text(std::string text, const SingleFileOptions& options, ProfileSettings settings, const RulePlan& plan) {
  settings.kind.reset();
  FileResult file;
  file.path = options.file_name;
  SourceFile source(options.file_name, std::move(text));
  if (deploy::is_env_file_name(options.file_name)) {
    deploy::ComposeLoad load = deploy::load_env_file(source);
    return lint_deployment_members(file, std::move(source), options, settings, plan, std::move(load));
  }
  deploy::ComposeLoad load = deploy::load_compose(source, fs::path("."), [&](const fs::path& beside) -> std::optional<std::string> {
    for (const SingleFileOptions::ClusterFile& f : options.cluster) {
      if (f.name == beside.filename().string()) return f.text;
    }
    return std::nullopt;
  }, true);
  if (!load.recognized) load = deploy::load_kubernetes_yaml(source);
  return lint_deployment_members(file, std::move(source), options, settings, plan, std::move(load));
}

SingleFileResult lint_deployment_members(FileResult& file, SourceFile source, const SingleFileOptions& options, const ProfileSettings& settings,
                                         const RulePlan& plan, deploy::ComposeLoad load) {
  std::vector<FileResult> services = load_deployment(file, std::move(source), settings, std::move(load));
  std::vector<FileResult*> members{&file};
  for (FileResult& s : services) members.push_back(&s);
  lint_cluster({options.file_name, false}, members, {}, [&](const FileResult&) -> const RulePlan& { return plan; },
               [&](const LintContext&) { return options.observed; });
  std::vector<FileResult*> parts;
  for (FileResult& s : services) parts.push_back(&s);
  merge_services(parts, file, plan);
  if (!file.internal_errors.empty()) throw std::runtime_error(file.internal_errors.front());
  SingleFileResult out;
  out.doc = std::move(file.doc);
  out.profile = std::move(file.profile);
  out.diagnostics = std::move(file.diagnostics);
  return out;
}

}  // namespace

SingleFileResult lint_text(std::string text, const SingleFileOptions& options) {
  const RulePlan plan = plan_rules(Config{}, options.select, {});
  ProfileSettings settings;
  settings.kind = options.kind;
  settings.kind_origin = "given";
  settings.kafka_version = options.kafka_version;
  settings.kafka_version_origin = "given";
  settings.zookeeper_version = options.zookeeper_version;
  settings.zookeeper_version_origin = "given";
  if (deploy::is_yaml_name(options.file_name) || deploy::is_env_file_name(options.file_name)) {
    return lint_deployment_text(std::move(text), options, settings, plan);
  }
  // The file and the other members of its cluster, as the load stage makes them.
  std::vector<FileResult> files(1 + options.cluster.size());
  files[0].path = options.file_name;
  files[0].doc = std::make_unique<Document>(parse(SourceFile(options.file_name, std::move(text))));
  files[0].profile = make_profile(*files[0].doc, settings);
  if (const auto name = dynamic_config_name(*files[0].doc, files[0].profile)) {
    for (const auto& b : options.beside) {
      if (b.name == *name) files[0].dynamic_config = companion(SourceFile(b.name, b.text));
    }
  }
  settings.kind.reset();
  for (std::size_t i = 0; i < options.cluster.size(); ++i) {
    FileResult& f = files[i + 1];
    f.path = options.cluster[i].name;
    f.context_only = true;
    f.doc = std::make_unique<Document>(parse(SourceFile(options.cluster[i].name, options.cluster[i].text)));
    f.profile = make_profile(*f.doc, settings);
  }
  std::vector<FileResult*> members;
  for (FileResult& f : files) members.push_back(&f);
  lint_cluster({directory_name(files[0]), options.cluster_declared}, members, {}, [&](const FileResult&) -> const RulePlan& { return plan; },
               [&](const LintContext&) { return options.observed; });
  if (!files[0].internal_errors.empty()) throw std::runtime_error(files[0].internal_errors.front());
  SingleFileResult out;
  out.doc = std::move(files[0].doc);
  out.profile = std::move(files[0].profile);
  out.diagnostics = std::move(files[0].diagnostics);
  return out;
}

}  // namespace zklint
