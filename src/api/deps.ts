/** Everything the API's routes use, built once by the product (src/app/product.ts). */
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../log/logger.js';
import type { EnginePort } from '../engine/port.js';
import type { AppStores } from '../store/app-stores.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import type { FormCatalogue } from '../../processes/forms-catalogue.js';
import type { RolesOf } from '../access/access-rule.js';

export interface ApiDependencies {
  /** The engine: embedded, or a remote Camunda 7 / Operaton through the REST adapter. */
  engine: EnginePort;
  stores: AppStores;
  partnerships: ReadonlyMap<string, PartnershipEntry>;
  roles: RolesOf;
  forms: FormCatalogue;
  clock: Clock;
  logger: Logger;
  /** Whether the workers run (health says so). */
  workersRunning: () => boolean;
  /** The server's HOLIDAYS_FILE (as the workers count days), for what-if deadlines; null or absent: none. */
  holidaysFile?: string | null;
}
