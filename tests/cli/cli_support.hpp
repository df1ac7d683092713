// Helpers for tests that run the real zklint binary in a scratch directory.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace zklint::test {

struct Run {
  int exit_code = -1;
  std::string out;  ///< standard output
  std::string err;  ///< standard error
};

/// A fresh directory under the build tree, removed at the end of the test.
class Scratch {
 public:
  Scratch() {
    std::string templ = (std::filesystem::temp_directory_path() / "zklint-test-XXXXXX").string();
    dir_ = ::mkdtemp(templ.data());
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  const std::filesystem::path& path() const { return dir_; }
  std::filesystem::path write(const std::string& relative, const std::string& content) const {
    const auto p = dir_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::string read(const std::string& relative) const {
    std::ifstream in(dir_ / relative, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  /// Runs `zklint ARGS` in this directory (ARGS is shell text), with `input` on standard input.
  /// `prefix` goes before the binary (a command such as setpriv that runs it as another user).
  Run zklint(const std::string& args, const std::string& input = "", const std::string& prefix = "") const {
    const auto out_file = dir_ / ".stdout", err_file = dir_ / ".stderr", in_file = dir_ / ".stdin";
    std::ofstream(in_file, std::ios::binary) << input;
    const std::string command = "cd '" + dir_.string() + "' && NO_COLOR= FORCE_COLOR= " + prefix + "'" + std::string(ZKLINT_BINARY) + "' " + args + " <'" +
                                in_file.string() + "' >'" + out_file.string() + "' 2>'" + err_file.string() + "'";
    const int raw = std::system(command.c_str());
    Run r;
    r.exit_code = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read(".stdout");
    r.err = read(".stderr");
    std::filesystem::remove(out_file);
    std::filesystem::remove(err_file);
    std::filesystem::remove(in_file);
    return r;
  }

 private:
  std::filesystem::path dir_;
};

/// Compares `actual` with the golden file tests/cli/golden/RELATIVE, or rewrites that file when
/// ZKLINT_UPDATE_GOLDEN=1 (after a deliberate change; review the diff before committing it).
inline void expect_golden(const std::string& relative, const std::string& actual) {
  const auto path = std::filesystem::path(ZKLINT_SOURCE_DIR) / "tests" / "cli" / "golden" / relative;
  if (const char* update = std::getenv("ZKLINT_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << path << " (run with ZKLINT_UPDATE_GOLDEN=1 to create it)");
  std::stringstream expected;
  expected << in.rdbuf();
  if (actual == expected.str()) return;
  // Name the first line that differs: a whole SARIF report in the failure message hides it.
  std::istringstream want(expected.str()), got(actual);
  std::string want_line, got_line;
  int line = 0;
  bool more_wanted = true, more_got = true;
  while ((more_wanted = static_cast<bool>(std::getline(want, want_line))) | (more_got = static_cast<bool>(std::getline(got, got_line)))) {
    ++line;
    if (!more_wanted || !more_got || want_line != got_line) break;
  }
  FAIL_CHECK("output differs from " << path << " first at line " << line << ":\n  golden: " << (more_wanted ? want_line : "<end of file>")
                                    << "\n  actual: " << (more_got ? got_line : "<end of output>")
                                    << "\n(rerun with ZKLINT_UPDATE_GOLDEN=1 if the change is intended, and review the diff)");
}

/// A small config that only the generic .properties rules look at: one duplicate key (a warning).
inline const char* const duplicate_key_file = "greeting=hello\ngreeting=hi\n";

}  // namespace zklint::test
