// Conformance of zklint's ZooKeeper server rules with the real ZooKeeper: for every zoo.cfg of
// the suite, zklint must report an error (any rule, every rule enabled) exactly when ZooKeeper
// 3.8's QuorumPeerConfig.parse rejects the file, or when the ports it parses cannot all be opened
// at startup (see QuorumPeerConfigOracle.java for both).
//
// The suite is every file in the directories given: tests/conformance/zookeeper/*.cfg (one case
// per file), the ZooKeeper fixtures of the rule families (rules/*/fixtures/*.cfg) and
// examples/zookeeper. A case whose outcome depends on the machine rather than on the file says so
// in a comment line of its own:
//
//   # conformance: machine-dependent (dns): clientPortAddress names a host this machine cannot resolve
//
// Such cases are run and shown, listed at the end, and never counted as disagreements. The kinds
// are `dns` (a name resolved while the config is read), `classpath` (a class loaded while the
// config is read) and `file` (a file the config names, such as dynamicConfigFile).
//
// Templates (fixtures with {{ }}, {% %}, ${X} ...) are not configs ZooKeeper could read: they are
// linted, but not compared.
//
// Usage: zookeeper_conformance JAVA ORACLE_CLASSPATH WORKDIR DIR...
// Exit codes: 0 agreement, 1 disagreement, 77 skipped (no Java or no ZooKeeper jars), 2 setup error.

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "zklint/lint/engine.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view mark = "# conformance: machine-dependent";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string quote_arg(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string run(const std::string& command, int& status) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    status = -1;
    return output;
  }
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int raw = ::pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return output;
}

// The machine-dependence note of a case, or "".
std::string machine_dependence(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const std::string_view t = zklint::java_trim(line);
    if (zklint::starts_with(t, mark)) return std::string(zklint::java_trim(t.substr(mark.size())));
  }
  return "";
}

// A ZooKeeper server config among the fixtures: a .cfg that is not marked as another kind.
bool zookeeper_case(const fs::path& p, const std::string& text) {
  const std::string name = p.filename().string();
  if (name == "zoo.cfg" || name == "zookeeper.properties") return true;
  if (p.extension() != ".cfg") return false;
  return text.find("#! kind: kafka") == std::string::npos && text.find("#! kind: unknown") == std::string::npos;
}

struct Case {
  fs::path path;
  std::string text;
  std::string machine;  // machine-dependence note
  bool zklint_error = false;
  std::string zklint_errors;  // the error findings, for messages
  bool templated = false;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: zookeeper_conformance JAVA ORACLE_CLASSPATH WORKDIR DIR...\n";
    return 2;
  }
  const std::string java = argv[1], classpath = argv[2];
  const fs::path workdir = argv[3];
  if (java.find("NOTFOUND") != std::string::npos || classpath.find("NOTFOUND") != std::string::npos) {
    std::cerr << "SKIPPED: the ZooKeeper conformance suite needs a Java runtime and the ZooKeeper 3.8 jars "
                 "(Debian packages default-jdk-headless and zookeeper: /usr/share/java/zookeeper.jar, zookeeper-jute.jar, "
                 "slf4j-api.jar, servlet-api.jar); none of zklint's ZooKeeper rules were checked against ZooKeeper\n";
    return 77;
  }

  std::vector<Case> cases;
  for (int a = 4; a < argc; ++a) {
    if (!fs::is_directory(argv[a])) {
      std::cerr << "setup error: " << argv[a] << " is not a directory\n";
      return 2;
    }
    std::vector<fs::path> files;
    for (const auto& item : fs::directory_iterator(argv[a])) {
      if (item.is_regular_file()) files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::string text = read(p);
      if (!zookeeper_case(p, text)) continue;
      Case c{p, std::move(text)};
      c.machine = machine_dependence(c.text);
      cases.push_back(std::move(c));
    }
  }
  if (cases.size() < 100) std::cerr << "note: only " << cases.size() << " cases\n";

  // zklint, in process, every rule enabled, as a ZooKeeper config.
  for (Case& c : cases) {
    zklint::SingleFileOptions options;
    options.file_name = "zoo.cfg";
    options.kind = zklint::FileKind::zookeeper;
    const zklint::SingleFileResult r = zklint::lint_text(c.text, options);
    c.templated = r.profile.templated;
    for (const zklint::Diagnostic& d : r.diagnostics) {
      if (d.severity != zklint::Severity::error) continue;
      c.zklint_error = true;
      c.zklint_errors += "\n    " + std::string(d.rule->meta().code) + " " + std::to_string(d.range.begin.line) + ":" +
                         std::to_string(d.range.begin.column) + " " + d.message;
    }
  }

  // The real ZooKeeper, in one JVM for all cases.
  std::error_code ec;
  fs::remove_all(workdir, ec);
  fs::create_directories(workdir);
  std::string command = quote_arg(java) + " -cp " + quote_arg(classpath) + " org.apache.zookeeper.server.quorum.QuorumPeerConfigOracle " +
                        quote_arg((workdir / "oracle").string());
  for (const Case& c : cases) command += " " + quote_arg(c.path.string());
  int status = 0;
  const std::string oracle_out = run(command + " 2>" + quote_arg((workdir / "oracle.log").string()), status);
  if (status != 0) {
    std::cerr << "setup error: the ZooKeeper oracle failed (exit " << status << "); see " << (workdir / "oracle.log") << "\n";
    return 2;
  }
  std::map<std::string, json> verdicts;
  std::istringstream lines(oracle_out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    json v = json::parse(line);
    const std::string file = v.at("file").get<std::string>();
    verdicts[file] = std::move(v);
  }

  std::size_t agree = 0, disagree = 0, rejected = 0, templates = 0;
  std::vector<std::string> machine_notes;
  for (const Case& c : cases) {
    const auto it = verdicts.find(c.path.string());
    if (it == verdicts.end()) {
      std::cerr << "setup error: no oracle verdict for " << c.path << "\n";
      return 2;
    }
    const bool accepted = it->second.at("accepted").get<bool>();
    const std::string reason = accepted ? "accepted" : "rejected: " + it->second.at("reason").get<std::string>();
    if (c.templated) {
      ++templates;
      continue;
    }
    if (!accepted) ++rejected;
    const bool same = accepted != c.zklint_error;
    if (!c.machine.empty()) {
      machine_notes.push_back(c.path.filename().string() + " " + c.machine + "; ZooKeeper here " + (accepted ? "accepts" : "rejects") +
                              ", zklint " + (c.zklint_error ? "reports an error" : "reports no error"));
      continue;
    }
    if (same) {
      ++agree;
      continue;
    }
    ++disagree;
    std::cerr << "DISAGREE " << c.path.string() << "\n  ZooKeeper: " << reason << "\n  zklint: "
              << (c.zklint_error ? "errors:" + c.zklint_errors : std::string("no error")) << "\n\n";
  }
  std::cout << cases.size() << " zoo.cfg cases: " << agree << " agree with ZooKeeper 3.8 (" << rejected << " rejected by it), " << disagree
            << " disagree, " << machine_notes.size() << " machine-dependent, " << templates << " templates not compared\n";
  for (const std::string& n : machine_notes) std::cout << "  machine-dependent: " << n << "\n";
  return disagree == 0 ? 0 : 1;
}
