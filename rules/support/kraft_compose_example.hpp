// Rule examples as docker-compose text: a KRaft controller service and a broker service of the
// apache/kafka image, the broker reaching the controller at VOTERS. KEYS are more service keys,
// written before `environment:` ("    ports: [\"29093:9093\"]\n"). Macros, so that examples stay
// string literals.
#pragma once

#define ZKLINT_KRAFT_CONTROLLER_SERVICE(KEYS)                                                               \
  "  controller:\n    image: apache/kafka:3.9.0\n" KEYS                                                     \
  "    environment:\n      KAFKA_NODE_ID: 1\n      KAFKA_PROCESS_ROLES: controller\n"                       \
  "      KAFKA_LISTENERS: CONTROLLER://:9093\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n"           \
  "      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@controller:9093\n      KAFKA_LOG_DIRS: /var/lib/kafka/data\n"

#define ZKLINT_KRAFT_BROKER_SERVICE(KEYS, VOTERS)                                                         \
  "  broker:\n    image: apache/kafka:3.9.0\n    depends_on: [controller]\n" KEYS                           \
  "    environment:\n      KAFKA_NODE_ID: 2\n      KAFKA_PROCESS_ROLES: broker\n"                           \
  "      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://broker:9092\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n" \
  "      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n"                    \
  "      KAFKA_CONTROLLER_QUORUM_VOTERS: " VOTERS "\n      KAFKA_LOG_DIRS: /var/lib/kafka/data\n"            \
  "      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n" \
  "      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n"
