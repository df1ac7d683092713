// Replays the fuzzing regression corpus (tests/fuzz/regressions: every input that ever crashed or
// broke an invariant) through the same pipeline as the fuzzer, in the normal test run.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline.hpp"

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("the fuzzing regression corpus runs through the whole pipeline without a problem") {
  const auto dir = std::filesystem::path(ZKLINT_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    ++count;
    const std::string data = read_file(entry.path());
    // The input as it was found, then with every other settings byte: the bug may hide behind another.
    for (unsigned settings = 0; settings < 0x80; settings += 0x11) {
      std::string variant = data;
      if (!variant.empty() && settings != 0) variant[0] = static_cast<char>(settings);
      const auto problems = zklint::fuzz::run_pipeline(variant);
      INFO(entry.path().filename().string() << " with settings byte " << (settings == 0 ? -1 : static_cast<int>(settings)));
      for (const std::string& p : problems.list()) FAIL_CHECK(p);
    }
  }
  CHECK(count > 0);
}
