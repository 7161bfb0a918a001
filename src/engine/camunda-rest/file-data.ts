/**
 * File variables over Camunda's REST API: Camunda never inlines a File's content in a variable
 * answer, so each is fetched from its own `…/data` resource.
 */
import type { TypedValue, VariableMap } from '../variables.js';
import type { CamundaHttp } from './http-client.js';
import { seg } from './http-client.js';

/** Fills in a File value's content from `path` (its `…/data` resource); other values pass unchanged. */
export type FileData = (path: string, v: TypedValue) => Promise<TypedValue>;

/** The {@link FileData} of one remote `/engine-rest`. */
export function fileDataOf(http: CamundaHttp): FileData {
  return async (path, v) =>
    v.type === 'File' ? { ...v, value: (await http.bytes('GET', path)) ?? Buffer.alloc(0) } : v;
}

/** A variable map read from `base` (e.g. `/task/{id}/variables`) with every File's content filled in. */
export async function withFiles(fileData: FileData, base: string, map: VariableMap): Promise<VariableMap> {
  const out: VariableMap = {};
  for (const [name, v] of Object.entries(map)) out[name] = await fileData(`${base}/${seg(name)}/data`, v);
  return out;
}
