// Conformance of zklint's KRaft quorum grammar (controller.quorum.voters and
// controller.quorum.bootstrap.servers) with the Java semantics it imitates.
//
// No Kafka jar is installed, so the oracle (QuorumOracle.java) applies the documented reading
// (QuorumConfig.java @3.9: ConfigDef's list split, split("@"), Integer.parseInt, Utils.HOST_PORT_PATTERN of
// Kafka 3.9+ and of earlier releases, the 0-65535 port range) with Java's own regex engine and
// string methods. What this checks is the hard part of the grammar: that the PEG rules accept and
// split exactly what java.util.regex, String.split and Integer.parseInt do, on a hand-written suite
// plus a few thousand generated values over the characters that matter.
//
// For every value, zklint and the oracle must agree on the number of list entries, and per entry
// on accept/reject, the stage that rejects (the '@' split, the id, the address, the port), and for
// accepted entries on the id, host and port.
//
// Usage: quorum_conformance JAVA ORACLE_CLASSPATH WORKDIR
// Exit codes: 0 agreement, 1 disagreement, 77 skipped (no Java), 2 setup error.

#include <sys/wait.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "zklint/grammar/quorum_voters.hpp"

#include "driver_support.hpp"

using namespace zklint::conformance;

namespace fs = std::filesystem;
namespace quorum = zklint::grammar::quorum;
using nlohmann::json;

namespace {

// clang-format off
const std::vector<std::string> handwritten = {
    "", " ", "1@kafka1:9093", "1@kafka1:9093,2@kafka2:9093,3@kafka3:9093", " 1@a:1 , 2@b:2 ", "1@a:1,", ",1@a:1", "1@a:1,,2@b:2",
    "1@a:1\t,\t2@b:2", "1@a:1\x0B,2@b:2", "1@[::1]:9093", "1@::1:9093", "1@[fd00::1:9093", "1@fd00::1]:9093", "1@[]:9093",
    "1@:9093", "1@", "@", "@@", "1@@a:1", "1@a:1@", "1@a:1@@", "@a:1", "a:1", "one@a:1", "+1@a:1", "-1@a:1", "01@a:1",
    "2147483647@a:1", "2147483648@a:1", "\xD9\xA1@a:1", "1 @a:1", "1@ a:1", "1@a :1", "1@a: 1", "1@a:1 ", "1@my host:9093",
    "1@a/b:9093", "1@a:9093/x", "1@a:90a3", "1@a:-1", "1@a:+1", "1@a:0", "1@a:65535", "1@a:65536", "1@a:2147483647",
    "1@a:2147483648", "1@a:99999999999", "1@CONTROLLER://a:9093", "1@SASL_SSL://a:9093", "1@a://b://c:1", "1@x[ab]:9093",
    "1@[ab]x:9093", "1@a]b:9093", "1@0.0.0.0:9093", "1@h_1.example%eth0:1", "1@k\xC3\xA4" "fka:9093", "1@a:\xD9\xA1",
    "1@[a]:[1]", "1@a::1", "1@a:1:2", "1@:::1", "kafka1:9093", "kafka1:9093,kafka2:9093", "[::1]:9093", "kafka1",
};
// clang-format on

// Generated values: a third fully random over the characters the patterns care about, the rest
// shaped like entries (id@host:port or host:port) with random parts, so that every stage is reached.
std::vector<std::string> generated(std::size_t count) {
  static const std::vector<std::string> alphabet = {"1", "2", "0", "9", "a", "Z", "@", "@", ":", ":", "[", "]", ".", "-", "%", "_",
                                                    "/", " ", "\t", ",", "+", "x", "\xC3\xA4", "\xD9\xA2", "://", "9093"};
  static const std::vector<std::string> host_alphabet = {"a", "k", "1", "0", ".", "-", "%", "_", ":", ":", "[", "]", " ", "/", "x", "\xC3\xA4", "://"};
  static const std::vector<std::string> ids = {"1", "12", "-3", "+4", "0", "", "x", "1 ", "\xD9\xA2", "2147483648", "@"};
  static const std::vector<std::string> ports = {"9093", "0", "65535", "65536", "2147483647", "2147483648", "9x", "", "-1", "\xD9\xA2"};
  std::uint64_t state = 0x2545F4914F6CDD1DULL;
  const auto next = [&](std::uint64_t bound) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state % bound;
  };
  const auto pick = [&](const std::vector<std::string>& from) { return from[next(from.size())]; };
  const auto entry = [&] {
    std::string host;
    for (std::size_t k = next(6); k > 0; --k) host += pick(host_alphabet);
    const std::string address = host + (next(4) == 0 ? "" : ":" + pick(ports));
    return next(3) == 0 ? address : pick(ids) + "@" + address;
  };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string value;
    if (i % 3 == 0) {
      for (std::size_t k = next(14); k > 0; --k) value += pick(alphabet);
    } else {
      for (std::size_t k = 1 + next(3); k > 0; --k) value += (value.empty() ? "" : next(5) == 0 ? " , " : ",") + entry();
    }
    out.push_back(value);
  }
  return out;
}

std::string stage(const quorum::Address& a) {
  switch (a.error) {
    case quorum::AddressError::port_overflow: return "port_overflow";
    case quorum::AddressError::port_out_of_range: return "port_range";
    default: return "address";
  }
}

json address_view(const std::string& value, const quorum::Address& a, json entry) {
  if (!a.ok()) return {{"ok", false}, {"stage", stage(a)}};
  entry["ok"] = true;
  entry["host"] = std::string(a.host.of(value));
  entry["port"] = *a.port;
  return entry;
}

// zklint's reading, in the oracle's shape.
json zklint_view(const std::string& mode, const std::string& value) {
  json entries = json::array();
  if (mode == "bootstrap") {
    for (const auto& s : quorum::parse_bootstrap_servers(value)) entries.push_back(address_view(value, s.address, json::object()));
    return entries;
  }
  const auto syntax = mode == "voters-strict" ? quorum::AddressSyntax::strict : quorum::AddressSyntax::lenient;
  for (const quorum::Voter& v : quorum::parse_voters(value, syntax)) {
    switch (v.error) {
      case quorum::VoterError::empty_entry:
      case quorum::VoterError::no_at:
      case quorum::VoterError::extra_at: entries.push_back({{"ok", false}, {"stage", "split"}}); break;
      case quorum::VoterError::bad_id: entries.push_back({{"ok", false}, {"stage", "id"}}); break;
      default: entries.push_back(address_view(value, v.address, {{"id", *v.id}}));
    }
  }
  return entries;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: quorum_conformance JAVA ORACLE_CLASSPATH WORKDIR\n";
    return 2;
  }
  const std::string java = argv[1], classpath = argv[2];
  const fs::path workdir = argv[3];
  if (java.find("NOTFOUND") != std::string::npos || classpath.find("NOTFOUND") != std::string::npos) {
    std::cerr << "SKIPPED: the quorum conformance test needs a Java runtime and compiler (Debian package default-jdk-headless); "
                 "zklint's controller.quorum.voters grammar was not compared with Java's regex and string semantics\n";
    return 77;
  }
  std::error_code ec;
  fs::create_directories(workdir, ec);
  std::vector<std::string> values = handwritten;
  for (const std::string& v : generated(4000)) values.push_back(v);
  const fs::path cases = workdir / "quorum-values.hex";
  {
    std::ofstream out(cases);
    for (const std::string& v : values) out << hex(v) << "\n";
  }
  int disagreements = 0;
  for (const std::string mode : {"voters-strict", "voters-lenient", "bootstrap"}) {
    int status = 0;
    const std::string output = run(quote_arg(java) + " -cp " + quote_arg(classpath) + " QuorumOracle " + mode + " " + quote_arg(cases.string()), status);
    if (status != 0) {
      std::cerr << "the Java oracle failed (exit " << status << ")\n";
      return 2;
    }
    std::size_t start = 0, index = 0;
    while (start < output.size() && index < values.size()) {
      const std::size_t end = output.find('\n', start);
      const json expected = json::parse(output.substr(start, end - start));
      const json actual = zklint_view(mode, values[index]);
      if (expected != actual && ++disagreements <= 20) {
        std::cerr << mode << " " << json(values[index]).dump() << "\n  java:   " << expected.dump() << "\n  zklint: " << actual.dump() << "\n";
      }
      ++index;
      if (end == std::string::npos) break;
      start = end + 1;
    }
    if (index != values.size()) {
      std::cerr << "the oracle answered " << index << " of " << values.size() << " values in mode " << mode << "\n";
      return 2;
    }
  }
  if (disagreements > 0) {
    std::cerr << disagreements << " disagreements between zklint and Java\n";
    return 1;
  }
  std::cout << "zklint and Java agree on " << values.size() << " values in 3 modes\n";
  return 0;
}
