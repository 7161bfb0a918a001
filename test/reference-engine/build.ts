/**
 * Builds the reference engine's jar once and reuses it: the jar is rebuilt only when pom.xml or src/ change
 * (a content hash is kept beside it). Maven's local repository (~/.m2) is reused between builds.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireJava, requireMaven } from './java-tools.js';

/** The Maven project's directory (test/reference-engine). */
export const projectDir = dirname(fileURLToPath(import.meta.url));
/** The executable Spring Boot jar. */
export const jarPath = join(projectDir, 'target', 'reference-engine.jar');
const hashPath = join(projectDir, 'target', '.build-hash');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Hash of everything the jar is built from. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [join(projectDir, 'pom.xml'), ...listFiles(join(projectDir, 'src')).sort()]) {
    hash.update(relative(projectDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function mvn(args: string[], cwd = projectDir): void {
  const result = spawnSync('mvn', ['-B', '-q', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    throw new Error(`mvn ${args.join(' ')} failed (exit ${result.status}):\n${output}`);
  }
}

/** The Spin data-format version pinned in pom.xml (fetched on its own: see the comment there). */
function spinDataFormatVersion(): string {
  const match = /<operaton-spin-dataformat\.version>([^<]+)</.exec(
    readFileSync(join(projectDir, 'pom.xml'), 'utf8'),
  );
  if (!match?.[1]) throw new Error('pom.xml lacks <operaton-spin-dataformat.version>');
  return match[1];
}

/**
 * Builds the jar at {@link jarPath} when it is missing or stale (fails loudly when Java or Maven is missing).
 * @returns whether a build ran, and how long it took in ms.
 */
export function ensureReferenceJar(log: (line: string) => void = () => {}): { built: boolean; ms: number } {
  requireJava();
  const hash = sourceHash();
  if (existsSync(jarPath) && existsSync(hashPath) && readFileSync(hashPath, 'utf8') === hash) {
    return { built: false, ms: 0 };
  }
  requireMaven();
  const started = performance.now();
  log('Building the reference engine (first run downloads from Maven Central)...');
  // Outside the project and with the 2.8 plugin: it fetches the jar without reading its (unpublished) parent POM,
  // which newer dependency plugins insist on. See pom.xml.
  const artifact = `org.operaton.spin:operaton-spin-dataformat-all:${spinDataFormatVersion()}`;
  mvn(
    [
      'org.apache.maven.plugins:maven-dependency-plugin:2.8:get',
      `-Dartifact=${artifact}`,
      '-Dtransitive=false',
    ],
    tmpdir(),
  );
  mvn(['-DskipTests', 'package']);
  writeFileSync(hashPath, hash);
  return { built: true, ms: performance.now() - started };
}
