// Answers H3 hierarchy queries with h3-js for the interpreter's tests.
// Usage: node h3-hierarchy.js <queries.json> <answers.json>
// queries: { "cells": [[lat, lng, res, parentRes], ...], "texts": [text, ...] }
// answers: { "cells": [{ "cell", "resolution", "parent", "center": [lat, lng] }, ...], "valid": [bool, ...] }
const fs = require('fs');
const h3 = require('h3-js');

const queries = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cells = queries.cells.map(([lat, lng, res, parentRes]) => {
  const cell = h3.latLngToCell(lat, lng, res);
  return { cell, resolution: h3.getResolution(cell), parent: h3.cellToParent(cell, parentRes), center: h3.cellToLatLng(cell) };
});
const valid = queries.texts.map(t => h3.isValidCell(t));
fs.writeFileSync(process.argv[3], JSON.stringify({ cells, valid }));
