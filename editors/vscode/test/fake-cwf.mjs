// A stand-in for the cwf command line, for the activation test: `lsp` answers the LSP handshake
// over standard input and output (vscode-jsonrpc) and `compile`, `graph`, `import` print what the
// real commands would. Every call is appended to $FAKE_CWF_LOG as one JSON line.
import { appendFileSync, writeFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
const log = (entry) => appendFileSync(process.env.FAKE_CWF_LOG, JSON.stringify(entry) + '\n');
log({ command, args });

if (command === 'lsp') {
  const rpc = (await import('vscode-jsonrpc/node')).default;
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(process.stdin), new rpc.StreamMessageWriter(process.stdout));
  connection.onRequest('initialize', (params) => {
    log({ request: 'initialize', initializationOptions: params.initializationOptions });
    return { capabilities: { textDocumentSync: 1 }, serverInfo: { name: 'fake cwf lsp' } };
  });
  connection.onNotification('initialized', () => log({ notification: 'initialized' }));
  connection.onRequest('shutdown', () => { log({ request: 'shutdown' }); return null; });
  connection.onNotification('exit', () => process.exit(0));
  connection.listen();
} else if (command === 'compile') {
  const dialect = args[args.indexOf('--dialect') + 1];
  process.stdout.write(`-- ${dialect} SQL of ${args[0]}\nselect 1;\n`);
  process.stderr.write('warning CWF2812: a warning on standard error\n');
} else if (command === 'graph') {
  process.stdout.write('flowchart TD\n  n1["stores"] --> n2["filter"]\n');
} else if (command === 'import') {
  writeFileSync(args[args.indexOf('-o') + 1], 'workflow "imported"\n');
} else {
  process.stderr.write(`error CWF0001: unknown command ${command}\n`);
  process.exit(2);
}
