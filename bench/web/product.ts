/**
 * The product for bench:web, as `npm start` runs it but in this process: `startProduct` (the
 * embedded engine on SQLite in a temporary DATA_DIR, /engine-rest, /api, the web UI, the four real
 * workers over loopback HTTP) on the system clock, with no SMTP_URL (messages stay in the outbox,
 * as `npm start` does without one). Users are made in the real stores, as the CLI makes them.
 */
import { join } from 'node:path';
import { systemClock } from '../../src/clock/system-clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { loadConfig } from '../../src/config.js';
import { startProduct, type Product } from '../../src/app/product.js';
import { hashPassword } from '../../src/identity/passwords.js';
import type { Membership } from '../../src/identity/principal.js';
import { loadWorkerConfig } from '../../workers/config.js';
import { tempDir } from '../../test/support/temp-dir.js';

const PASSWORD = 'bench correct horse battery';

/** The running product, its address and a way to make users, tokens and sessions. */
export interface BenchProduct {
  product: Product;
  /** `http://127.0.0.1:<port>` */
  base: string;
  user(
    username: string,
    membership: Partial<Membership> & { partnership: string; roles: string[] },
  ): Promise<void>;
  /** A personal access token (Bearer) for the user. */
  token(username: string): string;
  /** A session id for the user's browser (the session cookie's value). */
  session(username: string): string;
  stop(): Promise<void>;
}

/**
 * Starts the product on `dataDir` (kept afterwards: a later run finds its escalations there), or on
 * a temporary DATA_DIR removed by `stop()`.
 */
export async function startBenchProduct(dataDir?: string): Promise<BenchProduct> {
  const dir = dataDir ? null : tempDir('bench-web');
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir ?? join(dir!.path, 'data'),
    SMTP_URL: '',
    ENGINE_URL: '',
  };
  const product = await startProduct({
    config: loadConfig(env),
    workers: loadWorkerConfig(env),
    clock: systemClock,
    logger: silentLogger,
  });
  const { stores } = product;
  const now = () => new Date(systemClock.now());
  const idOf = (username: string) => {
    const user = stores.users.byUsername(username);
    if (!user) throw new Error(`no user ${username}`);
    return user.id;
  };
  return {
    product,
    base: `http://127.0.0.1:${product.running.port}`,
    async user(username, membership) {
      if (stores.users.byUsername(username)) return;
      stores.users.create(
        {
          username,
          email: `${username}@bench.example.org`,
          passwordHash: await hashPassword(PASSWORD),
          admin: false,
        },
        {
          agency: null,
          organisation: null,
          organisationName: null,
          reports: false,
          processOwner: false,
          ...membership,
        },
        now(),
      );
    },
    token: (username) => stores.tokens.create(idOf(username), now(), null).token,
    session: (username) => stores.sessions.create(idOf(username), now()).id,
    async stop() {
      await product.stop();
      dir?.remove();
    },
  };
}
