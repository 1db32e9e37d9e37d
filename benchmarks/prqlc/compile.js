// A command line for prqlc's WebAssembly build, which ships no executable of its own:
//   node compile.js program.prql [target]     prints the SQL (target defaults to sql.postgres)
//   node compile.js --chain N [target]        compiles a generated N-step chain in process and
//                                             prints "N steps: <ms> ms" (median of 5 after one warm-up)
// benchmarks/startup.sh runs it to measure prqlc beside cwf.
"use strict";
const fs = require("fs");
const prqlc = require("prqlc");

function options(target) {
  const o = new prqlc.CompileOptions();
  o.target = target || "sql.postgres";
  o.format = false;
  o.signature_comment = false;
  return o;
}

// The shape of benchmarks/startup.sh's .cwf program: derive, filter, select, cycling.
function chain(steps) {
  const lines = ["from cities"];
  for (let i = 1; i <= steps; i++) {
    switch (i % 3) {
      case 1: lines.push(`derive {extra = id + ${i}}`); break;
      case 2: lines.push(`filter extra > ${i}`); break;
      default: lines.push("select {id, name, population, country}"); break;
    }
  }
  return lines.join("\n") + "\n";
}

const args = process.argv.slice(2);
if (args[0] === "--chain") {
  const steps = Number(args[1]);
  const program = chain(steps);
  const o = options(args[2]);
  const times = [];
  for (let run = 0; run < 6; run++) {
    const start = process.hrtime.bigint();
    let sql;
    try { sql = prqlc.compile(program, o); } catch (e) {
      console.log(`${steps} steps: failed (${String(e.message || e).split("\n")[0].slice(0, 120)})`);
      process.exit(1);
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run > 0) times.push(ms);
    if (!sql) process.exit(1);
  }
  times.sort((a, b) => a - b);
  console.log(`${steps} steps: ${times[2].toFixed(1)} ms`);
} else if (args[0] === "--print-chain") {
  process.stdout.write(chain(Number(args[1])));
} else {
  process.stdout.write(prqlc.compile(fs.readFileSync(args[0], "utf8"), options(args[1])) + "\n");
}
