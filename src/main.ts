/**
 * `npm start`: the whole product in one process (src/app/product.ts): the embedded engine on SQLite
 * behind `/engine-rest` with the partnerships' diagrams and forms deployed (duplicate filtering: an
 * unchanged restart adds no version), and the four workers polling it over loopback HTTP. The only
 * module that reads the environment. SIGINT / SIGTERM shut down gracefully: the workers finish or
 * unlock their tasks, the server stops accepting connections and answers waiting long polls with [],
 * the engine closes its database, then the process exits 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig, ConfigError, type Config } from './config.js';
import { InvalidHolidayFileError, readHolidayFile } from './calendar/index.js';
import { systemClock } from './clock/system-clock.js';
import { jsonLineLogger, type Logger } from './log/logger.js';
import type { RunningServer } from './engine/rest-server/index.js';
import { startProduct, type Product } from './app/product.js';
import { loadWorkerConfig, WorkerConfigError, type WorkerConfig } from '../workers/config.js';
import { runDemo } from './app/demo/index.js';
import { loadPartnerships } from '../processes/catalogue.js';

/**
 * Why the HOLIDAYS_FILE cannot be used (missing, unreadable, not in GOV.UK's format), or null. It
 * is read and validated at start, as the README promises, so a bad file stops the server with a
 * message naming the field rather than surfacing later.
 */
function holidaysFileProblem(file: string | null): string | null {
  if (file === null) return null;
  if (!existsSync(file)) return `${file} does not exist`;
  try {
    readHolidayFile(file, (p) => readFileSync(p, 'utf8'));
    return null;
  } catch (err) {
    if (err instanceof InvalidHolidayFileError) return err.message;
    throw err;
  }
}

/**
 * The `ready` line: where it really listens (on every interface: said so, with a loopback URL to
 * try first), who may use /engine-rest, and the settings worth seeing at a glance.
 */
function readyFields(config: Config, running: RunningServer): Record<string, string | boolean | null> {
  const base = (url: string) => url.replace(/\/engine-rest$/, '');
  if (config.engineUrl) {
    // Against a remote engine nothing serves /engine-rest here: the API and the workers use ENGINE_URL.
    return {
      ui: `${base(running.listenUrl)}/`,
      api: `${base(running.listenUrl)}/api/v1`,
      engine: config.engineUrl,
      dataDir: config.dataDir,
    };
  }
  return {
    ui: `${base(running.listenUrl)}/`,
    engineRest: running.listenUrl,
    api: `${base(running.listenUrl)}/api/v1`,
    ...(running.allInterfaces ? { listening: 'on every interface', loopbackUrl: running.engineRestUrl } : {}),
    access: config.publicAccess
      ? 'other machines too, with Basic auth'
      : 'this machine only (loopback clients; set ENGINE_REST_USER and ENGINE_REST_PASSWORD to open it)',
    dataDir: config.dataDir,
    auth: config.auth !== null,
    trustProxy: config.trustProxy,
    timezone: config.timezone,
  };
}

/** Both configurations (the server's and the workers'), or exit 2 with a message naming the variable. */
function configOrExit(): { config: Config; workers: WorkerConfig | null } {
  let config: Config;
  let workers: WorkerConfig | null;
  try {
    config = loadConfig(process.env);
    workers = config.workers ? loadWorkerConfig(process.env) : null;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof WorkerConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const holidaysProblem = holidaysFileProblem(config.holidaysFile);
  if (holidaysProblem !== null) {
    process.stderr.write(`Invalid configuration: HOLIDAYS_FILE: ${holidaysProblem}\n`);
    process.exit(2);
  }
  return { config, workers };
}

/**
 * SIGINT / SIGTERM handlers, taken before anything starts: a signal while the product starts stops
 * it as soon as it is up, and one the moment `ready` is read (a service manager may) is never met
 * by Node's default, which would kill the process without a clean stop.
 */
function onStopSignal(logger: Logger): (product: Product) => boolean {
  let served: Product | null = null;
  let requested: string | null = null;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping || !served) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await served.stop();
    logger.info('stopped');
    process.exit(0);
  };
  const onSignal = (signal: string) => (served ? void stop(signal) : (requested ??= signal));
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  return (product) => {
    served = product;
    if (requested) void stop(requested);
    return requested === null;
  };
}

/**
 * `--demo`: seeds demo users and escalations through the running product's API and prints how to
 * sign in (src/app/demo). A demo that cannot be seeded stops the product: exit 1.
 */
async function seedDemo(product: Product, config: Config, logger: Logger): Promise<void> {
  try {
    const { instructions } = await runDemo({
      stores: product.stores,
      baseUrl: product.running.engineRestUrl.replace(/\/engine-rest$/, ''),
      dataDir: config.dataDir,
      partnerships: loadPartnerships(),
      clock: systemClock,
    });
    process.stdout.write(`${instructions}\n`);
    logger.info('demo ready');
  } catch (err) {
    process.stderr.write(`Demo seeding failed: ${err instanceof Error ? err.message : String(err)}\n`);
    await product.stop();
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const logger = jsonLineLogger();
  const demo = process.argv.slice(2).includes('--demo');
  const { config, workers } = configOrExit();
  if (demo && workers === null) {
    process.stderr.write('--demo needs the workers, which move the demo escalations on: unset WORKERS=off\n');
    process.exit(2);
  }
  config.warnings.forEach((w) => logger.warn(w));
  const serving = onStopSignal(logger);
  let product: Product;
  try {
    product = await startProduct({ config, workers, clock: systemClock, logger });
  } catch (err) {
    // A directory, holidays or key file the workers cannot use is bad input: exit 2 naming it.
    if (err instanceof WorkerConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (!serving(product)) return;
  logger.info('ready', readyFields(config, product.running));
  if (demo) await seedDemo(product, config, logger);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Failed to start: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`,
  );
  process.exit(1);
});
