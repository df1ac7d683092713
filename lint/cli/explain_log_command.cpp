// `zklint explain-log FILE [--config CONFIG]`: the failure signatures of a Kafka or ZooKeeper log,
// what each means, and the config line most likely responsible.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "zklint/lint/explain_log.hpp"
#include "zklint/lint/input.hpp"
#include "zklint/parse.hpp"

namespace zklint::cli {

namespace {

std::string lines_text(const LogFinding& f) {
  std::string out = f.first_line == f.last_line ? "line " + std::to_string(f.first_line)
                                                : "lines " + std::to_string(f.first_line) + "-" + std::to_string(f.last_line);
  if (f.count > 1) out += ", " + std::to_string(f.count) + " times";
  return out;
}

std::string keys_text(const LogSignature& s) {
  std::string out;
  for (const std::string_view k : s.keys) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

void write_text(const std::string& log_name, const std::vector<LogFinding>& findings, const Document* config, std::ostream& out) {
  for (const LogFinding& f : findings) {
    out << log_name << ":" << f.first_line << ": " << f.signature->title << (f.subject.empty() ? "" : " (" + f.subject + ")") << " [" << f.signature->id << "]\n";
    out << "  | " << f.line << "\n";
    out << "  = " << lines_text(f) << "\n";
    out << "  = what it means: " << f.signature->meaning << "\n";
    const auto culprit = config != nullptr ? find_culprit(f, *config) : std::nullopt;
    if (culprit) {
      const Entry& e = *culprit->entry;
      out << "  = most likely cause: " << config->source().path() << ":" << e.key_range.begin.line << ":" << e.key_range.begin.column << ": "
          << e.key << "=" << e.value << " (" << culprit->why << ")\n";
    } else {
      out << "  = check: " << keys_text(*f.signature) << (config != nullptr ? " (the config sets none of them)" : "") << "\n";
    }
  }
}

void write_json(const std::vector<LogFinding>& findings, const Document* config, std::ostream& out) {
  nlohmann::json list = nlohmann::json::array();
  for (const LogFinding& f : findings) {
    nlohmann::json j{{"signature", f.signature->id}, {"title", f.signature->title}, {"meaning", f.signature->meaning}, {"first_line", f.first_line},
                     {"last_line", f.last_line}, {"count", f.count}, {"line", f.line}, {"subject", f.subject}, {"keys", f.signature->keys}};
    const auto culprit = config != nullptr ? find_culprit(f, *config) : std::nullopt;
    j["config"] = culprit ? nlohmann::json{{"path", config->source().path()}, {"line", culprit->entry->key_range.begin.line},
                                           {"column", culprit->entry->key_range.begin.column}, {"key", culprit->entry->key},
                                           {"value", culprit->entry->value}, {"why", culprit->why}}
                          : nlohmann::json(nullptr);
    list.push_back(std::move(j));
  }
  out << nlohmann::json{{"findings", list}}.dump(2) << "\n";
}

}  // namespace

int run_explain_log(const ExplainLogArgs& args) {
  ReadResult log = read_input(args.log, args.log);
  if (log.error) {
    std::cerr << "zklint explain-log: " << log.error->path << ": " << log.error->message << "\n";
    return 2;
  }
  std::optional<Document> config;
  if (!args.config.empty()) {
    ReadResult read = read_input(args.config, args.config);
    if (read.error) {
      std::cerr << "zklint explain-log: --config " << read.error->path << ": " << read.error->message << "\n";
      return 2;
    }
    config.emplace(parse(std::move(*read.source)));
  }
  const std::vector<LogFinding> findings = scan_log(log.source->bytes());
  if (args.format == "json") write_json(findings, config ? &*config : nullptr, std::cout);
  else write_text(args.log, findings, config ? &*config : nullptr, std::cout);
  if (!args.quiet) {
    std::cerr << "zklint explain-log: " << findings.size() << (findings.size() == 1 ? " failure signature" : " failure signatures") << " in " << args.log << "\n";
  }
  return findings.empty() ? 0 : 1;
}

}  // namespace zklint::cli
