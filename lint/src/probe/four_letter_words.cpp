#include "four_letter_words.hpp"

#include <array>

#include "zklint/lint/strings.hpp"

namespace zklint::probe {

namespace {

// The replies of ZooKeeper 3.5+ (FourLetterCommands.java, NIOServerCnxn/NettyServerCnxn @3.8):
// a word outside 4lw.commands.whitelist gets "<word> is not executed because it is not in the
// whitelist.", and a server without a quorum answers srvr with ZK_NOT_SERVING.
constexpr std::string_view not_whitelisted = "is not executed because it is not in the whitelist";
constexpr std::string_view not_serving = "This ZooKeeper instance is not currently serving requests";

std::optional<std::int64_t> number(std::string_view text, int base = 10) {
  try {
    return std::stoll(std::string(java_trim(text)), nullptr, base);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// "Key: value" (srvr) or "key=value" (conf) or "key\tvalue" (mntr) lines.
std::vector<std::pair<std::string, std::string>> key_values(std::string_view reply, char separator) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::string_view line : split(reply, '\n')) {
    const std::size_t at = line.find(separator);
    if (at == std::string_view::npos) continue;
    out.emplace_back(std::string(java_trim(line.substr(0, at))), std::string(java_trim(line.substr(at + 1))));
  }
  return out;
}

void read_srvr(std::string_view reply, ZooKeeperStatus& status) {
  status.srvr_answered = true;
  if (reply.find(not_serving) != std::string_view::npos) return;
  status.serving = true;
  for (const auto& [key, value] : key_values(reply, ':')) {
    // "3.8.4-9316c2a7..., built on 2024-02-12 22:16 UTC": the release, without commit and date.
    if (key == "Zookeeper version") status.version = value.substr(0, value.find_first_of(",-"));
    else if (key == "Mode") status.mode = value;
    else if (key == "Outstanding") status.outstanding = number(value);
    else if (key == "Zxid") status.zxid = number(value, 16);
  }
}

}  // namespace

void read_reply(std::string_view word, std::string_view reply, ZooKeeperStatus& status) {
  if (reply.find(not_whitelisted) != std::string_view::npos) {
    status.blocked.emplace_back(word);
    return;
  }
  status.answered.emplace_back(word);
  if (word == "srvr") read_srvr(reply, status);
  else if (word == "ruok") status.imok = java_trim(reply) == "imok";
  else if (word == "conf") status.conf = key_values(reply, '=');
  else if (word == "mntr") status.mntr = key_values(reply, '\t');
}

ZooKeeperStatus ask_zookeeper(const std::string& address, std::int64_t port, Clock::time_point deadline) {
  ZooKeeperStatus status;
  constexpr std::array<std::string_view, 4> words{"srvr", "ruok", "conf", "mntr"};
  for (const std::string_view word : words) {
    const auto reply = four_letter_word(address, port, std::string(word), deadline);
    if (!reply) {
      if (word == "srvr") break;  // no answer at all: the others would only wait as long
      continue;
    }
    read_reply(word, *reply, status);
  }
  return status;
}

}  // namespace zklint::probe
