#include "local_ports.hpp"

#include <dirent.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <set>
#include <sstream>

#include "network.hpp"

namespace zklint::probe {

namespace {

constexpr std::string_view listen_state = "0A";  // TCP_LISTEN in /proc/net/tcp

// The socket inodes listening on `port`, from /proc/net/tcp and /proc/net/tcp6.
std::set<std::string> listening_inodes(std::int64_t port) {
  std::set<std::string> out;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream in(table);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
      fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >> inode;
      const std::size_t colon = local.rfind(':');
      if (state != listen_state || colon == std::string::npos) continue;
      if (std::stoll(local.substr(colon + 1), nullptr, 16) == port) out.insert("socket:[" + inode + "]");
    }
  }
  return out;
}

std::string process_name(const std::string& pid) {
  std::ifstream in("/proc/" + pid + "/comm");
  std::string name;
  std::getline(in, name);
  return name;
}

}  // namespace

std::string port_holder(std::int64_t port) {
  const std::set<std::string> inodes = listening_inodes(port);
  if (inodes.empty()) return {};
  DIR* proc = ::opendir("/proc");
  if (proc == nullptr) return {};
  std::string found;
  while (const dirent* entry = ::readdir(proc)) {
    const std::string pid = entry->d_name;
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string fd_dir = "/proc/" + pid + "/fd";
    DIR* fds = ::opendir(fd_dir.c_str());
    if (fds == nullptr) continue;  // another user's process
    while (const dirent* fd = ::readdir(fds)) {
      char target[64] = {};
      const std::string link = fd_dir + "/" + fd->d_name;
      const ssize_t n = ::readlink(link.c_str(), target, sizeof target - 1);
      if (n > 0 && inodes.count(std::string(target, static_cast<std::size_t>(n))) > 0) {
        found = process_name(pid) + " (pid " + pid + ")";
        break;
      }
    }
    ::closedir(fds);
    if (!found.empty()) break;
  }
  ::closedir(proc);
  return found;
}

std::optional<LocalBind> check_bind(const std::string& host, std::int64_t port, const std::map<std::string, std::string>& overrides) {
  std::string address = "0.0.0.0";
  if (!host.empty()) {
    const Resolution r = resolve(host, overrides);
    if (r.addresses.empty()) return std::nullopt;
    address = r.addresses.front();
  }
  sockaddr_storage storage{};
  socklen_t length = 0;
  if (!socket_address(address, port, storage, length)) return std::nullopt;
  const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return std::nullopt;
  const int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  const int rc = ::bind(fd, reinterpret_cast<sockaddr*>(&storage), length);
  const int error = rc == 0 ? 0 : errno;
  ::close(fd);
  // EADDRNOTAVAIL: another machine's address. EACCES (a port below 1024 without the right to
  // bind it) says nothing about whether the port is free.
  if (error != 0 && error != EADDRINUSE) return std::nullopt;
  LocalBind b;
  b.host = host;
  b.port = port;
  if (error == EADDRINUSE) {
    b.held = true;
    b.error = "Address already in use";
    b.process = port_holder(port);
  }
  return b;
}

}  // namespace zklint::probe
