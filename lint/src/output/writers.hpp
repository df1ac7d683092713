// One function per format; output.cpp dispatches on --format.
#pragma once

#include <ostream>

#include "zklint/lint/output.hpp"

namespace zklint::output {

void write_text(const RunResult& run, std::ostream& out, const OutputOptions& options);
void write_concise(const RunResult& run, std::ostream& out, const OutputOptions& options);
void write_summary(const RunResult& run, std::ostream& err);
void write_statistics(const RunResult& run, std::ostream& out);
void write_json(const RunResult& run, std::ostream& out, const OutputOptions& options);
void write_sarif(const RunResult& run, std::ostream& out, const OutputOptions& options);
void write_github(const RunResult& run, std::ostream& out, const OutputOptions& options);
void write_gitlab(const RunResult& run, std::ostream& out, const OutputOptions& options);
void write_checkstyle(const RunResult& run, std::ostream& out, const OutputOptions& options);
void write_junit(const RunResult& run, std::ostream& out, const OutputOptions& options);

}  // namespace zklint::output
