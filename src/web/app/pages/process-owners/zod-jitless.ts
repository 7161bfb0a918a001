/**
 * The lint rules read the variable contract's zod schemas. Zod compiles its parsers with
 * `new Function` where it can; the CSP forbids eval (and reports even zod's probe for it), so zod
 * is told not to try. Imported before anything that makes a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
