// Starts `zklint lsp` for Kafka and ZooKeeper configs and compose files. Everything else
// (diagnostics, code actions, hover, completion) is the server's: this file only connects them.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

// The files zklint checks: broker and ZooKeeper configs, and compose files.
const documentSelector = [
  '**/*{server,broker,controller,kraft,zookeeper,zoo}*.properties',
  '**/*.cfg',
  '**/{docker-compose,compose}*.{yml,yaml}',
].map((pattern) => ({ scheme: 'file', pattern }));

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('zklint').get('path') || 'zklint';
  const server = { command, args: ['lsp'] };
  client = new LanguageClient('zklint', 'zklint', { run: server, debug: server }, { documentSelector });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, documentSelector };
