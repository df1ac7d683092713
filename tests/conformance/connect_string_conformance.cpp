// Conformance of zklint's zookeeper.connect grammar and zk-client rules with the real ZooKeeper
// client (org.apache.zookeeper.client.ConnectStringParser + StaticHostProvider, ZooKeeper 3.8).
//
// For every connect string of the suite below:
// 1. zklint's parse must agree with ZooKeeper's: the same accept/reject decision, and when
//    accepted the same host list (host text and port, in order) and the same chroot;
// 2. zklint must report an error-level zk-client finding exactly when ZooKeeper rejects the string,
//    or when the suite documents why an accepted string cannot work (`cannot_work`: the parser
//    keeps a host that no resolver accepts, or a port nothing listens on);
// 3. an empty host name must be one Java resolves to the loopback address (zk-host-invalid says so).
//
// The strings are linted as `zookeeper.connect` of a Kafka 3.9 broker (ZooKeeper 3.8 client line).
// ZooKeeper 3.4 (Kafka 2.0-2.3) is not checked here: no 3.4 jar is available; its differences
// (no trim, empty entries kept, no [IPv6]) are covered by unit tests and fixtures.
//
// Usage: connect_string_conformance JAVA ORACLE_CLASSPATH WORKDIR
// Exit codes: 0 agreement, 1 disagreement, 77 skipped (no Java or no zookeeper.jar), 2 setup error.

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "zklint/grammar/connect_string.hpp"
#include "zklint/lint/engine.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

#include "driver_support.hpp"

using namespace zklint::conformance;

namespace fs = std::filesystem;
using nlohmann::json;
namespace cs = zklint::grammar::connect_string;

namespace {

struct Case {
  std::string value;
  /// Why the parser accepts the string but a broker cannot reach ZooKeeper with it (zklint then
  /// reports an error although ZooKeeper throws nothing); empty when it can work.
  std::string cannot_work = {};
};

const std::string dns = "the parser keeps the only host as ";

// clang-format off
const std::vector<Case> suite = {
    // --- well-formed ----------------------------------------------------------------------------
    {"zk1:2181"}, {"zk1:2181,zk2:2181,zk3:2181"}, {"zk1:2181,zk2:2181,zk3:2181/kafka"}, {"localhost:2181"},
    {"localhost:2181/kafka"}, {"10.0.0.1:2181,10.0.0.2:2181,10.0.0.3:2181/kafka/prod"}, {"zk-1.example.com:2181/a/b/c"},
    {"  zk1:2181 , zk2:2181  "}, {"zk1:2181,\tzk2:2181"}, {"zk1:2182,zk2:2183,zk3:2184/kafka-test-1"},
    {"ZK1:2181,zk2:2181/Kafka"}, {"zk_1:2181"}, {"k\xC3\xA4" "fka-zk:2181"}, {"zk1:65535"}, {"zk1:1"},
    {"zk1:+2181"}, {"zk1:002181"}, {"zk1:\xD9\xA2\xD9\xA1\xD9\xA8\xD9\xA1"},  // Arabic-Indic digits: Integer.parseInt reads 2181
    {"zk1:\xEF\xBC\x92\xEF\xBC\x91\xEF\xBC\x98\xEF\xBC\x91"},                  // fullwidth digits
    // --- blanks and semicolons instead of commas (ZKL103) -----------------------------------------
    {"zk1:2181 zk2:2181", dns + "'zk1:2181 zk2', which does not resolve"},
    {"zk1:2181  zk2:2181  zk3:2181/kafka", dns + "'zk1:2181  zk2:2181  zk3', which does not resolve"},
    {"zk1:2181\tzk2:2181", dns + "a name with a tab in it"},
    {"zk1:2181;zk2:2181", dns + "'zk1:2181;zk2'"},
    {"zk1:2181; zk2:2181; zk3:2181/kafka", dns + "'zk1:2181; zk2:2181; zk3'"},
    {"zk1:2181 zk2"}, {"zk1:2181;zk2"},                                      // port text "2181 zk2": NumberFormatException
    {"zk1 zk2", dns + "'zk1 zk2' with the default port, which does not resolve"},
    {"zk1:2181 zk2:2181,zk3:2181"},                                             // zk3 still works: a warning
    {"zk1:2181, zk2:2181 zk3:2181/kafka"},
    // --- chroot placement and validity (ZKL104, ZKL105, ZKL106) ------------------------------------
    {"zk1:2181/kafka,zk2:2181,zk3:2181"}, {"zk1:2181/kafka,zk2:2181"}, {"zk1/kafka,zk2/kafka"},
    {"zk1:2181,zk2:2181/kafka,zk3:2181"}, {"zk1:2181/"}, {"zk1:2181,zk2:2181/"}, {"zk1:2181/kafka/"},
    {"zk1:2181/kafka//"}, {"zk1:2181//kafka"}, {"zk1:2181/kafka//prod"}, {"zk1:2181/."}, {"zk1:2181/.."},
    {"zk1:2181/kafka/./prod"}, {"zk1:2181/kafka/../prod"}, {"zk1:2181/kafka/.."}, {"zk1:2181/..."},
    {"zk1:2181/.hidden"}, {"zk1:2181/a..b"}, {"zk1:2181/kafka cluster"}, {"zk1:2181/k,a:f"},
    {"zk1:2181/k\xC3\xA4" "fka"}, {std::string("zk1:2181/ka\0fka", 15)}, {"zk1:2181/ka\x01" "fka"},
    {"zk1:2181/ka\x1F" "fka"}, {"zk1:2181/ka\x7F" "fka"}, {"zk1:2181/ka\xC2\x85" "fka"}, {"zk1:2181/ka\xC2\xA0" "fka"},
    {"zk1:2181/ka\xEE\x80\x80" "fka"}, {"zk1:2181/ka\xEF\xA3\xBF" "fka"}, {"zk1:2181/ka\xEF\xA4\x80" "fka"},
    {"zk1:2181/ka\xEF\xBF\xB0" "fka"}, {"zk1:2181/ka\xF0\x9F\x98\x80" "fka"}, {"zk1:2181/kafka\x01"},
    {"[::1]:2181/kafka"}, {"zk1:2181/[::1]"},
    // --- ports (ZKL107, ZKL108, ZKL112) ------------------------------------------------------------
    {"zk1"}, {"zk1:"}, {"zk1,zk2:,zk3:2181"}, {"192.168.1.100"}, {"zk1:21a1"}, {"zk1: 2181"}, {"zk1:2181x"},
    {"zk1:2 181"}, {"zk1:0x10"}, {"zk1:65536"}, {"zk1:-1"}, {"zk1:-0", "port 0: nothing listens there"},
    {"zk1:0", "port 0: nothing listens there"}, {"zk1:0,zk2:2181"}, {"zk1:2147483647"}, {"zk1:2147483648"},
    {"zk1:99999999999"}, {"zk1:+"}, {"zk1:-"}, {"zk1:2181:2181", dns + "'zk1:2181', which does not resolve"},
    {"zk1:9092"}, {"zk1:2888,zk2:3888,zk3:8080"}, {"zk1:\xF0\x9D\x9F\x8E"},      // a non-BMP digit: two chars to Java
    // --- empty entries (ZKL109) and empty host lists (ZKL102) --------------------------------------
    {"zk1:2181,,zk2:2181"}, {",zk1:2181"}, {"zk1:2181,"}, {"zk1:2181, ,zk2:2181"}, {"zk1:2181,,,zk2:2181/kafka"},
    {""}, {" "}, {","}, {",,"}, {" , , "}, {"/"}, {"/kafka"}, {",/kafka"}, {"  /kafka"},
    // --- duplicates (ZKL110) and single hosts (ZKL113) ---------------------------------------------
    {"zk1:2181,zk1:2181"}, {"zk1:2181,ZK1:2181,zk2:2181"}, {"zk1,zk1:2181"}, {"localhost:2181,localhost:2182"},
    // --- IPv6 (ZKL111) -----------------------------------------------------------------------------
    {"[::1]"}, {"[::1]:2181"}, {"[::1]:2181,[::1]:2182"}, {"[fe80::1%eth0]:2181"}, {"[::ffff:10.0.0.1]:2181"},
    {"[2001:db8::1]:2181,[2001:db8::2]:2181/kafka"}, {"[a]b]"}, {"[a]:1]"}, {"[::1]]:5"}, {" [::1]:2181 "},
    {"[::1"}, {"[]"}, {"[]:2181"}, {"[]x"}, {"[::1]x"}, {"[::1]2181"}, {"[::1]:"}, {"[::1]:abc"}, {"[::1]: 5"},
    {"[::1]:2181:"}, {"[::1]:65536"}, {"[::1]:0", "port 0: nothing listens there"},
    {"::1", "'::1' is cut at its last ':' into host ':' and port 1"},
    {"::1:2181"},                                                               // host '::1', port 2181: works by luck
    {"2001:db8::1", "'2001:db8::1' is cut into host '2001:db8:' and port 1"},
    {"fd00::3:2181,zk2:2181"}, {"zk1:2181,2001:db8::1"}, {"x[::1]"}, {"::ffff:10.0.0.1"},
    // --- host names (ZKL114) -----------------------------------------------------------------------
    {"zk1 :2181", dns + "'zk1 ' (trailing blank), which does not resolve"},
    {"zk1\t:2181", dns + "a name ending in a tab"},
    {"zk1 :2181,zk2:2181"}, {":2181"}, {":2181,zk2:2181"}, {"zk 1:2181", dns + "'zk 1', which does not resolve"},
    {"a:1:2", dns + "'a:1', which does not resolve"},
};
// clang-format on

// zklint's reading of the value, in the oracle's shape.
json zklint_view(const std::string& value) {
  const cs::ConnectString parsed = cs::parse(value);
  if (parsed.rejected()) return {{"ok", false}};
  json hosts = json::array();
  for (const cs::HostEntry* e : parsed.hosts()) hosts.push_back({{"host", std::string(e->host.of(value))}, {"port", e->port}});
  const std::string_view chroot = parsed.chroot_path(value);
  return {{"ok", true}, {"chroot", chroot.empty() ? json(nullptr) : json(std::string(chroot))}, {"hosts", hosts}};
}

// The error-level zk-client findings on a Kafka 3.9 broker config with this zookeeper.connect.
std::vector<std::string> zklint_errors(const std::string& value) {
  zklint::SingleFileOptions options;
  options.kafka_version = zklint::KafkaVersion{3, 9};
  options.select = {"zk-client"};
  const std::string text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=" + zklint::escape_properties_value(value) + "\n";
  const auto result = zklint::lint_text(text, options);
  std::vector<std::string> errors;
  for (const zklint::Diagnostic& d : result.diagnostics) {
    if (d.severity == zklint::Severity::error) errors.push_back(std::string(d.rule->meta().code) + " " + d.message);
  }
  return errors;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: connect_string_conformance JAVA ORACLE_CLASSPATH WORKDIR\n";
    return 2;
  }
  const std::string java = argv[1], classpath = argv[2];
  const fs::path workdir = argv[3];
  if (java.find("NOTFOUND") != std::string::npos || classpath.find("NOTFOUND") != std::string::npos) {
    std::cerr << "SKIPPED: the ZooKeeper conformance test needs a Java runtime and /usr/share/java/zookeeper.jar "
                 "(Debian packages default-jdk-headless and zookeeper); neither zklint's connect-string grammar nor "
                 "its zk-client rules were compared with ZooKeeper\n";
    return 77;
  }
  std::error_code ec;
  fs::create_directories(workdir, ec);
  const fs::path cases = workdir / "connect-strings.hex";
  {
    std::ofstream out(cases);
    for (const Case& c : suite) out << hex(c.value) << "\n";
  }
  int status = 0;
  const std::string output = run(quote_arg(java) + " -cp " + quote_arg(classpath) + " ConnectStringOracle " + quote_arg(cases.string()), status);
  if (status != 0) {
    std::cerr << "the Java oracle failed (exit " << status << ")\n";
    return 2;
  }
  std::vector<json> expected;
  std::size_t start = 0;
  while (start < output.size()) {
    const std::size_t end = output.find('\n', start);
    const std::string line = output.substr(start, end - start);
    if (!line.empty()) expected.push_back(json::parse(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (expected.size() != suite.size()) {
    std::cerr << "the oracle answered " << expected.size() << " of " << suite.size() << " cases\n";
    return 2;
  }

  std::size_t failures = 0, exceptions = 0;
  for (std::size_t i = 0; i < suite.size(); ++i) {
    const Case& c = suite[i];
    const json& java_view = expected[i];
    json java_compared = java_view;
    java_compared.erase("error");
    if (java_compared.contains("hosts")) {
      for (json& h : java_compared["hosts"]) {
        if (h.at("host") == "" && !h.at("loopback").get<bool>()) {
          std::cerr << "FACT CHANGED " << zklint::quoted(c.value) << ": Java no longer resolves the empty host name to a loopback address\n";
          ++failures;
        }
        h.erase("loopback");
      }
    }
    const json ours = zklint_view(c.value);
    const bool java_rejects = !java_view.at("ok").get<bool>();
    const auto errors = zklint_errors(c.value);
    const bool expect_error = java_rejects || !c.cannot_work.empty();
    exceptions += !java_rejects && !c.cannot_work.empty();
    std::string problem;
    if (ours != java_compared) problem = "parse differs";
    else if (expect_error && errors.empty()) problem = "zklint reports no error";
    else if (!expect_error && !errors.empty()) problem = "zklint reports an error for a string that works";
    if (problem.empty()) continue;
    ++failures;
    std::cerr << "MISMATCH " << zklint::quoted(c.value) << ": " << problem << "\n  zookeeper: " << java_view.dump() << "\n  zklint:    " << ours.dump() << "\n";
    for (const std::string& e : errors) std::cerr << "  error: " << e << "\n";
    if (!c.cannot_work.empty()) std::cerr << "  documented: " << c.cannot_work << "\n";
  }
  std::cout << suite.size() << " connect strings compared with ZooKeeper's ConnectStringParser: " << suite.size() - failures << " agree, "
            << failures << " differ (" << exceptions << " documented cases the parser accepts but that cannot work)\n";
  return failures == 0 ? 0 : 1;
}
