#include "zklint/lint/unified_diff.hpp"

#include <algorithm>
#include <vector>

namespace zklint {

namespace {

// Lines with their terminators: "a\r\n" stays one line, so a change of line ending shows.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::size_t n = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(0, n));
    text.remove_prefix(n);
  }
  return lines;
}

enum class Op : char { keep = ' ', remove = '-', add = '+' };
struct Step {
  Op op;
  std::size_t a, b;  // line index in before / after (of the line this step is about)
};

// Myers' O(ND) shortest edit script between the lines of `a` and `b`, after trimming the common
// head and tail. Fixes change few lines, so D is small; past `max_d` the middle is replaced
// wholesale (a correct diff, only not the shortest).
std::vector<Step> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
  const auto n = static_cast<long>(a.size() - prefix - suffix), m = static_cast<long>(b.size() - prefix - suffix);
  const auto A = [&](long i) { return a[prefix + static_cast<std::size_t>(i)]; };
  const auto B = [&](long j) { return b[prefix + static_cast<std::size_t>(j)]; };

  std::vector<Step> middle;  // built backwards
  const long max_d = std::min<long>(n + m, 1000);
  const long offset = max_d + 1;
  std::vector<long> v(static_cast<std::size_t>(2 * offset + 1), 0);
  std::vector<std::vector<long>> trace;  // trace[d]: v on diagonals -d..d before round d
  long found_d = -1;
  for (long d = 0; d <= max_d && found_d < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (long k = -d; k <= d; k += 2) {
      const auto at = [&](long kk) -> long& { return v[static_cast<std::size_t>(kk + offset)]; };
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && A(x) == B(y)) ++x, ++y;
      at(k) = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  if (found_d < 0) {
    for (long j = m - 1; j >= 0; --j) middle.push_back({Op::add, static_cast<std::size_t>(n), static_cast<std::size_t>(j)});
    for (long i = n - 1; i >= 0; --i) middle.push_back({Op::remove, static_cast<std::size_t>(i), 0});
  } else {
    long x = n, y = m;
    for (long d = found_d; d > 0; --d) {
      const std::vector<long>& prev = trace[static_cast<std::size_t>(d)];
      const auto at = [&](long kk) { return prev[static_cast<std::size_t>(kk + d)]; };
      const long k = x - y;
      const long prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
      const long prev_x = at(prev_k), prev_y = prev_x - prev_k;
      while (x > prev_x && y > prev_y) {
        --x, --y;
        middle.push_back({Op::keep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
      }
      if (x == prev_x) middle.push_back({Op::add, static_cast<std::size_t>(x), static_cast<std::size_t>(--y)});
      else middle.push_back({Op::remove, static_cast<std::size_t>(--x), static_cast<std::size_t>(y)});
    }
    while (x > 0 && y > 0) {
      --x, --y;
      middle.push_back({Op::keep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
  }

  std::vector<Step> steps;
  for (std::size_t i = 0; i < prefix; ++i) steps.push_back({Op::keep, i, i});
  for (auto it = middle.rbegin(); it != middle.rend(); ++it) steps.push_back({it->op, it->a + prefix, it->b + prefix});
  for (std::size_t i = 0; i < suffix; ++i) steps.push_back({Op::keep, a.size() - suffix + i, b.size() - suffix + i});
  return steps;
}

void append_line(std::string& out, char marker, std::string_view line) {
  out += marker;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// "@@ -l,s +l,s @@": an empty side is numbered by the line before it.
std::string range(std::size_t first, std::size_t count) {
  return std::to_string(count == 0 ? first : first + 1) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name, unsigned context) {
  if (before == after) return {};
  const std::vector<std::string_view> a = split_lines(before), b = split_lines(after);
  const std::vector<Step> steps = edit_script(a, b);
  std::string out = "--- a/" + std::string(name) + "\n+++ b/" + std::string(name) + "\n";
  std::size_t i = 0;
  while (i < steps.size()) {
    if (steps[i].op == Op::keep) {
      ++i;
      continue;
    }
    // A hunk: from `context` kept lines before this change to `context` after the last change
    // that is at most 2 * context kept lines away from the previous one.
    const std::size_t start = i >= context ? i - context : 0;
    std::size_t last_change = i;
    for (std::size_t j = i + 1; j < steps.size(); ++j) {
      if (steps[j].op == Op::keep) continue;
      if (j - last_change - 1 > 2 * context) break;
      last_change = j;
    }
    const std::size_t end = std::min(steps.size(), last_change + 1 + context);
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t j = start; j < end; ++j) {
      a_count += steps[j].op != Op::add;
      b_count += steps[j].op != Op::remove;
    }
    // Steps carry, for the side they do not touch, the number of lines before them there.
    out += "@@ -" + range(steps[start].a, a_count) + " +" + range(steps[start].b, b_count) + " @@\n";
    for (std::size_t j = start; j < end; ++j) {
      const Step& s = steps[j];
      append_line(out, static_cast<char>(s.op), s.op == Op::add ? b[s.b] : a[s.a]);
    }
    i = end;
  }
  return out;
}

}  // namespace zklint
