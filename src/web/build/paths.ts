/** Where the web UI's sources are and where its build goes. */
import { resolve } from 'node:path';

/** The repository's root: every path in the build stamp is relative to it. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** The browser app's sources (TypeScript + Preact, Sass, the HTML shell). */
export const APP_DIR = resolve(ROOT, 'src/web/app');

/** Where `npm run build:web` writes and `npm start` serves from (gitignored). */
export const DEFAULT_DIST = resolve(ROOT, 'dist/web');

/** The build stamp's file name inside the output directory. */
export const STAMP_FILE = 'build.json';
