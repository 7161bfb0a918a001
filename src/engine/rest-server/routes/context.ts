/**
 * What every route module gets: the engine, the zone dates are written in, and helpers that
 * translate the port's errors the way Camunda's REST resources do at that endpoint.
 */
import type { Request, Router } from 'express';
import type { z } from 'zod';
import { defined, filtersOnly, parseQuery } from '../wire/query.js';
import { sendJson } from '../wire/send.js';
import type { EnginePort } from '../../port.js';
import { BadUserRequestError, EngineError, InvalidRequestError, NotFoundError } from '../../errors/index.js';
import type { Logger } from '../../../log/logger.js';
import { RestError } from '../wire/rest-error.js';
import type { DateFmt, AtomLink } from '../dto/date-fmt.js';
import type { MultipartLimits } from '../wire/multipart.js';

/** What every route module gets: the engine, the zone of dates, and shared helpers. */
export interface RouteContext {
  engine: EnginePort;
  /** IANA zone for dates on the wire. */
  zone: string;
  fmt: DateFmt;
  logger: Logger;
  multipartLimits: MultipartLimits;
  /** The value `GET /version` reports. */
  version: string;
  /** A definition's key by id (Camunda 7.21+ puts `definitionKey` on every ProcessInstanceDto). */
  definitionKeyOf(definitionId: string): Promise<string | null>;
}

/**
 * Definition keys by id, cached: a definition never changes its key, and a list of instances
 * would otherwise cost one lookup each. Bounded, since definitions come and go with deployments.
 */
export function definitionKeyCache(
  engine: EnginePort,
  limit = 1_000,
): (id: string) => Promise<string | null> {
  const cache = new Map<string, string>();
  return async (id) => {
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    let key: string;
    try {
      key = (await engine.getProcessDefinition(id)).key;
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      throw err;
    }
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    cache.set(id, key);
    return key;
  };
}

/** How one endpoint rewrites port errors (Camunda's resources catch and re-throw per endpoint). */
export interface ErrorRules {
  notFound?: (e: NotFoundError) => Error;
  badUser?: (e: BadUserRequestError) => Error;
  /** Errors of the REST layer itself (variable conversion) and the port's InvalidRequestError. */
  invalid?: (e: RestError | InvalidRequestError) => Error;
  /** Any other engine error (ProcessEngineException, OptimisticLockingException…). */
  engine?: (e: EngineError) => Error;
}

/** Runs `fn`, rewriting its errors by `rules`; anything without a rule passes unchanged. */
export async function guard<T>(fn: () => T | Promise<T>, rules: ErrorRules): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw rewrite(err, rules);
  }
}

function rewrite(err: unknown, rules: ErrorRules): unknown {
  if (err instanceof NotFoundError) return rules.notFound ? rules.notFound(err) : err;
  if (err instanceof BadUserRequestError) return rules.badUser ? rules.badUser(err) : err;
  if (err instanceof RestError || err instanceof InvalidRequestError)
    return rules.invalid ? rules.invalid(err) : err;
  if (err instanceof EngineError) return rules.engine ? rules.engine(err) : err;
  return err;
}

/** Shorthands for the two REST exception types. */
export const restException = (status: number, message: string, cause?: unknown): RestError =>
  new RestError(status, 'RestException', message, { cause });
export const invalidRequest = (status: number, message: string, cause?: unknown): RestError =>
  new RestError(status, 'InvalidRequestException', message, { cause });

/** The status an error would have on the wire, so a wrapper can keep it. */
export function statusOf(err: RestError | InvalidRequestError): number {
  return err instanceof RestError ? err.status : err.httpStatus;
}

/** Camunda's reflexive `self` link, built from the request's own base URL. */
export function selfLink(req: Request, path: string): AtomLink[] {
  const base = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
  return [{ method: 'GET', href: `${base}${path}`, rel: 'self' }];
}

/** A path parameter as a string (express 5 types them loosely). */
export function param(req: Request, name: string): string {
  const v = (req.params as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join('/') : (v ?? '');
}

/**
 * `GET path` (a list) and `GET path/count` over one query schema, the shape of most of Camunda's
 * query endpoints: the list takes paging and sorting, the count only the filters.
 */
export function listAndCount<S extends z.ZodObject, T>(
  router: Router,
  path: string,
  schema: S,
  handlers: {
    list: (q: z.output<S>) => Promise<T[]>;
    count: (q: z.output<S>) => Promise<number>;
    toDto: (row: T, q: z.output<S>) => unknown;
  },
): void {
  router.get(path, async (req, res) => {
    const q = defined(parseQuery(schema, req.query));
    sendJson(
      res,
      200,
      (await handlers.list(q)).map((row) => handlers.toDto(row, q)),
    );
  });
  router.get(`${path}/count`, async (req, res) => {
    const q = filtersOnly(parseQuery(schema, req.query)) as z.output<S>;
    sendJson(res, 200, { count: await handlers.count(q) });
  });
}
