// `zklint probe [options] PATH...`: the config against the live systems it names. The same inputs,
// report formats and exit codes as linting; the findings come from the rules of rules/live/,
// which read what the observations stage (zklint/lint/probe.hpp) saw.
#include <arpa/inet.h>

#include <cmath>
#include <iostream>

#include "commands.hpp"
#include "report_targets.hpp"
#include "zklint/lint/probe.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::cli {

namespace {

constexpr double longest_timeout_seconds = 3600;

bool numeric_address(const std::string& text) {
  unsigned char buffer[16];
  return ::inet_pton(AF_INET, text.c_str(), buffer) == 1 || ::inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

std::chrono::milliseconds milliseconds(double seconds) { return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(seconds * 1000))); }

// The probe's settings from the arguments, or a usage error.
std::variant<ProbeSettings, std::string> probe_settings(const ProbeArgs& args) {
  ProbeSettings s;
  if (!(args.timeout_seconds > 0 && args.timeout_seconds <= longest_timeout_seconds)) return "--timeout must be a number of seconds above 0 and at most 3600";
  s.step_timeout = milliseconds(args.timeout_seconds);
  const double max_time = args.max_time_seconds.value_or(4 * args.timeout_seconds);
  if (!(max_time > 0 && max_time <= 4 * longest_timeout_seconds)) return "--max-time must be a number of seconds above 0 and at most 14400";
  s.run_bound = milliseconds(max_time);
  for (const std::string& r : args.resolve) {
    const std::size_t equals = r.find('=');
    const std::string name = r.substr(0, equals), address = equals == std::string::npos ? "" : r.substr(equals + 1);
    if (equals == std::string::npos || name.empty() || !numeric_address(address)) {
      return "--resolve takes NAME=ADDRESS with a numeric IPv4 or IPv6 address, not '" + r + "'";
    }
    s.resolve[name] = address;
  }
  s.local = args.local;
  return s;
}

std::size_t probed_things(const Observations& o) { return o.endpoints.size() + o.local.size() + (o.session ? 1 : 0); }

}  // namespace

int run_probe_command(const ProbeArgs& args) {
  auto planned = plan_reports(args.formats, args.outputs, true);
  if (const auto* error = std::get_if<std::string>(&planned)) {
    std::cerr << "zklint probe: " << *error << "\n";
    return 2;
  }
  auto settings = probe_settings(args);
  if (const auto* error = std::get_if<std::string>(&settings)) {
    std::cerr << "zklint probe: " << *error << "\n";
    return 2;
  }
  Prober prober(std::get<ProbeSettings>(settings));
  RunOptions run;
  run.paths = args.paths.empty() ? std::vector<std::string>{"."} : args.paths;
  run.config_file = args.config_file;
  run.no_config = args.no_config;
  run.select = {"live"};
  run.jobs = 64;  // files wait on the network, not on the cores
  run.observe = [&prober](const LintContext& ctx) { return prober.observe(ctx); };
  RunResult result = run_lint(run);

  int code = exit_code(result);
  std::size_t things = 0;
  for (const ProbedFile& f : prober.probed()) {
    things += probed_things(*f.observed);
    if (!args.quiet) std::cerr << "zklint probe: " << f.path << "\n" << describe_observations(*f.observed);
  }
  if (result.files.empty()) {
    std::cerr << "zklint probe: no Kafka or ZooKeeper config found under " << run.paths.front() << (run.paths.size() > 1 ? " ..." : "") << "\n";
    code = std::max(code, 2);
  } else if (things == 0 && code < 2) {
    std::cerr << "zklint probe: nothing to probe: the configs name no ZooKeeper server, controller or advertised listener to connect to"
              << (args.local ? "" : " (--local checks the ports a node binds)") << "\n";
    code = 2;
  }
  const int final_code = write_reports(std::get<std::vector<ReportTarget>>(planned), result, code, {std::cout, args.color});
  std::cout.flush();
  if (!args.quiet) write_summary(result, std::cerr);
  return final_code;
}

}  // namespace zklint::cli
