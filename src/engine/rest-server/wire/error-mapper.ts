/**
 * Maps anything a handler throws to Camunda's error body `{ type, message, code }` and status.
 * Port errors carry their Camunda type and status; the REST layer's own {@link RestError}s carry
 * theirs, the input policy's refusals (too deep, too large) theirs; body-parser failures
 * (malformed or oversized JSON) become 4xx, never 500. Only a real
 * bug reaches the last branch, and its message is not echoed (it could contain request data).
 */
import { EngineError, InvalidRequestError, ParseError } from '../../errors/index.js';
import { InputPolicyError } from '../../../http/input-policy.js';
import { RestError } from './rest-error.js';

/** Camunda's error body; `code` is Camunda 7.20+'s numeric exception code (null when it has none). */
export interface WireErrorBody {
  type: string;
  message: string;
  code: number | null;
  details?: unknown;
}

/** An error as it goes on the wire: status, body, and whether it was a bug (then it is logged). */
export interface WireError {
  status: number;
  body: WireErrorBody;
  /** True for bugs: the caller logs them. */
  internal: boolean;
}

/** Camunda's BuiltinExceptionCode: FALLBACK (0) for every engine exception, OPTIMISTIC_LOCKING = 1. */
function causeCode(err: EngineError): number {
  return err.camundaType === 'OptimisticLockingException' ? 1 : 0;
}

/** An engine error's own code: none for the REST layer's exception types. */
function engineCode(err: EngineError): number | null {
  if (err.camundaType === 'InvalidRequestException' || err.camundaType === 'RestException') return null;
  return causeCode(err);
}

/** body-parser's errors are plain errors with `type` and `status`. */
interface HttpishError {
  type?: unknown;
  status?: unknown;
  limit?: unknown;
}

/** Maps anything a handler threw to Camunda's status and body. */
export function toWireError(err: unknown): WireError {
  if (err instanceof RestError) {
    // Camunda's REST layer wraps engine exceptions (always code 0, or 1 for optimistic locking).
    const cause =
      err.cause instanceof EngineError && !(err.cause instanceof InvalidRequestError)
        ? causeCode(err.cause)
        : null;
    return {
      status: err.status,
      body: { type: err.camundaType, message: err.message, code: cause },
      internal: false,
    };
  }
  if (err instanceof InputPolicyError) {
    // The input policy's refusals are the REST layer's own: Camunda's InvalidRequestException.
    return {
      status: err.status,
      body: { type: 'InvalidRequestException', message: err.message, code: null },
      internal: false,
    };
  }
  if (err instanceof ParseError) {
    return {
      status: 400,
      body: { type: 'ParseException', message: err.message, code: 0, details: err.details },
      internal: false,
    };
  }
  if (err instanceof EngineError) {
    return {
      status: err.httpStatus,
      body: { type: err.camundaType, message: err.message, code: engineCode(err) },
      internal: false,
    };
  }
  const bodyError = fromBodyParser(err as HttpishError);
  if (bodyError) return bodyError;
  return {
    status: 500,
    body: { type: 'RestException', message: 'Internal server error', code: null },
    internal: true,
  };
}

function fromBodyParser(err: HttpishError | null | undefined): WireError | null {
  if (!err || typeof err !== 'object' || typeof err.type !== 'string' || typeof err.status !== 'number')
    return null;
  const invalid = (status: number, message: string): WireError => ({
    status,
    body: { type: 'InvalidRequestException', message, code: null },
    internal: false,
  });
  switch (err.type) {
    case 'entity.parse.failed':
      return invalid(400, 'The request body is not valid JSON');
    case 'entity.too.large':
      return invalid(413, `The request body is larger than the limit of ${String(err.limit)} bytes`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return invalid(415, 'The request body must be UTF-8 encoded JSON');
    case 'request.aborted':
    case 'request.size.invalid':
      return invalid(400, 'The request body was incomplete');
    default:
      return err.status >= 400 && err.status < 500
        ? invalid(err.status, 'The request body could not be read')
        : null;
  }
}
