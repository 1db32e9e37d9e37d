const { execFile } = require('child_process');

/**
 * Runs the command line to completion: { code, stdout, stderr }. A cwf that cannot be started
 * (not installed, cwf.path wrong) rejects with a message that says which setting to change.
 */
function runCwf(command, args, cwd) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`Could not run ${command} (${error.code || error.message}): set cwf.path to the cwf command line.`));
        return;
      }
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** The first lines of what cwf printed on standard error, for a notification. */
function summary(stderr, lines = 3) {
  const shown = stderr.split(/\r?\n/).filter((l) => l.trim() !== '');
  return shown.slice(0, lines).join(' ') + (shown.length > lines ? ' …' : '');
}

module.exports = { runCwf, summary };
