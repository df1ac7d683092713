// zklint's command line: lint (the default), dump, rules, explain, print-config.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/lint/strings.hpp"
#include "zklint/lint/version.hpp"

namespace {

// Comma-separated lists may also be given as repeated options: --select ZKL1,ZKL2 --select kafka.
std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    for (const auto part : zklint::split(v, ',')) {
      const auto trimmed = zklint::java_trim(part);
      if (!trimmed.empty()) out.emplace_back(trimmed);
    }
  }
  return out;
}

/// --kafka-version or --zookeeper-version: empty (the config decides), "auto", or a release line
/// zklint knows; anything else is refused with a message (exit 2, as every usage error).
template <typename Version>
bool read_version_option(std::string_view option, const std::string& text, std::string_view example,
                         std::optional<std::string> (*unsupported)(Version), std::optional<Version>& version, bool& automatic) {
  if (text.empty()) return true;
  if (text == "auto") {
    automatic = true;
    return true;
  }
  version = Version::parse(text);
  if (!version) {
    std::cerr << "zklint: " << option << " must look like " << example << " or be auto, not '" << text << "'\n";
    return false;
  }
  if (const auto refused = unsupported(*version)) {
    std::cerr << "zklint: " << option << " " << text << ": " << *refused << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace zklint;
  CLI::App app{"zklint: a static linter for Apache Kafka and ZooKeeper configuration"};
  app.set_version_flag("--version", std::string("zklint ") + version);
  app.footer("Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage/config/input error, 3 internal error.\n"
             "Documentation: " + std::string(homepage));

  cli::LintArgs args;
  std::vector<std::string> select, ignore;
  std::string kind = "auto", kafka_version, zookeeper_version, fail_on, config, zookeeper_config, show_severity;
  app.add_option("paths", args.run.paths, "Files and directories to lint ('-' reads standard input); default: .");
  app.add_option("--format,-f", args.formats, "Report format: " + format_names() + " (repeatable, see --output)")->type_name("FORMAT")->allow_extra_args(false);
  app.add_option("--output,-o", args.outputs, "Write a report to FILE, atomically: FORMAT=FILE, or FILE for the report of the matching --format (the n-th FILE belongs to the n-th --format); repeatable")->type_name("[FORMAT=]FILE")->allow_extra_args(false);
  app.add_option("--color", args.color, "Colors in text output: auto (on a terminal, or when FORCE_COLOR is set; never when NO_COLOR is set), always, never")->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--fail-on", fail_on, "Exit 1 when a finding at or above this severity remains: error, warning (default), info, never")->type_name("SEVERITY")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  app.add_option("--select", select, "Run only these rules: codes (ZKL101), code prefixes (ZKL1), names or families; comma-separated")->type_name("RULES")->allow_extra_args(false);
  app.add_option("--ignore", ignore, "Do not run these rules (same forms as --select)")->type_name("RULES")->allow_extra_args(false);
  app.add_option("--kind", kind, "Treat inputs as kafka, zookeeper or unknown files instead of detecting it")->type_name("KIND")
      ->check(CLI::IsMember({"auto", "kafka", "zookeeper", "unknown"}));
  app.add_option("--kafka-version", kafka_version, "Kafka release line to judge Kafka files as (2.0-4.3, e.g. 3.9) or auto: a range guessed from each file (default: config file, then auto)")->type_name("VERSION");
  app.add_option("--zookeeper-version", zookeeper_version, "ZooKeeper release line to judge ZooKeeper files as (3.5-3.9, e.g. 3.8) or auto: a range guessed from each file (default: config file, then auto)")->type_name("VERSION");
  app.add_option("--config", config, "Use this config file for every input instead of discovering .zklint.json")->type_name("FILE");
  app.add_flag("--no-config", args.run.no_config, "Ignore .zklint.json files");
  app.add_option("--stdin-filename", args.run.stdin_filename, "Name to report (and detect the kind from) for '-'")->type_name("NAME");
  app.add_option("--zookeeper-config", zookeeper_config, "The ZooKeeper server config the Kafka inputs connect to (cross-file checks)")->type_name("FILE");
  app.add_option("--cluster", args.run.cluster_globs, "The configs matching this glob form one cluster whatever their directories (repeatable; default: one directory, one cluster)")
      ->type_name("GLOB")->allow_extra_args(false);
  app.add_option("--jobs,-j", args.run.jobs, "Files linted in parallel (default: number of cores)")->type_name("N");
  app.add_flag("--verbose,-v", args.verbose, "Also print each file's detected kind and assumed Kafka version");
  app.add_option("--show-severity", show_severity, "Print only findings at or above this severity: warning or error (the exit code still follows --fail-on)")->type_name("SEVERITY")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  app.add_flag("--statistics", args.statistics, "Print a count per rule, most frequent first, instead of the report on standard output");
  app.add_flag("--allow-empty", args.allow_empty, "Exit 0 when no Kafka or ZooKeeper config is found (by default that is an error, exit 2)");
  app.add_flag("--quiet,-q", args.quiet, "Do not print the summary, nor what --fix and --baseline report, on standard error");
  app.add_flag("--fix", args.fix, "Apply the fixes rules mark safe, lint again until nothing changes, and write the files atomically");
  app.add_flag("--unsafe-fixes", args.unsafe_fixes, "With --fix or --diff: also apply the fixes that may change what the config means");
  app.add_flag("--diff", args.diff, "Print the fixes as a unified diff on standard output (for git apply) and write nothing; exit 1 if there is something to fix");
  app.add_option("--baseline", args.baseline, "Do not report the findings recorded in FILE; report its entries whose finding is gone as fixed")->type_name("FILE");
  app.add_option("--write-baseline", args.write_baseline, "Record the current findings in FILE (then report only what it does not cover)")->type_name("FILE");

  auto* dump = app.add_subcommand("dump", "Print what java.util.Properties.load sees in FILE, as JSON");
  std::vector<std::string> dump_files;
  dump->add_option("files", dump_files, "Files to dump ('-' for standard input); several files print one JSON object per line")->required();

  auto* rules = app.add_subcommand("rules", "List every rule");
  std::string rules_format = "text";
  rules->add_option("--format", rules_format, "text, json, markdown (the rules/README.md page) or table (the README's rule table)")->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "markdown", "table"}));

  auto* explain = app.add_subcommand("explain", "Print a rule's documentation and examples");
  std::string explain_id;
  explain->add_option("rule", explain_id, "A code (ZKL101) or name")->required();

  auto* print_config = app.add_subcommand("print-config", "Show the effective configuration for FILE and where each value comes from");
  std::string print_config_file;
  print_config->add_option("file", print_config_file, "A file that would be linted")->required();

  auto* lsp = app.add_subcommand("lsp", "Run the language server (LSP 3.17) on standard input and output, for editors");
  unsigned debounce_ms = 100;
  bool stdio = true;
  lsp->footer("Exit codes: 0 after a shutdown request and exit, 1 when the client leaves without them (LSP 3.17), 2 usage error, 3 internal error.");
  lsp->add_flag("--stdio", stdio, "Talk over standard input and output (the only transport; accepted because clients pass it)");
  lsp->add_option("--debounce", debounce_ms, "After a lint, gather the edits of this many milliseconds into the next one (default 100)")->type_name("MS");
  // The options that choose what is checked, as for a lint run (the same variables).
  lsp->add_option("--kafka-version", kafka_version, "Kafka release line to judge Kafka files as (2.0-4.3, e.g. 3.9) or auto: a range guessed from each file (default: config file, then auto)")->type_name("VERSION");
  lsp->add_option("--zookeeper-version", zookeeper_version, "ZooKeeper release line to judge ZooKeeper files as (3.5-3.9, e.g. 3.8) or auto: a range guessed from each file (default: config file, then auto)")->type_name("VERSION");
  lsp->add_option("--kind", kind, "Treat files as kafka, zookeeper or unknown files instead of detecting it")->type_name("KIND")
      ->check(CLI::IsMember({"auto", "kafka", "zookeeper", "unknown"}));
  lsp->add_option("--select", select, "Run only these rules (codes, code prefixes, names or families; comma-separated)")->type_name("RULES")->allow_extra_args(false);
  lsp->add_option("--ignore", ignore, "Do not run these rules")->type_name("RULES")->allow_extra_args(false);
  lsp->add_option("--config", config, "Use this config file for every file instead of discovering .zklint.json")->type_name("FILE");
  lsp->add_flag("--no-config", args.run.no_config, "Ignore .zklint.json files");

  auto* probe = app.add_subcommand("probe", "Check configs against the running ZooKeeper and Kafka they name (read-only)");
  cli::ProbeArgs probe_args;
  std::string probe_config;
  probe->add_option("paths", probe_args.paths, "Files and directories to probe, as for linting; default: .");
  probe->add_option("--format,-f", probe_args.formats, "Report format: " + format_names() + " (repeatable, see --output)")->type_name("FORMAT")->allow_extra_args(false);
  probe->add_option("--output,-o", probe_args.outputs, "Write a report to FILE: FORMAT=FILE, or FILE for the matching --format; repeatable")->type_name("[FORMAT=]FILE")->allow_extra_args(false);
  probe->add_option("--timeout", probe_args.timeout_seconds, "Seconds each network step may take: resolve, connect, a reply, the ZooKeeper session (default 3)")->type_name("SECONDS");
  probe->add_option("--max-time", probe_args.max_time_seconds, "Seconds the whole run may take (default: four --timeout); what is not done by then is reported as not probed")->type_name("SECONDS");
  probe->add_option("--resolve", probe_args.resolve, "Use ADDRESS for host NAME instead of asking the resolver (repeatable)")->type_name("NAME=ADDRESS")->allow_extra_args(false);
  probe->add_flag("--local", probe_args.local, "Also check that the ports this node binds are free on this machine, and name what holds them");
  probe->add_option("--color", probe_args.color, "Colors in text output: auto, always, never")->type_name("WHEN")->check(CLI::IsMember({"auto", "always", "never"}));
  probe->add_option("--config", probe_config, "Use this config file instead of discovering .zklint.json")->type_name("FILE");
  probe->add_flag("--no-config", probe_args.no_config, "Ignore .zklint.json files");
  probe->add_flag("--quiet,-q", probe_args.quiet, "Do not print what was seen, nor the summary, on standard error");

  auto* explain_log = app.add_subcommand("explain-log", "Recognize the failures in a Kafka or ZooKeeper log, say what they mean and which config line most likely caused them");
  cli::ExplainLogArgs explain_log_args;
  explain_log->add_option("file", explain_log_args.log, "The log: a Kafka server.log or a ZooKeeper log ('-' reads standard input)")->required();
  explain_log->add_option("--config", explain_log_args.config, "The node's config (server.properties, zoo.cfg): point at the line most likely responsible")->type_name("FILE");
  explain_log->add_option("--format,-f", explain_log_args.format, "text or json")->type_name("FORMAT")->check(CLI::IsMember({"text", "json"}));
  explain_log->add_flag("--quiet,-q", explain_log_args.quiet, "Do not print the count on standard error");

  auto* topology = app.add_subcommand("topology", "Draw the clusters zklint understood: nodes, ports and the links between them, broken links marked");
  std::string topology_format = "text";
  std::vector<std::string> topology_paths;
  topology->add_option("--format,-f", topology_format, "text (default), mermaid, dot (Graphviz) or json")->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "mermaid", "dot", "json"}));
  topology->add_option("--cluster", args.run.cluster_globs, "As for linting: the configs matching GLOB form one cluster (repeatable)")->type_name("GLOB");
  topology->add_option("paths", topology_paths, "Files or directories (default: .)");

  // Hidden: the build generates the manual page with it (see lint/CMakeLists.txt).
  auto* man = app.add_subcommand("man", "Print the manual page (roff)")->group("");
  std::string man_output;
  man->add_option("--output,-o", man_output, "Write it to FILE");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  try {
    if (*man) return cli::run_man(app, man_output);
    if (*dump) return cli::run_dump(dump_files);
    if (*rules) return cli::run_rules(rules_format);
    if (*explain) return cli::run_explain(explain_id);
    if (*explain_log) return cli::run_explain_log(explain_log_args);
    if (*probe) {
      if (!probe_config.empty()) probe_args.config_file = probe_config;
      return cli::run_probe_command(probe_args);
    }
    if (*topology) {
      args.run.paths = topology_paths.empty() ? std::vector<std::string>{"."} : topology_paths;
      if (!config.empty()) args.run.config_file = config;
      return cli::run_topology(args.run, topology_format);
    }
    if (*print_config) {
      return cli::run_print_config(print_config_file, config.empty() ? std::nullopt : std::optional<std::string>(config), args.run.no_config);
    }

    args.run.select = split_list(select);
    args.run.ignore = split_list(ignore);
    if (kind != "auto") args.run.kind = parse_file_kind(kind);
    if (!read_version_option("--kafka-version", kafka_version, "3.9", unsupported_kafka_version, args.run.kafka_version, args.run.kafka_version_auto) ||
        !read_version_option("--zookeeper-version", zookeeper_version, "3.8", unsupported_zookeeper_version, args.run.zookeeper_version,
                             args.run.zookeeper_version_auto)) {
      return 2;
    }
    if (!fail_on.empty()) args.run.fail_on = parse_fail_on(fail_on);
    if (!show_severity.empty()) args.show_severity = parse_severity(show_severity);
    if (!config.empty()) args.run.config_file = config;
    if (!zookeeper_config.empty()) args.run.zookeeper_config = zookeeper_config;
    if (*lsp) return cli::run_lsp(args.run, debounce_ms);
    if (args.run.paths.empty()) args.run.paths.push_back(".");
    return cli::run_lint_command(args);
  } catch (const std::exception& e) {
    std::cerr << "zklint: internal error: " << e.what() << "\n";
    return 3;
  }
}
