#include "member_facts.hpp"

#include <fstream>

#include "zklint/lint/strings.hpp"

namespace zklint {
namespace {

namespace fs = std::filesystem;

// The root of the git work tree that holds `file`, if any.
std::optional<fs::path> repository_of(const fs::path& file) {
  std::error_code ec;
  for (fs::path dir = file.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir;
    if (dir == dir.root_path()) break;
  }
  return std::nullopt;
}

bool inside(const fs::path& path, const fs::path& root) {
  const std::string rel = path.lexically_relative(root).generic_string();
  return !rel.empty() && rel != "." && !starts_with(rel, "..");
}

// What java.io.BufferedReader.readLine returns first: the text up to \n, \r or \r\n; nothing for
// an empty file. A first line longer than a long's digits is cut: it is not a number either way.
std::optional<std::string> first_line(std::istream& in) {
  constexpr std::size_t enough = 256;
  std::string line;
  char c = 0;
  bool any = false;
  while (in.get(c)) {
    any = true;
    if (c == '\n' || c == '\r') break;
    if (line.size() < enough) line += c;
  }
  if (!any) return std::nullopt;
  return line;
}

// The myid file ZooKeeper reads at startup: <dataDir>/myid, when it is a file
// (QuorumPeerConfig.setupMyId @3.8, dataDir after QuorumPeerConfig's trim). zklint reads it only
// when dataDir is an absolute path inside the git work tree that holds the config: a relative
// dataDir depends on the directory the server starts in, and a directory outside the repository
// is whatever the machine zklint runs on has there, not what the repository deploys.
std::optional<MyidFile> read_myid_file(const fs::path& location, const Document& doc, const FileProfile& profile) {
  if (location.empty() || profile.kind != FileKind::zookeeper || profile.deployed() != nullptr) return std::nullopt;
  const Entry* e = doc.find("dataDir");
  if (e == nullptr || (e->index < profile.entry_template_flags.size() && profile.entry_template_flags[e->index] != 0)) return std::nullopt;
  const std::string data_dir(java_trim(e->value));
  if (data_dir.empty() || data_dir.front() != '/') return std::nullopt;
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(data_dir) / "myid", ec)) return std::nullopt;  // the usual case, with one stat
  const fs::path myid = fs::weakly_canonical(fs::path(data_dir) / "myid", ec);
  const auto root = ec ? std::nullopt : repository_of(location);
  if (!root || !inside(myid, fs::weakly_canonical(*root, ec)) || ec) return std::nullopt;
  std::ifstream in(myid, std::ios::binary);
  if (!in) return std::nullopt;
  return MyidFile{fs::path(data_dir).append("myid").lexically_normal().string(), first_line(in)};
}

}  // namespace

MemberFacts member_facts(const fs::path& location, const Document& doc, const FileProfile& profile, const ClusterSetting* declared) {
  MemberFacts facts;
  if (declared != nullptr) {
    const NodeSetting* node = declared->node_of(location);
    facts.host = node != nullptr && node->host ? node->host : declared->host;
    if (node != nullptr) facts.myid = node->myid;
    facts.myid_from_file_name = declared->myid_from_file_name;
  }
  facts.myid_file = read_myid_file(location, doc, profile);
  return facts;
}

}  // namespace zklint
