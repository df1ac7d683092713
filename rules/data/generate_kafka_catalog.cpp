// Build-time tool: turns kafka-broker-configs.json into constant C++ tables (see kafka_catalog.hpp).
// The Valid Values cells are parsed here, once, so that zklint itself parses nothing at start-up.
//
// Usage: generate_kafka_catalog INPUT.json OUTPUT.cpp

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace {

std::string cpp_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string type_enum(const std::string& t) {
  static const std::map<std::string, std::string> names = {
      {"boolean", "boolean"}, {"string", "string"}, {"int", "int_"},    {"short", "short_"},  {"long", "long_"},
      {"double", "double_"},  {"list", "list"},     {"class", "class_"}, {"password", "password"}};
  const auto it = names.find(t);
  if (it == names.end()) {
    std::cerr << "unknown type " << t << "\n";
    std::exit(1);
  }
  return it->second;
}

// "604800000 (7 days)" -> "604800000"; the unit hint is documentation, not the value.
std::string strip_unit_hint(const std::string& d) {
  static const std::regex hint(R"(^(.*\S) \([^()]*\)$)");
  std::smatch m;
  if (std::regex_match(d, m, hint)) return m[1];
  return d;
}

struct Spec {
  std::string name, type, default_value, valid_values, importance, update_mode;
  bool required = false;
  std::string validator = "none";
  bool has_min = false, has_max = false, has_also = false;
  std::string min = "0", max = "0", also = "0";
  std::vector<std::string> allowed;
  auto key() const { return std::tie(name, type, default_value, valid_values, importance, update_mode, required); }
  bool operator<(const Spec& o) const { return key() < o.key(); }
};

std::vector<std::string> split_members(const std::string& inner) {
  std::vector<std::string> out;
  std::stringstream ss(inner);
  std::string item;
  while (std::getline(ss, item, ',')) {
    const auto b = item.find_first_not_of(' ');
    const auto e = item.find_last_not_of(' ');
    out.push_back(b == std::string::npos ? std::string() : item.substr(b, e - b + 1));
  }
  return out;
}

void parse_validator(Spec& s) {
  const std::string& v = s.valid_values;
  static const std::regex range(R"(^\[(-?[0-9.]+)?,\.\.\.(?:,(-?[0-9.]+))?\]( or (-?[0-9]+))?$)");
  static const std::regex upper_only(R"(^\[\.\.\.,(-?[0-9.]+)\]$)");
  std::smatch m;
  if (v.empty()) return;
  if (std::regex_match(v, m, range)) {
    s.validator = "range";
    if (m[1].matched) { s.has_min = true; s.min = m[1]; }
    if (m[2].matched) { s.has_max = true; s.max = m[2]; }
    if (m[4].matched) { s.has_also = true; s.also = m[4]; }
    return;
  }
  if (std::regex_match(v, m, upper_only)) {
    s.validator = "range";
    s.has_max = true;
    s.max = m[1];
    return;
  }
  if (v == "non-empty string") { s.validator = "non_empty_string"; return; }
  if (v == "non-null string") { s.validator = "non_null_string"; return; }
  if (v == "non-empty list") { s.validator = "non_empty_list"; return; }
  const std::string ci = "(case insensitive) ";
  std::string list = v;
  bool any_case = false;
  if (list.rfind(ci, 0) == 0) {
    any_case = true;
    list = list.substr(ci.size());
  }
  if (list.size() >= 2 && list.front() == '[' && list.back() == ']' && list.find("...") == std::string::npos) {
    s.allowed = split_members(list.substr(1, list.size() - 2));
    s.validator = any_case ? "one_of_any_case" : "one_of";
    if (!s.allowed.empty() && s.allowed.front() == "0.8.0") s.validator = "version_list";
    return;
  }
  s.validator = "unparsed";
}

std::string number(const std::string& text, bool as_double) {
  if (as_double) return text.find('.') == std::string::npos ? text + ".0" : text;
  if (text.find('.') != std::string::npos) return "0";
  // INT64_MIN cannot be written as a literal; the catalog never needs it.
  return text + "LL";
}

// The 2.1 table shows ApiVersionValidator without its list (an object without toString). The
// validator accepts the versions that release knew: the 2.2 list without the 2.2 entries.
void fill_version_validators(const std::vector<std::pair<int, int>>& versions,
                             std::map<std::pair<int, int>, std::vector<Spec>>& per_version) {
  for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
    for (Spec& s : per_version[versions[i]]) {
      if (s.validator != "unparsed" || s.valid_values.rfind("kafka.api.ApiVersionValidator", 0) != 0) continue;
      for (const Spec& next : per_version[versions[i + 1]]) {
        if (next.name != s.name || next.validator != "version_list") continue;
        s.validator = "version_list";
        for (const std::string& a : next.allowed) {
          const std::string release = a.substr(0, a.find("-IV"));
          const auto dot = release.find('.');
          const int major = std::stoi(release.substr(0, dot));
          const int minor = std::stoi(release.substr(dot + 1, release.find('.', dot + 1) - dot - 1));
          if (std::make_pair(major, minor) <= versions[i]) s.allowed.push_back(a);
        }
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: generate_kafka_catalog INPUT.json OUTPUT.cpp\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  const nlohmann::json catalog = nlohmann::json::parse(in);

  std::vector<std::pair<int, int>> versions;
  std::set<Spec> unique_specs;
  std::map<std::pair<int, int>, std::vector<Spec>> per_version;
  std::set<std::string> all_names;
  for (const auto& [version, keys] : catalog.at("versions").items()) {
    const auto dot = version.find('.');
    const std::pair<int, int> v{std::stoi(version.substr(0, dot)), std::stoi(version.substr(dot + 1))};
    versions.push_back(v);
    for (const auto& [name, cell] : keys.items()) {
      Spec s;
      s.name = name;
      s.type = cell.at("type").get<std::string>();
      const std::string raw_default = cell.at("default").get<std::string>();
      s.required = raw_default.empty();
      s.default_value = strip_unit_hint(raw_default);
      s.valid_values = cell.at("valid_values").get<std::string>();
      s.importance = cell.value("importance", "");
      s.update_mode = cell.at("update_mode").is_string() ? cell.at("update_mode").get<std::string>() : "";
      parse_validator(s);
      per_version[v].push_back(s);
      all_names.insert(name);
    }
  }
  std::sort(versions.begin(), versions.end());
  fill_version_validators(versions, per_version);
  for (const auto& [v, list] : per_version) unique_specs.insert(list.begin(), list.end());
  const std::vector<Spec> specs(unique_specs.begin(), unique_specs.end());
  auto index_of = [&](const Spec& s) { return std::lower_bound(specs.begin(), specs.end(), s) - specs.begin(); };

  std::ofstream out(argv[2]);
  out << "// Generated by rules/data/generate_kafka_catalog.cpp from kafka-broker-configs.json. Do not edit.\n"
         "#include \"kafka_catalog_tables.hpp\"\n\nnamespace zklint::kafka_catalog::tables {\n\n";
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].allowed.empty()) continue;
    out << "constexpr std::string_view allowed_" << i << "[] = {";
    for (const auto& a : specs[i].allowed) out << cpp_string(a) << ", ";
    out << "};\n";
  }
  out << "\nconstexpr KeySpec spec_table[] = {\n";
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const Spec& s = specs[i];
    const bool dbl = s.type == "double";
    out << "    {" << cpp_string(s.name) << ", Type::" << type_enum(s.type) << ", " << cpp_string(s.default_value) << ", "
        << (s.required ? "true" : "false") << ", Validator::" << s.validator << ", " << cpp_string(s.valid_values) << ", "
        << s.has_min << ", " << s.has_max << ", " << s.has_also << ", " << number(s.min, false) << ", " << number(s.max, false)
        << ", " << number(s.also, false) << ", " << number(s.min, true) << ", " << number(s.max, true) << ", ";
    (void)dbl;
    if (s.allowed.empty()) out << "{}";
    else out << "allowed_" << i;
    out << ", " << cpp_string(s.importance) << ", " << cpp_string(s.update_mode) << "},\n";
  }
  out << "};\n\n";
  for (const auto& v : versions) {
    auto list = per_version[v];
    std::sort(list.begin(), list.end(), [](const Spec& a, const Spec& b) { return a.name < b.name; });
    out << "constexpr const KeySpec* keys_" << v.first << "_" << v.second << "[] = {\n";
    for (const Spec& s : list) out << "    &spec_table[" << index_of(s) << "],\n";
    out << "};\n";
  }
  out << "\nconstexpr KafkaVersion version_list[] = {";
  for (const auto& v : versions) out << "{" << v.first << ", " << v.second << "}, ";
  out << "};\n\nconstexpr std::span<const KeySpec* const> keys_by_version[] = {\n";
  for (const auto& v : versions) out << "    keys_" << v.first << "_" << v.second << ",\n";
  out << "};\n\nconstexpr std::string_view key_names[] = {\n";
  for (const auto& n : all_names) out << "    " << cpp_string(n) << ",\n";
  out << "};\n\n"
         "const Tables catalog_tables{version_list, keys_by_version, key_names};\n\n"
         "}  // namespace zklint::kafka_catalog::tables\n";
  return out ? 0 : 1;
}
