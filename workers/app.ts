/**
 * The workers' composition root: opens the application database in DATA_DIR and its key (unless the
 * process already has them open), reads
 * the partnerships, forms, directory and templates once, and builds the four topic workers with
 * their dependencies. `npm run workers` and `npm start` both call it; neither reads files later.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Clock } from '../src/clock/clock.js';
import type { Logger } from '../src/log/logger.js';
import { NO_HOLIDAY_OVERRIDES, readHolidayFile } from '../src/calendar/index.js';
import { openAppStores, type AppStores } from '../src/store/app-stores.js';
import type { AudienceEntry } from '../src/access/access-rule.js';
import { loadPartnerships, type PartnershipEntry } from '../processes/catalogue.js';
import { loadFormCatalogue } from '../processes/forms-catalogue.js';
import { DOCUMENTS } from '../forms/documents/index.js';
import { WorkerConfigError, type WorkerConfig } from './config.js';
import { DataKeyError } from '../src/crypto/data-key.js';
import { InvalidHolidayFileError } from '../src/calendar/index.js';
import { partnershipCalendars } from './schedule/calendars.js';
import { createScheduleWorker } from './schedule/schedule-worker.js';
import { parseDirectory, type Directory } from './notify/directory.js';
import { exampleDirectory } from './notify/example-directory.js';
import { Templates } from './notify/templates.js';
import { NoticeComposer } from './notify/notices.js';
import { createNotifyWorker } from './notify/notify-worker.js';
import { InviteCanceller, type OpenSteps } from './notify/invite-canceller.js';
import { createCamundaRestEngine } from '../src/engine/camunda-rest/index.js';
import { groupOf } from '../processes/stage-ids.js';
import { createRecordWorker } from './record/record-worker.js';
import { createFormWorker } from './form/form-worker.js';
import { Messenger } from './messaging/messenger.js';
import { createSmtpMailer } from './messaging/smtp-mailer.js';
import type { Mailer } from './messaging/mailer.js';
import type { TopicWorker } from './runtime/topic-worker.js';

/** The stores the workers write (the application database), shared with the API in the same process. */
export type WorkerStores = AppStores;

export interface WorkerApp {
  workers: TopicWorker[];
  stores: WorkerStores;
  /** Where messages go: `smtp` or `outbox` (kept queued), and which directory resolves roles. */
  delivery: { mode: 'smtp' | 'outbox'; directory: 'file' | 'example' };
  close(): void;
}

export interface WorkerAppOptions {
  config: WorkerConfig;
  clock: Clock;
  logger: Logger;
  /** Whether the key file may be created (the embedded default only). */
  mayCreateKey: boolean;
  /** The public base URL when PUBLIC_URL is not set (npm start knows its own). */
  defaultPublicUrl: string;
  /** For tests: a mailer other than SMTP. */
  mailer?: Mailer | null;
  /** The stores, when the process has opened them already (npm start); else opened from DATA_DIR. */
  stores?: AppStores;
}

/**
 * Reads everything once and builds the workers.
 * @throws WorkerConfigError naming the variable when a setting is unusable (a directory, holidays or key problem).
 */
export async function createWorkerApp(options: WorkerAppOptions): Promise<WorkerApp> {
  const { config, clock } = options;
  const partnerships = loadPartnerships();
  const byId = new Map<string, PartnershipEntry>(partnerships.map((p) => [p.settings.id, p]));
  const read = (p: string) => readFileSync(p, 'utf8');
  const serverHolidays = setting('HOLIDAYS_FILE', () =>
    config.holidaysFile ? readHolidayFile(config.holidaysFile, read) : NO_HOLIDAY_OVERRIDES,
  );
  const calendars = setting('holidaysFile in partnership.json', () =>
    partnershipCalendars(partnerships, serverHolidays, read),
  );
  const directory = setting('DIRECTORY_FILE', () => loadDirectory(config.directoryFile, partnerships));
  const forms = await loadFormCatalogue();
  const publicUrl = config.publicUrl ?? options.defaultPublicUrl;
  const stores =
    options.stores ??
    setting('DATA_KEY', () =>
      openAppStores({
        dataDir: config.dataDir,
        dataKey: config.dataKey,
        mayCreateKey: options.mayCreateKey,
        uidDomain: new URL(publicUrl).hostname || 'escalations',
      }),
    );
  const db = stores.db;
  const organizer = organizerOf(config.mailFrom);

  const mailer =
    options.mailer !== undefined ? options.mailer : config.smtpUrl ? createSmtpMailer(config.smtpUrl) : null;
  const templates = new Templates();
  const messenger = new Messenger({ outbox: stores.outbox, mailer, clock, from: config.mailFrom });
  const noticeDeps = {
    directory,
    partnerships: byId,
    templates,
    invites: stores.invites,
    clock,
    publicUrl,
    organizer,
    personalAddress: (username: string) => {
      const user = stores.users.byUsername(username);
      return user && !user.disabled ? user.email : undefined;
    },
    audience: (escalationId: string, entries: readonly AudienceEntry[]) =>
      stores.escalations.addAudience(escalationId, entries),
  };
  const composer = new NoticeComposer(noticeDeps);
  const canceller = new InviteCanceller({
    db,
    openSteps: openStepsOf(config),
    invites: stores.invites,
    messenger,
    templates,
    clock,
    publicUrl,
    organizer,
  });
  const workers = [
    createScheduleWorker({ calendars, clock }),
    createNotifyWorker({ ...noticeDeps, messenger }),
    createRecordWorker({
      record: stores.record,
      escalations: stores.escalations,
      forms,
      partnerships: byId,
      invites: canceller,
      clock,
    }),
    createFormWorker({
      definitions: DOCUMENTS,
      documents: stores.documents,
      subjects: stores.subjects,
      record: stores.record,
      audit: stores.audit,
      partnerships: byId,
      composer,
      messenger,
      clock,
      workerId: config.workerId,
    }),
  ];
  return {
    workers,
    stores,
    delivery: { mode: mailer ? 'smtp' : 'outbox', directory: config.directoryFile ? 'file' : 'example' },
    close() {
      mailer?.close();
      // Stores opened by the caller are the caller's to close.
      if (!options.stores) stores.close();
    },
  };
}

/** Asks the engine, over the same REST API the client polls, which steps still have an open user task. */
function openStepsOf(config: WorkerConfig): OpenSteps {
  const engine = createCamundaRestEngine({ baseUrl: config.engineUrl ?? '', auth: config.auth });
  return async (processInstanceId) => {
    const tasks = await engine.listUserTasks({ processInstanceId });
    return new Set(tasks.map((t) => groupOf(t.taskDefinitionKey)));
  };
}

/** Runs a setting's loader; a problem with it becomes a WorkerConfigError naming the variable. */
function setting<T>(name: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (
      error instanceof SettingError ||
      error instanceof DataKeyError ||
      error instanceof InvalidHolidayFileError
    )
      throw new WorkerConfigError([`${name}: ${error.message}`]);
    throw error;
  }
}

/** A file named by a setting that cannot be used. */
class SettingError extends Error {}

function loadDirectory(file: string | null, partnerships: readonly PartnershipEntry[]): Directory {
  if (file === null) return exampleDirectory(partnerships);
  if (!existsSync(file)) throw new SettingError(`${file} does not exist`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SettingError(`${file} is not valid JSON (${(error as Error).message.split('\n')[0]})`, {
      cause: error,
    });
  }
  try {
    return parseDirectory(json);
  } catch (error) {
    throw new SettingError(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** `Name <address>` → its parts, for calendar invites' ORGANIZER. */
function organizerOf(mailFrom: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  return match
    ? { name: match[1]!.trim() || 'Escalations', email: match[2]!.trim() }
    : { name: 'Escalations', email: mailFrom.trim() };
}
