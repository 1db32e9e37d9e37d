// Tokenizes .cwf text with the extension's TextMate grammar, through the same engine VS Code uses
// (vscode-textmate with the Oniguruma regular expressions compiled to WebAssembly).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import textmate from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const extensionRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let registry;

async function grammar() {
  if (!registry) {
    const wasm = await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const grammarPath = path.join(extensionRoot, 'syntaxes', 'cwf.tmLanguage.json');
    registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) => scopeName === 'source.cwf'
        ? textmate.parseRawGrammar(await readFile(grammarPath, 'utf8'), grammarPath)
        : null,
    });
  }
  return registry.loadGrammar('source.cwf');
}

/** The tokens of each line: [{ text, scopes }], scopes outermost first (source.cwf ...). */
export async function tokenize(text) {
  const cwf = await grammar();
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = cwf.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

// As a program: node test/tokenize.mjs file.cwf prints each token with its innermost scope.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = await tokenize(await readFile(process.argv[2], 'utf8'));
  lines.forEach((tokens, i) => {
    const shown = tokens.filter((t) => t.text.trim() !== '').map((t) => `${JSON.stringify(t.text)}=${t.scopes.slice(1).join(' ') || '-'}`);
    console.log(`${i + 1}: ${shown.join('  ')}`);
  });
}
