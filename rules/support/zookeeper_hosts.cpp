#include "support/zookeeper_hosts.hpp"

#include <algorithm>
#include <cctype>

#include "support/ip_literals.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support {

namespace {

using connect_string::EntryError;
using connect_string::HostEntry;
using connect_string::Span;

bool separator_char(char c) { return static_cast<unsigned char>(c) <= 0x20 || c == ';'; }
bool host_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '%'; }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

}  // namespace

// A bare number is not a host (`zk1 2181` is a blank instead of a ':'), and neither is `zk1:` (a
// blank inside the port, `zk1: 2181`).
bool looks_like_host(std::string_view token) {
  std::string_view host = token, port;
  if (!token.empty() && token.front() == '[') {
    const std::size_t close = token.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    host = {};
    port = token.substr(close + 1);
    if (port.empty()) return true;
    return port.front() == ':' && all_digits(port.substr(1));
  }
  const std::size_t colon = token.find(':');
  if (colon != std::string_view::npos) {
    host = token.substr(0, colon);
    if (!all_digits(token.substr(colon + 1))) return false;
  }
  return !host.empty() && !all_digits(host) && std::all_of(host.begin(), host.end(), host_char);
}

namespace {

// Splits an element at runs of blanks and ';'; returns the pieces when every one looks like a host.
std::vector<Span> glued_hosts(std::string_view value, Span element) {
  std::vector<Span> tokens;
  std::uint32_t i = element.begin;
  while (i < element.end) {
    while (i < element.end && separator_char(value[i])) ++i;
    const std::uint32_t begin = i;
    while (i < element.end && !separator_char(value[i])) ++i;
    if (i > begin) tokens.push_back({begin, i});
  }
  if (tokens.size() < 2) return {};
  const bool hosts = std::all_of(tokens.begin(), tokens.end(), [&](Span t) { return looks_like_host(t.of(value)); });
  return hosts ? tokens : std::vector<Span>{};
}

HostShape shape_of(const ZooKeeperClientSettings& zk, const HostEntry& e, std::vector<Span>& glued) {
  const std::string_view value = zk.connect_value();
  const std::string_view element = e.element.of(value);
  const std::string_view host = e.host.of(value);
  if (java_trim(element).empty()) return HostShape::empty_entry;
  glued = glued_hosts(value, e.element);
  if (!glued.empty()) return HostShape::glued;
  // The client line is asked only about a '[': the one thing here the two lines read differently.
  const auto zk34 = [&] { return zk.client_line() == connect_string::ClientLine::zk34; };
  if (!element.empty() && element.front() == '[' && e.error != EntryError::none && zk34()) return HostShape::ipv6_brackets_zk34;
  if (!e.bracketed && std::count(element.begin(), element.end(), ':') >= 2 && (is_ipv6_literal(element) || is_ipv6_literal(host))) {
    return HostShape::ipv6_unbracketed;
  }
  if (e.error != EntryError::none) return HostShape::rejected;
  // ZooKeeper 3.4 passes `[::1]` on to InetAddress, which understands the brackets itself.
  const bool zk34_literal = host.size() > 2 && host.front() == '[' && host.back() == ']' && is_ipv6_literal(host.substr(1, host.size() - 2)) && zk34();
  const bool plain_colon = !e.bracketed && !zk34_literal && host.find(':') != std::string_view::npos;
  if (plain_colon || std::any_of(host.begin(), host.end(), separator_char)) return HostShape::bad_host;
  if (host.empty()) return HostShape::empty_host;
  return HostShape::ok;
}

bool hex_group(std::string_view g) {
  return !g.empty() && g.size() <= 4 && std::all_of(g.begin(), g.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// Counts the 16-bit groups of one side of a `::` (or of a whole address); -1 when malformed.
int count_groups(std::string_view side, bool allow_ipv4_tail) {
  if (side.empty()) return 0;
  int groups = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t colon = side.find(':', i);
    const std::string_view g = side.substr(i, colon == std::string_view::npos ? std::string_view::npos : colon - i);
    const bool last = colon == std::string_view::npos;
    if (last && allow_ipv4_tail && g.find('.') != std::string_view::npos) {
      if (!is_ipv4_literal(g)) return -1;
      groups += 2;
    } else if (hex_group(g)) {
      ++groups;
    } else {
      return -1;
    }
    if (last) break;
    i = colon + 1;
  }
  return groups;
}

}  // namespace

bool is_ipv6_literal(std::string_view text) {
  const std::size_t percent = text.find('%');
  if (percent != std::string_view::npos) {
    if (percent + 1 == text.size()) return false;  // an empty zone
    text = text.substr(0, percent);
  }
  const std::size_t gap = text.find("::");
  if (gap == std::string_view::npos) return count_groups(text, true) == 8;
  if (text.find("::", gap + 1) != std::string_view::npos) return false;
  const int left = count_groups(text.substr(0, gap), false);
  const int right = count_groups(text.substr(gap + 2), true);
  return left >= 0 && right >= 0 && left + right <= 7;
}

std::vector<HostElement> classify_hosts(const ZooKeeperClientSettings& zk) {
  std::vector<HostElement> out;
  if (!zk.parsed) return out;
  for (const HostEntry* e : zk.parsed->hosts()) {
    HostElement h;
    h.entry = e;
    h.shape = shape_of(zk, *e, h.glued_hosts);
    const bool usable_port = e->error == EntryError::none && e->port >= 1 && e->port <= 65535;
    const bool resolvable = h.shape == HostShape::ok || h.shape == HostShape::empty_host || (h.shape == HostShape::empty_entry && e->element.empty()) ||
                            (h.shape == HostShape::ipv6_unbracketed && is_ipv6_literal(e->host.of(zk.connect_value())));
    h.connectable = usable_port && resolvable;
    out.push_back(std::move(h));
  }
  return out;
}

bool could_connect(const HostElement& h) { return h.connectable; }

std::size_t connectable_hosts(const std::vector<HostElement>& elements) {
  return static_cast<std::size_t>(std::count_if(elements.begin(), elements.end(), could_connect));
}

bool sound_connect_string(const ZooKeeperClientSettings& zk, const std::vector<HostElement>& elements) {
  if (!zk.parsed || zk.parsed->rejected() || elements.empty()) return false;
  if (zk.parsed->entries.size() != elements.size()) return false;  // empty entries
  const auto& chroot = zk.parsed->chroot;
  if (chroot && chroot->text.of(zk.connect_value()).find(',') != std::string_view::npos) return false;  // hosts swallowed by the chroot
  return std::all_of(elements.begin(), elements.end(), [](const HostElement& h) { return h.connectable && h.shape == HostShape::ok; });
}

Severity useless_host_severity(const std::vector<HostElement>& elements) {
  return connectable_hosts(elements) == 0 ? Severity::error : Severity::warning;
}

}  // namespace zklint::support
