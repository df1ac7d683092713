// Conformance of `zklint dump` with the real java.util.Properties.
//
// Generates random .properties files that stress every corner of the format (separators, escapes,
// odd and even backslash runs, comment lines ending in a backslash, CR/LF/CRLF mixes, form feeds,
// Latin-1 bytes, empty keys, key-only lines, a backslash at end of file), plus any extra files or
// directories named on the command line, then compares what Java loads with what zklint reports,
// file by file. Agreement must be total; a mismatch prints the file's bytes and both views.
//
// Usage: properties_conformance ZKLINT JAVA ORACLE_CLASSPATH WORKDIR COUNT [EXTRA_DIR...]
// Exit codes: 0 agreement, 1 mismatch, 77 skipped (no Java runtime), 2 setup error.

#include <sys/wait.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "driver_support.hpp"

using namespace zklint::conformance;

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::vector<std::string> line_ends = {"\n", "\n", "\n", "\r\n", "\r\n", "\r"};
const std::vector<std::string> blanks = {" ", "\t", "\f", "  ", " \t"};
const std::vector<std::string> key_words = {"a",         "zookeeper.connect", "clientPort", "server.1", "k",
                                            "log.dirs",  "my\\ key",          "x\\=y",      "c\\:d",    "\\#k",
                                            "\\!k",      "\\\\",              "é",          "\\u0041b", "\\uD83D\\uDE00",
                                            "\\t\\n\\r", "\\f",               "dup",        "dup",      "\xE9\xFF"};
const std::vector<std::string> value_words = {
    "v",          "2181",        "zk1:2181,zk2:2181/kafka", "a b  ",    " trailing \t", "# not a comment",
    "! either",   "=",           ":",                       "\\u00e9",  "\\u00E9x",     "\\uD800",
    "\\uDC00z",   "\\uD83D\\uDE00", "\\\\",
    "\\\\\\\\",   "C:\\kafka\\logs", "\\q\\ \\=",           "\xC3\xA9", "\xA0\xFF",     "\\\xE9",
    "\\U0041",  "{{ x }}",    "${VAR}",      "\\n",                     "x\\u0000y"};

// Each of these makes Java abort the whole load; used sparingly so most files load completely.
const std::vector<std::string> malformed_escapes = {"\\uZZZZ", "\\u12", "\\u", "\\u00g0", "k\\u004"};

std::string random_backslashes(Random& r) { return std::string(1 + r.below(4), '\\'); }

// One physical line, built from pieces that exercise the reader.
std::string random_line(Random& r) {
  std::string line;
  if (r.chance(25)) line += r.pick(blanks);
  switch (r.below(10)) {
    case 0:  // comment, sometimes ending in backslashes (never a continuation)
      line += r.chance(50) ? "#" : "!";
      line += r.pick(value_words);
      if (r.chance(40)) line += random_backslashes(r);
      return line;
    case 1:  // blank or lone backslash
      return r.chance(50) ? line : line + "\\";
    default: break;
  }
  const int parts = 1 + static_cast<int>(r.below(4));
  for (int i = 0; i < parts; ++i) {
    switch (r.below(8)) {
      case 0: line += r.pick(blanks); break;
      case 1: line += r.chance(50) ? "=" : ":"; break;
      case 2: line += r.chance(4) ? r.pick(malformed_escapes) : r.pick(value_words); break;
      case 3: line += std::string(1, static_cast<char>(0x80 + r.below(0x80))); break;
      default: line += r.pick(key_words); break;
    }
    if (r.chance(30)) line += r.pick(blanks);
    if (r.chance(25)) line += r.chance(50) ? "=" : ":";
    if (r.chance(30)) line += r.pick(value_words);
  }
  if (r.chance(30)) line += random_backslashes(r);  // odd runs continue, even runs do not
  return line;
}

std::string random_file(Random& r) {
  std::string text;
  const std::size_t lines = r.below(12);
  for (std::size_t i = 0; i < lines; ++i) {
    text += random_line(r);
    if (i + 1 < lines || r.chance(70)) text += r.pick(line_ends);
  }
  if (r.chance(10)) text += "\\";  // a backslash at end of file
  if (r.chance(5)) text += "\\\n";
  return text;
}

// Files that must always be present: each pins down one quirk.
const std::vector<std::string> fixed_cases = {
    "", "\\", "\\\n", "\\\r", "\\\r\n", "\\\n\n", "\\\n  ", "\\\n#c\nk=v", "a=b\\", "a=b\\\n", "a=b\\\r\n",
    "a=b\\\\", "k\\\n  =v", "k \\\n  v", "k\\\n v", "=v", ":v", "k", "k=", "k = = v", "k::v", "  \f\tk\t=\tv  ",
    "#c\\\nk=v", "!c\\\nk=v", "k=v\\\n#not comment", "k=\\u00\\\n  41", "k=\\u00", "\\u0=v", "k=a\\\n\\\n\\\nb",
    "a\rb\r\nc\nd", "k=\\\n\n", "\\\n\\\n\\", "k=x\\\r\ny", "\\ k=v", "\\=k=v"};

std::map<std::string, json> parse_lines(const std::string& text) {
  std::map<std::string, json> by_file;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty()) {
      json view = json::parse(line);
      const std::string name = fs::path(view.at("file").get<std::string>()).filename().string();
      by_file[name] = std::move(view);
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return by_file;
}

std::string load_error(const json& view) {
  const json& load = view.at("load");
  return load.contains("error") ? load.at("error").get<std::string>() : std::string();
}

std::string visible_bytes(const std::string& bytes) {
  std::string out;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') out += "\\n\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\f') out += "\\f";
    else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: properties_conformance ZKLINT JAVA ORACLE_CLASSPATH WORKDIR COUNT [EXTRA_DIR...]\n";
    return 2;
  }
  const std::string zklint = argv[1], java = argv[2], classpath = argv[3];
  const fs::path workdir = argv[4];
  const std::size_t count = std::stoul(argv[5]);
  if (java.empty() || java == "NOTFOUND" || java.find("NOTFOUND") != std::string::npos) {
    std::cerr << "SKIPPED: no Java runtime found at configure time; install default-jdk-headless "
                 "to compare zklint with the real java.util.Properties\n";
    return 77;
  }

  // Collect inputs: generated files, then copies of the extra files (so names are unique).
  std::error_code ec;
  fs::remove_all(workdir, ec);
  fs::create_directories(workdir);
  std::map<std::string, std::string> origin;  // file name in workdir -> description
  Random random{20261125};
  std::size_t index = 0;
  auto add = [&](const std::string& bytes, const std::string& description) {
    char name[32];
    std::snprintf(name, sizeof name, "f%06zu.properties", index++);
    write_file(workdir / name, bytes);
    origin[name] = description;
  };
  for (const std::string& bytes : fixed_cases) add(bytes, "fixed case");
  for (std::size_t i = 0; i < count; ++i) add(random_file(random), "generated");
  std::size_t corpora = 0;
  for (int a = 6; a < argc; ++a) {
    if (!fs::exists(argv[a])) {
      std::cerr << "note: " << argv[a] << " is absent; not compared\n";
      continue;
    }
    ++corpora;
    for (const auto& item : fs::recursive_directory_iterator(argv[a])) {
      if (!item.is_regular_file() || item.path().filename() == "MANIFEST.tsv") continue;
      std::ifstream in(item.path(), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (bytes.find('\0') != std::string::npos) continue;  // zklint refuses binary input by design
      add(bytes, item.path().string());
    }
  }

  // A run that exists only to compare corpora compared nothing when they are all absent.
  if (count == 0 && argc > 6 && corpora == 0) {
    std::cout << "SKIPPED: no corpus directory is present, so nothing was compared\n";
    return 77;
  }

  int status = 0;
  const std::string oracle_out = run(quote_arg(java) + " -cp " + quote_arg(classpath) + " PropertiesOracle " + quote_arg(workdir.string()), status);
  if (status != 0) {
    std::cerr << "the Java oracle failed (exit " << status << ")\n";
    return 2;
  }
  std::string zklint_out;
  std::vector<std::string> names;
  for (const auto& [name, description] : origin) names.push_back(name);
  for (std::size_t i = 0; i < names.size(); i += 500) {  // keep command lines short
    std::string command = quote_arg(zklint) + " dump";
    for (std::size_t k = i; k < std::min(names.size(), i + 500); ++k) command += " " + quote_arg((workdir / names[k]).string());
    zklint_out += run(command + " 2>/dev/null", status);
    zklint_out += "\n";
  }

  const auto expected = parse_lines(oracle_out);
  const auto actual = parse_lines(zklint_out);
  std::size_t mismatches = 0;
  for (const auto& [name, description] : origin) {
    const auto e = expected.find(name);
    const auto a = actual.find(name);
    const bool same = e != expected.end() && a != actual.end() &&
                      e->second.at("load").at("ok") == a->second.at("load").at("ok") &&
                      load_error(e->second) == load_error(a->second) &&
                      e->second.at("properties") == a->second.at("properties");
    if (same) continue;
    if (++mismatches > 5) continue;
    std::ifstream in(workdir / name, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::cerr << "MISMATCH " << name << " (" << description << ")\n--- bytes ---\n" << visible_bytes(bytes)
              << "\n--- java ---\n" << (e == expected.end() ? "(none)" : e->second.dump())
              << "\n--- zklint ---\n" << (a == actual.end() ? "(none)" : a->second.dump()) << "\n\n";
  }
  std::cout << origin.size() << " files compared with java.util.Properties: " << origin.size() - mismatches << " agree, "
            << mismatches << " differ\n";
  return mismatches == 0 ? 0 : 1;
}
