// Turning command-line paths into the list of files to lint: files as given, directories walked
// for known config names (skipping VCS and build folders, never following directory symlinks).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "zklint/lint/input.hpp"

namespace zklint {

struct InputFile {
  std::string display;          ///< the name used in reports
  std::filesystem::path path;   ///< what to open ("-" for standard input)
  bool from_walk = false;       ///< found by walking a directory (not named by the user)
  bool included = false;        ///< found by walking and named by `include` in .zklint.json: linted whatever its name and keys
};

/// A file or folder the walk did not lint, and why (--verbose lists them).
struct SkippedFile {
  std::string display;
  std::filesystem::path path;
  std::string reason;
  bool includable = false;  ///< a file skipped for its name, which `include` in .zklint.json may take back
};

struct Discovery {
  std::vector<InputFile> files;
  std::vector<InputError> errors;  ///< missing paths, unreadable directories, broken symlinks
  std::vector<SkippedFile> skipped;
};

/// `stdin_filename` names "-" in reports and decides its kind ("-" if empty).
Discovery discover_inputs(const std::vector<std::string>& paths, const std::string& stdin_filename);

/// True if a file found while walking may be a Kafka or ZooKeeper server config, by its name and
/// place: *server*/*broker*/*controller*/*zookeeper*.properties, *zoo*.cfg, and other *.properties
/// under kafka or kraft folders; never client, Connect, log4j or ksqlDB files. Template suffixes
/// (.j2, .erb, ...) are allowed. The file's keys decide the rest (see profile.hpp).
bool is_config_name(const std::filesystem::path& path);

/// Whether the walk takes a file (named like a config, or any other `.cfg`, whose keys then
/// decide: `zk1.cfg`), and if not, why not.
struct NameVerdict {
  bool candidate = false;
  std::string reason;
};
NameVerdict judge_name(const std::filesystem::path& path);

}  // namespace zklint
