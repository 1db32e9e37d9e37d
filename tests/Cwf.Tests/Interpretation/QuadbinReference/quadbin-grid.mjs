// Answers Quadbin set queries with the quadbin package, for the interpreter's tests.
// Usage: node quadbin-grid.mjs <queries.json> <answers.json>
// queries: { "children": [[cell, res], ...], "polygons": [{ "ring": [[lng, lat], ...], "res" }, ...], "krings": [[cell, k], ...] }
// answers: { "children": [[cell, ...], ...], "polygons": [[cell, ...], ...], "krings": [[[cell, distance], ...], ...] }
// Cells are decimal strings. Polygons use geometryToCells (@mapbox/tile-cover: the tiles the polygon
// intersects). The package has no k-ring: the toolbox's rule (columns wrap, rows stop at the edge,
// Chebyshev distance) is applied to the package's cellToTile/tileToCell.
import fs from 'fs';
import { tileToCell, cellToTile, cellToChildren, geometryToCells } from 'quadbin';

const queries = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

const children = (queries.children || []).map(([cell, res]) => cellToChildren(BigInt(cell), BigInt(res)).map(c => c.toString()));
const polygons = (queries.polygons || []).map(p =>
  geometryToCells({ type: 'Polygon', coordinates: [p.ring] }, BigInt(p.res)).map(c => c.toString()));
const krings = (queries.krings || []).map(([cell, k]) => {
  const { x, y, z } = cellToTile(BigInt(cell));
  const n = 2 ** z;
  const nearest = new Map();
  for (let dy = -k; dy <= k; dy++) {
    if (y + dy < 0 || y + dy >= n) continue;
    for (let dx = -k; dx <= k; dx++) {
      const c = tileToCell({ x: (((x + dx) % n) + n) % n, y: y + dy, z }).toString();
      const d = Math.max(Math.abs(dx), Math.abs(dy));
      if (!nearest.has(c) || d < nearest.get(c)) nearest.set(c, d);
    }
  }
  return [...nearest.entries()];
});
fs.writeFileSync(process.argv[3], JSON.stringify({ children, polygons, krings }));
