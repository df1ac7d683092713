// Reading input files without trusting them: no blocking on FIFOs, no device reads, size caps,
// and a clear reason for every file that cannot be linted.
#pragma once

#include <optional>
#include <string>

#include "zklint/source.hpp"

namespace zklint {

/// Why an input could not be read. Every reason makes zklint exit with code 2.
struct InputError {
  std::string path;
  std::string message;  ///< a complete sentence for the user, without the path
};

struct ReadResult {
  std::optional<SourceFile> source;
  std::optional<InputError> error;
  /// Set for files that were read but are not configuration text (NUL bytes, UTF-16).
  bool binary = false;
};

/// Reads a regular file (or standard input for "-"), refusing directories, FIFOs, devices and
/// sockets, files over SourceFile::max_size, and binary content. `display_path` names the file
/// in messages and reports.
ReadResult read_input(const std::string& path, const std::string& display_path);

}  // namespace zklint
