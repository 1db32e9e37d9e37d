// Bundles the extension (node, CommonJS, `vscode` provided by the editor) and the graph webview
// (browser, with mermaid) into dist/: the .vsix ships these two files and no node_modules.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'external' };

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['src/extension.js'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/webview/graph.js'],
    outfile: 'dist/graph.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
  }),
]);
