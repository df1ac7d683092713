// edit_distance computes only a band around the diagonal; it must agree with the whole table.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "zklint/lint/strings.hpp"

namespace {

// The textbook Levenshtein table, case-insensitive like edit_distance.
std::size_t full_table(const std::string& a, const std::string& b) {
  const auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

TEST_CASE("edit_distance agrees with the full Levenshtein table, capped at limit + 1") {
  std::mt19937 rng(8);
  const std::string alphabet = "abAB.-_";
  const auto random_word = [&](std::size_t max_length) {
    std::string w(std::uniform_int_distribution<std::size_t>(0, max_length)(rng), 'a');
    for (char& c : w) c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    return w;
  };
  for (int round = 0; round < 20000; ++round) {
    const std::string a = random_word(round % 3 == 0 ? 200 : 12);
    std::string b = round % 2 == 0 ? random_word(12) : a;
    if (round % 2 == 1 && !b.empty()) b[std::uniform_int_distribution<std::size_t>(0, b.size() - 1)(rng)] = 'x';  // near misses
    const std::size_t limit = std::uniform_int_distribution<std::size_t>(0, 4)(rng);
    INFO(a << " / " << b << " limit " << limit);
    CHECK(zklint::edit_distance(a, b, limit) == std::min(full_table(a, b), limit + 1));
  }
}
