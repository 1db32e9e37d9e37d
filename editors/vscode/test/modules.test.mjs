// The extension's pure parts, without VS Code: finding cwf, the dialect choices, the graph page,
// where an imported canvas goes.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import test from 'node:test';

const require = createRequire(import.meta.url);
const { resolveCwfPath } = require('../src/cwfPath.js');
const { DIALECTS, dialectChoices } = require('../src/dialects.js');
const { graphPage } = require('../src/graphPage.js');
const { importTarget } = require('../src/importTarget.js');
const { summary } = require('../src/runCwf.js');

test('cwf.path: absolute as given, relative from the first folder, a bare name from the PATH', () => {
  const never = () => false;
  assert.equal(resolveCwfPath('/opt/cwf/bin/cwf', ['/ws'], never), '/opt/cwf/bin/cwf');
  assert.equal(resolveCwfPath('tools/cwf', ['/ws', '/other'], never), path.resolve('/ws', 'tools/cwf'));
  assert.equal(resolveCwfPath('  mycwf  ', ['/ws'], never), 'mycwf');
  assert.equal(resolveCwfPath('tools/cwf', [], never), 'tools/cwf');
});

test('no cwf.path: a workspace folder\'s own ./cwf, else cwf on the PATH', () => {
  assert.equal(resolveCwfPath('', ['/a', '/b'], (file) => file === path.join('/b', 'cwf')), path.join('/b', 'cwf'));
  assert.equal(resolveCwfPath(undefined, ['/a'], () => false), 'cwf');
  assert.equal(resolveCwfPath('', [], () => true), 'cwf');
});

test('the quick pick offers the seven dialects, the configured one first', () => {
  assert.equal(DIALECTS.length, 7);
  assert.deepEqual(dialectChoices('snowflake'), ['snowflake', 'bigquery', 'databricks', 'duckdb', 'postgres', 'redshift', 'trino']);
  assert.deepEqual(dialectChoices('oracle'), [...DIALECTS]);
});

test('the graph page escapes the mermaid text and allows only its own script', () => {
  const html = graphPage({ cspSource: 'vscode-resource:', scriptUri: 'vscode-resource:/dist/graph.js', title: 'Graph: <a>.cwf', mermaidText: 'flowchart TD\n  n1["a & b <script>"] --> n2' });
  assert.match(html, /n1\[&quot;a &amp; b &lt;script&gt;&quot;\]/);
  assert.doesNotMatch(html, /<script>"/);
  assert.match(html, /<title>Graph: &lt;a&gt;\.cwf<\/title>/);
  const nonce = /script-src 'nonce-([^']+)'/.exec(html)[1];
  assert.match(html, new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}" src="vscode-resource:/dist/graph.js"></script>`));
  assert.match(html, /default-src 'none'/);
  assert.doesNotMatch(html, /https?:/, 'nothing from the network');
});

test('an imported canvas goes beside it, a folder\'s canvas.json under the folder\'s name', () => {
  assert.equal(importTarget('/x/examples/canvas/school_buffers/canvas.json'), '/x/examples/canvas/school_buffers/school_buffers.cwf');
  assert.equal(importTarget('/x/export.JSON'), '/x/export.cwf');
});

test('a failure is summarized by its first lines', () => {
  assert.equal(summary('\nerror CWF1007: a\n  hint\nerror CWF2002: b\nmore\n'), 'error CWF1007: a   hint error CWF2002: b …');
  assert.equal(summary(''), '');
});

test('the language configuration: words, indentation after an open bracket, a let indents its pipeline', async () => {
  const { readFile } = await import('node:fs/promises');
  const config = JSON.parse(await readFile(new URL('../language-configuration.json', import.meta.url), 'utf8'));
  const word = new RegExp(`^(?:${config.wordPattern})$`);
  for (const w of ['@radius', 'h3_boundary', 'revenue$', '2.5']) assert.match(w, word);
  for (const w of ['a.b', 'x|y', "'s'"]) assert.doesNotMatch(w, word);

  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  assert.match('source stores = table "s.t" {', increase);
  assert.match('  | group by k {  // totals', increase);
  assert.doesNotMatch('  | group by k { n: count() }', increase);
  assert.match('  }', decrease);

  const pipeline = new RegExp(config.onEnterRules[0].beforeText);
  assert.match('let big = stores', pipeline);
  assert.match('let _, closed = stores', pipeline);
  assert.doesNotMatch('let big = stores | filter x > 1', pipeline);
  assert.doesNotMatch('output big -> table "t"', pipeline);

  assert.deepEqual(config.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
  assert.deepEqual(config.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
});
