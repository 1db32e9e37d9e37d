// A stand-in for the `vscode` module, enough for the bundled extension to activate in plain node:
// it records what the extension registers and shows, answers quick picks and the active editor
// from `stub.answers`, and gives a do-nothing object for any API the language client touches
// that matters to no assertion here.
const path = require('path');
const { URL, pathToFileURL } = require('url');

class Disposable {
  constructor(callOnDispose) { this.callOnDispose = callOnDispose; }
  static from(...items) { return new Disposable(() => items.forEach((i) => i && i.dispose && i.dispose())); }
  dispose() { if (this.callOnDispose) this.callOnDispose(); this.callOnDispose = undefined; }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const bound = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(bound);
      const d = new Disposable(() => this.listeners.delete(bound));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(value) { for (const l of [...this.listeners]) l(value); }
  dispose() { this.listeners.clear(); }
}

class Uri {
  constructor(scheme, authority, p, query, fragment) {
    Object.assign(this, { scheme, authority: authority || '', path: p || '/', query: query || '', fragment: fragment || '' });
  }
  static file(fsPath) { return new Uri('file', '', path.resolve(fsPath)); }
  static from({ scheme, authority, path: p, query, fragment }) { return new Uri(scheme, authority, p, query, fragment); }
  static parse(text) {
    const u = new URL(text);
    return new Uri(u.protocol.replace(/:$/, ''), u.host, decodeURIComponent(u.pathname), u.search.replace(/^\?/, ''), u.hash.replace(/^#/, ''));
  }
  static joinPath(base, ...parts) { return base.with({ path: path.posix.join(base.path, ...parts) }); }
  get fsPath() { return this.path; }
  with(change) { return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment); }
  toString() {
    if (this.scheme === 'file') return pathToFileURL(this.path).toString();
    return `${this.scheme}:${this.authority ? '//' + this.authority : ''}${this.path}${this.query ? '?' + encodeURIComponent(this.query) : ''}`;
  }
  toJSON() { return { scheme: this.scheme, path: this.path, query: this.query }; }
}

// The value types the language client builds its results from (positions, ranges, diagnostics, hovers),
// and a cancellation token source: real enough that a test can read what the client converted.
class Position {
  constructor(line, character) { Object.assign(this, { line, character }); }
}

class Range {
  constructor(a, b, c, d) {
    this.start = a instanceof Position ? a : new Position(a, b);
    this.end = a instanceof Position ? b : new Position(c, d);
  }
}

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };

class Diagnostic {
  constructor(range, message, severity = DiagnosticSeverity.Error) { Object.assign(this, { range, message, severity }); }
}

class MarkdownString {
  constructor(value = '') { this.value = value; }
  appendText(text) { this.value += text; return this; }
  appendMarkdown(text) { this.value += text; return this; }
  appendCodeblock(code, language = '') { this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`; return this; }
}

class Hover {
  constructor(contents, range) { this.contents = Array.isArray(contents) ? contents : [contents]; this.range = range; }
}

class CancellationTokenSource {
  constructor() {
    const cancelled = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: cancelled.event };
    this.cancel = () => { this.token.isCancellationRequested = true; cancelled.fire(); };
  }
  dispose() {}
}

/** Whether a document selector (filters with language and scheme, or language names) takes a document: 10 or 0, as vscode.languages.match. */
function match(selector, document) {
  const filters = Array.isArray(selector) ? selector : [selector];
  return filters.some((f) => (typeof f === 'string'
    ? f === document.languageId
    : (!f.language || f.language === document.languageId) && (!f.scheme || f.scheme === document.uri.scheme))) ? 10 : 0;
}

/** Any property, any call, any construction: another do-nothing object. Never a thenable. */
function anything(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => `[${name}]`;
      if (prop === 'dispose') return () => {};
      return anything(`${name}.${String(prop)}`);
    },
    apply() { return anything(`${name}()`); },
    construct() { return anything(`new ${name}`); },
  });
}

function createStub({ settings = {}, workspaceFolder }) {
  const record = {
    commands: new Map(), contentProviders: new Map(), shown: [], errors: [], warnings: [], infos: [], panels: [], output: [],
    // What the language client registers (`Hover` for registerHoverProvider ...) and the diagnostics it sets, by URI text.
    providers: new Map(), diagnostics: new Map(),
  };
  const answers = { quickPick: undefined, activeTextEditor: undefined, saveDialog: undefined, openDialog: undefined };
  const events = {};
  const event = (name) => (events[name] ??= new EventEmitter()).event;
  const outputChannel = (name) => ({
    name, append: (t) => record.output.push(t), appendLine: (t) => record.output.push(t + '\n'), replace() {}, clear() {}, show() {}, hide() {}, dispose() {},
    ...Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error'].map((level) => [level, (t) => record.output.push(`[${level}] ${t}\n`)])),
    logLevel: 3, onDidChangeLogLevel: new EventEmitter().event,
  });
  const message = (list) => (text, ...items) => { list.push(text); return Promise.resolve(undefined); };
  const documents = new Map();
  const openDocument = (uri, text, languageId) => {
    const doc = { uri, languageId, isDirty: false, isClosed: false, version: 1, getText: () => text, save: async () => true, lineCount: text.split('\n').length };
    documents.set(uri.toString(), doc);
    return doc;
  };

  const vscode = {
    version: '1.91.0',
    Disposable, EventEmitter, Uri, Position, Range, Diagnostic, DiagnosticSeverity, MarkdownString, Hover, CancellationTokenSource,
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    env: { machineId: 'test', language: 'en', appName: 'stub', uiKind: 1 },
    commands: {
      registerCommand(id, handler) { record.commands.set(id, handler); return new Disposable(() => record.commands.delete(id)); },
      executeCommand: async (id, ...args) => record.commands.get(id)?.(...args),
      getCommands: async () => [...record.commands.keys()],
    },
    workspace: {
      workspaceFolders: workspaceFolder ? [{ uri: Uri.file(workspaceFolder), name: path.basename(workspaceFolder), index: 0 }] : undefined,
      textDocuments: [],
      notebookDocuments: [],
      getConfiguration(section) {
        const prefix = section ? section + '.' : '';
        return {
          get: (key, fallback) => (prefix + key in settings ? settings[prefix + key] : fallback),
          has: (key) => prefix + key in settings,
          inspect: () => undefined,
          update: async () => {},
        };
      },
      getWorkspaceFolder: () => undefined,
      registerTextDocumentContentProvider(scheme, provider) { record.contentProviders.set(scheme, provider); return new Disposable(); },
      async openTextDocument(uri) {
        const known = documents.get(uri.toString());
        if (known) return known;
        const provider = record.contentProviders.get(uri.scheme);
        const text = provider ? await provider.provideTextDocumentContent(uri) : require('fs').readFileSync(uri.fsPath, 'utf8');
        return openDocument(uri, text, uri.fsPath.endsWith('.cwf') ? 'cwf' : 'plaintext');
      },
      onDidChangeConfiguration: event('config'),
      onDidOpenTextDocument: event('open'), onDidCloseTextDocument: event('close'), onDidChangeTextDocument: event('change'),
      onDidSaveTextDocument: event('save'), onWillSaveTextDocument: event('willSave'),
      onDidChangeWorkspaceFolders: event('folders'),
      createFileSystemWatcher: () => anything('watcher'),
    },
    window: {
      get activeTextEditor() { return answers.activeTextEditor; },
      visibleTextEditors: [],
      createOutputChannel: outputChannel,
      showErrorMessage: message(record.errors),
      showWarningMessage: message(record.warnings),
      showInformationMessage: message(record.infos),
      showQuickPick: async (items) => (typeof answers.quickPick === 'function' ? answers.quickPick(items) : answers.quickPick),
      showSaveDialog: async () => answers.saveDialog,
      showOpenDialog: async () => answers.openDialog,
      async showTextDocument(document, options) { record.shown.push({ document, options }); return { document }; },
      createWebviewPanel(viewType, title, showOptions, options) {
        const panel = {
          viewType, title, options, messages: [], disposeEmitter: new EventEmitter(),
          webview: {
            html: '', cspSource: 'vscode-resource:',
            asWebviewUri: (uri) => uri.with({ scheme: 'vscode-resource' }),
            postMessage: async (m) => { panel.messages.push(m); return true; },
          },
          reveal() {},
          get onDidDispose() { return panel.disposeEmitter.event; },
          dispose() { panel.disposeEmitter.fire(); },
        };
        record.panels.push(panel);
        return panel;
      },
      onDidChangeActiveTextEditor: event('activeEditor'),
      onDidChangeVisibleTextEditors: event('visibleEditors'),
    },
    languages: new Proxy({
      async setTextDocumentLanguage(document, languageId) { document.languageId = languageId; return document; },
      match,
      createDiagnosticCollection: (name) => ({
        name,
        set(uri, diagnostics) { record.diagnostics.set(uri.toString(), diagnostics); },
        get: (uri) => record.diagnostics.get(uri.toString()),
        has: (uri) => record.diagnostics.has(uri.toString()),
        delete(uri) { record.diagnostics.delete(uri.toString()); },
        clear() { record.diagnostics.clear(); },
        forEach() {},
        dispose() {},
      }),
    }, {
      // registerHoverProvider(selector, provider) ...: recorded as providers.get('Hover').
      get(target, prop) {
        if (prop in target) return target[prop];
        const kind = /^register(.+?)(Provider|sProvider)?$/.exec(String(prop));
        if (!kind) return anything(`vscode.languages.${String(prop)}`);
        return (selector, provider) => { record.providers.set(kind[1], provider); return new Disposable(() => record.providers.delete(kind[1])); };
      },
    }),
  };
  const stub = new Proxy(vscode, {
    get(target, prop) { return prop in target ? target[prop] : anything(`vscode.${String(prop)}`); },
  });
  return { vscode: stub, record, answers, openDocument, fire: (name, value) => events[name]?.fire(value) };
}

module.exports = { createStub, Uri };
