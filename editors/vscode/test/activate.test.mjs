// The bundled extension (dist/extension.js, built by build.mjs) activated in plain node against a
// stand-in `vscode` module and a stand-in cwf: it starts `<workspace>/cwf lsp` and completes the
// LSP handshake with the configured dialect, registers every command package.json declares, and
// the commands run cwf and show what it printed. CWF_VSCODE_EXTENSION names another folder holding
// the extension (package.json, dist/): the `extension/` folder of an unpacked .vsix, which has no
// node_modules beside it, so this also shows that the bundle is complete.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionRoot = process.env.CWF_VSCODE_EXTENSION ? path.resolve(process.env.CWF_VSCODE_EXTENSION) : root;
const { createStub, Uri } = require('./vscode-stub.cjs');

const workspace = mkdtempSync(path.join(os.tmpdir(), 'cwf-vscode-'));
const logFile = path.join(workspace, 'calls.jsonl');
process.env.FAKE_CWF_LOG = logFile;
// The workspace's own ./cwf, as in the repository: the extension finds it without cwf.path.
writeFileSync(path.join(workspace, 'cwf'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'test', 'fake-cwf.mjs')}" "$@"\n`);
chmodSync(path.join(workspace, 'cwf'), 0o755);

const settings = { 'cwf.dialect': 'duckdb' };
const stub = createStub({ settings, workspaceFolder: workspace });
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub.vscode : load.call(this, request, ...rest);
};

const calls = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : []);
async function until(what, condition, ms = 20000) {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 50))) {
    if (condition()) return;
  }
  assert.fail(`timed out waiting for ${what}; calls: ${JSON.stringify(calls())}; errors: ${JSON.stringify(stub.record.errors)}`);
}

let extension;
const context = { subscriptions: [], extensionUri: Uri.file(extensionRoot), extensionPath: extensionRoot };

before(async () => {
  extension = require(path.join(extensionRoot, 'dist', 'extension.js'));
  await extension.activate(context);
});

after(async () => {
  await extension.deactivate();
  assert.ok(calls().some((c) => c.request === 'shutdown'), 'deactivation shuts the server down');
  Module._load = load;
  rmSync(workspace, { recursive: true, force: true });
});

test('activation starts <workspace>/cwf lsp and completes the handshake with the configured dialect', async () => {
  await until('initialized', () => calls().some((c) => c.notification === 'initialized'));
  assert.deepEqual(calls()[0], { command: 'lsp', args: [] });
  assert.deepEqual(calls().find((c) => c.request === 'initialize').initializationOptions, { dialect: 'duckdb' });
  assert.deepEqual(stub.record.errors, []);
});

test('every command package.json declares is registered, and no other', () => {
  const declared = JSON.parse(readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')).contributes.commands.map((c) => c.command);
  assert.deepEqual([...stub.record.commands.keys()].sort(), [...declared].sort());
});

test('Compile to dialect: the configured dialect is offered first, the SQL opens beside as an sql document', async () => {
  const file = path.join(workspace, 'stores.cwf');
  writeFileSync(file, 'workflow "w"\n');
  stub.answers.activeTextEditor = { document: stub.openDocument(Uri.file(file), 'workflow "w"\n', 'cwf') };
  let offered;
  stub.answers.quickPick = (items) => { offered = items; return 'bigquery'; };
  await stub.vscode.commands.executeCommand('cwf.compile');
  assert.equal(offered[0], 'duckdb');
  assert.equal(offered.length, 7);
  assert.deepEqual(calls().at(-1), { command: 'compile', args: [file, '--dialect', 'bigquery'] });
  const shown = stub.record.shown.at(-1);
  assert.equal(shown.document.languageId, 'sql');
  assert.equal(shown.document.uri.scheme, 'cwf-sql');
  assert.equal(shown.document.getText(), `-- bigquery SQL of ${file}\nselect 1;\n`);
  assert.equal(shown.options.viewColumn, stub.vscode.ViewColumn.Beside);
  assert.match(stub.record.output.join(''), /warning CWF2812/);

  const before = stub.record.shown.length;
  stub.answers.quickPick = undefined; // the pick was dismissed: nothing runs, nothing opens
  await stub.vscode.commands.executeCommand('cwf.compile');
  assert.equal(stub.record.shown.length, before);
});

test('Show graph: the mermaid text in a webview with the bundled script, drawn again on save', async () => {
  const file = path.join(workspace, 'stores.cwf');
  const document = stub.answers.activeTextEditor.document;
  await stub.vscode.commands.executeCommand('cwf.showGraph');
  assert.deepEqual(calls().at(-1), { command: 'graph', args: [file, '--format', 'mermaid'] });
  const panel = stub.record.panels.at(-1);
  assert.equal(panel.options.enableScripts, true);
  assert.equal(panel.options.retainContextWhenHidden, true, 'a hidden panel keeps the graph drawn since it opened');
  assert.match(panel.webview.html, /n1\[&quot;stores&quot;\] --&gt; n2/);
  assert.match(panel.webview.html, /src="vscode-resource:[^"]*\/dist\/graph\.js"/);
  assert.ok(existsSync(path.join(extensionRoot, 'dist', 'graph.js')), 'the webview script is built');

  stub.fire('save', document);
  await until('the graph drawn again', () => panel.messages.length === 1);
  assert.match(panel.messages[0].mermaid, /^flowchart TD/);
});

test('Import canvas JSON: cwf import into the chosen file, which opens', async () => {
  const canvas = path.join(workspace, 'canvas.json');
  writeFileSync(canvas, '{}');
  const target = path.join(workspace, 'imported.cwf');
  stub.answers.saveDialog = Uri.file(target);
  await stub.vscode.commands.executeCommand('cwf.importCanvas', Uri.file(canvas));
  assert.deepEqual(calls().at(-1), { command: 'import', args: [canvas, '-o', target] });
  assert.equal(stub.record.shown.at(-1).document.getText(), 'workflow "imported"\n');
});

test('a changed cwf.dialect restarts the server with the new dialect', async () => {
  settings['cwf.dialect'] = 'trino';
  stub.fire('config', { affectsConfiguration: (section) => section === 'cwf.dialect' });
  await until('the second initialize', () => calls().filter((c) => c.request === 'initialize').length === 2);
  assert.deepEqual(calls().filter((c) => c.request === 'initialize').map((c) => c.initializationOptions.dialect), ['duckdb', 'trino']);
  assert.ok(calls().some((c) => c.request === 'shutdown'), 'the first server was shut down');
});
