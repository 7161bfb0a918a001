/**
 * Routes declared once with their zod schemas: the registry mounts each on the router (validating
 * params, query and body) and builds the OpenAPI 3.1 document at `/api/openapi.json` from the very
 * same schemas (zod's JSON Schema output is 2020-12, OpenAPI 3.1's dialect).
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { parseInput } from '../http/validate.js';
import { ApiProblem, badRequest, type FieldError } from '../http/problem.js';

type Method = 'get' | 'post' | 'put' | 'delete';

/** One route: how it is called, what it takes and answers, and its handler. */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** Express path under /api/v1, e.g. `/escalations/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** `none`: no authentication (health, sign-in). */
  auth?: 'user' | 'none';
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A request body the handler reads itself (e.g. `multipart/form-data`), documented only; the
   * registry neither parses nor validates it.
   */
  rawBody?: { mediaType: string; schema: z.ZodType; description?: string };
  /**
   * Status → JSON schema of the answer (or a media type for files); `alternatives` are further
   * media types of the same answer (e.g. a PDF, or its data as JSON with `?format=json`).
   */
  responses: Record<
    number,
    {
      description: string;
      schema?: z.ZodType;
      mediaType?: string;
      alternatives?: { mediaType: string; schema?: z.ZodType }[];
    }
  >;
  handler: (
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
    req: Request,
    res: Response,
  ) => Promise<unknown>;
}

export class RouteRegistry {
  readonly router = Router();
  private readonly paths: Record<string, Record<string, unknown>> = {};

  constructor(private readonly authenticate: RequestHandler) {}

  add<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
    spec: RouteSpec<P, Q, B>,
  ): void {
    const handlers: RequestHandler[] = spec.auth === 'none' ? [] : [this.authenticate];
    handlers.push(async (req, res) => {
      const input = parseAll(spec, req) as { params: z.output<P>; query: z.output<Q>; body: z.output<B> };
      const answer = await spec.handler(input, req, res);
      if (!res.headersSent) {
        if (answer === undefined) res.status(204).end();
        else res.status(firstSuccess(spec)).json(answer);
      }
    });
    this.router[spec.method](spec.path, ...handlers);
    this.document(spec);
  }

  /** The OpenAPI 3.1 document of every route added. */
  openApi(info: { title: string; version: string; description: string }): unknown {
    return {
      openapi: '3.1.0',
      info,
      servers: [{ url: '/api/v1' }],
      components: {
        securitySchemes: {
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal access token (npx escalation tokens create)',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'escalations_session',
            description: 'POST /session; writes need X-CSRF-Token',
          },
        },
      },
      paths: this.paths,
    };
  }

  private document(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>): void {
    const path = spec.path.replace(/:([A-Za-z]+)(\.[a-z]+)?/g, '{$1}$2');
    const parameters = [
      ...objectFields(spec.params).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
      ...objectFields(spec.query).map(([name, schema, required]) => ({
        name,
        in: 'query',
        required,
        schema,
      })),
    ];
    (this.paths[path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.auth === 'none' ? { security: [] } : { security: [{ token: [] }, { session: [] }] }),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              // No body is read as `{}`: a schema that takes `{}` may be sent without one.
              required: !spec.body.safeParse({}).success,
              content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
            },
          }
        : {}),
      ...(spec.rawBody
        ? {
            requestBody: {
              required: true,
              ...(spec.rawBody.description ? { description: spec.rawBody.description } : {}),
              content: { [spec.rawBody.mediaType]: { schema: jsonSchema(spec.rawBody.schema, 'input') } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(spec.responses).map(([status, r]) => [status, responseObject(r)]),
      ),
    };
  }
}

/** One documented answer: its description and, per media type, its schema (if any). */
function responseObject(r: RouteSpec<z.ZodType, z.ZodType, z.ZodType>['responses'][number]): unknown {
  const content: Record<string, unknown> = {};
  for (const c of [{ mediaType: r.mediaType, schema: r.schema }, ...(r.alternatives ?? [])]) {
    if (!c.schema && !c.mediaType) continue;
    content[c.mediaType ?? 'application/json'] = c.schema ? { schema: jsonSchema(c.schema, 'output') } : {};
  }
  return { description: r.description, ...(Object.keys(content).length ? { content } : {}) };
}

const NO_BODY = z.object({}).strict();

/** The request's params, query and body parsed; one 400 naming every bad field of all three. */
function parseAll(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>, req: Request): Record<string, unknown> {
  const errors: FieldError[] = [];
  const parse = (schema: z.ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body') => {
    if (!schema) return {};
    try {
      return parseInput(schema, value, where);
    } catch (error) {
      if (!(error instanceof ApiProblem) || !error.errors) throw error;
      errors.push(...error.errors);
      return undefined;
    }
  };
  const input = {
    params: parse(spec.params, req.params, 'params'),
    query: parse(spec.query, req.query, 'query'),
    // A route that takes no body refuses one with fields (400 naming them) rather than drop them unread.
    body: spec.rawBody ? {} : parse(spec.body ?? NO_BODY, req.body ?? {}, 'body'),
  };
  if (errors.length) throw badRequest(errors);
  return input;
}

function firstSuccess(spec: { responses: Record<number, unknown> }): number {
  return Number(Object.keys(spec.responses).find((s) => s.startsWith('2')) ?? 200);
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** The fields of an object schema as [name, JSON schema, required]. */
function objectFields(schema: z.ZodType | undefined): [string, unknown, boolean][] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => [
    name,
    s,
    (json.required ?? []).includes(name),
  ]);
}
