// libFuzzer entry point: the whole pipeline on each input (see pipeline.hpp). Any crash, sanitizer
// report, hang or broken invariant is a finding; tests/fuzz/run explains how to run it.
#include <cstdio>
#include <cstdlib>

#include "pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto problems = zklint::fuzz::run_pipeline(std::string_view(reinterpret_cast<const char*>(data), size));
  if (problems.list().empty()) return 0;
  for (const std::string& p : problems.list()) std::fprintf(stderr, "zklint fuzz: %s\n", p.c_str());
  std::abort();  // libFuzzer saves the input as a crash artifact
}
