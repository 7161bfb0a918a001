/**
 * Errors as RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`,
 * `detail`, and for bad input `errors: [{ path, message }]` naming each field. A thrown
 * {@link ApiProblem} is answered as is; body-parser's and the input policy's errors become 4xx; any
 * other error is a 500 that says nothing about its cause (the log has the error's name, never data).
 */
import type { ErrorRequestHandler } from 'express';
import { InputPolicyError } from '../../http/input-policy.js';
import type { Logger } from '../../log/logger.js';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }
}

export const badRequest = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new ApiProblem(400, 'Bad request', detail, errors);
export const unauthorized = (detail = 'Sign in, or send a personal access token.') =>
  new ApiProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new ApiProblem(403, 'Forbidden', detail);
/** Also what a user gets for an escalation they may not see: existence does not leak. */
export const notFound = (detail = 'There is nothing here.') => new ApiProblem(404, 'Not found', detail);
export const conflict = (detail: string) => new ApiProblem(409, 'Conflict', detail);

const TYPE_BASE = 'https://escalations.example.org/problems/';

export function problemBody(p: ApiProblem): Record<string, unknown> {
  return {
    type: `${TYPE_BASE}${p.title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    title: p.title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    ...(p.errors ? { errors: p.errors } : {}),
  };
}

/** Turns anything thrown into a problem answer; never a stack or a value in the body. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const problem = toProblem(error);
    if (problem.status >= 500) {
      logger.error('api request failed', {
        method: req.method,
        route: req.route?.path ?? req.path.replace(/[^/]{20,}/g, ':id'),
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
    res
      .status(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify(problemBody(problem)));
  };
}

const bodyProblem = (status: number, title: string, detail: string, message: string) =>
  new ApiProblem(status, title, detail, [{ path: 'body', message }]);

function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof InputPolicyError) {
    return new ApiProblem(
      error.status,
      error.status === 413 ? 'Payload too large' : 'Bad request',
      error.message,
      [{ path: error.field, message: error.message }],
    );
  }
  // body-parser's refusals name the body itself as the field, like every other 4xx.
  const parser = error as { type?: string; status?: number };
  if (parser.type === 'entity.too.large')
    return bodyProblem(413, 'Payload too large', 'The body is larger than 1 MiB.', 'is larger than 1 MiB');
  if (parser.type === 'entity.parse.failed')
    return bodyProblem(
      400,
      'Bad request',
      'The body is not valid JSON.',
      'is not valid JSON (an object or an array)',
    );
  if (typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500)
    return bodyProblem(parser.status, 'Bad request', 'The request cannot be read.', 'cannot be read');
  return new ApiProblem(500, 'Internal server error', 'Something went wrong on our side.');
}
