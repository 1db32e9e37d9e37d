const vscode = require('vscode');

/**
 * Read-only documents holding compiled SQL (scheme cwf-sql), one per source file and dialect,
 * so that compiling again updates the open tab instead of opening another.
 */
class SqlDocuments {
  static scheme = 'cwf-sql';

  constructor() {
    this.contents = new Map();
    this.changed = new vscode.EventEmitter();
    this.onDidChange = this.changed.event;
  }

  /** The URI of the SQL compiled from `source` for `dialect`: cwf-sql:/<name>.<dialect>.sql?<source>. */
  static uriFor(source, dialect) {
    const name = source.path.split('/').pop().replace(/\.(cwf|json)$/i, '');
    return vscode.Uri.from({ scheme: SqlDocuments.scheme, path: `/${name}.${dialect}.sql`, query: source.toString() });
  }

  set(uri, sql) {
    this.contents.set(uri.toString(), sql);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri) {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose() {
    this.changed.dispose();
  }
}

module.exports = { SqlDocuments };
