#include "helm.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "images.hpp"
#include "node_settings.hpp"
#include "properties_text.hpp"
#include "source_range.hpp"
#include "strimzi.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::deploy {

namespace {

std::string text_of(const yaml::Node* node) { return node != nullptr && node->is_scalar() && !node->is_null() ? node->text : std::string(); }

/// A YAML boolean as Helm reads values (YAML 1.2 core: true/false in any of three casings).
bool flag(const yaml::Node* node, bool otherwise) {
  const std::string t = text_of(node);
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return otherwise;
}

/// A replica count; one that is not a plain number (a template) counts as some replicas.
int count(const yaml::Node* node, int otherwise) {
  const std::string t = text_of(node);
  if (t.empty()) return otherwise;
  int n = 0;
  const auto r = std::from_chars(t.data(), t.data() + t.size(), n);
  return r.ec == std::errc() && r.ptr == t.data() + t.size() ? n : 1;
}

/// The properties text a values key holds: a non-empty string (Helm's `if` treats "" as unset).
const yaml::Node* properties_text(const yaml::Node* node) {
  return node != nullptr && node->is_scalar() && !node->is_null() && !node->text.empty() ? node : nullptr;
}

// The chart's values and templates at bitnami/charts tag kafka/31.5.0 (the last release line whose
// config, extraConfig and secretConfig are properties text; kafka/24.0.0 introduced extraConfig):
// templates/broker/configmap.yaml and controller-eligible/configmap.yaml write server.properties,
// templates/scripts-configmap.yaml (kafka-init.sh) edits it in every pod before Kafka starts.
class ChartReader {
 public:
  explicit ChartReader(const SourceFile& source) : source_(source), model_(std::make_shared<ComposeModel>()) {}

  ComposeLoad run() {
    const yaml::Tree tree = yaml::parse(source_);
    load_.what = "Helm values of the Bitnami kafka chart";
    root_ = tree.documents().empty() ? nullptr : tree.documents().front();
    if (root_ == nullptr || !root_->is_mapping() || yaml::find(*root_, "apiVersion") != nullptr || yaml::find(*root_, "services") != nullptr) return std::move(load_);
    // Keys only the kafka chart has (other charts have `controller:` or `listeners:` too).
    bool chart_key = yaml::find(*root_, "kraft") != nullptr || yaml::find(*root_, "externalZookeeper") != nullptr ||
                     text_of(value_at(root_, {"image", "repository"})).find("kafka") != std::string::npos;
    for (std::string_view listener : {"client", "interbroker", "controller", "external"}) {
      chart_key = chart_key || value_at(root_, {"listeners", listener}) != nullptr;
    }
    std::vector<const yaml::Node*> texts;
    for (const char* role : {"", "controller", "broker"}) {
      for (const char* key : {"config", "extraConfig", "secretConfig"}) {
        if (const yaml::Node* text = properties_text(value(role, key))) texts.push_back(text);
      }
    }
    load_.recognized = chart_key && !texts.empty();
    if (!load_.recognized) return std::move(load_);
    // zklint's directives sit in YAML's comments and in the '#' lines of the properties text.
    load_.comments = grammar::yaml_comments(source_.bytes());
    for (const yaml::Node* text : texts) std::ranges::copy(comments_in_scalar(source_, *text), std::back_inserter(load_.comments));
    std::ranges::sort(load_.comments, {}, &grammar::CommentSpan::begin);
    for (const yaml::Issue& issue : tree.issues()) finding(FileFinding::Kind::invalid_yaml, issue.message, clamped_range(source_, issue.offset, issue.offset + 1));
    read_nodes();
    load_.model = model_;
    return std::move(load_);
  }

 private:
  /// `key` of the role's section (`controller.extraConfig`), or of the top level for role "".
  const yaml::Node* value(std::string_view role, std::string_view key) const {
    return role.empty() ? value_at(root_, {key}) : value_at(root_, {role, key});
  }
  static std::string name(std::string_view role, std::string_view key) { return role.empty() ? std::string(key) : std::string(role) + "." + std::string(key); }

  void finding(FileFinding::Kind kind, std::string message, const Range& where) {
    for (const FileFinding& f : model_->findings) {
      if (f.kind == kind && f.message == message && f.range == where) return;  // said once for both node sets
    }
    model_->findings.push_back({kind, std::move(message), where});
  }
  Range range(const yaml::Node& node) const { return clamped_range(source_, node.begin, node.is_scalar() ? node.end : node.begin); }
  /// The key node of `key` in the role's section, for findings about a whole value.
  const yaml::Node* key_node(std::string_view role, std::string_view key) const {
    const yaml::Node* section = role.empty() ? root_ : value_at(root_, {role});
    if (section == nullptr || !section->is_mapping()) return nullptr;
    for (const auto& [k, v] : yaml::entries(*section)) {
      if (k->is_scalar() && k->text == key) return k;
    }
    return nullptr;
  }

  void read_nodes() {
    kraft_ = flag(value_at(root_, {"kraft", "enabled"}), true);
    const yaml::Node* servers = value_at(root_, {"externalZookeeper", "servers"});
    zookeeper_ = flag(value_at(root_, {"zookeeper", "enabled"}), false) || (servers != nullptr && (servers->is_sequence() ? !servers->items.empty() : !text_of(servers).empty()));
    // image.tag gives the Kafka release; without one it is the chart release's default, not known here.
    if (const std::string tag = text_of(value_at(root_, {"image", "tag"})); !tag.empty()) {
      if (const auto ref = classify_image("bitnami/kafka:" + tag, false); ref && ref->kafka) version_ = ref->kafka->to_string();
    }
    // controller-eligible/statefulset.yaml exists with kraft.enabled; broker/statefulset.yaml with broker replicas.
    if (kraft_ && count(value("controller", "replicaCount"), 3) > 0) {
      add_node("controller", flag(value("controller", "controllerOnly"), false) ? "controller" : "controller,broker");
    }
    if (count(value("broker", "replicaCount"), 0) > 0) add_node("broker", "broker");
  }

  // What one statefulset's pods get: the chart's server.properties (or the user's `config` in its
  // place), the init script's id, then the secret config appended at the end.
  void add_node(const char* role, const std::string& roles) {
    // An existing ConfigMap (<role>.existingConfigmap, else existingConfigmap) is mounted instead
    // of the chart's: config and extraConfig are not used (kafka.<role>.configmapName).
    for (const std::string_view section : {std::string_view(role), std::string_view()}) {
      const yaml::Node* existing = properties_text(value(section, "existingConfigmap"));
      if (existing == nullptr) continue;
      // A top-level existingConfigmap serves every role, so then the top-level keys are unused too.
      for (const std::string_view own : {std::string_view(role), std::string_view()}) {
        if (own.empty() && !section.empty()) continue;
        for (const char* key : {"config", "extraConfig"}) {
          if (properties_text(value(own, key)) == nullptr) continue;
          finding(FileFinding::Kind::chart_overridden_key,
                  "'" + name(own, key) + "' has no effect: the pods mount the ConfigMap '" + existing->text + "' of " + name(section, "existingConfigmap") +
                      " as server.properties instead of the chart's",
                  range(*key_node(own, key)));
        }
      }
      return;  // the settings are in that ConfigMap, not in this file
    }
    const yaml::Node* replacement = properties_text(value(role, "config"));
    std::string replacement_key = name(role, "config");
    if (replacement == nullptr) {
      replacement = properties_text(value("", "config"));
      replacement_key = "config";
    }
    // What the chart writes points at the role's section of the values (`controller:`).
    const yaml::Node* section = key_node("", role);
    const yaml::Node& anchor = section != nullptr ? *section : replacement != nullptr ? *replacement : first_text_key();
    NodeSettings node(source_, anchor);
    const std::vector<std::pair<std::string, const yaml::Node*>> appended = {
        {"extraConfig", properties_text(value("", "extraConfig"))},
        {name(role, "extraConfig"), properties_text(value(role, "extraConfig"))},
    };
    const std::string id_key = kraft_ ? "node.id" : "broker.id";
    const auto user = [&](const yaml::Node& text, const std::string& key) {
      std::vector<DerivedSetting> settings = properties_in_scalar(source_, text);
      std::erase_if(settings, [&](const DerivedSetting& s) {
        const bool replaced = s.key == id_key || (kraft_ && zookeeper_ && s.key == "broker.id");
        if (replaced) {
          finding(FileFinding::Kind::chart_overridden_key,
                  "'" + s.key + "' in " + key + " has no effect: the chart's init script (kafka-init.sh) sets it to the pod's ordinal plus " +
                      std::string(role) + ".minId",
                  clamped_range(source_, s.key_begin, s.key_end));
        }
        return replaced;
      });
      node.add_user(settings, key);
    };
    if (replacement != nullptr) {
      // `config` is the whole server.properties (coalesce broker.config config): extraConfig is
      // appended to the chart's own file only, and is then dropped.
      for (const auto& [key, text] : appended) {
        if (text == nullptr) continue;
        finding(FileFinding::Kind::chart_overridden_key,
                "'" + key + "' has no effect: '" + replacement_key + "' replaces the whole server.properties, and the chart appends " + key +
                    " only to the file it writes itself",
                range(*key_node(key.find('.') == std::string::npos ? "" : role, key.substr(key.find('.') + 1))));
      }
      user(*replacement, replacement_key);
    } else {
      node.add_made(chart_settings(role, roles), "written by the Bitnami kafka chart (templates/" + std::string(role == std::string("broker") ? "broker" : "controller-eligible") + "/configmap.yaml)");
      for (const auto& [key, text] : appended) {
        if (text != nullptr) user(*text, key);
      }
    }
    std::vector<MadeSetting> id;
    if (kraft_) id.push_back({"node.id", "${pod ordinal + " + std::string(role) + ".minId}"});
    if (zookeeper_) id.push_back({"broker.id", "${pod ordinal + " + std::string(role) + ".minId}"});
    node.add_made(id, "written by the chart's init script (kafka-init.sh)");
    add_secret_config(node, role);
    DeployedNode deployed;
    deployed.service = "kafka " + std::string(role == std::string("broker") ? "broker" : "controller-eligible") + " pods";
    deployed.image = "bitnami/kafka (Helm chart)";
    deployed.family = ImageFamily::bitnami_kafka;
    deployed.kind = FileKind::kafka;
    deployed.service_range = range(anchor);
    deployed.image_range = deployed.service_range;
    deployed.kafka_version = version_;
    node.finish(std::move(deployed), *model_, load_);
  }

  // kafka.<role>.secretConfig: secretConfig then <role>.secretConfig, appended after the init
  // script's edits, so its keys win over everything before. An existing Secret
  // (kafka.<role>.secretConfigName: <role>.existingSecretConfig, else existingSecretConfig) is
  // appended in its place, and then neither is used.
  void add_secret_config(NodeSettings& node, std::string_view role) {
    std::string existing_secret;
    for (const std::string_view section : {role, std::string_view()}) {
      if (const yaml::Node* existing = properties_text(value(section, "existingSecretConfig")); existing != nullptr && existing_secret.empty()) {
        existing_secret = "the Secret '" + existing->text + "' of " + name(section, "existingSecretConfig");
      }
    }
    for (const std::string_view own : {std::string_view(), role}) {
      const std::string key = name(own, "secretConfig");
      const yaml::Node* text = properties_text(value(own, "secretConfig"));
      if (text == nullptr) continue;
      if (existing_secret.empty()) {
        node.add_user(properties_in_scalar(source_, *text), key);
      } else {
        finding(FileFinding::Kind::chart_overridden_key, "'" + key + "' has no effect: the pods append " + existing_secret + " instead of the chart's",
                range(*key_node(own, "secretConfig")));
      }
    }
  }

  const yaml::Node& first_text_key() const {
    for (const char* role : {"", "controller", "broker"}) {
      for (const char* key : {"config", "extraConfig", "secretConfig"}) {
        if (properties_text(value(role, key)) != nullptr) return *key_node(role, key);
      }
    }
    return *root_;
  }

  // templates/<role>/configmap.yaml and _helpers.tpl (kafka.commonConfig, kafka.kraftConfig,
  // kafka.zookeeperConfig) @kafka/31.5.0. Listener lists, the quorum and ZooKeeper hosts come from
  // values and release names: they stay placeholders. The names are the values' (or defaults).
  std::vector<MadeSetting> chart_settings(const char* role, const std::string& roles) const {
    const auto listener_name = [&](std::string_view listener, std::string fallback) {
      const std::string n = text_of(value_at(root_, {"listeners", listener, "name"}));
      return n.empty() ? fallback : n;
    };
    const bool controller_only = roles == "controller";
    std::vector<MadeSetting> made = {{"listeners", "${listeners of the values}"}, {"listener.security.protocol.map", "${listeners of the values}"}};
    if (!controller_only) made.push_back({"advertised.listeners", "${pod host names}"});
    if (kraft_) {
      made.push_back({"process.roles", roles, true});
      made.push_back({"controller.listener.names", listener_name("controller", "CONTROLLER")});
      made.push_back({"controller.quorum.voters", "${controller pods}"});
    }
    if (zookeeper_) made.push_back({"zookeeper.connect", "${zookeeper of the values}"});
    std::string mount = text_of(value_at(root_, {role, "persistence", "mountPath"}));
    made.push_back({"log.dir", (mount.empty() ? std::string("/bitnami/kafka") : mount) + "/data"});
    made.push_back({"inter.broker.listener.name", listener_name("interbroker", "INTERNAL"), true});
    return made;
  }

  const SourceFile& source_;
  std::shared_ptr<ComposeModel> model_;
  ComposeLoad load_;
  const yaml::Node* root_ = nullptr;
  bool kraft_ = true, zookeeper_ = false;
  std::optional<std::string> version_;
};

}  // namespace

ComposeLoad load_bitnami_chart_values(const SourceFile& source) { return ChartReader(source).run(); }

ComposeLoad load_kubernetes_yaml(const SourceFile& source) {
  ComposeLoad load = load_strimzi(source);
  if (!load.recognized) load = load_confluent_resources(source);
  if (!load.recognized) load = load_bitnami_chart_values(source);
  return load;
}

}  // namespace zklint::deploy
