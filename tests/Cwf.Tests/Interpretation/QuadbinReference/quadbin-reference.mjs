// Answers Quadbin queries with the quadbin package and math.gl's web-mercator projection, for the
// interpreter's tests. Usage: node quadbin-reference.mjs <queries.json> <answers.json>
// queries: { "points": [[lng, lat, z], ...], "tiles": [[x, y, z], ...] }
// answers: { "points": [cell, ...],
//            "tiles": [{ "cell", "tile": [x, y, z], "resolution", "parents": [cell at z-1, ..., cell at 0],
//                        "boundary": [[lng, lat], ...], "center": [lng, lat] }, ...] }
// Cells are decimal strings (they are 64-bit).
import fs from 'fs';
import { tileToCell, cellToTile, getResolution, cellToParent, cellToBoundary, cellToOffset } from 'quadbin';
import { lngLatToWorld, worldToLngLat } from '@math.gl/web-mercator';

const WORLD = 512;
const queries = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

// The tile of a point: math.gl projects it to a 512-unit world whose y points north; tile rows count from the north.
const points = queries.points.map(([lng, lat, z]) => {
  const [wx, wy] = lngLatToWorld([lng, lat]);
  const n = 2 ** z;
  const x = ((Math.floor((wx / WORLD) * n) % n) + n) % n;
  const y = Math.min(Math.max(Math.floor(((WORLD - wy) / WORLD) * n), 0), n - 1);
  return tileToCell({ x, y, z }).toString();
});

const tiles = queries.tiles.map(([x, y, z]) => {
  const cell = tileToCell({ x, y, z });
  const back = cellToTile(cell);
  const parents = [];
  for (let p = cell; getResolution(p) > 0n; ) {
    p = cellToParent(p);
    parents.push(p.toString());
  }
  const [ox, oy, scale] = cellToOffset(cell);
  return {
    cell: cell.toString(),
    tile: [back.x, back.y, back.z],
    resolution: Number(getResolution(cell)),
    parents,
    boundary: cellToBoundary(cell).coordinates[0],
    center: worldToLngLat([ox + scale / 2, oy - scale / 2]),
  };
});

fs.writeFileSync(process.argv[3], JSON.stringify({ points, tiles }));
