/**
 * Response writers. Camunda's official client parses a body only when `Content-Type` is exactly
 * `application/json`; express's `res.json`/`res.set` append `; charset=utf-8`, so we set the
 * header through Node's raw `setHeader` and end the response ourselves.
 */
import type { ServerResponse } from 'node:http';

export const JSON_TYPE = 'application/json';

/** Writes `body` as JSON with the exact content type Camunda uses. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', JSON_TYPE);
  // As Camunda: answers reflect the engine's state at that moment and must not be cached.
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Length', payload.length);
  res.end(payload);
}

/** 204 No Content, Camunda's answer to a successful command. */
export function sendNoContent(res: ServerResponse): void {
  res.statusCode = 204;
  res.end();
}

/** Raw bytes (resource data, file variables) with the given content type. */
export function sendBytes(res: ServerResponse, contentType: string, data: Buffer, filename?: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', data.length);
  if (filename)
    res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"`);
  res.end(data);
}
