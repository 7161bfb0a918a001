/**
 * `npm start`: the embedded engine on SQLite behind `/engine-rest`, with the partnerships'
 * diagrams and forms deployed (duplicate filtering: an unchanged restart adds no version). The
 * only module that reads the environment. SIGINT / SIGTERM shut down gracefully: stop accepting
 * connections, answer waiting long polls with [], close the engine (and its database), then exit.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadConfig, ConfigError, type Config } from './config.js';
import { InvalidHolidayFileError, readHolidayFile } from './calendar/index.js';
import { systemClock } from './clock/system-clock.js';
import { jsonLineLogger, type Logger } from './log/logger.js';
import { openEmbeddedEngine, type EmbeddedEngine } from './engine/embedded/index.js';
import { createServer, listen, type RunningServer } from './engine/rest-server/index.js';
import { compileTrustProxy } from './http/client-address.js';
import { deployProcesses } from '../processes/deploy.js';

async function start(
  config: Config,
  logger: Logger,
): Promise<{ engine: EmbeddedEngine; running: RunningServer }> {
  mkdirSync(config.dataDir, { recursive: true });
  const engine = await openEmbeddedEngine({
    databaseFile: config.databaseFile,
    clock: systemClock,
    timezone: config.timezone,
    logger,
  });
  try {
    // A diagram the engine refuses is a defect of this checkout: refuse to start rather than serve without it.
    const deployed = await deployProcesses(engine);
    logger.info('procedures deployed', {
      newDefinitions: Object.keys(deployed.deployedProcessDefinitions).length,
    });
    const app = createServer({
      engine,
      auth: config.auth,
      loopbackOnly: !config.publicAccess,
      trustProxy: compileTrustProxy(config.trustProxy),
      logger,
      timezone: config.timezone,
    });
    const running = await listen(app, config.port, config.host);
    return { engine, running };
  } catch (err) {
    await engine.close();
    throw err;
  }
}

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
  return {
    engineRest: running.listenUrl,
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

/** The validated configuration, or exit 2 with a message naming the variable. */
function configOrExit(): Config {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
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
  return config;
}

/**
 * SIGINT / SIGTERM handlers, taken before anything starts: a signal while the engine opens stops
 * it as soon as it is open, and one the moment `ready` is read (a service manager may) is never
 * met by Node's default, which would kill the process without a clean stop.
 */
function onStopSignal(
  logger: Logger,
): (served: { engine: EmbeddedEngine; running: RunningServer }) => boolean {
  let served: { engine: EmbeddedEngine; running: RunningServer } | null = null;
  let requested: string | null = null;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping || !served) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // close() first stops new connections; engine.close() then answers waiting long polls with [].
    const closed = served.running.close();
    await served.engine.close();
    await closed;
    logger.info('stopped');
    process.exit(0);
  };
  const onSignal = (signal: string) => (served ? void stop(signal) : (requested ??= signal));
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  return (started) => {
    served = started;
    if (requested) void stop(requested);
    return requested === null;
  };
}

async function main(): Promise<void> {
  const logger = jsonLineLogger();
  const config = configOrExit();
  config.warnings.forEach((w) => logger.warn(w));
  const serving = onStopSignal(logger);
  const started = await start(config, logger);
  if (serving(started)) logger.info('ready', readyFields(config, started.running));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Failed to start: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`,
  );
  process.exit(1);
});
