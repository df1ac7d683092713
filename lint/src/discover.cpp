#include "zklint/lint/discover.hpp"

#include <algorithm>
#include <array>
#include <system_error>

#include "deploy/compose.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint {

namespace fs = std::filesystem;

namespace {

constexpr std::array skipped_dirs = {".git", ".hg", ".svn", ".bzr", "_darcs", "node_modules", ".tox", ".venv", "venv",
                                     "__pycache__", ".mypy_cache", ".pytest_cache", "target", "build", "dist", ".gradle",
                                     ".idea", ".vscode", ".terraform", ".cache"};

bool skip_dir(const std::string& name) {
  return std::find(skipped_dirs.begin(), skipped_dirs.end(), name) != skipped_dirs.end() || starts_with(name, "cmake-build-") ||
         starts_with(name, "build-");
}

std::string describe(const std::error_code& ec) {
  if (ec == std::errc::permission_denied) return "cannot be read: permission denied";
  if (ec == std::errc::too_many_symbolic_link_levels) return "cannot be opened: too many levels of symbolic links (a symlink loop?)";
  if (ec == std::errc::no_such_file_or_directory) return "does not exist (a broken symbolic link?)";
  return "cannot be read: " + ec.message();
}

void walk(const fs::path& root, const std::string& display_root, Discovery& out) {
  std::vector<fs::path> pending{root};
  std::vector<InputFile> found;
  while (!pending.empty()) {
    const fs::path dir = pending.back();
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      out.errors.push_back({(fs::path(display_root) / dir.lexically_relative(root)).lexically_normal().string(), "directory " + describe(ec)});
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& path = it->path();
      const fs::path relative = path.lexically_relative(root);
      std::error_code link_ec;
      const fs::file_status link = it->symlink_status(link_ec);
      const std::string display = (fs::path(display_root) / relative).lexically_normal().string();
      if (fs::is_directory(link)) {  // a real directory; directory symlinks are never followed
        if (!skip_dir(path.filename().string())) pending.push_back(path);
        else out.skipped.push_back({display + "/", path, "a version-control, dependency or build folder", false});
        continue;
      }
      const NameVerdict verdict = judge_name(display);
      if (!verdict.candidate) {
        out.skipped.push_back({display, path, verdict.reason, true});
        continue;
      }
      // The directory entry already says what a plain file is; only a symbolic link (or an entry
      // of unknown type) needs a stat to find out what it points to.
      fs::file_status target = link;
      if (link_ec || !fs::is_regular_file(link)) {
        std::error_code status_ec;
        target = fs::status(path, status_ec);
        if (status_ec) {
          out.errors.push_back({display, describe(status_ec)});
          continue;
        }
      }
      if (fs::is_directory(target)) continue;  // a symlink to a directory named like a file
      found.push_back({display, path, true});
    }
    if (ec) out.errors.push_back({(fs::path(display_root) / dir.lexically_relative(root)).lexically_normal().string(), "directory " + describe(ec)});
  }
  std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
  out.files.insert(out.files.end(), found.begin(), found.end());
}

}  // namespace

bool is_config_name(const fs::path& path) {
  const std::string name = to_lower(config_base_name(path.filename().string()));
  if (is_non_broker_name(name)) return false;
  if (ends_with(name, ".cfg")) return is_zookeeper_cfg_name(path.generic_string());
  if (!ends_with(name, ".properties")) return false;
  if (names_node_properties(name)) return true;
  for (const auto& part : path.parent_path()) {
    const std::string dir = to_lower(part.string());
    if ((dir.find("kafka") != std::string::npos && !is_non_broker_name(dir)) || dir == "kraft") return true;
  }
  return false;
}

NameVerdict judge_name(const fs::path& path) {
  if (is_config_name(path)) return {true, {}};
  const std::string name = to_lower(config_base_name(path.filename().string()));
  if (deploy::is_yaml_name(name)) return {true, {}};  // a docker-compose file by its `services:`, whatever its name
  if (ends_with(name, ".cfg") && !is_non_broker_name(name)) return {true, {}};  // zk1.cfg: its keys decide
  if (ends_with(name, ".properties") && is_non_broker_name(name)) {
    return {false, "named like a Kafka client, Connect, MirrorMaker, log4j, ksqlDB, Schema Registry or REST Proxy config, not a broker's"};
  }
  for (const auto& part : path.parent_path()) {
    if (ends_with(name, ".properties") && is_non_broker_name(part.string())) {
      return {false, "in the folder of a Kafka component that is not a broker (" + part.string() + "/)"};
    }
  }
  return {false, "not named like a Kafka or ZooKeeper config (\"include\" in .zklint.json adds it)"};
}

Discovery discover_inputs(const std::vector<std::string>& paths, const std::string& stdin_filename) {
  Discovery out;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      out.files.push_back({stdin_filename.empty() ? "-" : stdin_filename, "-", false});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      out.errors.push_back({arg, describe(ec)});
    } else if (fs::is_directory(st)) {
      walk(arg, arg, out);
    } else if (!fs::exists(st)) {
      std::error_code link_ec;
      out.errors.push_back({arg, fs::is_symlink(fs::symlink_status(arg, link_ec)) ? "is a broken symbolic link" : "does not exist"});
    } else {
      out.files.push_back({arg, arg, false});  // regular or not: read_input explains the rest
    }
  }
  return out;
}

}  // namespace zklint
