/**
 * multipart/form-data bodies (POST /deployment/create) through busboy, with limits on each part
 * and on the number of parts. A part over its limit ends the upload with a 413 that names it, and
 * nothing reaches the engine: the whole body is read before anything is deployed.
 */
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { RestError } from './rest-error.js';

/** Size limits of a multipart upload. */
export interface MultipartLimits {
  /** Bytes per file part (a resource). */
  fileBytes: number;
  /** Bytes per text field. */
  fieldBytes: number;
  /** File parts plus fields. */
  parts: number;
}

export const DEFAULT_MULTIPART_LIMITS: MultipartLimits = {
  fileBytes: 5 * 1024 * 1024,
  fieldBytes: 64 * 1024,
  parts: 100,
};

/** One uploaded file part. */
export interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A whole multipart upload: its text fields and its files, in order. */
export interface MultipartBody {
  /** Text fields by name (the last value wins, as Camunda's part map does). */
  fields: Map<string, string>;
  files: FilePart[];
}

const tooLarge = (what: string, limit: number): RestError =>
  new RestError(413, 'InvalidRequestException', `${what} is larger than the limit of ${limit} bytes`, {
    field: what,
  });

const malformed = (): RestError =>
  new RestError(400, 'InvalidRequestException', 'The multipart body is malformed or incomplete');

/** busboy for `req`, or a 400 when the Content-Type has no usable boundary. */
function createParser(req: IncomingMessage, limits: MultipartLimits): busboy.Busboy {
  try {
    return busboy({
      headers: req.headers,
      // Keep `../` in file names so they are refused with a 400 rather than silently shortened.
      preservePath: true,
      // busboy signals `partsLimit` on reaching the count, so one more lets exactly `parts` through.
      limits: {
        fileSize: limits.fileBytes,
        fieldSize: limits.fieldBytes,
        parts: limits.parts + 1,
        fieldNameSize: 255,
      },
    });
  } catch {
    throw new RestError(
      400,
      'InvalidRequestException',
      'The request must be multipart/form-data with a boundary',
    );
  }
}

/** Collects one file part; resolves once the part has ended. */
function readFile(
  name: string,
  stream: NodeJS.ReadableStream & { on(event: 'limit', cb: () => void): unknown },
  info: busboy.FileInfo,
  limits: MultipartLimits,
  fail: (err: RestError) => void,
): Promise<FilePart> {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('limit', () => fail(tooLarge(`Resource '${info.filename ?? name}'`, limits.fileBytes)));
  stream.on('error', () => fail(malformed()));
  return new Promise((done) =>
    stream.on('end', () =>
      done({
        field: name,
        filename: info.filename ?? '',
        contentType: info.mimeType,
        content: Buffer.concat(chunks),
      }),
    ),
  );
}

/** Reads the whole multipart body of `req`, or rejects with a 4xx {@link RestError}. */
export function parseMultipart(
  req: IncomingMessage,
  limits: MultipartLimits = DEFAULT_MULTIPART_LIMITS,
): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = createParser(req, limits);
    } catch (err) {
      reject(err);
      return;
    }
    const fields = new Map<string, string>();
    const files: Promise<FilePart>[] = [];
    let failure: RestError | null = null;
    const fail = (err: RestError): void => {
      if (failure) return;
      failure = err;
      // Keep draining so the client sees our answer rather than a reset connection.
      req.unpipe(parser);
      req.resume();
      reject(err);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(tooLarge(`Form field '${name}'`, limits.fieldBytes));
      else fields.set(name, value);
    });
    parser.on('file', (name, stream, info) => files.push(readFile(name, stream, info, limits, fail)));
    parser.on('partsLimit', () =>
      fail(new RestError(413, 'InvalidRequestException', `More than ${limits.parts} form parts`)),
    );
    parser.on('error', () => fail(malformed()));
    parser.on(
      'close',
      () => void Promise.all(files).then((parts) => !failure && resolve({ fields, files: parts })),
    );
    req.pipe(parser);
  });
}
