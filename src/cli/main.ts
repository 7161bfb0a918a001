import type { CommandTable } from './command.js';
import { dispatch } from './dispatch.js';
import { processIo } from './io.js';

/**
 * The `escalation` commands. To add one, write `src/cli/commands/<name>.ts` exporting
 * `run(argv, io)` (see command.ts) and add its line here.
 */
const commands: CommandTable = {
  backup: {
    summary: 'make an online backup of the engine database',
    load: () => import('./commands/backup.js'),
  },
  deploy: {
    summary: "deploy every partnership's diagrams and forms to a Camunda 7 REST API",
    load: () => import('./commands/deploy.js'),
  },
  due: { summary: 'print the deadline of a timescale', load: () => import('./commands/due.js') },
  holidays: {
    summary: "list a year's bank holidays on weekdays",
    load: () => import('./commands/holidays.js'),
  },
  records: {
    summary: 'verify the hash-chained record, or export an escalation’s entries',
    load: () => import('./commands/records.js'),
  },
  documents: {
    summary: 'list or export an escalation’s generated documents (audited)',
    load: () => import('./commands/documents.js'),
  },
  subjects: {
    summary: "import children's details (JSON on stdin), or export a subject access request (zip)",
    load: () => import('./commands/subjects.js'),
  },
  directory: {
    summary: 'print an example directory file (DIRECTORY_FILE) for every contact group',
    load: () => import('./commands/directory.js'),
  },
  audit: { summary: 'verify the hash-chained audit log', load: () => import('./commands/audit.js') },
  users: {
    summary: 'add users and their memberships, set roles and passwords, disable, list',
    load: () => import('./commands/users.js'),
  },
  tokens: {
    summary: 'create, list or revoke personal access tokens for the API',
    load: () => import('./commands/tokens.js'),
  },
  retention: {
    summary: 'erase the personal data of escalations whose history time to live has ended (audited)',
    load: () => import('./commands/retention.js'),
  },
  report: {
    summary: 'the partnership report for a period (JSON, or CSV / PDF with small numbers suppressed)',
    load: () => import('./commands/report.js'),
  },
  simulate: {
    summary: "what-if deadlines: a diagram's stages and dates for a raise instant, or two diagrams compared",
    load: () => import('./commands/simulate.js'),
  },
};

// The entry point: the only place that touches the real process (argv, streams, environment).
process.exitCode = await dispatch(process.argv.slice(2), processIo(process), commands);
