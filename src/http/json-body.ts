/**
 * The JSON body parser every HTTP surface uses: body-parser (through express) with the policy's
 * size limit, then the policy's depth check, as one connect-style middleware that needs nothing
 * of express, so the `/engine-rest` router and its hot path run the very same parser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import {
  checkJsonBodyDepth,
  checkUtf8JsonDepth,
  MAX_JSON_BODY_BYTES,
  MAX_JSON_DEPTH,
} from './input-policy.js';

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
  const depth = options.depth ?? MAX_JSON_DEPTH;
  const parse = express.json({
    limit: options.limit ?? MAX_JSON_BODY_BYTES,
    type: options.type ?? ['application/json', 'application/*+json'],
    // UTF-8 (nearly every body) is checked in its raw bytes, so a hostile nest is never built;
    // the error keeps its own status through body-parser (http-errors reuses `status`).
    verify: (req, _res, buf, encoding) => {
      if (encoding === 'utf-8' || encoding === 'utf8') {
        checkUtf8JsonDepth(buf, depth);
        (req as { depthChecked?: boolean }).depthChecked = true;
      }
    },
  }) as unknown as PlainMiddleware;
  return (req, res, next) =>
    parse(req, res, (err) => {
      if (err) return next(err);
      if ((req as { depthChecked?: boolean }).depthChecked) return next();
      try {
        checkJsonBodyDepth((req as { body?: unknown }).body, depth);
      } catch (policyError) {
        return next(policyError);
      }
      next();
    });
}
