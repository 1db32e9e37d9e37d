const path = require('path');

/** Where an imported canvas goes: x.json -> x.cwf beside it; a folder's canvas.json -> <folder>.cwf in that folder. */
function importTarget(canvasPath) {
  const dir = path.dirname(canvasPath);
  const name = path.basename(canvasPath, path.extname(canvasPath));
  return path.join(dir, `${name.toLowerCase() === 'canvas' ? path.basename(dir) : name}.cwf`);
}

module.exports = { importTarget };
