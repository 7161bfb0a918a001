import { z } from 'zod';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { withAppData, type AppData } from '../app-data.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io.js';
import { subjectSchema } from '../../subjects/subject.js';
import { caseReference, PARTNERSHIPS } from '../../../processes/variables.js';
import { exportSubject } from './subjects-export.js';

const HELP = `Usage: escalation subjects import --partnership <id> [--replace] < subjects.json
       escalation subjects export --partnership <id> --case <ref> [--out file.zip]

Reads the children's details the documents need, as JSON on standard input (never as arguments):
  [{ "caseReference": "LCC/2026/00042", "name": "…", "dateOfBirth": "2015-03-02", "address": "…" }]
and stores them encrypted in the protected store, keyed by partnership and case reference. A case
reference already stored with different details is refused (listed, exit 1) unless --replace.
Every write is audited. Nothing personal is printed.

export   a subject access request: one zip (default subject-access-<partnership>-<ref>.zip, never
         over an existing file, mode 0600) with the child's details, and for every escalation about
         the case reference its record entries (details decrypted), documents (PDF and JSON),
         messages and audit entries. Audited. Works while the server runs.
Exit codes: 0 done, 1 some refused or a failure, 2 bad usage or input.
`;

const OPTIONS = {
  partnership: { type: 'string' },
  replace: { type: 'boolean', default: false },
  case: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const inputSchema = z.array(subjectSchema.extend({ caseReference })).max(100_000);

/** `escalation subjects import`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'subjects', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const [action, ...extra] = args.positionals;
  if ((action !== 'import' && action !== 'export') || extra.length > 0)
    return reportBadInput(io, 'subjects', 'give import or export');
  const partnership = args.values.partnership;
  if (!partnership || !(PARTNERSHIPS as readonly string[]).includes(partnership))
    return reportBadInput(io, 'subjects', `--partnership must be one of ${PARTNERSHIPS.join(', ')}`);
  if (action === 'export') return exportSubject(io, partnership, args.values.case, args.values.out);
  const parsed = parseInput(await io.readStdin());
  if (typeof parsed === 'string') return reportBadInput(io, 'subjects', parsed);
  return withAppData(io, 'subjects', (data) => importAll(data, io, partnership, parsed, args.values.replace));
}

/** The parsed list, or a message naming the bad field (by index and field name, never the value). */
function parseInput(text: string): z.infer<typeof inputSchema> | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'standard input is not JSON: give a list of { caseReference, name, dateOfBirth, address }';
  }
  const parsed = inputSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return `entry ${issue.path.join('.')}: ${issue.message}`;
}

function importAll(
  data: AppData,
  io: CliIo,
  partnership: string,
  subjects: z.infer<typeof inputSchema>,
  replace: boolean,
): number {
  const counts = { created: 0, unchanged: 0, replaced: 0, conflict: 0 };
  const conflicts: string[] = [];
  for (const { caseReference: ref, ...subject } of subjects) {
    const result = data.subjects.put(partnership, ref, subject, new Date(), replace);
    counts[result] += 1;
    if (result === 'conflict') conflicts.push(ref);
    data.audit.append({
      actor: data.actor,
      action: 'subject.write',
      target: `${partnership}/${ref}`,
      escalationId: null,
      outcome: result,
      source: 'cli',
      at: new Date(),
    });
  }
  io.stdout(
    `Imported ${subjects.length}: ${counts.created} new, ${counts.unchanged} unchanged, ${counts.replaced} replaced, ${counts.conflict} refused.\n`,
  );
  if (conflicts.length === 0) return EXIT_OK;
  io.stderr(`Already stored with different details (use --replace to overwrite): ${conflicts.join(', ')}\n`);
  return EXIT_FAILURE;
}
