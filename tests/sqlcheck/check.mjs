// Checks SQL statements with independent parsers, one batch per input line.
//
//   input line:  [{"dialect": "bigquery", "sql": "SELECT 1"}, ...]
//   output line: [{"ok": true, "error": null}, {"ok": false, "error": "..."}, ...]
//
// Dialects: bigquery, snowflake, redshift, postgresql (node-sql-parser 5.4), databricks
// (dt-sql-parser 4.5, Spark SQL grammar) and trino (dt-sql-parser 4.5, Trino's own grammar). Each item is one statement; splitting a script is
// the caller's job. The process answers every line in order and exits at the end of its input,
// so one process can serve a whole test run (tests/Cwf.Tests/Infrastructure/SqlParsers.cs).
import { createRequire, register } from 'node:module';
import { createInterface } from 'node:readline';

register('./extensionless-resolve.mjs', import.meta.url);
const require = createRequire(import.meta.url);

// Standard output carries only answers: the ANTLR runtime inside dt-sql-parser prints its
// syntax errors to the console, which would corrupt the protocol.
for (const name of ['log', 'info', 'warn', 'error', 'debug']) console[name] = () => {};

const nodeSqlParser = (database) => {
  let parser = null;
  return (sql) => {
    parser ??= new (require(`node-sql-parser/build/${database.toLowerCase()}.js`).Parser)();
    try {
      parser.astify(sql, { database });
      return null;
    } catch (error) {
      return String(error?.message ?? error);
    }
  };
};

// dt-sql-parser's ANTLR grammars (module path, class name), loaded on first use.
const dtSqlParser = (module, className) => {
  let parser = null;
  return async (sql) => {
    if (parser === null) {
      const loaded = await import(`dt-sql-parser/dist/parser/${module}/index.js`);
      parser = new loaded[className]();
    }
    const errors = parser.validate(sql);
    return errors.length === 0
      ? null
      : errors.map((e) => `line ${e.startLine}:${e.startColumn}: ${e.message}`).join('; ');
  };
};

const checkers = {
  bigquery: nodeSqlParser('BigQuery'),
  snowflake: nodeSqlParser('Snowflake'),
  redshift: nodeSqlParser('Redshift'),
  postgresql: nodeSqlParser('PostgresQL'),
  databricks: dtSqlParser('spark', 'SparkSQL'),
  trino: dtSqlParser('trino', 'TrinoSQL'),
};

async function checkOne(item) {
  const check = checkers[item?.dialect];
  if (check === undefined) {
    return { ok: false, error: `unknown dialect '${item?.dialect}' (known: ${Object.keys(checkers).join(', ')})` };
  }
  if (typeof item.sql !== 'string') return { ok: false, error: 'the item has no "sql" string' };
  const error = await check(item.sql);
  return { ok: error === null, error };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  let answer;
  try {
    const batch = JSON.parse(line);
    if (!Array.isArray(batch)) throw new Error('a batch must be a JSON array');
    answer = [];
    for (const item of batch) answer.push(await checkOne(item));
  } catch (error) {
    answer = { fatal: String(error?.message ?? error) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
