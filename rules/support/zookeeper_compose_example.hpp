// Rule examples as docker-compose text: a service of the official zookeeper image that is one
// server of a three-server ensemble. ENV is more of its environment ("      ZOO_MY_ID: 1\n").
// A macro, so that examples stay string literals.
#pragma once

#define ZKLINT_ZOO_SERVICE(NAME, ENV)                                                  \
  "  " NAME ":\n    image: zookeeper:3.8\n    environment:\n" ENV                        \
  "      ZOO_AUTOPURGE_PURGEINTERVAL: 24\n      ZOO_4LW_COMMANDS_WHITELIST: srvr,ruok,mntr\n" \
  "      ZOO_SERVERS: server.1=zoo1:2888:3888;2181 server.2=zoo2:2888:3888;2181 server.3=zoo3:2888:3888;2181\n"
