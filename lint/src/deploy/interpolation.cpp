#include "interpolation.hpp"

#include "zklint/text.hpp"

#include <algorithm>
#include <cctype>

namespace zklint::deploy {
namespace {

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// The index of the `}` closing the `${` at `open`, counting nested `${`; npos when unclosed.
std::size_t closing_brace(std::string_view raw, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < raw.size(); ++i) {
    if (raw[i] == '$' && i + 1 < raw.size() && raw[i + 1] == '{') {
      ++depth;
      ++i;
    } else if (raw[i] == '}' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

class Interpolator {
 public:
  Interpolator(const Variables& variables, int depth) : variables_(variables), depth_(depth) {}

  Interpolated run(std::string_view raw) {
    std::size_t literal_from = 0;
    for (std::size_t i = 0; i < raw.size();) {
      if (raw[i] != '$' || i + 1 >= raw.size()) {
        ++i;
        continue;
      }
      const char next = raw[i + 1];
      if (next == '$') {  // $$ is a literal dollar
        flush(raw, literal_from, i);
        replace(i, 2, "$");
        i += 2;
        literal_from = i;
      } else if (next == '{') {
        const std::size_t close = closing_brace(raw, i);
        if (close == std::string_view::npos) break;  // compose refuses it; leave the text as written
        flush(raw, literal_from, i);
        braced(raw.substr(i, close + 1 - i), i);
        i = close + 1;
        literal_from = i;
      } else if (name_start(next)) {
        std::size_t end = i + 1;
        while (end < raw.size() && name_char(raw[end])) ++end;
        flush(raw, literal_from, i);
        variable(raw.substr(i, end - i), i, raw.substr(i + 1, end - i - 1), std::nullopt);
        i = end;
        literal_from = i;
      } else {
        ++i;
      }
    }
    flush(raw, literal_from, raw.size());
    return std::move(out_);
  }

 private:
  void flush(std::string_view raw, std::size_t from, std::size_t to) {
    if (to <= from) return;
    out_.pieces.push_back({static_cast<std::uint32_t>(out_.text.size()), static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to - from),
                           static_cast<std::uint32_t>(to - from)});
    out_.text.append(raw.substr(from, to - from));
  }

  void replace(std::size_t source, std::size_t source_length, std::string_view text) {
    out_.pieces.push_back({static_cast<std::uint32_t>(out_.text.size()), static_cast<std::uint32_t>(source), static_cast<std::uint32_t>(text.size()),
                           static_cast<std::uint32_t>(source_length)});
    out_.text.append(text);
    out_.substituted = true;
  }

  // `${NAME}`, `${NAME:-word}`, ... as `whole`, which starts at `at` in the raw text.
  void braced(std::string_view whole, std::size_t at) {
    const std::string_view inner = whole.substr(2, whole.size() - 3);
    std::size_t n = 0;
    while (n < inner.size() && name_char(inner[n])) ++n;
    const std::string_view name = inner.substr(0, n);
    const std::string_view rest = inner.substr(n);
    if (name.empty() || !name_start(name.front())) return keep(whole, at);
    if (rest.empty()) return variable(whole, at, name, std::nullopt);
    const bool colon = rest.front() == ':';
    const std::string_view op_and_word = colon ? rest.substr(1) : rest;
    if (op_and_word.empty()) return keep(whole, at);
    const char op = op_and_word.front();
    const std::string_view word = op_and_word.substr(1);
    const auto it = variables_.find(name);
    const bool set = it != variables_.end();
    const bool usable = set && (!colon || !it->second.empty());
    switch (op) {
      case '-':
        if (usable) return replace(at, whole.size(), it->second);
        return nested(word, whole, at);
      case '+':
        if (usable) return nested(word, whole, at);
        return replace(at, whole.size(), "");
      case '?':
        if (usable) return replace(at, whole.size(), it->second);
        return keep(whole, at);  // compose refuses to start unless the shell sets it: a placeholder here
      default:
        return keep(whole, at);
    }
  }

  void variable(std::string_view whole, std::size_t at, std::string_view name, std::optional<std::string_view>) {
    if (const auto it = variables_.find(name); it != variables_.end()) return replace(at, whole.size(), it->second);
    keep(whole, at);
  }

  // A default or alternative word, itself interpolated (compose allows ${A:-${B}}).
  void nested(std::string_view word, std::string_view whole, std::size_t at) {
    if (depth_ > 8) return keep(whole, at);
    Interpolated inner = Interpolator(variables_, depth_ + 1).run(word);
    if (inner.unresolved) out_.unresolved = true;
    replace(at, whole.size(), inner.text);
  }

  void keep(std::string_view whole, std::size_t at) {
    out_.pieces.push_back({static_cast<std::uint32_t>(out_.text.size()), static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(whole.size()),
                           static_cast<std::uint32_t>(whole.size())});
    out_.text.append(whole);
    out_.unresolved = true;
  }

  const Variables& variables_;
  int depth_;
  Interpolated out_;
};

bool blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

Interpolated interpolate(std::string_view raw, const Variables& variables) { return Interpolator(variables, 0).run(raw); }

std::vector<EnvLine> parse_env_file(std::string_view text) {
  std::vector<EnvLine> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    const std::size_t line_start = pos;
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t i = 0;
    while (i < line.size() && blank(line[i])) ++i;
    if (i == line.size() || line[i] == '#') continue;
    if (line.substr(i).starts_with("export") && line.size() > i + 6 && blank(line[i + 6])) {
      i += 6;
      while (i < line.size() && blank(line[i])) ++i;
    }
    const std::size_t name_begin = i;
    while (i < line.size() && line[i] != '=' && line[i] != ':') ++i;
    EnvLine e;
    std::string_view name = line.substr(name_begin, i - name_begin);
    while (!name.empty() && blank(name.back())) name.remove_suffix(1);
    e.name = std::string(name);
    e.name_offset = static_cast<std::uint32_t>(line_start + name_begin);
    if (i == line.size()) {
      e.has_value = false;
      e.value_offset = e.value_end = static_cast<std::uint32_t>(line_start + i);
      out.push_back(std::move(e));
      continue;
    }
    ++i;
    while (i < line.size() && blank(line[i])) ++i;
    std::string_view value = line.substr(i);
    std::size_t value_begin = i;
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
      const char quote = value.front();
      std::size_t close = 1;
      std::string decoded;
      while (close < value.size() && value[close] != quote) {
        if (quote == '"' && value[close] == '\\' && close + 1 < value.size()) {
          const char c = value[close + 1];
          decoded += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
          close += 2;
          continue;
        }
        decoded += value[close++];
      }
      e.value = decoded;
      value_begin = i + 1;
      e.value_offset = static_cast<std::uint32_t>(line_start + value_begin);
      e.value_end = static_cast<std::uint32_t>(line_start + i + std::min(close, value.size()));
    } else {
      if (const std::size_t comment = value.find(" #"); comment != std::string_view::npos) value = value.substr(0, comment);
      while (!value.empty() && (blank(value.back()))) value.remove_suffix(1);
      e.value = std::string(value);
      e.value_offset = static_cast<std::uint32_t>(line_start + value_begin);
      e.value_end = static_cast<std::uint32_t>(e.value_offset + value.size());
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<EnvLine> parse_docker_env_file(std::string_view text, std::vector<EnvFileError>& errors) {
  std::vector<EnvLine> out;
  std::size_t pos = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    const std::size_t line_start = pos;
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // bufio.ScanLines drops it
    if (const std::size_t valid = valid_utf8_prefix(line); valid < line.size()) {
      const auto bad = static_cast<std::uint32_t>(line_start + valid);
      errors.push_back({"this line is not UTF-8: docker run --env-file refuses the file (contains invalid utf8 bytes)", bad, bad + 1});
      continue;
    }
    std::size_t i = 0;
    while (i < line.size() && (blank(line[i]) || line[i] == '\v' || line[i] == '\f' || line[i] == '\r')) ++i;
    if (i == line.size() || line[i] == '#') continue;
    const std::size_t eq = line.find('=', i);
    const std::string_view name = line.substr(i, eq == std::string_view::npos ? std::string_view::npos : eq - i);
    const auto at = static_cast<std::uint32_t>(line_start + i);
    if (name.find_first_of(" \t") != std::string_view::npos) {
      errors.push_back({"variable '" + std::string(name) + "' contains whitespaces: docker run --env-file refuses the file (poorly formatted environment)", at,
                        static_cast<std::uint32_t>(at + name.size())});
      continue;
    }
    if (name.empty()) {
      errors.push_back({"no variable name on this line: docker run --env-file refuses the file (poorly formatted environment)", at, at + 1});
      continue;
    }
    EnvLine e;
    e.name = std::string(name);
    e.name_offset = at;
    if (eq == std::string_view::npos) {
      e.has_value = false;
      e.value_offset = e.value_end = static_cast<std::uint32_t>(at + name.size());
    } else {
      e.value = std::string(line.substr(eq + 1));
      e.value_offset = static_cast<std::uint32_t>(line_start + eq + 1);
      e.value_end = static_cast<std::uint32_t>(line_start + line.size());
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace zklint::deploy
