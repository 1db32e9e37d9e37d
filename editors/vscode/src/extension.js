const vscode = require('vscode');
const { createClient } = require('./client');
const { registerCommands } = require('./commands');
const { resolveCwfPath } = require('./cwfPath');

let client;

/** Starts `cwf lsp` for .cwf files and registers the commands; a changed setting restarts the server. */
async function activate(context) {
  const output = vscode.window.createOutputChannel('cwf', { log: true });
  const settings = () => vscode.workspace.getConfiguration('cwf');
  const folders = () => (vscode.workspace.workspaceFolders || []).map((f) => f.uri.fsPath);
  const cwf = {
    output,
    command: () => resolveCwfPath(settings().get('path'), folders()),
    dialect: () => settings().get('dialect') || 'postgres',
    cwd: () => folders()[0],
  };
  context.subscriptions.push(output);
  registerCommands(context, cwf);

  const start = async () => {
    client = createClient({
      command: cwf.command(),
      cwd: cwf.cwd(),
      dialect: cwf.dialect(),
      canvasJson: settings().get('canvasJson') !== false,
      outputChannel: output,
    });
    try {
      await client.start();
    } catch (error) {
      vscode.window.showErrorMessage(`cwf lsp did not start (${error && error.message ? error.message : error}): set cwf.path to the cwf command line.`);
    }
  };
  const restart = async () => {
    const old = client;
    client = undefined;
    await stopQuietly(old);
    await start();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('cwf.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['cwf.path', 'cwf.dialect', 'cwf.canvasJson'].some((s) => e.affectsConfiguration(s))) restart();
    }),
  );
  await start();
  return { client: () => client };
}

async function deactivate() {
  await stopQuietly(client);
  client = undefined;
}

/** Stops a client that runs; one that never started (no cwf found) has nothing to stop. */
async function stopQuietly(languageClient) {
  if (languageClient && languageClient.needsStop()) await languageClient.stop().catch(() => undefined);
}

module.exports = { activate, deactivate };
