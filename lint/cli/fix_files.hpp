// Writing what --fix produced: atomically, keeping the file's mode, and never through a symbolic
// link into another tree.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "zklint/lint/fixing.hpp"

namespace zklint::cli {

/// Why --fix must leave the file at `location` alone, or nullopt when it may write it. A file
/// reached through a symbolic link (the file or a folder on the way) is written only when its
/// real path lies inside the working directory, and then the real file is replaced, not the link.
std::optional<std::string> refuse_to_write(const std::filesystem::path& location);

/// Replaces the file with its fixed text, atomically (a temporary file in the same directory,
/// then rename), keeping its permission bits. Fails if the file changed since it was read.
bool write_fixed_file(const FixedFile& file, std::string& error);

}  // namespace zklint::cli
