/**
 * `escalation subjects export --partnership <id> --case <ref> [--out file.zip]`: a subject access
 * request as one zip (src/subjects/subject-access*.ts). Audited before any plaintext leaves the
 * store (so the zip holds its own audit entries): one `subject-access.export` entry for the request
 * (partnership/case reference, or `not-found`) and one per escalation exported.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { reportBadInput } from '../args.js';
import { withAppData, type AppData } from '../app-data.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io.js';
import { escalationsAbout, gatherSubjectAccess } from '../../subjects/subject-access.js';
import { writeSubjectAccessZip } from '../../subjects/subject-access-zip.js';
import { caseReference as caseReferenceSchema } from '../../../processes/variables.js';

export async function exportSubject(
  io: CliIo,
  partnership: string,
  ref: string | undefined,
  out: string | undefined,
): Promise<number> {
  if (!ref || !caseReferenceSchema.safeParse(ref).success)
    return reportBadInput(io, 'subjects', 'export needs --case <case reference>');
  const file = path.resolve(
    out ?? `subject-access-${partnership}-${ref.replace(/[^A-Za-z0-9._-]+/g, '_')}.zip`,
  );
  if (existsSync(file)) return reportBadInput(io, 'subjects', `${file} already exists; choose another --out`);
  return withAppData(io, 'subjects', (data) => writeExport(data, io, partnership, ref, file));
}

async function writeExport(
  data: AppData,
  io: CliIo,
  partnership: string,
  ref: string,
  file: string,
): Promise<number> {
  const now = new Date();
  // What is held is decided without unsealing anything, so the audit entries come first and the
  // zip holds them too.
  const escalations = escalationsAbout(data.db, partnership, ref);
  const found = escalations.length > 0 || hasSubject(data, partnership, ref);
  const audit = (escalationId: string | null, target: string, outcome: string) =>
    data.audit.append({ actor: data.actor, action: 'subject-access.export', target, escalationId, outcome, source: 'cli', at: now }); // prettier-ignore
  audit(null, `${partnership}/${ref}`, found ? 'ok' : 'not-found');
  if (!found) {
    io.stderr(`escalation subjects: nothing is held about case reference ${ref} in ${partnership}.\n`);
    return EXIT_FAILURE;
  }
  for (const id of escalations) audit(id, `escalation:${id}`, 'ok');
  const bundle = gatherSubjectAccess(data, partnership, ref);
  let files: string[];
  try {
    files = await writeSubjectAccessZip(bundle, file, now);
  } catch (error) {
    // Created by this run ('wx'): no half-written zip of a child's details is left behind.
    rmSync(file, { force: true });
    io.stderr(`escalation subjects: could not write ${file}: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
  const documents = bundle.escalations.reduce((n, e) => n + e.documents.length, 0);
  io.stdout(
    `Wrote ${file} (mode 0600): ${bundle.escalations.length} escalation(s), ${documents} document(s), ` +
      `the child's details ${bundle.subject ? 'included' : 'not stored'}; ${files.length} files.\n`,
  );
  return EXIT_OK;
}

function hasSubject(data: AppData, partnership: string, ref: string): boolean {
  return data.db.prepare('SELECT 1 FROM subjects WHERE partnership = ? AND case_reference = ?').get(partnership, ref) !== undefined; // prettier-ignore
}
