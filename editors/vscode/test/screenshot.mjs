// Renders a .cwf file as VS Code would colour it: tokens from the extension's TextMate grammar
// (test/tokenize.mjs), coloured by the scopes of the Dark+ theme, written to an HTML page that
// Debian's Chromium screenshots headless (test/chromium.mjs).
//   node test/screenshot.mjs <file.cwf> <out.png>    (also writes <out>.html beside the picture)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from './chromium.mjs';
import { tokenize } from './tokenize.mjs';

// Dark+ (VS Code's default dark theme): the colour of the most specific matching scope prefix.
const THEME = [
  ['comment', '#6A9955'],
  ['string', '#CE9178'],
  ['constant.character.escape', '#D7BA7D'],
  ['constant.numeric', '#B5CEA8'],
  ['constant.language', '#569CD6'],
  ['keyword.control', '#C586C0'],
  ['keyword.operator', '#D4D4D4'],
  ['keyword.operator.word', '#569CD6'],
  ['keyword.other.unit', '#B5CEA8'],
  ['keyword', '#569CD6'],
  ['storage.type', '#569CD6'],
  ['support.function', '#DCDCAA'],
  ['entity.name.variable', '#4FC1FF'],
  ['variable.parameter', '#9CDCFE'],
  ['variable', '#9CDCFE'],
];
const BACKGROUND = '#1E1E1E';
const FOREGROUND = '#D4D4D4';
const LINE_HEIGHT = 19;

/** The colour of a token: its innermost scope that the theme has a rule for, the longest prefix winning. */
export function colourOf(scopes) {
  for (const scope of [...scopes].reverse()) {
    let best;
    for (const [prefix, colour] of THEME) {
      if ((scope === prefix || scope.startsWith(prefix + '.')) && (!best || prefix.length > best[0].length)) best = [prefix, colour];
    }
    if (best) return best[1];
  }
  return FOREGROUND;
}

const escape = (text) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

export async function renderHtml(text, title) {
  const lines = await tokenize(text);
  const body = lines.map((tokens, i) => `<div class="line"><span class="number">${i + 1}</span>${tokens
    .map((t) => `<span style="color:${colourOf(t.scopes)}" data-scope="${t.scopes.at(-1)}">${escape(t.text)}</span>`).join('')}</div>`).join('');
  return { lineCount: lines.length, html: `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
  html, body { margin: 0; background: ${BACKGROUND}; }
  .editor { font: 14px/${LINE_HEIGHT}px "DejaVu Sans Mono", "Liberation Mono", monospace; color: ${FOREGROUND}; padding: 8px 0; white-space: pre; }
  .tab { font: 13px sans-serif; color: #FFFFFF; background: #252526; padding: 8px 16px; border-top: 1px solid #007ACC; display: inline-block; }
  .bar { background: #2D2D2D; }
  .line { height: ${LINE_HEIGHT}px; }
  .number { display: inline-block; width: 40px; padding-right: 20px; text-align: right; color: #858585; }
</style></head>
<body><div class="bar"><span class="tab">${escape(title)}</span></div>
<div class="editor">${body}</div></body></html>
` };
}

export async function screenshot(cwfFile, pngFile) {
  const { html, lineCount } = await renderHtml(readFileSync(cwfFile, 'utf8'), path.basename(cwfFile));
  const htmlFile = pngFile.replace(/\.png$/, '') + '.html';
  writeFileSync(htmlFile, html);
  const height = 34 + 16 + lineCount * LINE_HEIGHT;
  await chromium(['--hide-scrollbars', `--window-size=900,${height}`, `--screenshot=${path.resolve(pngFile)}`, pathToFileURL(path.resolve(htmlFile)).toString()]);
  return { htmlFile, width: 900, height };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cwfFile, pngFile] = process.argv.slice(2);
  const { htmlFile, width, height } = await screenshot(cwfFile, pngFile);
  console.log(JSON.stringify({ png: pngFile, html: htmlFile, width, height }));
}
