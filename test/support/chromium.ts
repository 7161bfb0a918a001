/**
 * Finds Debian's Chromium for browser tests. The guide's rule: find it; when it is missing and we
 * run as root (CI, a fresh container), install it with apt-get; otherwise fail with the command to
 * run. Never skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

/** Where Chromium is: `CHROMIUM_PATH`, else the first `chromium` on the PATH or in /usr/bin. */
function locate(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  });
  const found = which.status === 0 ? which.stdout.trim().split('\n')[0] : '';
  if (found && existsSync(found)) return found;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

let cached: string | undefined;

/** The Chromium executable, installed on the spot when running as root; throws with the command otherwise. */
export function chromiumExecutable(): string {
  if (cached) return cached;
  let found = locate();
  if (!found && process.getuid?.() === 0 && !process.env.CHROMIUM_PATH) {
    // Output goes to the test log: an install is worth seeing.
    execFileSync('sh', ['-c', INSTALL], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = locate();
  }
  if (!found) {
    const where = process.env.CHROMIUM_PATH ? ` at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : '';
    throw new Error(`Chromium not found${where}. Install it with: sudo sh -c '${INSTALL}'`);
  }
  cached = found;
  return found;
}
