// The playground in a real browser: Debian's Chromium (never a downloaded one), headless, driven by puppeteer-core.
// Run by tests/Cwf.Tests/Playground/PlaygroundBrowserTests.cs against `cwf serve examples --port 0`:
//   node browser-test.mjs <url> <screenshot folder> <canvas.json> <catalog.json>
// Types a workflow with a mistake, sees the diagnostic, fixes it, sees the graph (dead and shared steps marked) and the SQL of two dialects, drops a
// canvas export with its catalog, runs an example and sees rows and a map. One line "ok <step>" per step; exit 1 on failure.
import puppeteer from 'puppeteer-core';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';

const [url, shots, canvasPath, catalogPath] = process.argv.slice(2);
if (!url || !shots || !canvasPath || !catalogPath) {
  console.error('usage: node browser-test.mjs <url> <screenshot folder> <canvas.json> <catalog.json>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'cwf-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CWF_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
  defaultViewport: { width: 1600, height: 1000 },
});
const page = await browser.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
// Nothing leaves the machine: every request goes to the served address.
page.on('request', (r) => { if (!r.url().startsWith(url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.push(`request outside the server: ${r.url()}`); });

// The API calls the page made, printed when a step fails.
const calls = [];
page.on('response', (r) => { if (r.url().includes('/api/')) calls.push(`${r.status()} ${r.request().method()} ${r.url().slice(url.length)}`); });

const step = (name) => console.log(`ok ${name}`);
const timeout = 60000;
const text = (selector) => page.$eval(selector, (e) => e.textContent);

async function typeWorkflow(source) {
  await page.click('#editor .view-lines');
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  // Line by line, without leading spaces: the editor keeps the indentation of the line before.
  for (const line of source.split('\n')) {
    await page.keyboard.type(line.trimStart());
    await page.keyboard.press('Enter');
  }
}

try {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#file option[value="school_buffers.cwf"]', { timeout });
  await page.waitForSelector('#editor .view-lines', { timeout });
  step('page loaded with the served files');

  await page.select('#file', '');
  const mistaken = [
    'workflow "Large schools"',
    'source schools = table "src.schools" { school_id: int64, name: string, students: int64, geom: geography }',
    'let large = schools | filter studnets > 500',
    'let zones = large | buffer geom by 300 m',
    'output zones -> table "out.large_school_zones" mode replace',
  ].join('\n');
  await typeWorkflow(mistaken);
  await page.waitForFunction(() => [...document.querySelectorAll('#diagnostics li.error')].some((li) => li.textContent.includes('studnets')), { timeout });
  await page.waitForSelector('#editor .squiggly-error', { timeout });
  const diagnostic = await text('#diagnostics li.error');
  await page.screenshot({ path: join(shots, '1-diagnostic.png') });
  step(`diagnostic shown: ${diagnostic.trim()}`);

  // The fix, with a step that nothing reads (dead) and one read twice (shared): the graph marks both.
  const fixed = [
    ...mistaken.replace('studnets', 'students').split('\n'),
    'let unused = schools | filter students > 0',
    'output large -> table "out.large_schools" mode replace',
  ].join('\n');
  await typeWorkflow(fixed);
  await page.waitForFunction(() => document.querySelectorAll('#diagnostics li.error').length === 0 && document.querySelectorAll('#graph g.node').length >= 4, { timeout });
  await page.select('#dialect-b', 'snowflake');
  await page.waitForFunction(() => document.querySelector('#sql-a').dataset.dialect === 'postgres' && document.querySelector('#sql-b').dataset.dialect === 'snowflake'
    && /CREATE/i.test(document.querySelector('#sql-a').textContent) && /CREATE/i.test(document.querySelector('#sql-b').textContent), { timeout });
  const nodes = await page.$$eval('#graph g.node', (g) => g.map((n) => n.textContent));
  if (!nodes.some((n) => n.includes('materialization:')) || !nodes.some((n) => n.includes('geom_buffer'))) throw new Error(`graph nodes lack schema or materialization: ${nodes.join(' | ')}`);
  const dead = await page.$$eval('#graph g.node.dead', (g) => g.map((n) => n.textContent));
  const shared = await page.$$eval('#graph g.node.shared', (g) => g.map((n) => n.textContent));
  if (!dead.some((n) => n.includes('unused [dead]')) || !shared.some((n) => n.includes('large [shared: read 2 times]'))) {
    throw new Error(`the dead and the shared step are not marked: dead ${dead.join(' | ')}; shared ${shared.join(' | ')}`);
  }
  step(`dead and shared steps marked: ${dead.length} dead, ${shared.length} shared`);
  const [sqlA, sqlB] = [await text('#sql-a'), await text('#sql-b')];
  if (sqlA === sqlB) throw new Error('the two SQL panes show the same text');
  await page.screenshot({ path: join(shots, '2-graph-and-sql.png') });
  step(`graph with ${nodes.length} nodes; SQL for postgres (${sqlA.length} chars) and snowflake (${sqlB.length} chars)`);

  // A drop of two files, as from a file manager: the canvas export and its catalog.
  const dropped = [{ name: basename(canvasPath), text: readFileSync(canvasPath, 'utf8') }, { name: basename(catalogPath), text: readFileSync(catalogPath, 'utf8') }];
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const f of files) transfer.items.add(new File([f.text], f.name, { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, dropped);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('imported'), { timeout });
  await page.waitForFunction(() => document.querySelectorAll('#diagnostics li.error').length === 0 && document.querySelectorAll('#graph g.node.sink').length >= 1
    && /CREATE/i.test(document.querySelector('#sql-a').textContent), { timeout });
  const decompiled = await page.$eval('#editor .view-lines', (e) => e.textContent);
  if (!decompiled.includes('workflow')) throw new Error(`the editor does not hold the decompiled program: ${decompiled.slice(0, 200)}`);
  await page.screenshot({ path: join(shots, '3-canvas-import.png') });
  step(`canvas imported: ${await text('#status')}`);

  await page.select('#file', 'school_buffers.cwf');
  // Monaco renders spaces as no-break spaces.
  await page.waitForFunction(() => document.querySelector('#editor .view-lines').textContent.replace(/\u00a0/g, ' ').includes('Safety zones around large schools'), { timeout });
  await page.waitForFunction(() => document.querySelectorAll('#graph g.node').length >= 4, { timeout });
  // The opened file's debounced check (300 ms) first, so that it does not land after the run and replace the run's status.
  await page.waitForNetworkIdle({ idleTime: 1000, timeout });
  await page.click('#run');
  // The run's status, read on the DOM change that writes it (a later check of the edited text may replace it before a frame-paced poll looks).
  const ran = await (await page.waitForFunction(() => { const t = document.querySelector('#status').textContent; return /^(ran|run failed)/.test(t) && t; }, { timeout, polling: 'mutation' })).jsonValue();
  if (!ran.startsWith('ran')) throw new Error(`the run failed: ${ran}: ${await text('#diagnostics')}`);
  await page.waitForSelector('#results table.output tr td', { timeout });
  await page.waitForSelector('#map path.leaflet-interactive', { timeout });
  const rows = await page.$$eval('#results table.output tr', (r) => r.length - 1);
  const shapes = await page.$$eval('#map path.leaflet-interactive', (p) => p.length);
  await page.screenshot({ path: join(shots, '4-run.png') });
  step(`run: ${rows} rows shown, ${shapes} shapes on the map (${ran})`);

  if (problems.length) throw new Error(problems.join('\n'));
  step('no page errors and no request outside the server');
} catch (e) {
  await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => {});
  console.error(`FAILED: ${e.message}`);
  console.error(`status: ${await text('#status').catch(() => '?')}\nAPI calls:\n  ${calls.join('\n  ')}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
