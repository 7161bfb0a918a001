/**
 * `npm start` (and every test that starts the product) serves the web UI from `dist/web`, building
 * it first when it is missing or stale (its stamp's inputs changed). Several processes may start at
 * once on a fresh clone, so the build takes a lock, builds into a sibling temporary directory and
 * swaps it in with renames: a reader never sees half a build.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildWeb } from './build.js';
import { DEFAULT_DIST } from './paths.js';
import { isFresh } from './stamp.js';

/** A lock older than this was left by a process that died mid-build. */
const STALE_LOCK_MS = 120_000;

export interface EnsureResult {
  outDir: string;
  /** Whether this call built it (false: it was fresh). */
  built: boolean;
}

/** Builds the web UI into `outDir` unless a fresh build is already there (or `force`). */
export async function ensureWebBuilt(
  outDir = DEFAULT_DIST,
  options: { force?: boolean } = {},
): Promise<EnsureResult> {
  if (!options.force && isFresh(outDir)) return { outDir, built: false };
  mkdirSync(dirname(outDir), { recursive: true });
  const lock = join(dirname(outDir), `.${basename(outDir)}.lock`);
  await acquire(lock);
  try {
    // Another process may have built it while this one waited.
    if (!options.force && isFresh(outDir)) return { outDir, built: false };
    const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const fresh = join(dirname(outDir), `.${basename(outDir)}-new-${suffix}`);
    const old = join(dirname(outDir), `.${basename(outDir)}-old-${suffix}`);
    try {
      await buildWeb(fresh);
      if (existsSync(outDir)) renameSync(outDir, old);
      renameSync(fresh, outDir);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
    }
    return { outDir, built: true };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Wall-clock age of the lock file: this is about processes on this machine, not domain time.
    if (ageMs(lock) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
    else await sleep(100);
  }
}

function ageMs(path: string): number {
  try {
    return performance.timeOrigin + performance.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
