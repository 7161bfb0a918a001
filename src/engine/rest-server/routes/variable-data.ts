/** GET …/variables/{name}/data: the bytes of a Bytes or File variable, as Camunda streams them. */
import type { Response } from 'express';
import type { TypedValue } from '../../variables.js';
import { sendBytes } from '../wire/send.js';
import { invalidRequest } from './context.js';

export function sendVariableData(res: Response, value: TypedValue, resourceId: string): void {
  if (value.type === 'Bytes') {
    sendBytes(res, 'application/octet-stream', value.value ?? Buffer.alloc(0));
    return;
  }
  if (value.type === 'File') {
    const base = value.valueInfo.mimeType ?? 'application/octet-stream';
    // Camunda's JAX-RS writes the parameter without a space.
    const type = value.valueInfo.encoding ? `${base};charset=${value.valueInfo.encoding}` : base;
    sendBytes(res, type, value.value ?? Buffer.alloc(0), value.valueInfo.filename);
    return;
  }
  throw invalidRequest(400, `Value of variable with id ${resourceId} is not a binary value.`);
}
