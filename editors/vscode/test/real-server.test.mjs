// The bundled extension (dist/extension.js) against the real language server: activated in plain node with
// the stand-in `vscode` module, its language client (vscode-languageclient) starts `cwf lsp` from the cwf
// command line CWF_VSCODE_CWF names (the xunit driver passes the repository's ./cwf), opens a document with
// a mistake, and receives the server's diagnostic through its diagnostic collection and a hover through the
// provider it registered, converted to VS Code's types as the editor would show them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { createStub, Uri } = require('./vscode-stub.cjs');

const cwf = process.env.CWF_VSCODE_CWF;
assert.ok(cwf, 'CWF_VSCODE_CWF names the cwf command line whose `cwf lsp` this test starts');

const workspace = mkdtempSync(path.join(os.tmpdir(), 'cwf-vscode-lsp-'));
writeFileSync(path.join(workspace, 'catalog.json'), JSON.stringify({
  tables: [{ name: 'src.schools', columns: [
    { name: 'school_id', type: 'int64' }, { name: 'name', type: 'string' },
    { name: 'students', type: 'int64' }, { name: 'geom', type: 'geography' }] }],
}));
const file = path.join(workspace, 'schools.cwf');
const text = [
  'source schools = table "src.schools"',
  'let large = schools',
  '  | filter studnets > 500',
  'output large -> table "out.large"',
  '',
].join('\n');
writeFileSync(file, text);

const stub = createStub({ settings: { 'cwf.path': cwf, 'cwf.dialect': 'postgres' }, workspaceFolder: workspace });
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub.vscode : load.call(this, request, ...rest);
};

async function until(what, condition, ms = 60000) {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 50))) {
    const value = condition();
    if (value) return value;
  }
  assert.fail(`timed out waiting for ${what}; errors: ${JSON.stringify(stub.record.errors)}; output: ${stub.record.output.join('')}`);
}

let extension;
let api;
const document = stub.openDocument(Uri.file(file), text, 'cwf');
const noCancellation = new stub.vscode.CancellationTokenSource().token;

before(async () => {
  extension = require(path.join(root, 'dist', 'extension.js'));
  api = await extension.activate({ subscriptions: [], extensionUri: Uri.file(root), extensionPath: root });
  assert.deepEqual(stub.record.errors, [], 'the server started');
  stub.fire('open', document);
});

after(async () => {
  const client = api.client();
  await extension.deactivate();
  assert.equal(client.isRunning(), false, 'deactivation stopped the server');
  Module._load = load;
  rmSync(workspace, { recursive: true, force: true });
});

test('the real cwf lsp answers the handshake: the client registers the providers its capabilities announce', () => {
  assert.ok(api.client().isRunning());
  assert.equal(api.client().initializeResult.serverInfo.name, 'cwf');
  for (const provider of ['Hover', 'CompletionItem', 'Definition', 'Reference', 'Rename', 'DocumentFormattingEdit', 'CodeAction']) {
    assert.ok(stub.record.providers.has(provider), `${provider} provider registered; got ${[...stub.record.providers.keys()]}`);
  }
});

test('a misspelled column comes back as a diagnostic in the collection, with its code, range and hint', async () => {
  const diagnostics = await until('the diagnostics of schools.cwf', () => stub.record.diagnostics.get(document.uri.toString())?.length > 0
    && stub.record.diagnostics.get(document.uri.toString()));
  assert.equal(diagnostics.length, 1);
  const [diagnostic] = diagnostics;
  assert.equal(diagnostic.code, 'CWF2800');
  assert.equal(diagnostic.severity, stub.vscode.DiagnosticSeverity.Error);
  assert.match(diagnostic.message, /^unknown column 'studnets'/);
  assert.match(diagnostic.message, /hint: did you mean 'students'\?/);
  assert.deepEqual([diagnostic.range.start, diagnostic.range.end].map((p) => [p.line, p.character]), [[2, 11], [2, 19]]);
});

test('hover on a relation shows the columns flowing out of it, through the registered provider', async () => {
  const hover = await stub.record.providers.get('Hover').provideHover(document, new stub.vscode.Position(1, 14), noCancellation);
  assert.ok(hover, 'a hover');
  const markdown = hover.contents.map((c) => c.value).join('\n');
  assert.match(markdown, /\*\*schools\*\*: 4 columns/);
  assert.match(markdown, /\| students \| int64 \|/);
  assert.deepEqual([hover.range.start.line, hover.range.start.character, hover.range.end.character], [1, 12, 19]);
});
