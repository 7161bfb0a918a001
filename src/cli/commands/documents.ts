import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { withAppData, type AppData } from '../app-data.js';
import { EXIT_OK, type CliIo } from '../io.js';

const HELP = `Usage: escalation documents list --escalation <id>
       escalation documents export --escalation <id> --dir <dir>

list     the escalation's generated documents: id, form, when, and how many fields were not recorded.
export   writes each document as <form>-<id>.pdf and <form>-<id>.json into <dir> (created, mode 0700;
         files mode 0600). They hold the child's details in plain text: keep them where your agency's
         procedures allow. Every document exported is written to the audit log.
Reads DATA_DIR (default ./data) and DATA_KEY (or the key file there); works while the server runs.
Exit codes: 0 done, 1 a failure, 2 bad usage.
`;

const OPTIONS = {
  escalation: { type: 'string' },
  dir: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `escalation documents list|export`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'documents', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const [action, ...extra] = args.positionals;
  if (extra.length > 0)
    return reportBadInput(io, 'documents', `unexpected argument ${JSON.stringify(extra[0])}`);
  if (action !== 'list' && action !== 'export') return reportBadInput(io, 'documents', 'give list or export');
  const escalationId = args.values.escalation;
  if (!escalationId) return reportBadInput(io, 'documents', `${action} needs --escalation <id>`);
  if (action === 'export' && !args.values.dir)
    return reportBadInput(io, 'documents', 'export needs --dir <dir>');
  return withAppData(io, 'documents', (data) => {
    if (action === 'list') return list(data, io, escalationId);
    return exportAll(data, io, escalationId, path.resolve(args.values.dir!));
  });
}

function list(data: AppData, io: CliIo, escalationId: string): number {
  const documents = data.documents.forEscalation(escalationId);
  if (documents.length === 0) io.stdout(`No documents for escalation ${escalationId}.\n`);
  for (const d of documents) {
    io.stdout(`${d.id}  ${d.form}  ${d.createdAt}  ${d.missing.length} not recorded\n`);
  }
  return EXIT_OK;
}

function exportAll(data: AppData, io: CliIo, escalationId: string, dir: string): number {
  const documents = data.documents.forEscalation(escalationId);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const d of documents) {
    const base = path.join(dir, `${d.form}-${d.id}`);
    // Audited before the plaintext leaves the store: an export that fails half-way is still on record.
    data.audit.append({
      actor: data.actor,
      action: 'document.export',
      target: `document:${d.id}`,
      escalationId,
      outcome: 'ok',
      source: 'cli',
      at: new Date(),
    });
    writeFileSync(`${base}.pdf`, data.documents.pdf(d.id), { mode: 0o600 });
    writeFileSync(`${base}.json`, `${JSON.stringify(data.documents.json(d.id), null, 2)}\n`, { mode: 0o600 });
    io.stdout(`${base}.pdf\n${base}.json\n`);
  }
  if (documents.length === 0) io.stdout(`No documents for escalation ${escalationId}.\n`);
  return EXIT_OK;
}
