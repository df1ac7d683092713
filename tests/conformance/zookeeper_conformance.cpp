// Conformance of zklint's ZooKeeper server rules with the real ZooKeeper: for every zoo.cfg of
// the suite, zklint judging it as ZooKeeper 3.8 (--zookeeper-version 3.8) must report an error
// (any rule, every rule enabled) exactly when ZooKeeper 3.8's QuorumPeerConfig.parse rejects the file, or when the ports it parses cannot all be opened
// at startup (see QuorumPeerConfigOracle.java for both).
//
// The suite is every file in the directories given: tests/conformance/zookeeper/*.cfg (one case
// per file), the ZooKeeper fixtures of the rule families (rules/*/fixtures/*.cfg) and
// examples/zookeeper (a fixture with a `#! base:` as the harness composes it). A file named after a
// case (NAME.cfg.dynamic.100000000) is no case of its own: it is the file beside NAME.cfg that its
// dynamicConfigFile names, read by both sides. A case whose
// outcome depends on the machine rather than on the file says so in a comment line of its own:
//
//   # conformance: machine-dependent (dns): clientPortAddress names a host this machine cannot resolve
//
// For an accepted config the driver also compares whether ACL checks end up off: the oracle reports
// ZooKeeperServer's own test of the system property the parse set (zookeeper.skipACL == "yes"),
// and skip-acl (ZKL441) must warn exactly then.
//
// Such cases are run and shown, listed at the end, and never counted as disagreements. The kinds
// are `dns` (a name resolved while the config is read), `classpath` (a class loaded while the
// config is read) and `file` (a file the config names, such as dynamicConfigFile).
//
// Templates (fixtures with {{ }}, {% %}, ${X} ...) are not configs ZooKeeper could read: they are
// linted, but not compared.
//
// On top of the hand-written cases, the driver generates configs (deterministically): a third with
// a server.N value mixed from the pieces the server.N grammar cares about (':', ';', '|',
// brackets, blanks, types, ports in and out of range), a third with random values for the
// settings QuorumPeerConfig parses and the ports it binds, and a third of token soup (keys,
// values, separators, comments and line breaks glued at random), so that the rules are held to
// ZooKeeper on inputs nobody thought of.
//
// Usage: zookeeper_conformance JAVA ORACLE_CLASSPATH WORKDIR RANDOM_COUNT DIR...
// Exit codes: 0 agreement, 1 disagreement, 77 skipped (no Java or no ZooKeeper jars), 2 setup error.

#include <sys/wait.h>

#include <algorithm>
#include <cstdint>
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

#include "../rules/fixture_base.hpp"
#include "driver_support.hpp"

using namespace zklint::conformance;

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view mark = "# conformance: machine-dependent";

const std::vector<std::string> hosts = {"zk1", "10.0.0.1", "[2001:db8::1]", "zk-1.example.com", "[::1]", "localhost", "", "2001:db8::1"};
const std::vector<std::string> good_quorum_ports = {"2888", "2889", "+2888", "02888", "12888"};
const std::vector<std::string> good_election_ports = {"3888", "3889", "13888", "65535"};
const std::vector<std::string> good_client_ports = {"2182", "12181", "0"};
const std::vector<std::string> bad_ports = {"2181", "65536", "-1", "28x8", " 2888", "2888 ", "", "3888", "2888"};
const std::vector<std::string> types = {"participant", "observer", "OBSERVER", " observer ", "voter", ""};
const std::vector<std::string> noise = {":", ";", "[", "]", " ", "::", ";;", "x"};

template <typename T>
const T& pick(Random& r, const std::vector<T>& v) { return v[r.below(v.size())]; }

// Mostly a port that works; one time in four any port, right or wrong.
std::string port(Random& r, const std::vector<std::string>& good) { return r.below(4) == 0 ? pick(r, bad_ports) : pick(r, good); }

// One address as people write it, usually right, sometimes with a field missing or extra.
std::string random_address(Random& r) {
  std::string a = pick(r, hosts);
  const std::size_t shape = r.below(10);
  if (shape == 0) return a + ":" + port(r, good_quorum_ports);                                   // a field missing
  a += ":" + port(r, good_quorum_ports) + ":" + port(r, good_election_ports);
  if (shape >= 6) a += ":" + pick(r, types);
  if (shape == 9) a += ":" + port(r, good_client_ports);                                           // a field too many
  return a;
}

// A server.N value: mostly well-formed shapes with random ports, types and client parts, some
// with noise spliced in anywhere.
std::string random_server_value(Random& r) {
  std::string v = random_address(r);
  if (r.below(10) == 0) v += "|" + random_address(r);
  switch (r.below(4)) {
    case 0: v += ";" + port(r, good_client_ports); break;
    case 1: v += ";" + pick(r, hosts) + ":" + port(r, good_client_ports); break;
    default: break;
  }
  const std::size_t splices = r.below(4) == 0 ? 1 + r.below(2) : 0;
  for (std::size_t i = 0; i < splices; ++i) v.insert(r.below(v.size() + 1), pick(r, noise));
  return v;
}

// Settings QuorumPeerConfig parses itself, with values from ordinary to tricky.
const std::vector<std::pair<std::string, std::vector<std::string>>> settings = {
    {"tickTime", {"2000", "3000", "100", "0", "-5", "2s", "+2000", "200000000", "\xD9\xA2\xD9\xA0\xD9\xA0\xD9\xA0"}},
    {"minSessionTimeout", {"4000", "-1", "0", "50000", "3000", "x"}},
    {"maxSessionTimeout", {"40000", "-1", "3000", "60000", "1000"}},
    {"clientPort", {"2181", "0", "8080", "2281", "70000", "-1", "2888", "3888", "2181 "}},
    {"secureClientPort", {"2281", "2181", "0", "8080"}},
    {"clientPortAddress", {"127.0.0.1", "0.0.0.0"}},
    {"admin.serverPort", {"8080", "2181", "3888", "70000", "junk", "0x1F90", "08080"}},
    {"admin.enableServer", {"false", "FALSE", "true", "no"}},
    {"initLimit", {"10", "0", "-1", "ten"}},
    {"syncLimit", {"5", "0", "5s"}},
    {"standaloneEnabled", {"true", "false", "FALSE", "yes"}},
    {"electionAlg", {"3", "1", "0"}},
    {"peerType", {"observer", "Participant", "leader"}},
    {"quorumListenOnAllIPs", {"true", "false"}},
    {"maxClientCnxns", {"0", "60", "-1", "1e3"}},
    {"dataLogDir", {"/var/lib/zookeeper/log", "x", "", "./log"}},
    {"autopurge.snapRetainCount", {"1", "3", "three"}},
    {"quorum.auth.enableSasl", {"true", "false"}},
    {"quorum.auth.learnerRequireSasl", {"true", "false"}},
    {"quorum.auth.serverRequireSasl", {"true", "false"}},
};
const std::vector<std::string> server_blocks = {
    "",
    "server.1=zk1:2888:3888\n",
    "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n",
    "server.1=localhost:2888:3888\nserver.2=localhost:2889:3889\nserver.3=localhost:2890:3890\n",
    "server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2182\nserver.3=zk3:2888:3888:observer\n",
};

// A config with a handful of random settings, and none, one or three server lines.
std::string random_settings_config(Random& r) {
  std::string text = "dataDir=/var/lib/zookeeper\n";
  const std::size_t count = 2 + r.below(6);
  for (std::size_t i = 0; i < count; ++i) {
    const auto& [key, values] = settings[r.below(settings.size())];
    text += key + "=" + values[r.below(values.size())] + "\n";
  }
  return text + server_blocks[r.below(server_blocks.size())];
}

// Token soup: keys, values and separators glued at random, lines broken anywhere. No tokens that
// make the outcome depend on the machine (clientPortAddress, which is resolved with DNS, or
// metricsProvider.className, which is loaded from the classpath).
const std::vector<std::string> soup = {
    "server.", "1", "2", "3", "01", "-1", "x", "=", "=", ":", ";", "|", "[", "]", "::1", " ", "\n", "\n", "\n", "2181", "2888", "3888",
    "observer", "group.", "weight.", "version", "tickTime", "clientPort", "/", "a", "maxSessionTimeout", "minSessionTimeout",
    "admin.serverPort", "4lw.commands.whitelist", ",", "RUOK", "0x10", "08", "zookeeper.", "standaloneEnabled", "false", "true",
    "secureClientPort", "ssl.authProvider", "authProvider.", "initLimit", "syncLimit", "10", "5", "8080", "peerType", "electionAlg",
    "localhost", "127.0.0.1", "0", "#", " # c", "dataLogDir", "quorumListenOnAllIPs", "\nserver.1=zk1:2888:3888",
    "\nserver.2=zk2:2888:3888;2181", "\nserver.3=localhost:2889:3889", "\ninitLimit=5\nsyncLimit=2\n", "admin.enableServer=false\n",
    "\t", "\\\n"};

std::string random_soup_config(Random& r) {
  std::string text = "dataDir=/var/lib/zookeeper\n";
  const std::size_t tokens = r.below(61);
  for (std::size_t i = 0; i < tokens; ++i) text += pick(r, soup);
  return text;
}

// A quorum of three whose first server.N value is random; the others are well formed.
std::string random_server_config(Random& r) {
  std::string value = random_server_value(r);
  if (!value.empty() && value.front() == ' ') value.insert(value.begin(), '\\');  // keep a leading blank (Properties drops it)
  // No static clientPort: a client suffix would have to match it, which would hide the grammar.
  return "tickTime=2000\ndataDir=/var/lib/zookeeper\ninitLimit=10\nsyncLimit=5\nserver.1=" + value + "\nserver.2=zk2:2888:3888;2181\nserver.3=zk3:2888:3888;2181\n";
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
  bool zklint_skip_acl = false;  // skip-acl (ZKL441) says ACL checks are off
  std::vector<zklint::SingleFileOptions::ClusterFile> beside;  // NAME.cfg.*: its dynamicConfigFile
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: zookeeper_conformance JAVA ORACLE_CLASSPATH WORKDIR RANDOM_COUNT DIR...\n";
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
  std::error_code ec;
  fs::remove_all(workdir, ec);
  fs::create_directories(workdir / "random");
  Random random{20260601};
  const std::size_t random_count = std::stoul(argv[4]);
  for (std::size_t i = 0; i < random_count; ++i) {
    const fs::path p = workdir / "random" / ("random-" + std::to_string(i) + ".cfg");
    const std::string text = i % 3 == 0 ? random_server_config(random) : i % 3 == 1 ? random_settings_config(random) : random_soup_config(random);
    std::ofstream(p, std::ios::binary) << text;
    cases.push_back(Case{p, text});
  }
  for (int a = 5; a < argc; ++a) {
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
      std::string text = read_file(p);
      if (!zookeeper_case(p, text)) continue;
      // A fixture with a `#! base:` is the base's settings plus the file: ZooKeeper reads that too.
      const zklint::testing::ComposedFixture composed = zklint::testing::compose_fixture(text);
      if (!composed.error.empty()) {
        std::cerr << "setup error: " << p << ": " << composed.error << "\n";
        return 2;
      }
      fs::path read_path = p;
      if (composed.base_bytes != 0) {
        read_path = workdir / "with-base" / (p.parent_path().parent_path().filename().string() + "-" + p.filename().string());
        fs::create_directories(read_path.parent_path());
        std::ofstream(read_path, std::ios::binary) << composed.text;
      }
      Case c{read_path, composed.text};
      c.machine = machine_dependence(c.text);
      // Files named after the case (NAME.cfg.dynamic.100000000) sit beside it as its deployment's
      // files: zklint and the oracle both read the one its dynamicConfigFile names.
      for (const fs::path& other : files) {
        const std::string name = other.filename().string();
        if (name.starts_with(p.filename().string() + ".")) c.beside.push_back({name, read_file(other)});
      }
      cases.push_back(std::move(c));
    }
  }
  if (cases.size() < 100 + random_count) std::cerr << "note: only " << cases.size() - random_count << " hand-written cases\n";

  // zklint, in process, every rule enabled, as a ZooKeeper 3.8 config: the release the oracle runs
  // (a guessed range would soften to warnings what only some other line accepts).
  for (Case& c : cases) {
    zklint::SingleFileOptions options;
    options.file_name = "zoo.cfg";
    options.kind = zklint::FileKind::zookeeper;
    options.zookeeper_version = zklint::ZooKeeperVersion{3, 8};
    options.beside = c.beside;
    const zklint::SingleFileResult r = zklint::lint_text(c.text, options);
    c.templated = r.profile.templated;
    for (const zklint::Diagnostic& d : r.diagnostics) {
      if (d.rule->meta().code == std::string_view("ZKL441") && d.severity == zklint::Severity::warning) c.zklint_skip_acl = true;
      if (d.severity != zklint::Severity::error) continue;
      c.zklint_error = true;
      c.zklint_errors += "\n    " + std::string(d.rule->meta().code) + " " + std::to_string(d.range.begin.line) + ":" +
                         std::to_string(d.range.begin.column) + " " + d.message;
    }
  }

  // The real ZooKeeper, in one JVM for all cases.
  std::string command = quote_arg(java) + " -cp " + quote_arg(classpath) + " org.apache.zookeeper.server.quorum.QuorumPeerConfigOracle " +
                        quote_arg((workdir / "oracle").string());
  {
    std::ofstream list(workdir / "cases.txt", std::ios::binary);
    for (const Case& c : cases) list << c.path.string() << "\n";
  }
  command += " " + quote_arg("@" + (workdir / "cases.txt").string());
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
    // Whether the parse left ACL checks off is a verdict too, for accepted configs.
    const bool skip_acl = accepted && it->second.at("skipACL").get<bool>();
    if (accepted && skip_acl != c.zklint_skip_acl && !c.templated) {
      ++disagree;
      std::cerr << "DISAGREE " << c.path.string() << "\n  ZooKeeper: ACL checks " << (skip_acl ? "off" : "on") << " after the parse\n  zklint: "
                << (c.zklint_skip_acl ? "skip-acl says they are off" : "skip-acl says nothing") << "\n\n";
      continue;
    }
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
  std::cout << cases.size() << " zoo.cfg cases (" << random_count << " generated): " << agree << " agree with ZooKeeper 3.8 (" << rejected << " rejected by it), " << disagree
            << " disagree, " << machine_notes.size() << " machine-dependent, " << templates << " templates not compared\n";
  for (const std::string& n : machine_notes) std::cout << "  machine-dependent: " << n << "\n";
  return disagree == 0 ? 0 : 1;
}
