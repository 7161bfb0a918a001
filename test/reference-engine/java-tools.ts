/**
 * Finding the JDK and Maven the reference engine needs. Missing tools fail loudly with the command that
 * installs them; nothing here ever skips quietly.
 */
import { spawnSync } from 'node:child_process';

/** Thrown when Java or Maven is missing: the message carries the install command. */
export class JavaToolMissingError extends Error {
  readonly code = 'REFERENCE_JAVA_MISSING';
  constructor(tool: string, detail: string) {
    super(
      `The reference engine needs ${tool}, which is not usable here (${detail}). ` +
        'Install a JDK 17+ and Maven: sudo apt-get update && sudo apt-get install -y openjdk-17-jdk-headless maven ' +
        '(or run .ci/run as root, which does it).',
    );
    this.name = 'JavaToolMissingError';
  }
}

function probe(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return { ok: false, output: result.error.message };
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** The JDK's major version, checking that `java` runs and is at least 17 (Operaton 1.0 needs 17). */
export function requireJava(): number {
  const java = probe('java', ['-version']);
  if (!java.ok) throw new JavaToolMissingError('java', java.output.trim() || 'java -version failed');
  const match = /version "(\d+)/.exec(java.output);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) throw new JavaToolMissingError('Java 17 or newer', `found: ${java.output.split('\n')[0]}`);
  return major;
}

/** Checks that Maven runs. */
export function requireMaven(): void {
  const mvn = probe('mvn', ['-v']);
  if (!mvn.ok) throw new JavaToolMissingError('Maven (mvn)', mvn.output.trim() || 'mvn -v failed');
}
