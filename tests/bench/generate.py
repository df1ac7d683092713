"""Inputs for tests/bench/run: realistic Kafka and ZooKeeper configs, generated (never downloaded).

The configs follow the shape of the stock files (sections separated by banner comments, the usual
keys with production values) but every comment is our own text. About one file in ten carries one of
the mistakes the rules look for, so the run also exercises reporting.
"""

import os
import random

BANNER = "#" * 29

# Our own comment lines, cycled through to give the files the comment density of the stock ones.
PROSE = [
    "Values below are tuned for a production cluster; see the runbook before changing them.",
    "Each setting is read once at startup: a rolling restart applies a change.",
    "Keep this file identical across the cluster except for the per-node identifiers.",
    "Sizes are in bytes and durations in milliseconds unless the key name says otherwise.",
    "The platform team reviews every change to this file in the configuration repository.",
    "Defaults that match the upstream ones are left out on purpose to keep the diff small.",
]


def comment_block(rng, lines):
    return "".join("# " + rng.choice(PROSE) + "\n" for _ in range(lines))


def section(rng, title, body, prose_lines):
    return "\n" + BANNER + " " + title + " " + BANNER + "\n" + comment_block(rng, prose_lines) + body


def zk_hosts(cluster, count=3, port=2181):
    return ",".join(f"zk{n}.c{cluster}.example.com:{port}" for n in range(1, count + 1))


def kafka_common(rng, partitions):
    return {
        "Socket Server Settings": [
            "num.network.threads=3",
            f"num.io.threads={rng.choice([8, 16])}",
            "socket.send.buffer.bytes=102400",
            "socket.receive.buffer.bytes=102400",
            "socket.request.max.bytes=104857600",
        ],
        "Log Basics": [
            "log.dirs=/var/lib/kafka/data",
            f"num.partitions={partitions}",
            "num.recovery.threads.per.data.dir=1",
        ],
        "Internal Topic Settings": [
            "offsets.topic.replication.factor=3",
            "transaction.state.log.replication.factor=3",
            "transaction.state.log.min.isr=2",
            "default.replication.factor=3",
            "min.insync.replicas=2",
        ],
        "Log Retention Policy": [
            f"log.retention.hours={rng.choice([72, 168, 336])}",
            "log.segment.bytes=1073741824",
            "log.retention.check.interval.ms=300000",
        ],
    }


def render(rng, header, sections):
    text = comment_block(rng, rng.randint(3, 12)) if header else ""
    for title, lines in sections.items():
        text += section(rng, title, "".join(line + "\n" for line in lines), rng.randint(1, 6))
    return text


def kafka_zookeeper_mode(rng, cluster, broker):
    sections = {"Server Basics": [f"broker.id={broker}"]}
    sections.update(kafka_common(rng, rng.choice([3, 6, 12])))
    sections["Socket Server Settings"][:0] = [
        "listeners=PLAINTEXT://0.0.0.0:9092",
        f"advertised.listeners=PLAINTEXT://kafka{broker}.c{cluster}.example.com:9092",
    ]
    sections["Zookeeper"] = [
        f"zookeeper.connect={zk_hosts(cluster)}/kafka",
        "zookeeper.connection.timeout.ms=18000",
    ]
    sections["Group Coordinator Settings"] = ["group.initial.rebalance.delay.ms=3000"]
    return render(rng, True, sections)


def kafka_kraft(rng, cluster, node):
    voters = ",".join(f"{n}@kafka{n}.c{cluster}.example.com:9093" for n in range(1, 4))
    sections = {
        "Server Basics": ["process.roles=broker,controller", f"node.id={node}", f"controller.quorum.voters={voters}"]
    }
    sections.update(kafka_common(rng, rng.choice([3, 6, 12])))
    sections["Socket Server Settings"][:0] = [
        "listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093",
        "inter.broker.listener.name=PLAINTEXT",
        f"advertised.listeners=PLAINTEXT://kafka{node}.c{cluster}.example.com:9092",
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
    ]
    return render(rng, True, sections)


def zoo_cfg(rng, cluster, servers=3):
    lines = [
        "tickTime=2000",
        "initLimit=10",
        "syncLimit=5",
        "dataDir=/var/lib/zookeeper/data",
        "dataLogDir=/var/lib/zookeeper/log",
        "clientPort=2181",
        "maxClientCnxns=60",
        "autopurge.snapRetainCount=5",
        "autopurge.purgeInterval=24",
        "4lw.commands.whitelist=srvr,ruok,mntr",
    ]
    lines += [f"server.{n}=zk{n}.c{cluster}.example.com:2888:3888" for n in range(1, servers + 1)]
    text = comment_block(rng, rng.randint(1, 4))
    for line in lines:
        if rng.random() < 0.4:
            text += comment_block(rng, 1)
        text += line + "\n"
    return text


def zookeeper_properties(rng, cluster):
    # The single-node file Kafka ships next to server.properties, with production values.
    return comment_block(rng, rng.randint(2, 6)) + (
        "dataDir=/var/lib/zookeeper\n"
        "clientPort=2181\n"
        "tickTime=2000\n"
        "maxClientCnxns=0\n"
        "admin.enableServer=false\n"
        "autopurge.purgeInterval=24\n"
        "4lw.commands.whitelist=srvr,ruok,mntr\n"
    )


# One mistake each, as operators make them (see the rule families for what each one triggers).
def mistake(rng, text, kind):
    def replace(old, new):
        return text.replace(old, new, 1) if old in text else text + new.split("\n")[0] + "\n"

    if kind == "kafka":
        choice = rng.randrange(5)
        if choice == 0:
            return replace("num.io.threads=", "num.io.threads=4\nnum.io.threads=")  # duplicate key
        if choice == 1:
            return replace(",zk2.", " zk2.")  # a space instead of a comma in zookeeper.connect
        if choice == 2:
            return replace("log.retention.hours=", "log.retention.hour=")  # a typo'd key
        if choice == 3:
            return replace("num.partitions=", "num.partitions=3 # keep low\n#num.partitions=")  # inline comment
        return replace("log.dirs=/var/lib/kafka/data", "log.dirs=/tmp/kafka-logs")
    choice = rng.randrange(3)
    if choice == 0:
        return replace("clientPort=2181\n", "clientPort=2181 \n")  # trailing blank
    if choice == 1:
        return replace("syncLimit=5", "syncLimit=5\nsyncLimit=10")
    return replace("tickTime=2000", "ticktime=2000")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii", newline="") as f:
        f.write(text)


def many_small_files(root, count, seed=8):
    """`count` configs in a directory tree: ZooKeeper-mode clusters with their ensembles, KRaft
    clusters, and Kafka's own layout (server.properties next to zookeeper.properties)."""
    rng = random.Random(seed)
    written = 0
    cluster = 0
    while written < count:
        cluster += 1
        dc = f"{root}/dc{cluster % 4 + 1}"
        layout = rng.random()
        files = []
        if layout < 0.45:
            base = f"{dc}/zk-mode-{cluster:04d}"
            files += [(f"{base}/broker{b}/server.properties", "kafka", kafka_zookeeper_mode(rng, cluster, b)) for b in (1, 2, 3)]
            files += [(f"{base}/zk{n}/zoo.cfg", "zookeeper", zoo_cfg(rng, cluster)) for n in (1, 2, 3)]
        elif layout < 0.75:
            base = f"{dc}/kraft-{cluster:04d}"
            files += [(f"{base}/node{n}/server.properties", "kafka", kafka_kraft(rng, cluster, n)) for n in (1, 2, 3)]
        else:
            base = f"{dc}/app-{cluster:04d}/config"
            files.append((f"{base}/server.properties", "kafka", kafka_zookeeper_mode(rng, cluster, 1)))
            files.append((f"{base}/zookeeper.properties", "zookeeper", zookeeper_properties(rng, cluster)))
        for path, kind, text in files[: count - written]:
            if rng.random() < 0.1:
                text = mistake(rng, text, kind)
            write(path, text)
            written += 1
    return written


def large_file(path, entries, target_bytes, seed=8):
    """One `.properties` file of `entries` entries and about `target_bytes` bytes: keys and values
    of realistic shape, a comment every few entries, and a few escapes and continuation lines."""
    rng = random.Random(seed)
    services = ["orders", "billing", "search", "ingest", "audit", "payments", "catalog", "profile"]
    settings = ["timeout.ms", "retry.backoff.ms", "endpoint", "pool.size", "batch.size", "enabled", "path", "owner"]
    line_budget = target_bytes // entries - 9  # a comment line (about 90 bytes) every ten entries
    with open(path, "w", encoding="ascii", newline="") as f:
        chunk = []
        for i in range(entries):
            key = f"app.{services[i % len(services)]}.instance{i}.{settings[(i // 8) % len(settings)]}"
            room = max(8, line_budget - len(key) - 2)
            value = f"/srv/{services[i % 8]}/{i:07d}/" + "x" * max(0, room - 22)
            if i % 1000 == 0:
                value = value[: room - 14] + "\\u00e9\\t\\\n    end"  # escapes and a continuation line
            if i % 10 == 0:
                chunk.append(f"# {PROSE[i % len(PROSE)]}\n")
            chunk.append(f"{key}={value}\n")
            if len(chunk) >= 4096:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))
    return os.path.getsize(path)


def small_file(path, seed=8):
    """The file a pre-commit hook sees on one commit: a broker config the size of the stock one."""
    rng = random.Random(seed)
    write(path, kafka_zookeeper_mode(rng, 1, 1))
    return os.path.getsize(path)


def realworld_tree(root, repo, count):
    """`count` configs, one per directory, in the shapes real repositories hold: copies of this
    repository's own rule fixtures and examples, which are real-world mistakes and their fixed
    twins (so most files have findings, as most of the public corpus does). The fixture harness's
    `#!` lines are left out. Each file takes the name most repositories give it (server.properties,
    zookeeper.properties, zoo.cfg), so that a directory walk lints every one of them."""
    sources = []
    for top in ("rules", "examples"):
        for d, _, files in os.walk(os.path.join(repo, top)):
            for f in files:
                if f.endswith((".properties", ".cfg")):
                    sources.append(os.path.join(d, f))
    sources.sort()
    texts = []
    for path in sources:
        with open(path, encoding="latin-1", newline="") as f:
            text = "".join(line for line in f.readlines() if not line.startswith("#!"))
        base = os.path.basename(path).lower()
        name = "zoo.cfg" if base.endswith(".cfg") else "zookeeper.properties" if base.startswith("zoo") else "server.properties"
        texts.append((name, text))
    for i in range(count):
        name, text = texts[i % len(texts)]
        path = os.path.join(root, f"repo{i:05d}", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="latin-1", newline="") as f:
            f.write(text)
    return len(texts)
