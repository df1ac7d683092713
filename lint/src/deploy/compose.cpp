#include "compose.hpp"
#include "source_range.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "images.hpp"
#include "interpolation.hpp"
#include "zklint/lint/context.hpp"
#include "zklint/lint/strings.hpp"
#include "zklint/yaml.hpp"

namespace zklint::deploy {

namespace fs = std::filesystem;

bool is_compose_name(std::string_view file_name) {
  const std::string name = std::string(file_name.substr(file_name.find_last_of('/') + 1));
  const bool yaml = ends_with(name, ".yml") || ends_with(name, ".yaml");
  return yaml && (starts_with(name, "docker-compose") || name == "compose.yml" || name == "compose.yaml" || starts_with(name, "compose."));
}

bool is_env_file_name(std::string_view file_name) {
  const std::string_view name = file_name.substr(file_name.find_last_of('/') + 1);
  return name == ".env" || ends_with(name, ".env") || starts_with(name, ".env.");
}

EnvFileSyntax env_file_syntax(std::string_view file_name) {
  const std::string_view name = file_name.substr(file_name.find_last_of('/') + 1);
  return name == ".env" || starts_with(name, ".env.") ? EnvFileSyntax::compose : EnvFileSyntax::docker;
}

bool is_yaml_name(std::string_view file_name) { return ends_with(file_name, ".yml") || ends_with(file_name, ".yaml"); }
bool is_json_name(std::string_view file_name) { return ends_with(file_name, ".json"); }

namespace {

/// Where one environment variable of a service is written.
struct VariableSource {
  std::uint32_t key_begin = 0, key_end = 0;
  std::uint32_t value_begin = 0, value_end = 0;
  Separator separator = Separator::colon;
  std::uint32_t separator_offset = 0;
  std::vector<MapPiece> pieces;  ///< value offsets to source offsets
  std::string how = "environment";
};

struct Environment {
  std::vector<EnvVar> vars;
  std::vector<VariableSource> sources;

  // A later definition of a name replaces the earlier one, as compose merges env_file then environment.
  void put(EnvVar var, VariableSource source) {
    for (std::size_t i = 0; i < vars.size(); ++i) {
      if (vars[i].name == var.name) {
        vars[i] = std::move(var);
        sources[i] = std::move(source);
        return;
      }
    }
    vars.push_back(std::move(var));
    sources.push_back(std::move(source));
  }
};

class ComposeReader {
 public:
  ComposeReader(const SourceFile& source, const fs::path& directory, const ReadBeside& read)
      : source_(source), directory_(directory), read_(read), model_(std::make_shared<ComposeModel>()) {}

  ComposeLoad run(bool assume_compose) {
    const yaml::Tree tree = yaml::parse(source_);
    const yaml::Node* root = tree.documents().empty() ? nullptr : tree.documents().front();
    const yaml::Node* services = root != nullptr && root->is_mapping() ? yaml::find(*root, "services") : nullptr;
    // YAML that does not parse is a compose file when it has a top-level `services:` line (a Helm
    // template does not parse either, and is not one).
    const std::string_view bytes = source_.bytes();
    const bool services_line = bytes.starts_with("services:") || bytes.find("\nservices:") != std::string_view::npos;
    load_.recognized = is_compose_name(source_.path()) || (services != nullptr && services->is_mapping()) || (assume_compose && tree.failed() && services_line);
    if (!load_.recognized) return std::move(load_);
    load_.comments = grammar::yaml_comments(source_.bytes());
    for (const yaml::Issue& issue : tree.issues()) file_finding(FileFinding::Kind::invalid_yaml, issue.message, issue.offset);
    if (const auto env = read_(directory_ / ".env")) {
      for (EnvLine& line : parse_env_file(*env)) {
        if (line.has_value) variables_[line.name] = interpolate(line.value, variables_).text;
      }
    }
    if (root != nullptr && root->is_mapping()) read_services(*root);
    add_link_aliases();
    if (!tree.failed() && !kafka_service_seen_) {
      file_finding(FileFinding::Kind::no_kafka_services, "this compose file has no Kafka or ZooKeeper service that zklint knows: nothing in it was checked", 0);
    }
    load_.model = model_;
    return std::move(load_);
  }

 private:
  Range range(std::uint32_t begin, std::uint32_t end) const { return clamped_range(source_, begin, end); }

  void file_finding(FileFinding::Kind kind, std::string message, std::uint32_t offset) {
    const auto size = static_cast<std::uint32_t>(source_.bytes().size());
    model_->findings.push_back({kind, std::move(message), range(offset, std::min(offset + 1, size))});
  }

  std::string text(const yaml::Node* node) const {
    if (node == nullptr || !node->is_scalar()) return {};
    return interpolate(node->text, variables_).text;
  }

  // services: at the top (Compose file format 2/3 and the Compose Specification), or the whole
  // file in the version-less format 1, where every top-level mapping is a service.
  void read_services(const yaml::Node& root) {
    // A network declared `external: true`, or given a fixed `name:` that another project may use
    // too, is shared with containers this file does not define.
    if (const yaml::Node* networks = yaml::find(root, "networks"); networks != nullptr && networks->is_mapping()) {
      for (const auto& [name, network] : yaml::entries(*networks)) {
        if (!network->is_mapping()) continue;
        const yaml::Node* external = yaml::find(*network, "external");
        if ((external != nullptr && text(external) != "false") || yaml::find(*network, "name") != nullptr) model_->names_from_outside = true;
      }
    }
    const yaml::Node* services = yaml::find(root, "services");
    const yaml::Node& all = services != nullptr ? *services : root;
    if (!all.is_mapping()) return;
    const bool format_one = services == nullptr && yaml::find(root, "version") == nullptr;
    // Format 1 puts containers on Docker's default bridge, where only links name them.
    if (format_one) model_->names_from_outside = true;
    for (const auto& [name, body] : yaml::entries(all)) {
      if (!name->is_scalar() || !body->is_mapping()) continue;
      if (services == nullptr && !format_one) continue;
      if (format_one && yaml::find(*body, "image") == nullptr && yaml::find(*body, "build") == nullptr) continue;
      read_service(*name, *body);
    }
  }

  void read_service(const yaml::Node& name, const yaml::Node& body) {
    ComposeService service;
    service.name = name.text;
    service.name_range = range(name.begin, name.end);
    service.host_names.push_back(name.text);
    if (const yaml::Node* container = yaml::find(body, "container_name"); container != nullptr && container->is_scalar()) add_host_name(service, *container);
    // Docker's embedded DNS answers for the container's hostname too on user-defined networks, which
    // compose's are (moby daemon/container_operations.go updateNetworkConfig @v20.10.0, which adds it
    // to the endpoint's aliases; buildEndpointDNSNames @v28.5.2).
    if (const yaml::Node* hostname = yaml::find(body, "hostname"); hostname != nullptr && hostname->is_scalar()) add_host_name(service, *hostname);
    read_links(body);
    read_networks(body, service);
    read_ports(body, service);
    if (const yaml::Node* depends = yaml::find(body, "depends_on")) {
      for (const yaml::Node* item : depends->items) service.depends_on.push_back(text(item));
      for (const auto& [key, value] : yaml::entries(*depends)) service.depends_on.push_back(text(key));
    }
    Environment env;
    read_env_files(body, env);
    read_environment(body, env);
    const yaml::Node* image = yaml::find(body, "image");
    const std::string image_text = image != nullptr && image->is_scalar() ? text(image) : std::string();
    const auto ref = classify_image(image_text, has_broker_variables(env.vars));
    if (ref) {
      kafka_service_seen_ = true;
      // A service with `build:` and no `image:` runs an image built from its own Dockerfile.
      const yaml::Node* build = image_text.empty() ? yaml::find(body, "build") : nullptr;
      const Range image_range = image != nullptr && image->is_scalar() ? range(image->begin, image->end)
                                : build != nullptr && build->is_scalar() ? range(build->begin, build->end)
                                                                        : service.name_range;
      std::string assumed_note;
      if (build != nullptr) assumed_note = "it builds its own image (build:), which zklint cannot see; its KAFKA_* variables are read as the apache/kafka image reads them";
      const yaml::Node* entrypoint = yaml::find(body, "entrypoint");
      // The official zookeeper image writes zoo.cfg in its entrypoint, whatever the command.
      const yaml::Node* command = ref->family == ImageFamily::zookeeper ? nullptr : yaml::find(body, "command");
      const std::string started_by = words(entrypoint) + " " + words(command);
      if ((entrypoint != nullptr || command != nullptr) && !runs_image_scripts(ref->family, started_by)) {
        const std::string_view replaced = entrypoint != nullptr ? "entrypoint" : "command";
        model_->findings.push_back({FileFinding::Kind::startup_replaced,
                                    "service '" + service.name + "' replaces the image's start-up script (" + std::string(replaced) +
                                        "), so its environment does not become its config as the image would make it: its settings are not checked",
                                    replaced_range(body, replaced)});
      } else {
        service.node = model_->nodes.size();
        add_node(service, *ref, image_text, image_range, env, entrypoint == nullptr && command == nullptr, std::move(assumed_note));
        model_->nodes[*service.node].volume_targets = volume_targets(body);
      }
    }
    model_->services.push_back(std::move(service));
  }

  // Where a replaced command or entrypoint is written: a one-line string itself; a list, which
  // YAML gives no extent, at its key.
  Range replaced_range(const yaml::Node& body, std::string_view key) const {
    for (const auto& [name, value] : yaml::entries(body)) {
      if (!name->is_scalar() || name->text != key) continue;
      if (value->is_scalar()) return range(value->begin, value->end);
      return range(name->begin, name->end);
    }
    return range(body.begin, body.begin);
  }

  // A command or entrypoint as one string (a list is joined with blanks).
  std::string words(const yaml::Node* node) const {
    if (node == nullptr) return {};
    if (node->is_scalar()) return text(node);
    std::string out;
    for (const yaml::Node* item : node->items) out += text(item) + " ";
    return out;
  }

  // Whether a replaced command still runs the image's own start-up script, which is what turns
  // the environment into the config: /etc/kafka/docker/run (apache/kafka), /etc/confluent/docker/run
  // (Confluent), start-kafka.sh (wurstmeister), /opt/bitnami/scripts/ (Bitnami), the official
  // zookeeper image's docker-entrypoint.sh.
  static bool runs_image_scripts(ImageFamily family, const std::string& started_by) {
    switch (family) {
      case ImageFamily::apache_kafka:
      case ImageFamily::unknown_kafka: return started_by.find("/etc/kafka/docker/run") != std::string::npos;
      case ImageFamily::confluent_kafka:
      case ImageFamily::confluent_zookeeper: return started_by.find("/etc/confluent/docker/run") != std::string::npos;
      case ImageFamily::wurstmeister_kafka: return started_by.find("start-kafka.sh") != std::string::npos;
      case ImageFamily::bitnami_kafka:
      case ImageFamily::bitnami_zookeeper: return started_by.find("/opt/bitnami/scripts/") != std::string::npos;
      case ImageFamily::zookeeper: return started_by.find("docker-entrypoint.sh") != std::string::npos;
      case ImageFamily::strimzi: return true;
    }
    return false;
  }

  // A name the others resolve the service by. One that an unset variable leaves a placeholder is
  // unknown, and so is then every name a host might be.
  void add_host_name(ComposeService& service, const yaml::Node& node) {
    if (!node.is_scalar()) return;
    const Interpolated name = interpolate(node.text, variables_);
    if (name.unresolved) model_->names_from_outside = true;
    else service.host_names.push_back(name.text);
  }

  // `links: ["zookeeper:zk"]` makes `zk` another name of the zookeeper service (on user-defined
  // networks a link is an alias: docker/compose pkg/compose/create.go createEndpointSettings @v2.29.0).
  void read_links(const yaml::Node& body) {
    const yaml::Node* links = yaml::find(body, "links");
    if (links == nullptr) return;
    for (const yaml::Node* item : links->items) {
      const std::string link = text(item);
      const std::size_t colon = link.find(':');
      if (colon != std::string::npos) link_aliases_.emplace_back(link.substr(0, colon), link.substr(colon + 1));
    }
  }

  void add_link_aliases() {
    for (const auto& [target, alias] : link_aliases_) {
      for (ComposeService& s : model_->services) {
        if (s.name == target) s.host_names.push_back(alias);
      }
    }
  }

  // network_mode: host and bridge (Docker's default bridge) and none have no embedded DNS for the
  // project's names; service:NAME and container:NAME join another container's network namespace.
  void read_networks(const yaml::Node& body, ComposeService& service) {
    if (const yaml::Node* mode = yaml::find(body, "network_mode")) {
      const std::string m = text(mode);
      service.host_network = m == "host";
      if (starts_with(m, "service:") || starts_with(m, "container:")) service.joins = m.substr(m.find(':') + 1);
      const bool unknown = mode->is_scalar() && interpolate(mode->text, variables_).unresolved;
      service.own_namespace = !unknown && !service.host_network && service.joins.empty();
      service.project_dns = service.own_namespace && m != "bridge" && m != "none";
    }
    if (yaml::find(body, "extra_hosts") != nullptr || yaml::find(body, "external_links") != nullptr) model_->names_from_outside = true;
    const yaml::Node* networks = yaml::find(body, "networks");
    if (networks == nullptr) return;
    for (const yaml::Node* item : networks->items) service.networks.push_back(text(item));
    for (const auto& [key, value] : yaml::entries(*networks)) {
      service.networks.push_back(text(key));
      if (!value->is_mapping()) continue;
      if (const yaml::Node* aliases = yaml::find(*value, "aliases")) {
        for (const yaml::Node* alias : aliases->items) add_host_name(service, *alias);
      }
    }
    // A network named by an unset variable may be any network.
    if (std::any_of(service.networks.begin(), service.networks.end(), [](const std::string& n) { return n.find('$') != std::string::npos; })) {
      model_->names_from_outside = true;
    }
  }

  // `ports:` short syntax "[IP:][HOST:]CONTAINER[/PROTOCOL]" or long syntax {target, published}.
  void read_ports(const yaml::Node& body, ComposeService& service) {
    const yaml::Node* ports = yaml::find(body, "ports");
    if (ports == nullptr) return;
    for (const yaml::Node* item : ports->items) {
      PublishedPort p;
      if (item->is_scalar()) {
        std::string spec = text(item);
        spec = spec.substr(0, spec.find('/'));
        const std::size_t colon = spec.rfind(':');
        const std::string container = colon == std::string::npos ? spec : spec.substr(colon + 1);
        if (colon != std::string::npos) {
          const std::string host = spec.substr(0, colon);
          p.host_port = host.substr(host.rfind(':') == std::string::npos ? 0 : host.rfind(':') + 1);
        }
        if (!parse_port(container, p.container_port)) continue;
        p.range = range(item->begin, item->end);
      } else if (item->is_mapping()) {
        if (!parse_port(text(yaml::find(*item, "target")), p.container_port)) continue;
        p.host_port = text(yaml::find(*item, "published"));
        p.range = range(item->begin, item->begin);
      } else {
        continue;
      }
      service.ports.push_back(std::move(p));
    }
  }

  // Where `volumes:` mounts something in the container (compose-spec 05-services.md "volumes"):
  // the short syntax `[SOURCE:]TARGET[:MODE]`, whose target is the last absolute part (a Windows
  // source `C:\data` has a colon too), or the long syntax's `target`. A tmpfs keeps nothing;
  // `volumes_from` or a target zklint cannot read leaves the mounts unknown.
  std::optional<std::vector<std::string>> volume_targets(const yaml::Node& body) const {
    if (yaml::find(body, "volumes_from") != nullptr) return std::nullopt;
    std::vector<std::string> targets;
    const yaml::Node* volumes = yaml::find(body, "volumes");
    if (volumes == nullptr) return targets;
    for (const yaml::Node* item : volumes->items) {
      std::string target;
      if (item->is_scalar()) {
        const std::string spec = text(item);
        for (std::size_t from = 0; from <= spec.size();) {
          const std::size_t colon = std::min(spec.find(':', from), spec.size());
          if (colon > from && spec[from] == '/') target = spec.substr(from, colon - from);
          from = colon + 1;
        }
      } else if (item->is_mapping()) {
        if (text(yaml::find(*item, "type")) == "tmpfs") continue;
        target = text(yaml::find(*item, "target"));
      }
      if (target.empty() || target.front() != '/' || target.find('$') != std::string::npos) return std::nullopt;
      while (target.size() > 1 && target.back() == '/') target.pop_back();
      targets.push_back(std::move(target));
    }
    return targets;
  }

  static bool parse_port(const std::string& text, std::uint32_t& out) {
    if (text.empty() || text.size() > 5 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    out = static_cast<std::uint32_t>(std::stoul(text));
    return out > 0 && out <= 65535;
  }

  // `env_file:` as a path, a list of paths, or a list of {path, required}; read beside the compose
  // file. Settings from them point at the env_file entry that names the file.
  void read_env_files(const yaml::Node& body, Environment& env) {
    const yaml::Node* files = yaml::find(body, "env_file");
    if (files == nullptr) return;
    std::vector<const yaml::Node*> paths;
    if (files->is_scalar()) paths.push_back(files);
    for (const yaml::Node* item : files->items) {
      if (item->is_scalar()) paths.push_back(item);
      else if (item->is_mapping() && yaml::find(*item, "path") != nullptr) paths.push_back(yaml::find(*item, "path"));
    }
    for (const yaml::Node* path : paths) {
      const std::string name = text(path);
      const auto content = read_(directory_ / name);
      if (!content) continue;
      for (EnvLine& line : parse_env_file(*content)) {
        EnvVar var;
        var.name = line.name;
        var.from_shell = !line.has_value;
        const Interpolated value = interpolate(line.value, variables_);
        var.value = value.text;
        var.placeholder = value.unresolved;
        VariableSource where;
        where.key_begin = where.value_begin = path->begin;
        where.key_end = where.value_end = path->end;
        where.how = "env_file " + name;
        env.put(std::move(var), std::move(where));
      }
    }
  }

  void read_environment(const yaml::Node& body, Environment& env) {
    const yaml::Node* environment = yaml::find(body, "environment");
    if (environment == nullptr) return;
    for (const auto& [key, value] : yaml::entries(*environment)) {
      if (!key->is_scalar()) continue;
      EnvVar var;
      var.name = key->text;
      VariableSource where;
      where.key_begin = key->begin;
      where.key_end = key->end;
      where.separator = Separator::colon;
      where.separator_offset = key->end;
      if (value->is_null() && value->style == yaml::ScalarStyle::plain && value->text.empty()) {
        var.from_shell = true;
        where.value_begin = where.value_end = key->end;
      } else if (value->is_scalar()) {
        resolve_value(*value, 0, var, where);
      } else {
        continue;
      }
      env.put(std::move(var), std::move(where));
    }
    for (const yaml::Node* item : environment->items) {
      if (!item->is_scalar()) continue;
      const std::string& raw = item->text;
      const std::size_t eq = raw.find('=');
      EnvVar var;
      var.name = raw.substr(0, eq);
      VariableSource where;
      where.separator = Separator::equals;
      if (item->verbatim) {
        where.key_begin = item->begin;
        where.key_end = item->begin + static_cast<std::uint32_t>(var.name.size());
        where.separator_offset = where.key_end;
      } else {
        where.key_begin = item->begin;
        where.key_end = item->end;
        where.separator_offset = item->begin;
      }
      if (eq == std::string::npos) {
        var.from_shell = true;
        where.value_begin = where.value_end = where.key_end;
      } else {
        resolve_value(*item, eq + 1, var, where);
      }
      env.put(std::move(var), std::move(where));
    }
  }

  // The value is the scalar's text from `from` on, interpolated; positions follow it through the
  // YAML when the scalar is written as it reads, else the value is one unit over the scalar.
  void resolve_value(const yaml::Node& scalar, std::size_t from, EnvVar& var, VariableSource& where) const {
    const Interpolated value = interpolate(std::string_view(scalar.text).substr(from), variables_);
    var.value = value.text;
    var.placeholder = value.unresolved;
    if (scalar.verbatim) {
      const auto base = static_cast<std::uint32_t>(scalar.begin + from);
      where.value_begin = base;
      where.value_end = scalar.end;
      for (MapPiece piece : value.pieces) {
        piece.source += base;
        where.pieces.push_back(piece);
      }
    } else {
      where.value_begin = from == 0 ? scalar.begin : scalar.end;
      where.value_end = scalar.end;
      if (from == 0) where.pieces.push_back({0, scalar.begin, static_cast<std::uint32_t>(var.value.size()), scalar.end - scalar.begin});
    }
  }

  void add_node(const ComposeService& service, const ImageRef& ref, const std::string& image_text, const Range& image_range, const Environment& env,
                bool scripts_run, std::string assumed_note = {}) {
    const ImageMapping mapping = map_environment(ref, env.vars, scripts_run);
    DeployedNode node;
    node.service = service.name;
    node.image = image_text;
    node.family = ref.family;
    node.kind = mapping.kind;
    node.service_range = service.name_range;
    node.image_range = image_range;
    if (ref.kafka) node.kafka_version = ref.kafka->to_string();
    node.server_id = mapping.server_id;
    if (ref.family == ImageFamily::unknown_kafka) {
      if (assumed_note.empty()) assumed_note = "image '" + image_text + "' is not one zklint knows; its KAFKA_* variables are read as the apache/kafka image reads them";
      node.findings.push_back({ContainerFinding::Kind::assumed_mapping, std::move(assumed_note), image_range});
    }
    for (const StartupProblem& p : mapping.problems) {
      const Range where = p.variable ? range(env.sources[*p.variable].key_begin, env.sources[*p.variable].key_end) : image_range;
      node.findings.push_back({p.kind, p.message, where});
    }
    // Settings in file order (the order entries have in a Document), image defaults at the image.
    struct Pending {
      DerivedSetting setting;
      SettingOrigin origin;
      bool templated = false;
    };
    std::vector<Pending> pending;
    for (const MappedSetting& s : mapping.settings) {
      Pending p;
      p.setting.key = s.key;
      p.setting.value = s.value;
      if (s.variable) {
        const VariableSource& where = env.sources[*s.variable];
        const EnvVar& var = env.vars[*s.variable];
        p.setting.key_begin = where.key_begin;
        p.setting.key_end = where.key_end;
        p.setting.value_begin = where.value_begin;
        p.setting.value_end = where.value_end;
        p.setting.separator = where.separator;
        p.setting.separator_offset = where.separator_offset;
        if (s.whole_value) p.setting.value_pieces = where.pieces;
        else if (where.value_end > where.value_begin) {
          p.setting.value_pieces = {{0, where.value_begin, static_cast<std::uint32_t>(s.value.size()), where.value_end - where.value_begin}};
        }
        p.origin = {var.name, s.how.empty() ? where.how : s.how};
        p.templated = var.placeholder || var.from_shell;
      } else {
        p.setting.key_begin = p.setting.value_begin = image_range.begin.offset;
        p.setting.key_end = p.setting.value_end = image_range.end.offset;
        p.setting.value_pieces = {{0, image_range.begin.offset, static_cast<std::uint32_t>(s.value.size()), image_range.end.offset - image_range.begin.offset}};
        p.origin = {"", s.how};
      }
      if (s.value.find("${") != std::string::npos) p.templated = true;
      pending.push_back(std::move(p));
    }
    std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) { return a.setting.key_begin < b.setting.key_begin; });
    std::vector<DerivedSetting> settings;
    ServiceDocument doc;
    for (Pending& p : pending) {
      settings.push_back(std::move(p.setting));
      node.origins.push_back(std::move(p.origin));
      doc.template_flags.push_back(p.templated ? LintContext::template_in_value : 0);
    }
    doc.doc = std::make_unique<Document>(Document::derive(SourceFile(source_.path(), std::string(source_.bytes())), settings, service.name_range));
    doc.node = model_->nodes.size();
    model_->nodes.push_back(std::move(node));
    load_.services.push_back(std::move(doc));
  }

  // The broker variables tell a Kafka container's environment from the many other KAFKA_*
  // variables of Kafka tools (UIs, exporters, REST proxies).
  static bool has_broker_variables(const std::vector<EnvVar>& vars) {
    static const std::set<std::string_view> broker_variables = {"KAFKA_ZOOKEEPER_CONNECT", "KAFKA_PROCESS_ROLES", "KAFKA_BROKER_ID", "KAFKA_NODE_ID",
                                                                "KAFKA_ADVERTISED_LISTENERS", "KAFKA_LISTENERS"};
    return std::any_of(vars.begin(), vars.end(), [](const EnvVar& v) { return broker_variables.count(v.name) != 0; });
  }

 public:
  ComposeLoad run_env_file() {
    load_.recognized = true;
    load_.what = "env file";
    load_.comments = grammar::env_file_comments(source_.bytes());
    const std::string name = source_.path().substr(source_.path().find_last_of('/') + 1);
    const bool compose_file = env_file_syntax(name) == EnvFileSyntax::compose;
    std::vector<EnvFileError> errors;
    const std::vector<EnvLine> lines = compose_file ? parse_env_file(source_.bytes()) : parse_docker_env_file(source_.bytes(), errors);
    for (const EnvFileError& e : errors) model_->findings.push_back({FileFinding::Kind::invalid_env_file, e.message, range(e.offset, e.end)});
    Environment env;
    for (const EnvLine& line : lines) {
      EnvVar var;
      var.name = line.name;
      var.value = line.value;
      var.from_shell = !line.has_value;
      var.placeholder = compose_file && line.value.find("${") != std::string::npos;
      VariableSource where;
      where.key_begin = line.name_offset;
      where.key_end = line.name_offset + static_cast<std::uint32_t>(line.name.size());
      where.separator = Separator::equals;
      where.separator_offset = line.has_value ? line.value_offset - 1 : where.key_end;
      where.value_begin = line.value_offset;
      where.value_end = line.value_end;
      if (source_.bytes().substr(line.value_offset, line.value_end - line.value_offset) != line.value) {
        where.pieces.push_back({0, line.value_offset, static_cast<std::uint32_t>(line.value.size()), line.value_end - line.value_offset});
      }
      where.how = "env file";
      env.put(std::move(var), std::move(where));
    }
    const Range first_line = range(0, static_cast<std::uint32_t>(std::min(source_.bytes().find('\n'), source_.bytes().size())));
    if (!has_broker_variables(env.vars)) {
      // A file docker refuses says so (env-file-syntax): that is all there is to say about it.
      if (!errors.empty()) {
        load_.model = model_;
        return std::move(load_);
      }
      file_finding(FileFinding::Kind::no_kafka_services,
                   "this env file sets none of KAFKA_ZOOKEEPER_CONNECT, KAFKA_PROCESS_ROLES, KAFKA_BROKER_ID, KAFKA_NODE_ID, KAFKA_LISTENERS, "
                   "KAFKA_ADVERTISED_LISTENERS: it is not a Kafka broker's environment, and nothing in it was checked",
                   0);
      load_.model = model_;
      return std::move(load_);
    }
    ComposeService service;
    service.name = name;
    service.name_range = first_line;
    service.host_names.push_back(name);
    kafka_service_seen_ = true;
    service.node = model_->nodes.size();
    const ImageRef ref = *classify_image("", true);
    add_node(service, ref, "", first_line, env, true,
             "an env file names no image: its KAFKA_* variables are read as the apache/kafka image reads them");
    model_->services.push_back(std::move(service));
    load_.model = model_;
    return std::move(load_);
  }

 private:
  const SourceFile& source_;
  fs::path directory_;
  const ReadBeside& read_;
  Variables variables_;
  bool kafka_service_seen_ = false;
  std::vector<std::pair<std::string, std::string>> link_aliases_;  ///< (service, alias) from `links:`
  std::shared_ptr<ComposeModel> model_;
  ComposeLoad load_;
};

}  // namespace

ComposeLoad load_compose(const SourceFile& source, const fs::path& directory, const ReadBeside& read, bool assume_compose) {
  return ComposeReader(source, directory, read).run(assume_compose);
}

ComposeLoad load_env_file(const SourceFile& source) {
  const ReadBeside nothing = [](const fs::path&) -> std::optional<std::string> { return std::nullopt; };
  return ComposeReader(source, fs::path("."), nothing).run_env_file();
}

}  // namespace zklint::deploy

namespace zklint {

std::string_view to_string(ImageFamily family) {
  switch (family) {
    case ImageFamily::apache_kafka: return "apache/kafka";
    case ImageFamily::confluent_kafka: return "confluentinc/cp-kafka";
    case ImageFamily::confluent_zookeeper: return "confluentinc/cp-zookeeper";
    case ImageFamily::bitnami_kafka: return "bitnami/kafka";
    case ImageFamily::bitnami_zookeeper: return "bitnami/zookeeper";
    case ImageFamily::zookeeper: return "zookeeper";
    case ImageFamily::wurstmeister_kafka: return "wurstmeister/kafka";
    case ImageFamily::unknown_kafka: return "unknown (read as apache/kafka)";
    case ImageFamily::strimzi: return "Strimzi cluster operator";
  }
  return "unknown";
}

}  // namespace zklint
