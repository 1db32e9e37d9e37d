const path = require('path');
const vscode = require('vscode');
const { dialectChoices } = require('./dialects');
const { graphPage } = require('./graphPage');
const { importTarget } = require('./importTarget');
const { runCwf, summary } = require('./runCwf');
const { SqlDocuments } = require('./sqlDocuments');

/**
 * The three commands. `cwf` supplies what they share: the command line to run (cwf.path resolved
 * now, so a changed setting applies at once), the configured dialect, the output channel and the
 * extension's location.
 */
function registerCommands(context, cwf) {
  const sql = new SqlDocuments();
  const graphs = new Map(); // source file path -> its open graph panel
  context.subscriptions.push(
    sql,
    vscode.workspace.registerTextDocumentContentProvider(SqlDocuments.scheme, sql),
    vscode.commands.registerCommand('cwf.compile', () => compile(cwf, sql)),
    vscode.commands.registerCommand('cwf.showGraph', () => showGraph(context, cwf, graphs)),
    vscode.commands.registerCommand('cwf.importCanvas', (uri) => importCanvas(cwf, uri)),
    vscode.workspace.onDidSaveTextDocument((document) => refreshGraph(cwf, graphs, document)),
  );
}

/** The workflow in the active editor, saved (cwf reads the file, and the catalog beside it). */
async function activeWorkflow() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !['cwf', 'json'].includes(editor.document.languageId) || editor.document.uri.scheme !== 'file') {
    vscode.window.showWarningMessage('Open a .cwf file or a canvas export first.');
    return undefined;
  }
  if (editor.document.isDirty && !(await editor.document.save())) return undefined;
  return editor.document;
}

/** Runs cwf; on failure shows the first diagnostics and returns undefined, the rest goes to the output channel. */
async function run(cwf, args, what) {
  let result;
  try {
    result = await runCwf(cwf.command(), args, cwf.cwd());
  } catch (error) {
    vscode.window.showErrorMessage(error.message);
    return undefined;
  }
  if (result.stderr.trim() !== '') {
    cwf.output.appendLine(`$ cwf ${args.join(' ')}`);
    cwf.output.appendLine(result.stderr.trimEnd());
  }
  if (result.code !== 0) {
    vscode.window.showErrorMessage(`${what} failed: ${summary(result.stderr) || `cwf exited with ${result.code}`}`, 'Show output')
      .then((choice) => choice && cwf.output.show(true));
    return undefined;
  }
  return result;
}

async function compile(cwf, sql) {
  const document = await activeWorkflow();
  if (!document) return;
  const dialect = await vscode.window.showQuickPick(dialectChoices(cwf.dialect()), {
    title: 'cwf: Compile to dialect',
    placeHolder: 'The warehouse to write SQL for',
  });
  if (!dialect) return;
  const result = await run(cwf, ['compile', document.uri.fsPath, '--dialect', dialect], `Compiling to ${dialect}`);
  if (!result) return;
  const uri = SqlDocuments.uriFor(document.uri, dialect);
  sql.set(uri, result.stdout);
  const compiled = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'sql');
  await vscode.window.showTextDocument(compiled, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
}

async function mermaidOf(cwf, file) {
  const result = await run(cwf, ['graph', file, '--format', 'mermaid'], 'Drawing the graph');
  return result && result.stdout;
}

async function showGraph(context, cwf, graphs) {
  const document = await activeWorkflow();
  if (!document) return;
  const file = document.uri.fsPath;
  const text = await mermaidOf(cwf, file);
  if (text === undefined) return;
  const open = graphs.get(file);
  if (open) {
    open.reveal(vscode.ViewColumn.Beside, true);
    open.webview.postMessage({ mermaid: text });
    return;
  }
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const title = `Graph: ${path.basename(file)}`;
  // Retained when hidden: a graph redrawn on save lives only in the page, not in its initial HTML.
  const panel = vscode.window.createWebviewPanel('cwf.graph', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: true });
  panel.webview.html = graphPage({
    cspSource: panel.webview.cspSource,
    scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graph.js')).toString(),
    title,
    mermaidText: text,
  });
  graphs.set(file, panel);
  panel.onDidDispose(() => graphs.delete(file));
}

async function refreshGraph(cwf, graphs, document) {
  const panel = graphs.get(document.uri.fsPath);
  if (!panel) return;
  const text = await mermaidOf(cwf, document.uri.fsPath);
  if (text !== undefined) panel.webview.postMessage({ mermaid: text });
}

/** The canvas export to import: the one clicked in the explorer, the active JSON editor's, or one picked. */
async function canvasToImport(uri) {
  if (uri instanceof vscode.Uri) return uri;
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'json' && editor.document.uri.scheme === 'file') {
    if (editor.document.isDirty && !(await editor.document.save())) return undefined;
    return editor.document.uri;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Canvas export': ['json'] }, title: 'Canvas JSON to import' });
  return picked && picked[0];
}

async function importCanvas(cwf, uri) {
  const canvas = await canvasToImport(uri);
  if (!canvas) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(importTarget(canvas.fsPath)),
    filters: { cwf: ['cwf'] },
    title: 'Save the imported workflow as',
  });
  if (!target) return;
  if (!(await run(cwf, ['import', canvas.fsPath, '-o', target.fsPath], 'Importing the canvas'))) return;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
}

module.exports = { registerCommands };
