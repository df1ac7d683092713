#include "network.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace zklint::probe {

namespace {

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<std::int64_t>(left, 0, 1'000'000));
}


Reach reach_of(int error) {
  switch (error) {
    case ECONNREFUSED: return Reach::refused;
    case ETIMEDOUT: return Reach::timed_out;
    default: return Reach::unreachable;
  }
}

// One non-blocking connect, waited for until `deadline`.
Connection connect_one(const std::string& address, std::int64_t port, Clock::time_point deadline) {
  Connection c;
  c.address = address;
  sockaddr_storage storage;
  socklen_t length = 0;
  if (!socket_address(address, port, storage, length)) {
    c.reach = Reach::unresolved;
    c.error = "not a numeric address: " + address;
    return c;
  }
  const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    c.reach = Reach::unreachable;
    c.error = std::strerror(errno);
    return c;
  }
  const auto start = Clock::now();
  int error = 0;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&storage), length) != 0) {
    error = errno;
    if (error == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      int ready = 0;
      do {
        ready = ::poll(&p, 1, remaining_ms(deadline));
      } while (ready < 0 && errno == EINTR);
      if (ready == 0) {
        ::close(fd);
        c.reach = Reach::timed_out;
        c.error = "connect timed out";
        return c;
      }
      socklen_t size = sizeof error;
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
    }
  }
  if (error != 0) {
    ::close(fd);
    c.reach = reach_of(error);
    c.error = std::strerror(error);
    return c;
  }
  c.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  c.reach = Reach::open;
  c.fd = fd;
  return c;
}

}  // namespace

bool socket_address(const std::string& address, std::int64_t port, sockaddr_storage& out, socklen_t& length) {
  std::memset(&out, 0, sizeof out);
  auto* v4 = reinterpret_cast<sockaddr_in*>(&out);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&out);
  if (::inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<std::uint16_t>(port));
    length = sizeof(sockaddr_in);
    return true;
  }
  if (::inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<std::uint16_t>(port));
    length = sizeof(sockaddr_in6);
    return true;
  }
  return false;
}

Resolution resolve(const std::string& host, const std::map<std::string, std::string>& overrides) {
  Resolution r;
  if (const auto it = overrides.find(host); it != overrides.end()) {
    r.addresses.push_back(it->second);
    return r;
  }
  if (host.empty()) {
    r.addresses.push_back("127.0.0.1");
    return r;
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const int status = ::getaddrinfo(host.c_str(), nullptr, &hints, &found);
  if (status != 0) {
    r.error = status == EAI_SYSTEM ? std::strerror(errno) : ::gai_strerror(status);
    return r;
  }
  std::vector<std::string> v4, v6;
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw = a->ai_family == AF_INET ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(a->ai_addr)->sin_addr)
                                              : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(a->ai_addr)->sin6_addr);
    if ((a->ai_family != AF_INET && a->ai_family != AF_INET6) || ::inet_ntop(a->ai_family, raw, text, sizeof text) == nullptr) continue;
    auto& list = a->ai_family == AF_INET ? v4 : v6;
    if (std::find(list.begin(), list.end(), text) == list.end()) list.emplace_back(text);
  }
  ::freeaddrinfo(found);
  r.addresses = std::move(v4);
  r.addresses.insert(r.addresses.end(), v6.begin(), v6.end());
  if (r.addresses.empty()) r.error = "no IPv4 or IPv6 address";
  return r;
}

Connection connect_any(const std::vector<std::string>& addresses, std::int64_t port, Clock::time_point deadline) {
  Connection last;
  for (const std::string& address : addresses) {
    last = connect_one(address, port, deadline);
    if (last.reach == Reach::open || Clock::now() >= deadline) break;
  }
  return last;
}

std::optional<std::string> four_letter_word(const std::string& address, std::int64_t port, const std::string& word, Clock::time_point deadline) {
  Connection c = connect_one(address, port, deadline);
  if (c.reach != Reach::open) return std::nullopt;
  const int fd = c.fd;
  std::string reply;
  bool complete = false;
  if (::send(fd, word.data(), word.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(word.size())) {
    char buffer[4096];
    while (true) {
      pollfd p{fd, POLLIN, 0};
      const int ready = ::poll(&p, 1, remaining_ms(deadline));
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) break;
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      if (n == 0) {
        complete = true;
        break;
      }
      reply.append(buffer, static_cast<std::size_t>(n));
      if (reply.size() > (1U << 20)) break;  // not a four-letter-word reply
    }
  }
  ::close(fd);
  if (!complete) return std::nullopt;
  return reply;
}

std::string duration_text(std::chrono::milliseconds d) {
  if (d.count() % 1000 == 0) return std::to_string(d.count() / 1000) + " s";
  return std::to_string(d.count()) + " ms";
}

}  // namespace zklint::probe
