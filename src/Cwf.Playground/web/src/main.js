// The playground page: Monaco editor with live diagnostics, the graph (dagre), SQL for two dialects side by side,
// canvas import by drag and drop, and runs on the served folder's data (tables, and geometries on a Leaflet map
// without tiles). Every request goes to the JSON API of `cwf serve` (spec/playground.md).
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
// The editor core alone, plus hovers (a diagnostic's message under the mouse): the page needs no other contribution.
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import dagre from 'dagre';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './style.css';

self.MonacoEnvironment = { getWorkerUrl: () => './editor.worker.js' };

const keywords = ('accepted_values and as asc assert between buffer by call case cast centroid component const derive desc distinct ' +
  'drop else end extract false filter first from full group in inner is join last left let like limit mode name nearest not not_null ' +
  'null nulls on or order outer output over param partition per preceding rename replace append returns right select sort source ' +
  'spatial_filter spatial_join split sql summarize table take then to true union unique values when with within without workflow').split(' ');
monaco.languages.register({ id: 'cwf', extensions: ['.cwf'] });
monaco.languages.setMonarchTokensProvider('cwf', {
  keywords,
  tokenizer: {
    root: [
      [/\/\/.*$/, 'comment'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/'([^'\\]|\\.)*'/, 'string'],
      [/\d+(\.\d+)?/, 'number'],
      [/[a-zA-Z_][\w.]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/->|\|/, 'operator'],
    ],
  },
});

const $ = (id) => document.getElementById(id);
// path: the served file the editor holds (null for typed or imported text); catalog: a catalog dropped with a canvas.
const state = { path: null, catalog: null, dialects: [], version: 0 };
const editor = monaco.editor.create($('editor'), {
  value: '', language: 'cwf', automaticLayout: true, minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false,
});

function setStatus(text, kind) {
  $('status').textContent = text;
  $('status').className = kind || '';
}

async function post(endpoint, body) {
  const response = await fetch('/api/' + endpoint, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${endpoint}: ${response.status} ${await response.text()}`);
  return response.json();
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

// Diagnostics: markers in the editor (where they point into the text) and the list under it.
function showDiagnostics(diagnostics) {
  const severities = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
  const model = editor.getModel();
  monaco.editor.setModelMarkers(model, 'cwf', diagnostics.filter((d) => d.startLine).map((d) => {
    const endLine = d.endLine || d.startLine;
    let endColumn = d.endColumn || d.startColumn + 1;
    if (endLine === d.startLine && endColumn <= d.startColumn) endColumn = model.getLineMaxColumn(d.startLine);
    return {
      severity: severities[d.severity] ?? monaco.MarkerSeverity.Info, code: d.code,
      message: d.message + (d.hints.length ? '\n' + d.hints.join('\n') : ''),
      startLineNumber: d.startLine, startColumn: d.startColumn, endLineNumber: endLine, endColumn,
    };
  }));
  const list = $('diagnostics');
  list.replaceChildren(...diagnostics.map((d) => {
    const item = el('li', { class: 'diagnostic ' + d.severity, 'data-code': d.code }, `${d.where}: ${d.severity} ${d.code}: ${d.message}`);
    if (d.hints.length) item.append(el('div', { class: 'hints' }, d.hints.join('; ')));
    if (d.startLine) item.addEventListener('click', () => { editor.setPosition({ lineNumber: d.startLine, column: d.startColumn }); editor.focus(); });
    return item;
  }));
}

// The graph, laid out top to bottom by dagre; each node lists its step, operator, schema and materialization.
const charWidth = 6.6, lineHeight = 14;
function nodeLines(n) {
  const head = `%${n.id} ${n.name}` + (n.dead ? ' [dead]' : '') + (n.shared ? ` [shared: read ${n.reads} times]` : '');
  const lines = [head, n.operator];
  if (n.step) lines.push('step: ' + n.step);
  if (n.schema) lines.push(n.schema.length > 90 ? n.schema.slice(0, 87) + '...' : n.schema);
  if (n.kind !== 'sink' && n.kind !== 'check') lines.push('materialization: ' + n.materialization);
  return lines.map((l) => (l.length > 90 ? l.slice(0, 87) + '...' : l));
}

function showGraph(graph) {
  const host = $('graph');
  if (!graph) { host.replaceChildren(); return; }
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 20, ranksep: 30, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    const lines = nodeLines(n);
    g.setNode(String(n.id), { lines, node: n, width: Math.max(...lines.map((l) => l.length)) * charWidth + 12, height: lines.length * lineHeight + 8 });
  }
  for (const e of graph.edges) g.setEdge(String(e.source), String(e.target));
  dagre.layout(g);
  const { width, height } = g.graph();
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'data-workflow': graph.name });
  const defs = svg('defs');
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#567' }));
  defs.append(marker);
  root.append(defs);
  for (const e of g.edges()) {
    const points = g.edge(e).points.map((p) => `${p.x},${p.y}`).join(' ');
    root.append(svg('polyline', { class: 'edge', points, 'data-source': e.v, 'data-target': e.w }));
  }
  for (const id of g.nodes()) {
    const { x, y, width: w, height: h, lines, node } = g.node(id);
    const classes = ['node', node.kind];
    if (node.dead) classes.push('dead');
    if (node.shared) classes.push('shared');
    const group = svg('g', { class: classes.join(' '), 'data-id': id, transform: `translate(${x - w / 2},${y - h / 2})` });
    const title = svg('title');
    title.textContent = node.materializationReason ? `${node.materialization}: ${node.materializationReason}` : node.materialization;
    group.append(title, svg('rect', { width: w, height: h, rx: 4 }));
    lines.forEach((line, i) => {
      const text = svg('text', { x: 6, y: 14 + i * lineHeight, class: line.startsWith('materialization: ') && node.materialization !== 'CTE' ? 'materialized' : '' });
      text.textContent = line;
      if (i === 0) text.setAttribute('font-weight', 'bold');
      group.append(text);
    });
    if (node.line) group.addEventListener('click', () => { editor.revealLineInCenter(node.line); editor.setPosition({ lineNumber: node.line, column: 1 }); });
    root.append(group);
  }
  host.replaceChildren(root);
}

async function showSql(side) {
  const dialect = $('dialect-' + side).value;
  const result = await post('compile', { source: editor.getValue(), path: state.path, catalog: state.catalog, dialect });
  const sql = result.results[0];
  const errors = [...result.diagnostics, ...(sql ? sql.diagnostics : [])].filter((d) => d.severity === 'error');
  $('sql-' + side).textContent = sql && sql.sql != null ? sql.sql : errors.map((d) => `${d.code}: ${d.message}`).join('\n');
  $('sql-' + side).dataset.dialect = dialect;
}

// On every edit (debounced): diagnostics first; the graph and both SQL panes once there are no errors.
async function refresh() {
  const version = ++state.version;
  const source = editor.getValue();
  try {
    const check = await post('check', { source, path: state.path, catalog: state.catalog });
    if (version !== state.version) return;
    showDiagnostics(check.diagnostics);
    const errors = check.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors) { setStatus(`${errors} error${errors > 1 ? 's' : ''}`, 'error'); return; }
    setStatus('no errors', 'ok');
    const graph = await post('graph', { source, path: state.path, catalog: state.catalog, dialect: $('dialect-a').value });
    if (version !== state.version) return;
    showGraph(graph.graph);
    await Promise.all([showSql('a'), showSql('b')]);
  } catch (e) {
    setStatus(String(e.message || e), 'error');
  }
}

let timer;
editor.onDidChangeModelContent(() => { clearTimeout(timer); timer = setTimeout(refresh, 300); });

async function openFile(path) {
  state.path = path || null;
  state.catalog = null;
  if (!path) { editor.setValue(''); return; }
  const response = await fetch('/api/file?path=' + encodeURIComponent(path));
  const file = await response.json();
  if (file.text == null) { showDiagnostics(file.diagnostics); return; }
  editor.getModel().setValue(file.text);
  monaco.editor.setModelLanguage(editor.getModel(), path.endsWith('.cwf') ? 'cwf' : path.endsWith('.sql') ? 'sql' : 'json');
  $('file').value = path;
}

// The map: GeoJSON only (no tile server), points as circles; one layer per output table.
const map = L.map('map', { attributionControl: false, zoomControl: true }).setView([0, 0], 1);
const layers = L.featureGroup().addTo(map);
const palette = ['#d9480f', '#1c7ed6', '#2b8a3e', '#ae3ec9', '#e67700', '#0b7285'];

// A table's first geography column is each feature's geometry; its other geography columns are GeoJSON geometries among
// the properties (as `cwf run --out-format geojson` writes them): the map draws them all.
const isGeometry = (v) => v && typeof v === 'object' && typeof v.type === 'string' && ('coordinates' in v || 'geometries' in v);
function allGeometries(collection) {
  const features = [];
  for (const f of collection.features) {
    if (f.geometry) features.push({ type: 'Feature', properties: {}, geometry: f.geometry });
    for (const v of Object.values(f.properties || {})) if (isGeometry(v)) features.push({ type: 'Feature', properties: {}, geometry: v });
  }
  return { type: 'FeatureCollection', features };
}

function showRun(run) {
  showDiagnostics(run.diagnostics);
  layers.clearLayers();
  const tables = run.outputs.map((output, i) => {
    const rows = output.rows.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    const table = el('table', { class: 'output', 'data-table': output.table });
    table.append(el('caption', {}, `${output.table}: ${output.rowCount} rows` + (rows.length < output.rowCount ? ` (first ${rows.length})` : '')));
    table.append(el('tr', {}, ...output.columns.map((c) => el('th', { title: c.type }, c.name))));
    for (const row of rows) {
      table.append(el('tr', {}, ...output.columns.map((c) => {
        const v = row[c.name];
        return el('td', {}, v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
      })));
    }
    if (output.geoJson) {
      const color = palette[i % palette.length];
      L.geoJSON(allGeometries(JSON.parse(output.geoJson)), {
        style: { color, weight: 2, fillOpacity: 0.25 },
        pointToLayer: (_, latlng) => L.circleMarker(latlng, { radius: 4, color, fillOpacity: 0.8 }),
      }).addTo(layers);
    }
    return table;
  });
  const checks = run.checks.map((c) => el('div', { class: 'check' }, `check ${c.check}: ${c.passed ? 'passed' : 'failed'}`));
  $('results').replaceChildren(...tables, ...checks);
  if (layers.getLayers().length) map.fitBounds(layers.getBounds(), { padding: [10, 10], maxZoom: 16 });
  map.invalidateSize();
}

$('run').addEventListener('click', async () => {
  setStatus('running...');
  try {
    const run = await post('run', { source: editor.getValue(), path: state.path, catalog: state.catalog, rows: 20 });
    showRun(run);
    const errors = run.diagnostics.filter((d) => d.severity === 'error').length;
    setStatus(errors ? `run failed (${errors} error${errors > 1 ? 's' : ''})` : `ran: ${run.outputs.length} output${run.outputs.length === 1 ? '' : 's'} (data: ${run.dataFolder})`, errors ? 'error' : 'ok');
  } catch (e) {
    setStatus(String(e.message || e), 'error');
  }
});

// Drop a canvas export (with its catalog.json beside it, when its tables have no schema in the export): it is imported
// (graph + decompiled .cwf), and the editor then holds the .cwf, checked against that catalog.
const isCatalog = (name, text) => /catalog\.json$/i.test(name) || (/"tables"/.test(text) && !/"nodes"/.test(text));
document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) document.body.classList.remove('dragging'); });
document.addEventListener('drop', async (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  const files = await Promise.all([...e.dataTransfer.files].map(async (f) => ({ name: f.name, text: await f.text() })));
  const catalog = files.find((f) => isCatalog(f.name, f.text));
  const canvas = files.find((f) => f !== catalog);
  if (!canvas) { setStatus('drop a canvas export (.json), with its catalog.json if it has one', 'error'); return; }
  try {
    const imported = await post('import', { source: canvas.text, catalog: catalog ? catalog.text : null, dialect: $('dialect-a').value });
    showDiagnostics(imported.diagnostics);
    if (imported.cwf == null) {
      setStatus(`import of ${canvas.name} failed` + (catalog ? '' : ' (drop its catalog.json with it?)'), 'error');
      return;
    }
    state.path = null;
    state.catalog = catalog ? catalog.text : null;
    $('file').value = '';
    editor.getModel().setValue(imported.cwf);
    // The edit just scheduled a check; the refresh below is that check, run once, now.
    clearTimeout(timer);
    monaco.editor.setModelLanguage(editor.getModel(), 'cwf');
    showGraph(imported.graph);
    await refresh();
    // Said after the check, so that its 'no errors' does not replace it (errors are left showing).
    if ($('status').className !== 'error') setStatus(`imported ${canvas.name}`, 'ok');
  } catch (err) {
    setStatus(String(err.message || err), 'error');
  }
});

async function start() {
  const files = await (await fetch('/api/files')).json();
  state.dialects = files.dialects;
  for (const side of ['a', 'b']) {
    const select = $('dialect-' + side);
    select.replaceChildren(...files.dialects.map((d) => el('option', { value: d }, d)));
    select.value = side === 'a' ? 'postgres' : 'bigquery';
    select.addEventListener('change', () => (side === 'a' ? refresh() : showSql('b')));
  }
  $('file').append(...files.files.map((f) => el('option', { value: f }, f)));
  $('file').addEventListener('change', () => openFile($('file').value));
  document.title = `cwf playground: ${files.root}`;
  const initial = new URLSearchParams(location.search).get('file') || files.files.find((f) => f.endsWith('.cwf'));
  if (initial) await openFile(initial);
}
start();
