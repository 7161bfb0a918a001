/**
 * The build stamp (`build.json` in the output): every file the build read, and one hash over their
 * contents. The build is fresh while that hash still matches: a changed page, style, dependency
 * (its files in node_modules) or build script makes it stale. A new file can only matter once an
 * existing one imports it, which changes that file, so the recorded inputs are enough.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, STAMP_FILE } from './paths.js';
import type { PagePreloads } from './preloads.js';

/** Bump when the build's output format changes without any input changing. */
export const BUILD_FORMAT = 2;

export interface BuildStamp {
  format: number;
  /** sha256 over each input's path and contents, in order. */
  hash: string;
  /** Repository-relative POSIX paths, sorted. */
  inputs: string[];
  /** Each lazy page's scripts, which the server preloads in that page's shell (preloads.ts). */
  preloads: PagePreloads;
}

/** The hash of the inputs' contents, or null when one of them is gone. */
export function hashInputs(inputs: readonly string[], root = ROOT): string | null {
  const hash = createHash('sha256').update(`format ${BUILD_FORMAT}\n`);
  for (const input of inputs) {
    const file = join(root, input);
    if (!existsSync(file)) return null;
    hash.update(`${input}\0${createHash('sha256').update(readFileSync(file)).digest('hex')}\n`);
  }
  return hash.digest('hex');
}

/** The stamp of a build directory, or null when there is none (or it cannot be read). */
export function readStamp(outDir: string): BuildStamp | null {
  try {
    const stamp = JSON.parse(readFileSync(join(outDir, STAMP_FILE), 'utf8')) as BuildStamp;
    return stamp.format === BUILD_FORMAT && Array.isArray(stamp.inputs) && typeof stamp.preloads === 'object'
      ? stamp
      : null;
  } catch {
    return null;
  }
}

/** Whether `outDir` holds a build of the current sources. */
export function isFresh(outDir: string, root = ROOT): boolean {
  const stamp = readStamp(outDir);
  return stamp !== null && hashInputs(stamp.inputs, root) === stamp.hash;
}
