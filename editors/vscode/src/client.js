const { LanguageClient } = require('vscode-languageclient/node');

/**
 * The language client for `cwf lsp` (LSP over standard input and output). The server learns the
 * warehouse from initializationOptions.dialect; .cwf documents always go to it, JSON documents
 * too when cwf.canvasJson is on (the server reports diagnostics for canvas exports, at their
 * JSON positions, and leaves other JSON alone).
 */
function createClient({ command, cwd, dialect, canvasJson, outputChannel }) {
  // No `transport`: TransportKind.stdio would append --stdio to the arguments; `cwf lsp` always speaks over stdio.
  const serverOptions = { command, args: ['lsp'], options: { cwd } };
  const documentSelector = [{ language: 'cwf' }];
  if (canvasJson) documentSelector.push({ scheme: 'file', language: 'json' });
  const clientOptions = {
    documentSelector,
    initializationOptions: { dialect },
    outputChannel,
    synchronize: { configurationSection: 'cwf' },
  };
  return new LanguageClient('cwf', 'cwf language server', serverOptions, clientOptions);
}

module.exports = { createClient };
