// Answers H3 grid queries with h3-js for the interpreter's tests.
// Usage: node h3-grid.js <queries.json> <answers.json>
// queries: { "disks": [[cell, k], ...], "pentagonDisks": [[res, k], ...], "children": [[cell, res], ...],
//            "distances": [[a, b], ...], "polygons": [{ "ring": [[lat, lng], ...], "res", "mode" }, ...] }
// answers: { "disks": [[[cell, distance], ...], ...], "pentagonDisks": [{ "cell", "disk": [[cell, distance], ...] }, ...],
//            "children": [[cell, ...], ...], "distances": [n or null, ...], "polygons": [[cell, ...], ...] }
// A disk is h3-js's gridDiskDistances flattened; a distance h3-js cannot compute is null; polygons use
// polygonToCellsExperimental with the mode's containment flag ("center", "intersects", "contains").
const fs = require('fs');
const h3 = require('h3-js');

const queries = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const flatten = rings => rings.flatMap((ring, d) => ring.map(c => [c, d]));
const flags = {
  center: h3.POLYGON_TO_CELLS_FLAGS.containmentCenter,
  intersects: h3.POLYGON_TO_CELLS_FLAGS.containmentOverlapping,
  contains: h3.POLYGON_TO_CELLS_FLAGS.containmentFull,
};

const disks = (queries.disks || []).map(([cell, k]) => flatten(h3.gridDiskDistances(cell, k)));
const pentagonDisks = (queries.pentagonDisks || []).flatMap(([res, k]) =>
  h3.getPentagons(res).map(cell => ({ cell, disk: flatten(h3.gridDiskDistances(cell, k)) })));
const children = (queries.children || []).map(([cell, res]) => h3.cellToChildren(cell, res));
const distances = (queries.distances || []).map(([a, b]) => {
  try { return h3.gridDistance(a, b); } catch (e) { return null; }
});
const polygons = (queries.polygons || []).map(p => h3.polygonToCellsExperimental([p.ring], p.res, flags[p.mode]));
fs.writeFileSync(process.argv[3], JSON.stringify({ disks, pentagonDisks, children, distances, polygons }));
