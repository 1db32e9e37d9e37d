const fs = require('fs');
const path = require('path');

/**
 * Which `cwf` the extension runs: the cwf.path setting (a relative path is read from the first
 * workspace folder; a bare name is looked up on the PATH), else a workspace folder's own ./cwf
 * (the repository's script, which builds the command line on first use), else `cwf` on the PATH.
 */
function resolveCwfPath(setting, workspaceFolders, isExecutable = isExecutableFile) {
  const configured = (setting || '').trim();
  if (configured) {
    if (path.isAbsolute(configured) || !/[\\/]/.test(configured) || workspaceFolders.length === 0) return configured;
    return path.resolve(workspaceFolders[0], configured);
  }
  for (const folder of workspaceFolders) {
    const local = path.join(folder, 'cwf');
    if (isExecutable(local)) return local;
  }
  return 'cwf';
}

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

module.exports = { resolveCwfPath };
