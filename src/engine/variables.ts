/**
 * Typed process variables as the engine port carries them. The shapes follow Camunda 7's
 * `{ value, type, valueInfo }`, with native JavaScript values where Camunda has Java ones:
 * Date for `Date`, Buffer for `Bytes` and `File`. Json and Object keep their serialized
 * string, as Camunda 7's REST API returns them, so a value round-trips byte for byte.
 */
export type TypedValue =
  | { type: 'String'; value: string | null; valueInfo?: Record<string, never> }
  | { type: 'Boolean'; value: boolean | null; valueInfo?: Record<string, never> }
  | { type: 'Integer' | 'Long' | 'Short' | 'Double'; value: number | null; valueInfo?: Record<string, never> }
  | { type: 'Date'; value: Date | null; valueInfo?: Record<string, never> }
  | { type: 'Null'; value: null; valueInfo?: Record<string, never> }
  | { type: 'Json'; value: string | null; valueInfo?: Record<string, never> }
  | { type: 'Object'; value: string | null; valueInfo: ObjectValueInfo }
  | { type: 'Bytes'; value: Buffer | null; valueInfo?: Record<string, never> }
  | { type: 'File'; value: Buffer | null; valueInfo: FileValueInfo };

/** Object variables are accepted only as JSON, the one format both engines can read without Java classes. */
export interface ObjectValueInfo {
  objectTypeName: string;
  serializationDataFormat: 'application/json';
}

/** Metadata of a File variable (a generated document). */
export interface FileValueInfo {
  filename: string;
  mimeType?: string;
  encoding?: string;
}

/** Every type name the engine accepts, capitalised as Camunda returns it. */
export const VARIABLE_TYPES = [
  'String',
  'Boolean',
  'Integer',
  'Long',
  'Short',
  'Double',
  'Date',
  'Null',
  'Json',
  'Object',
  'Bytes',
  'File',
] as const;

export type VariableTypeName = (typeof VARIABLE_TYPES)[number];

/** Variables by name. */
export type VariableMap = Record<string, TypedValue>;
