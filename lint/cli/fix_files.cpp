#include "fix_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "commands.hpp"

namespace zklint::cli {

namespace fs = std::filesystem;

namespace {

// True if the path as written passes through a symbolic link: the file itself or a folder named
// in it. Folders above a relative path (the working directory's own ancestors) do not count.
bool through_symlink(const fs::path& location) {
  fs::path prefix;
  for (const fs::path& part : location) {
    prefix /= part;
    if (part == "/" || part == "." || part == "..") continue;
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(prefix, ec))) return true;
  }
  return false;
}

bool inside(const fs::path& path, const fs::path& root) {
  const fs::path relative = path.lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

// The file to replace: the real file behind any symbolic links.
fs::path write_target(const fs::path& location) {
  std::error_code ec;
  const fs::path real = fs::canonical(location, ec);
  return ec ? location : real;
}

}  // namespace

std::optional<std::string> refuse_to_write(const fs::path& location) {
  if (location == "-") return "standard input cannot be fixed in place (use --diff)";
  std::error_code ec;
  const fs::path real = fs::canonical(location, ec);
  if (ec) return "cannot resolve its real path: " + ec.message();
  if (through_symlink(location)) {
    const fs::path root = fs::canonical(fs::current_path(), ec);
    if (ec || !inside(real, root)) {
      return "it is reached through a symbolic link and its real path " + real.string() +
             " is outside the working directory; --fix does not write through symbolic links into another tree";
    }
  }
  if (::access(real.c_str(), W_OK) != 0) return "it is not writable";
  if (::access(real.parent_path().c_str(), W_OK) != 0) return "its folder is not writable (the fixed file is written next to it, then renamed)";
  return std::nullopt;
}

bool write_fixed_file(const FixedFile& file, std::string& error) {
  const fs::path target = write_target(file.location);
  std::ifstream in(target, std::ios::binary);
  std::stringstream now;
  now << in.rdbuf();
  if (!in || now.str() != file.original) {
    error = file.path + " changed while zklint was fixing it; not written (run zklint --fix again)";
    return false;
  }
  struct stat st {};
  const unsigned mode = ::stat(target.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
  return write_file_atomically(target.string(), file.fixed, error, mode);
}

}  // namespace zklint::cli
