#include "common.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>

#include "zklint/lint/strings.hpp"
#include "zklint/lint/version.hpp"

namespace zklint::output {

namespace {
std::uint64_t fnv1a(std::string_view text, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::vector<std::string> fingerprints(std::string_view path, const std::vector<Diagnostic>& all) {
  // Earlier findings of the same rule with the same anchor, counted as we go: counting them anew
  // for each finding was quadratic (a file with a million unknown keys never finished).
  std::map<std::pair<const Rule*, std::string_view>, std::size_t> earlier;
  std::vector<std::string> out;
  out.reserve(all.size());
  for (const Diagnostic& d : all) {
    std::uint64_t h = fnv1a(d.rule->meta().code);
    h = fnv1a("\x1f", h);
    h = fnv1a(path, h);
    h = fnv1a("\x1f", h);
    h = fnv1a(d.anchor, h);
    h = fnv1a("\x1f" + std::to_string(earlier[{d.rule, d.anchor}]++), h);
    out.push_back(hex(h));
  }
  return out;
}

std::string fingerprint_of_text(std::string_view text) { return hex(fnv1a(text)); }

std::vector<std::string> github_line_hashes(std::string_view bytes) {
  // Decode UTF-8 into UTF-16 code units, as Node's "utf8" stream does (bad bytes become U+FFFD).
  std::vector<std::uint32_t> units;
  units.reserve(bytes.size() + 1);
  for (std::size_t i = 0; i < bytes.size();) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    std::size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    std::uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = n != 0 && i + n <= bytes.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
      const auto c = static_cast<unsigned char>(bytes[i + k]);
      ok = (c & 0xC0) == 0x80;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (!ok) {
      units.push_back(0xFFFD);
      ++i;
      continue;
    }
    if (cp >= 0x10000) {
      units.push_back(0xD800 + ((cp - 0x10000) >> 10));
      units.push_back(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      units.push_back(cp);
    }
    i += n;
  }

  constexpr std::size_t block = 100;
  constexpr std::uint64_t mod = 37;
  std::uint64_t first_mod = 1;
  for (std::size_t i = 0; i < block; ++i) first_mod *= mod;  // wraps mod 2^64, as Long does
  std::vector<std::uint32_t> window(block, 0);
  std::vector<long> line_at(block, -1);
  std::uint64_t hash = 0;
  std::size_t index = 0;
  long line = 0;
  bool line_start = true, prev_cr = false;
  std::map<std::string, int> seen;
  std::vector<std::string> hashes;

  auto emit = [&] {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(hash));
    const std::string value = buf;
    const int count = ++seen[value];
    const auto l = static_cast<std::size_t>(line_at[index]);
    if (hashes.size() < l) hashes.resize(l);
    hashes[l - 1] = value + ":" + std::to_string(count);
    line_at[index] = -1;
  };
  auto update = [&](std::uint32_t current) {
    const std::uint32_t begin = window[index];
    window[index] = current;
    hash = mod * hash + current - first_mod * begin;
    index = (index + 1) % block;
  };
  auto process = [&](std::uint32_t c) {
    if (c == ' ' || c == '\t' || (prev_cr && c == '\n')) {
      prev_cr = false;
      return;
    }
    if (c == '\r') {
      c = '\n';
      prev_cr = true;
    } else {
      prev_cr = false;
    }
    if (line_at[index] != -1) emit();
    if (line_start) {
      line_start = false;
      line_at[index] = ++line;
    }
    if (c == '\n') line_start = true;
    update(c);
  };
  for (const std::uint32_t u : units) process(u);
  process(65535);  // the end-of-file marker
  for (std::size_t i = 0; i < block; ++i) {
    if (line_at[index] != -1) emit();
    update(0);
  }
  return hashes;
}

bool is_absolute_path(std::string_view path) { return !path.empty() && path[0] == '/'; }

std::string relative_uri(std::string_view path) {
  while (starts_with(path, "./")) path.remove_prefix(2);
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
                       c == '_' || c == '.' || c == '~';
    if (plain) {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string working_directory_path(std::string_view path) {
  while (starts_with(path, "./")) path.remove_prefix(2);
  if (!is_absolute_path(path)) return std::string(path);
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) return std::string(path);
  const std::filesystem::path relative = std::filesystem::path(path).lexically_normal().lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == "..") return std::string(path);
  return relative.generic_string();
}

std::string message_with_suggestion(const Diagnostic& d) {
  if (d.suggestion.empty()) return d.message;
  return d.message + " (did you mean: " + d.suggestion + ")";
}

std::string count_phrase(std::size_t n, std::string_view singular) {
  std::string word(singular);
  if (n != 1 && singular != "info") {
    if (word.size() > 1 && word.back() == 'y') word.replace(word.size() - 1, 1, "ies");
    else word += "s";
  }
  return std::to_string(n) + " " + word;
}

std::string first_paragraph(std::string_view markdown) {
  while (starts_with(markdown, "\n")) markdown.remove_prefix(1);
  const std::size_t end = markdown.find("\n\n");
  std::string text(markdown.substr(0, end));
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

std::string rule_help_uri(const RuleMeta& meta) {
  // The documentation of the release that made the finding (tagged vX.Y.Z), not of main, where
  // a rule's text may since have changed.
  return std::string(homepage) + "/blob/v" + version + "/rules/README.md#" + to_lower(meta.code) + "-" + std::string(meta.name);
}

}  // namespace zklint::output
