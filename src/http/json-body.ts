/**
 * The JSON body parser every HTTP surface uses: body-parser (through express) with the policy's
 * size limit, then the policy's depth check, as one connect-style middleware that needs nothing
 * of express, so the `/engine-rest` router and its hot path run the very same parser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { checkJsonBodyDepth, MAX_JSON_BODY_BYTES, MAX_JSON_DEPTH } from './input-policy.js';

/** A connect-style middleware that needs nothing of express. */
export type PlainMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/** Options of {@link jsonBodyParser}; the defaults are the policy's. */
export interface JsonBodyOptions {
  /** Largest body in bytes (413 beyond). */
  limit?: number;
  /** Deepest nesting (400 beyond). */
  depth?: number;
  /** Media types parsed. Default `application/json` and `application/*+json`. */
  type?: string[];
}

/**
 * Parses a JSON body into `req.body` (body-parser's errors pass to `next` with their `type`), then
 * refuses a body nested deeper than the limit with an {@link InputPolicyError}.
 */
export function jsonBodyParser(options: JsonBodyOptions = {}): PlainMiddleware {
  const parse = express.json({
    limit: options.limit ?? MAX_JSON_BODY_BYTES,
    type: options.type ?? ['application/json', 'application/*+json'],
  }) as unknown as PlainMiddleware;
  const depth = options.depth ?? MAX_JSON_DEPTH;
  return (req, res, next) =>
    parse(req, res, (err) => {
      if (err) return next(err);
      try {
        checkJsonBodyDepth((req as { body?: unknown }).body, depth);
      } catch (policyError) {
        return next(policyError);
      }
      next();
    });
}
