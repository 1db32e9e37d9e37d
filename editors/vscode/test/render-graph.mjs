// The graph webview's page (src/graphPage.js with the bundled dist/graph.js) opened in headless
// Chromium: mermaid must draw the graph from the page alone, with nothing from the network.
//   node test/render-graph.mjs <graph.mmd> <out.html>   writes the page and <out>.dom.html, the DOM after the scripts ran
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from './chromium.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { graphPage } = require('../src/graphPage.js');

const [mermaidFile, htmlFile] = process.argv.slice(2);
writeFileSync(htmlFile, graphPage({
  cspSource: 'file:',
  scriptUri: pathToFileURL(path.join(root, 'dist', 'graph.js')).toString(),
  title: path.basename(mermaidFile),
  mermaidText: readFileSync(mermaidFile, 'utf8'),
}));
// Virtual time lets mermaid's asynchronous rendering finish before the DOM is printed.
const dom = await chromium(['--virtual-time-budget=30000', '--dump-dom', pathToFileURL(path.resolve(htmlFile)).toString()]);
const domFile = htmlFile.replace(/\.html$/, '') + '.dom.html';
writeFileSync(domFile, dom);
console.log(JSON.stringify({ html: htmlFile, dom: domFile }));
