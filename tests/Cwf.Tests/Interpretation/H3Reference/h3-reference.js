// Answers H3 queries with h3-js for the interpreter's tests.
// Usage: node h3-reference.js <queries.json> <answers.json>
// queries: { "points": [[lat, lng, res], ...] }
// answers: { "cells": [{ "cell": hex, "boundary": [[lat, lng], ...] }, ...],
//            "pentagons": [{ "cell": hex, "center": [lat, lng], "boundary": [...] }, ...] }
const fs = require('fs');
const h3 = require('h3-js');

const queries = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cells = queries.points.map(([lat, lng, res]) => {
  const cell = h3.latLngToCell(lat, lng, res);
  return { cell, boundary: h3.cellToBoundary(cell) };
});
const pentagons = [];
for (let res = 0; res <= 15; res++) {
  for (const cell of h3.getPentagons(res)) {
    pentagons.push({ cell, center: h3.cellToLatLng(cell), boundary: h3.cellToBoundary(cell) });
  }
}
fs.writeFileSync(process.argv[3], JSON.stringify({ cells, pentagons }));
