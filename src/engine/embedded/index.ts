/**
 * The embedded adapter of the engine port: Camunda 7 semantics for the supported BPMN subset,
 * durable on SQLite (one transaction per transition), with durable timers, external tasks with
 * long polling, user tasks, messages, incidents and full history. See docs/engine.md.
 */
import type { Clock } from '../../clock/clock.js';
import { silentLogger, type Logger } from '../../log/logger.js';
import type { EnginePort } from '../port.js';
import { parseDeployment } from '../deploy/index.js';
import { DEFAULT_TIMER_ZONE } from '../time/index.js';
import { EngineCore } from './core.js';
import { assembleEngine, type Services } from './engine.js';
import { DefinitionLoader, type ParseDeployment } from './model/definition-loader.js';
import { ModelCache } from './model/model-cache.js';
import { timerPlanner } from './runtime/timer-planner.js';
import { idGenerator } from './runtime/ids.js';
import { openStore, type SyncMode } from './store/database.js';
import { acquireOwnerLock } from './store/owner-lock.js';
import { DeploymentService } from './services/deployments.js';
import { DefinitionService } from './services/definitions.js';
import { InstanceService } from './services/instances.js';
import { ExternalTaskService } from './services/external-tasks.js';
import { UserTaskService } from './services/user-tasks.js';
import { MessageService } from './services/messages.js';
import { IncidentService } from './services/incidents.js';
import { JobService } from './services/jobs.js';
import { JobScheduler } from './services/scheduler.js';
import { HistoryService } from './services/history.js';
import { HistoryCleanup } from './services/history-cleanup.js';
import type { EngineObserver } from './observer.js';

export type { EngineObserver } from './observer.js';

/** When history clean-up runs unless told otherwise: at night, in the engine's zone. */
export const DEFAULT_CLEANUP_WINDOW = { windowStart: '01:00', windowEnd: '03:00' };

export interface EmbeddedEngineOptions {
  /** SQLite file; its directory exists. */
  databaseFile: string;
  clock: Clock;
  /** Default {@link DEFAULT_TIMER_ZONE} (Europe/London); the zone of timer arithmetic and of the clean-up window. */
  timezone?: string;
  /** Default silentLogger. */
  logger?: Logger;
  /** Default 5 MiB. */
  maxDeploymentBytes?: number;
  /**
   * Process models kept in memory (bounded LRU, default 64). Instances themselves are never kept:
   * each step hydrates one from its rows (a few indexed reads), so memory does not grow with them.
   */
  cacheSize?: number;
  /**
   * 'HH:mm' daily window in the zone for the history clean-up; default 01:00–03:00. `null` runs it
   * only on request (`runHistoryCleanup`).
   */
  historyCleanup?: { windowStart: string; windowEnd: string } | null;
  /** SQLite `synchronous` in WAL mode: FULL (default) survives power loss, NORMAL only crashes. */
  synchronous?: SyncMode;
  /** Told how late timers fire and how long commits take (the product's `/metrics`). */
  observer?: EngineObserver;
}

export interface EmbeddedEngine extends EnginePort {
  /** Resolves once nothing is in flight (due timers processed, transitions committed). For tests and shutdown. */
  idle(): Promise<void>;
  /** Consistent online backup through SQLite's backup API. */
  backup(file: string): Promise<void>;
  /** Runs history clean-up now (normally it runs in the daily window). */
  runHistoryCleanup(): Promise<{ removedInstances: number }>;
  /**
   * Group commits since open and the transactional units they carried (steps, fetches,
   * commands); units ÷ commits is how many steps shared each fsync.
   */
  commitStats(): { commits: number; units: number };
}

/** Opens (creating or migrating) the engine's database and starts its scheduler. */
export async function openEmbeddedEngine(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  const lock = acquireOwnerLock(options.databaseFile);
  try {
    const { core, loader } = buildCore(options);
    const services = buildServices(core, loader, options);
    const engine = assembleEngine(core, services, lock);
    // Overdue timers (downtime) fire now, once each; then the scheduler waits for the next.
    void services.scheduler.runDue();
    services.cleanup.schedule();
    return engine;
  } catch (error) {
    lock.release();
    throw error;
  }
}

function buildCore(options: EmbeddedEngineOptions): { core: EngineCore; loader: DefinitionLoader } {
  const store = openStore(options.databaseFile, options.synchronous ?? 'FULL', options.observer ?? null);
  const maxBytes = options.maxDeploymentBytes ?? 5 * 1024 * 1024;
  const loader = new DefinitionLoader(store, parseDeployment as ParseDeployment, maxBytes);
  const models = new ModelCache((id) => loader.load(id), Math.max(1, options.cacheSize ?? 64));
  loader.models = models;
  const core = new EngineCore({
    store,
    clock: options.clock,
    logger: options.logger ?? silentLogger,
    models,
    timers: timerPlanner(zoneOf(options)),
    newId: idGenerator(options.clock),
    observer: options.observer ?? null,
  });
  return { core, loader };
}

function zoneOf(options: EmbeddedEngineOptions): string {
  return options.timezone ?? DEFAULT_TIMER_ZONE;
}

function buildServices(core: EngineCore, loader: DefinitionLoader, options: EmbeddedEngineOptions): Services {
  const definitions = new DefinitionService(core);
  const scheduler = new JobScheduler(core);
  const window = options.historyCleanup === undefined ? DEFAULT_CLEANUP_WINDOW : options.historyCleanup;
  return {
    deployments: new DeploymentService(core, loader),
    definitions,
    instances: new InstanceService(core, definitions),
    externalTasks: new ExternalTaskService(core),
    userTasks: new UserTaskService(core),
    messages: new MessageService(core),
    incidents: new IncidentService(core),
    jobs: new JobService(core, scheduler),
    scheduler,
    history: new HistoryService(core),
    cleanup: new HistoryCleanup(core, zoneOf(options), window),
  };
}
