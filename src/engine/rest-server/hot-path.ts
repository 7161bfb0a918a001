/**
 * The worker's per-task commands (`POST /engine-rest/external-task/{id}/complete`, `failure`,
 * `bpmnError`, `extendLock`, `lock`, `unlock`) served before express. Express 5 costs about
 * 0.1 ms of CPU per request before any route runs (it re-prototypes `req` and `res` and walks its
 * middleware stack), which at ≈ 1 ms per completed task is a tenth of the server's budget.
 *
 * Nothing about the answers changes: the very same pieces run in the same order as in the
 * `/engine-rest` router (the loopback-only check, Basic auth, the same JSON parser and input policy, the command
 * and its Camunda error rules, the error mapper), and any request that is not plainly one of
 * these commands with a JSON body (other media types, an odd path or id, percent-encoding) is left
 * to express untouched. `test/…/hot-path.test.ts` sends the same requests both ways and compares
 * the answers byte for byte.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlainMiddleware } from '../../http/json-body.js';
import { hasBody } from './wire/body.js';

/** Takes the request (true) or leaves it to express (false, nothing read or written). */
export type HotPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/** A connect-style middleware that needs nothing of express (Basic auth, body-parser). */
export type { PlainMiddleware } from '../../http/json-body.js';

/** The pieces of the `/engine-rest` router the hot path reuses. */
export interface HotPathParts {
  /** The loopback-only check when configured (before auth, as in the router). */
  local?: PlainMiddleware | null;
  /** Basic auth when configured. */
  auth: PlainMiddleware | null;
  /** The router's JSON body parser (same instance, same limit). */
  json: PlainMiddleware;
  /** Names of the task commands. */
  commands: readonly string[];
  /** Runs a task command with its error rules and answers 204. */
  run(command: string, id: string, body: unknown, res: ServerResponse): Promise<void>;
  /** The router's error answer, for the route `routePath`. */
  fail(err: unknown, req: IncomingMessage, res: ServerResponse, routePath: string): void;
}

/** Ids as the engine makes them (UUIDs) and other plain ids; anything else goes through express. */
const COMMAND_PATH = /^\/engine-rest\/external-task\/([A-Za-z0-9_.:-]+)\/([A-Za-z]+)(?:\?.*)?$/;
/** JSON exactly as workers send it; any other spelling (params, `+json`) goes through express. */
const JSON_TYPE = /^application\/json(?:[ \t]*;[ \t]*charset=(?:utf-8|"utf-8"))?$/i;

/** The hot path over the router's own parts. */
export function createHotPath(parts: HotPathParts): HotPath {
  const commands = new Set(parts.commands);
  return (req, res) => {
    if (req.method !== 'POST') return false;
    const match = COMMAND_PATH.exec(req.url ?? '');
    if (!match || !commands.has(match[2]!)) return false;
    const type = req.headers['content-type'];
    if (hasBody(req) && (typeof type !== 'string' || !JSON_TYPE.test(type))) return false;
    const [, id, command] = match as unknown as [string, string, string];
    const routePath = `/external-task/:id/${command}`;
    const fail = (err: unknown) => parts.fail(err, req, res, routePath);
    const withBody = () =>
      parts.json(req, res, (err) => {
        if (err) return fail(err);
        parts.run(command, id, (req as { body?: unknown }).body, res).catch(fail);
      });
    const authorised = () => (parts.auth ? parts.auth(req, res, withBody) : withBody());
    if (parts.local) parts.local(req, res, authorised);
    else authorised();
    return true;
  };
}
