// Debian's Chromium, headless, with a fresh profile that is removed afterwards; never a browser a
// tool downloaded. CWF_CHROMIUM overrides /usr/bin/chromium. Returns what it printed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export async function chromium(args) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cwf-chromium-'));
  try {
    const { stdout } = await promisify(execFile)(process.env.CWF_CHROMIUM || '/usr/bin/chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...args,
    ], { timeout: 120000, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
