/**
 * A subject access request as one zip (yazl): `README.txt` saying what it holds, `subject.json`
 * (the child's details), `subject-audit.json`, and per escalation `escalations/<id>/` with
 * `escalation.json`, `record.json` (payloads decrypted), `messages.json`, `audit.json` and
 * `documents/<form>-<id>.pdf` and `.json`. `manifest.json` lists every file with its SHA-256. The
 * file is created new (never over another) with mode 0600: it holds the child's details in plain text.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { SubjectAccessBundle } from './subject-access.js';

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** The files of the zip, by path. */
export function subjectAccessFiles(bundle: SubjectAccessBundle, generatedAt: Date): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set('subject.json', json({ partnership: bundle.partnership, caseReference: bundle.caseReference, details: bundle.subject })); // prettier-ignore
  files.set('subject-audit.json', json(bundle.subjectAudit));
  for (const e of bundle.escalations) {
    const dir = `escalations/${e.escalationId}`;
    files.set(`${dir}/escalation.json`, json(e.escalation));
    files.set(`${dir}/record.json`, json(e.record));
    files.set(`${dir}/messages.json`, json(e.messages));
    files.set(`${dir}/audit.json`, json(e.audit));
    for (const d of e.documents) {
      files.set(`${dir}/documents/${d.info.form}-${d.info.id}.pdf`, d.pdf);
      files.set(`${dir}/documents/${d.info.form}-${d.info.id}.json`, json({ ...d.info, data: d.json }));
    }
  }
  files.set('README.txt', Buffer.from(readme(bundle, generatedAt), 'utf8'));
  const manifest = [...files].map(([path, bytes]) => ({ path, sha256: createHash('sha256').update(bytes).digest('hex') })); // prettier-ignore
  files.set('manifest.json', json({ partnership: bundle.partnership, caseReference: bundle.caseReference, generatedAt: generatedAt.toISOString(), files: manifest })); // prettier-ignore
  return files;
}

/** Writes the zip to `file`, which must not exist yet. */
export async function writeSubjectAccessZip(
  bundle: SubjectAccessBundle,
  file: string,
  generatedAt: Date,
): Promise<string[]> {
  const zip = new yazl.ZipFile();
  const files = subjectAccessFiles(bundle, generatedAt);
  for (const [path, bytes] of files) zip.addBuffer(bytes, path, { mtime: generatedAt, mode: 0o100600 });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  return [...files.keys()];
}

function readme(bundle: SubjectAccessBundle, generatedAt: Date): string {
  const documents = bundle.escalations.reduce((n, e) => n + e.documents.length, 0);
  return [
    `Subject access: everything held about case reference ${bundle.caseReference} (${bundle.partnership}),`,
    `gathered ${generatedAt.toISOString()}.`,
    '',
    `subject.json          the child's details from the protected store${bundle.subject ? '' : ' (none stored)'}`,
    'subject-audit.json    who read or wrote those details outside an escalation',
    `escalations/<id>/     ${bundle.escalations.length} escalation(s): escalation.json, record.json (every record entry with`,
    '                      its details), messages.json (every message sent or queued), audit.json (who saw or',
    `                      did what), documents/ (${documents} document(s), each as PDF and as JSON)`,
    'manifest.json         every file with its SHA-256',
    '',
    "It holds the child's details in plain text: keep it as your agency's procedures require.",
    '',
  ].join('\n');
}
