#include "zklint/lint/input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace zklint {
namespace {

std::string describe_file_type(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory, not a file";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe); zklint reads only regular files, or standard input with '-'";
  if (S_ISCHR(mode)) return "is a character device, not a regular file";
  if (S_ISBLK(mode)) return "is a block device, not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  return "is not a regular file";
}

std::string describe_errno(int err) {
  switch (err) {
    case ENOENT: return "does not exist";
    case EACCES: return "cannot be read: permission denied";
    case ELOOP: return "cannot be opened: too many levels of symbolic links (a symlink loop?)";
    case ENOTDIR: return "does not exist (a part of the path is not a directory)";
    case EISDIR: return "is a directory, not a file";
    default: return std::string("cannot be read: ") + std::strerror(err);
  }
}

// Reads all of `fd` into `out`, up to the size cap, straight into the string (no copy through a
// buffer): `expected` bytes at first, more if the file grew since fstat. Returns false (and sets
// `error`) on failure.
bool read_all(int fd, std::string& out, std::size_t expected, std::string& error) {
  std::size_t filled = 0;
  out.resize(expected + 1);  // one more byte, so that reaching the end needs no growth
  for (;;) {
    if (filled == out.size()) {
      if (out.size() > SourceFile::max_size) {
        error = "is larger than 1 GiB; that is not a configuration file";
        return false;
      }
      out.resize(std::min(2 * out.size(), SourceFile::max_size + 1));
    }
    const ssize_t n = ::read(fd, out.data() + filled, out.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = describe_errno(errno);
      return false;
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  if (filled > SourceFile::max_size) {
    error = "is larger than 1 GiB; that is not a configuration file";
    return false;
  }
  out.resize(filled);
  return true;
}

// A .properties file is text. NUL bytes mean a binary file, or UTF-16/UTF-32, which Java would
// read as ISO-8859-1 garbage. Name the likely cause.
std::optional<std::string> binary_reason(const std::string& bytes) {
  const auto starts_with = [&](std::string_view prefix) { return bytes.compare(0, prefix.size(), prefix) == 0; };
  if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
    return "is UTF-16 text (it starts with a UTF-16 byte order mark); Java reads .properties files as "
           "ISO-8859-1, so Kafka and ZooKeeper would see garbage: save it as ASCII or UTF-8 without BOM";
  }
  if (bytes.find('\0') != std::string::npos) {
    return "contains NUL bytes: it looks like a binary file (or UTF-16 text without a byte order mark), "
           "not a .properties configuration";
  }
  return std::nullopt;
}

}  // namespace

ReadResult read_input(const std::string& path, const std::string& display_path) {
  ReadResult result;
  std::string bytes;
  std::string error;
  if (path == "-") {
    if (!read_all(STDIN_FILENO, bytes, std::size_t{1} << 16, error)) {
      result.error = InputError{display_path, "standard input " + error};
      return result;
    }
  } else {
    // O_NONBLOCK: opening a FIFO must not wait for a writer. We check the type before reading.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
      result.error = InputError{display_path, describe_errno(errno)};
      return result;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      error = describe_errno(errno);
    } else if (!S_ISREG(st.st_mode)) {
      error = describe_file_type(st.st_mode);
    } else if (static_cast<std::uint64_t>(st.st_size) > SourceFile::max_size) {
      error = "is larger than 1 GiB; that is not a configuration file";
    } else {
      read_all(fd, bytes, static_cast<std::size_t>(st.st_size), error);
    }
    ::close(fd);
    if (!error.empty()) {
      result.error = InputError{display_path, error};
      return result;
    }
  }
  if (auto reason = binary_reason(bytes)) {
    result.error = InputError{display_path, *reason};
    result.binary = true;
    return result;
  }
  result.source.emplace(display_path, std::move(bytes));
  return result;
}

}  // namespace zklint
