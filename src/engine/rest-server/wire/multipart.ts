/**
 * multipart/form-data bodies (POST /deployment/create) through busboy, within the input policy's
 * limits (`src/http/input-policy.ts`): bytes per file part and per text field, the number of parts,
 * and the upload as a whole, counted while it streams. The first limit broken ends the upload with
 * a 413 that names it: nothing more is parsed or kept, the rest of the body is discarded for a
 * moment so the client can read the answer, then the connection is closed. Nothing reaches the
 * engine: the whole body is read before anything is deployed.
 */
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import {
  InputPolicyError,
  MAX_FIELD_BYTES,
  MAX_MULTIPART_PARTS,
  MAX_PART_BYTES,
  MAX_UPLOAD_BYTES,
  shownField,
} from '../../../http/input-policy.js';
import { RestError } from './rest-error.js';

/** Size limits of a multipart upload. */
export interface MultipartLimits {
  /** Bytes per file part (a resource). */
  fileBytes: number;
  /** Bytes per text field. */
  fieldBytes: number;
  /** File parts plus fields. */
  parts: number;
  /** Bytes of the whole body (boundaries and part headers included). */
  totalBytes: number;
}

/** The input policy's numbers. */
export const DEFAULT_MULTIPART_LIMITS: MultipartLimits = {
  fileBytes: MAX_PART_BYTES,
  fieldBytes: MAX_FIELD_BYTES,
  parts: MAX_MULTIPART_PARTS,
  totalBytes: MAX_UPLOAD_BYTES,
};

/**
 * How much of a refused upload is still read and discarded (at most this long and this many bytes)
 * before the connection is closed: enough for a client that is still sending to read the answer.
 */
export const LINGER = { ms: 2_000, bytes: 8 * 1024 * 1024 };

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

const uploadTooLarge = (limit: number): InputPolicyError =>
  new InputPolicyError(
    'UPLOAD_TOO_LARGE',
    413,
    '(upload)',
    limit,
    `The upload is larger than the limit of ${limit} bytes`,
  );

const partTooLarge = (code: 'PART_TOO_LARGE' | 'FIELD_TOO_LARGE', what: string, limit: number) =>
  new InputPolicyError(code, 413, what, limit, `${what} is larger than the limit of ${limit} bytes`);

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
  fail: (err: Error) => void,
): Promise<FilePart> {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('limit', () => {
    chunks.length = 0;
    fail(partTooLarge('PART_TOO_LARGE', `Resource '${shownField(info.filename ?? name)}'`, limits.fileBytes));
  });
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

/**
 * After a refusal: read and discard at most {@link LINGER} more of the body (a client that is
 * still sending would otherwise miss the answer in a reset), then close the connection.
 */
function stopReading(req: IncomingMessage): void {
  if (req.complete) return;
  let discarded = 0;
  const close = () => {
    clearTimeout(timer);
    req.socket.destroy();
  };
  const timer = setTimeout(close, LINGER.ms);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER.bytes) close();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/** Reads the whole multipart body of `req`, or rejects with a 4xx error (RestError or InputPolicyError). */
export function parseMultipart(
  req: IncomingMessage,
  limits: MultipartLimits = DEFAULT_MULTIPART_LIMITS,
): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    let failure: Error | null = null;
    const fail = (err: Error): void => {
      if (failure) return;
      failure = err;
      stopReading(req);
      reject(err);
    };
    if (Number(req.headers['content-length'] ?? 0) > limits.totalBytes) {
      fail(uploadTooLarge(limits.totalBytes));
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = createParser(req, limits);
    } catch (err) {
      fail(err as Error);
      return;
    }
    collect(parser, limits, fail, (body) => !failure && resolve(body));
    feed(req, parser, limits.totalBytes, () => failure !== null, fail);
  });
}

/** Collects the parser's fields and files; `done` gets them once the body has ended. */
function collect(
  parser: busboy.Busboy,
  limits: MultipartLimits,
  fail: (err: Error) => void,
  done: (body: MultipartBody) => void,
): void {
  const fields = new Map<string, string>();
  const files: Promise<FilePart>[] = [];
  parser.on('field', (name, value, info) => {
    if (info.valueTruncated)
      fail(partTooLarge('FIELD_TOO_LARGE', `Form field '${shownField(name)}'`, limits.fieldBytes));
    else fields.set(name, value);
  });
  parser.on('file', (name, stream, info) => files.push(readFile(name, stream, info, limits, fail)));
  parser.on('partsLimit', () =>
    fail(
      new InputPolicyError(
        'TOO_MANY_PARTS',
        413,
        '(upload)',
        limits.parts,
        `More than ${limits.parts} form parts`,
      ),
    ),
  );
  parser.on('error', () => fail(malformed()));
  parser.on('close', () => void Promise.all(files).then((parts) => done({ fields, files: parts })));
}

/**
 * Writes the body into the parser, counting it: past `total` bytes the upload fails and nothing
 * more is written. Honours the parser's back-pressure, so memory holds one chunk in flight.
 */
function feed(
  req: IncomingMessage,
  parser: busboy.Busboy,
  total: number,
  failed: () => boolean,
  fail: (err: Error) => void,
): void {
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    if (failed()) return;
    received += chunk.length;
    if (received > total) return fail(uploadTooLarge(total));
    if (!parser.write(chunk)) {
      req.pause();
      parser.once('drain', () => !failed() && req.resume());
    }
  });
  req.on('end', () => !failed() && parser.end());
  req.on('aborted', () => fail(malformed()));
}
