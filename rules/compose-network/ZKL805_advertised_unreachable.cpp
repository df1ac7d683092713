// ZKL805 advertised-unreachable: a broker in a compose file advertises an address that those it
// is advertised to cannot reach.
#include <algorithm>
#include <string>

#include "support/cluster_nodes.hpp"
#include "support/compose_network.hpp"
#include "support/kafka_model.hpp"
#include "support/zookeeper_model.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(AdvertisedUnreachable)

namespace zklint::rules {

const RuleMeta& AdvertisedUnreachable::meta() const {
  static const RuleMeta m{
      .code = "ZKL805",
      .name = "advertised-unreachable",
      .severity = Severity::warning,
      .applies_to = FileKinds::deployment(),
      .summary = "A broker container advertises an address that those it is meant for cannot reach: localhost to the other brokers, or to host clients a port or name the host does not have",
      .doc = R"md(
Clients and brokers connect first to a bootstrap address, then to the addresses the brokers
advertise (`advertised.listeners`, else `listeners`). In a compose project those addresses
must work from where they are used:

- **The inter-broker listener advertised at localhost, with other brokers in the file**
  (error). The other brokers fetch from this one, and the controller sends it requests, at
  that address: inside their containers localhost is themselves (each container has a
  network namespace of its own: docs.docker.com/compose/how-tos/networking). Replication to
  and from this broker fails.
- **A published listener advertised at localhost on a port the file does not publish**
  (warning). A client on the Docker host bootstraps through the published port, then is sent
  to `localhost:PORT`, where nothing is published (`ports: "HOST:CONTAINER"` maps only the host
  port written). This is the classic "bootstrap works, then timeouts" mistake
  (wurstmeister/kafka-docker#417).
- **A listener advertised at localhost whose port the service does not publish**, while
  it publishes others (warning): host clients cannot reach it, and in other containers
  localhost is themselves; only tools inside the broker's own container can use it.
- **Published ports, but every advertised address is a service name** (warning). Only
  containers resolve service names; a client on the Docker host bootstraps, then fails to
  resolve the broker it is sent to. Add a listener for host clients
  (`EXTERNAL://localhost:29092`, published as `"29092:29092"`).

Containers with `network_mode: host` or another container's network are not judged, nor
listeners whose ports or hosts are templated.
)md",
      .bad = {{.text = "services:\n  kafka:\n    image: apache/kafka:3.9.0\n    ports: [\"29092:9092\"]\n    environment:\n      KAFKA_NODE_ID: 1\n"
                       "      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093\n"
                       "      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://localhost:9092\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n"
                       "      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n"
                       "      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093\n      KAFKA_LOG_DIRS: /var/lib/kafka/data\n",
               .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n  kafka:\n    image: apache/kafka:3.9.0\n    ports: [\"29092:9092\"]\n    environment:\n      KAFKA_NODE_ID: 1\n"
                        "      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093\n"
                        "      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://localhost:29092\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n"
                        "      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n"
                        "      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093\n      KAFKA_LOG_DIRS: /var/lib/kafka/data\n",
                .file_name = "compose.yaml"}},
  };
  return m;
}

namespace {

bool loopback(std::string_view host) { return support::is_local_host(host) && host != "0.0.0.0"; }

// The host port that publishes `container_port` of the service, if any.
const PublishedPort* published(const ComposeService& s, std::int64_t container_port) {
  for (const PublishedPort& p : s.ports) {
    if (p.container_port == container_port && !p.host_port.empty()) return &p;
  }
  return nullptr;
}

bool any_service_publishes(const ComposeModel& model, std::int64_t host_port) {
  return std::any_of(model.services.begin(), model.services.end(), [&](const ComposeService& s) {
    return std::any_of(s.ports.begin(), s.ports.end(), [&](const PublishedPort& p) { return p.host_port == std::to_string(host_port); });
  });
}

// Another broker of the file that keeps its metadata where this one does.
const support::Node* other_broker(const support::ClusterNodes& nodes, const support::Node& me, const ComposeModel& model) {
  for (const support::Node& n : nodes.nodes()) {
    if (&n != &me && n.runs_broker() && n.ctx->profile().compose.get() == &model && me.quorum.known() && me.quorum.shared_with(n.quorum)) return &n;
  }
  return nullptr;
}

class Check {
 public:
  Check(const support::ComposeReach& reach, const support::ComposeMember& m, Reporter& out)
      : model_(*reach.model()), m_(m), kafka_(m.ctx->model<support::KafkaModel>()), out_(out) {}

  void inter_broker(const support::ClusterNodes& nodes) {
    const support::Node* me = nodes.find(*m_.ctx);
    const auto& ib = kafka_.inter_broker_listener();
    const auto& advertised = kafka_.advertised_listeners();
    if (me == nullptr || !ib.known || !advertised.known || advertised.entry == nullptr) return;
    const support::Listener* l = advertised.find(ib.name);
    if (l == nullptr || !l->endpoint.ok() || !loopback(l->host())) return;
    const support::Node* other = other_broker(nodes, *me, model_);
    if (other == nullptr) return;
    out_.report_value_part(*advertised.entry, l->endpoint.host.begin, l->endpoint.host.end,
                           "service '" + m_.service->name + "' advertises its inter-broker listener " + ib.name + " at " + std::string(l->host()) + ", but " +
                               other->ctx->profile().deployed()->service + " is another broker of the cluster: inside its container " + std::string(l->host()) +
                               " is itself, so replication to and from '" + m_.service->name + "' fails")
        .severity(Severity::error)
        .help("advertise the inter-broker listener at the service name ('" + m_.service->name + "'), and localhost only on a listener for host clients");
  }

  void host_clients() {
    const auto& advertised = kafka_.advertised_listeners();
    const auto& bound = kafka_.listeners();
    if (!advertised.known || !bound.known || advertised.entry == nullptr || m_.service->ports.empty()) return;
    bool for_host = false;  // some advertised address a host client can use
    std::vector<const support::Listener*> service_named;
    for (const support::Listener& l : advertised.listeners) {
      const support::Listener* b = bound.find(l.name);
      if (!l.endpoint.ok() || !l.endpoint.port || b == nullptr || !b->endpoint.ok() || !b->endpoint.port) continue;
      const PublishedPort* p = published(*m_.service, *b->endpoint.port);
      if (support::service_named(model_, l.host()) != nullptr) {
        if (p != nullptr) service_named.push_back(&l);
        continue;
      }
      if (p == nullptr) {
        const bool inter_broker = kafka_.inter_broker_listener().known && kafka_.inter_broker_listener().name == l.name;  // judged by inter_broker()
        if (loopback(l.host()) && !inter_broker && !any_service_publishes(model_, *l.endpoint.port)) unpublished_listener(l, *b->endpoint.port);
        continue;
      }
      for_host = true;
      if (loopback(l.host()) && !any_service_publishes(model_, *l.endpoint.port)) unpublished_port(l, *p);
    }
    if (!for_host) {
      for (const support::Listener* l : service_named) service_name_only(*l);
    }
  }

 private:
  void unpublished_port(const support::Listener& l, const PublishedPort& p) {
    out_.report_value_part(*kafka_.advertised_listeners().entry, l.endpoint.port_text.begin, l.endpoint.port_text.end,
                           "service '" + m_.service->name + "' publishes listener " + l.name + " on host port " + p.host_port + " but advertises " +
                               std::string(l.host()) + ":" + std::to_string(*l.endpoint.port) + ", which no service publishes: a client on the Docker host bootstraps at port " +
                               p.host_port + ", then cannot connect to the broker at the address it is given")
        .suggest(p.host_port)
        .related(p.range, "the published port");
  }

  // A listener advertised at localhost is for clients on the Docker host (inside other
  // containers localhost is themselves), which reach it only through a published port.
  void unpublished_listener(const support::Listener& l, std::int64_t container_port) {
    out_.report_value_part(*kafka_.advertised_listeners().entry, l.endpoint.entry.begin, l.endpoint.entry.end,
                           "service '" + m_.service->name + "' advertises listener " + l.name + " at " + std::string(l.host()) + ":" + std::to_string(*l.endpoint.port) +
                               ", but publishes neither that port nor the listener's container port " + std::to_string(container_port) +
                               ": only clients inside the '" + m_.service->name + "' container itself can use it")
        .help("publish it (`ports: [\"" + std::to_string(*l.endpoint.port) + ":" + std::to_string(container_port) + "\"]`) and advertise the published port");
  }

  void service_name_only(const support::Listener& l) {
    out_.report_value_part(*kafka_.advertised_listeners().entry, l.endpoint.host.begin, l.endpoint.host.end,
                           "service '" + m_.service->name + "' publishes listener " + l.name + " to the Docker host but advertises it as " + std::string(l.host()) +
                               ", a name only containers resolve, and advertises nothing else a host client can use: a client on the host bootstraps, then "
                               "cannot resolve '" + std::string(l.host()) + "'")
        .help("add a listener for host clients advertised at localhost (or the host's name) on its published port");
  }

  const ComposeModel& model_;
  const support::ComposeMember& m_;
  const support::KafkaModel& kafka_;
  Reporter& out_;
};

}  // namespace

void AdvertisedUnreachable::check(const LintContext& ctx, Reporter& out) const {
  const auto& reach = ctx.model<support::ComposeReach>();
  if (reach.model() == nullptr || ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  for (const support::ReachingContainer& c : reach.containers()) {
    if (!support::alone_on_loopback(*reach.model(), *c.member.service) || !c.member.service->project_dns) continue;
    if (!c.member.ctx->model<support::KafkaModel>().runs_broker()) continue;
    Check check(reach, c.member, out);
    check.inter_broker(nodes);
    check.host_clients();
  }
}

}  // namespace zklint::rules
