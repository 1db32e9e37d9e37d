// Bundles the page for `cwf serve` into dist/: the app (Monaco, dagre, Leaflet and our code), its CSS and fonts,
// Monaco's editor worker, and index.html. Everything is served by the Cwf.Playground assembly, which embeds dist/.
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const common = { bundle: true, minify: true, sourcemap: false, logLevel: 'warning', target: 'es2020' };
await mkdir('dist', { recursive: true });
await esbuild.build({
  ...common,
  entryPoints: { app: 'src/main.js' },
  outdir: 'dist',
  format: 'iife',
  loader: { '.ttf': 'file', '.png': 'file', '.svg': 'file' },
  // Asset names without folders: the server maps /<file> to the embedded dist/<file>.
  assetNames: '[name]-[hash]',
});
await esbuild.build({
  ...common,
  entryPoints: { 'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js' },
  outdir: 'dist',
  format: 'iife',
});
await copyFile('src/index.html', 'dist/index.html');
