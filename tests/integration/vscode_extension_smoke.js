// Loads the packaged extension's extension.js with stand-ins for the VS Code API and the language
// client, and checks what it would start: `zklint lsp`, for the files the selector names.
// Usage: node vscode_extension_smoke.js EXTENSION_DIR; prints the server command as JSON. The
// minimatch package (NODE_PATH) stands in for VS Code's glob matching.
const Module = require('module');
const path = require('path');
const dir = path.resolve(process.argv[2]);

let started = null;
const stand_ins = {
  vscode: { workspace: { getConfiguration: () => ({ get: () => undefined }) } },
  'vscode-languageclient/node': {
    LanguageClient: class {
      constructor(id, name, server, options) { started = { id, server, options }; }
      start() { return Promise.resolve(); }
      stop() { return Promise.resolve(); }
    },
  },
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request in stand_ins ? request : resolve.call(this, request, ...rest);
};
for (const [name, value] of Object.entries(stand_ins)) require.cache[name] = { id: name, filename: name, loaded: true, exports: value };

const extension = require(path.join(dir, 'extension.js'));
extension.activate({ subscriptions: [] });
const fail = (message) => { console.error('FAILED: ' + message); process.exit(1); };
if (!started) fail('activate() started no language client');
if (started.server.run.command !== 'zklint' || JSON.stringify(started.server.run.args) !== '["lsp"]') fail('the server is not `zklint lsp`: ' + JSON.stringify(started.server));

// The selector's globs, as VS Code matches them (minimatch semantics), against file names.
const matcher = require('minimatch');
const minimatch = matcher.minimatch || matcher;
const patterns = started.options.documentSelector.filter((s) => s.scheme === 'file').map((s) => s.pattern);
const selected = (file) => patterns.some((p) => minimatch(file, p, { dot: true }));
for (const file of ['/srv/kafka/config/server.properties', '/etc/kafka/broker-1.properties', '/etc/kafka/kraft/controller.properties',
                    '/etc/zookeeper/zoo.cfg', '/opt/zk/zk1.cfg', '/srv/kafka/zookeeper.properties', '/app/docker-compose.yml', '/app/compose.yaml']) {
  if (!selected(file)) fail(file + ' is not selected');
}
for (const file of ['/srv/kafka/config/log4j.properties', '/srv/kafka/config/producer.properties', '/app/values.yaml']) {
  if (selected(file)) fail(file + ' is selected, but it is not a config zklint checks');
}
console.log(JSON.stringify([started.server.run.command, ...started.server.run.args]));
