/**
 * Reading a process owner's upload for `POST /deployments`: multipart/form-data as
 * `/engine-rest/deployment/create` takes it (the same parser and the input policy's limits: 413 for
 * a part, a field or the whole upload over its size, or too many parts), then each diagram's checks
 * before anything reaches the engine: a `.bpmn` file name, UTF-8 text without DOCTYPE or ENTITY
 * declarations (XXE, billion laughs), XML that bpmn-moddle reads, and process keys that belong to a
 * known partnership.
 */
import type { Request } from 'express';
import { createModdle, type ModdleTree } from '../../../processes/bpmn-moddle.js';
import { decodeText, findDeclaration } from '../../engine/deploy/guard.js';
import { parseMultipart } from '../../engine/rest-server/wire/multipart.js';
import { RestError } from '../../engine/rest-server/wire/rest-error.js';
import { resourceNameProblem, shownField } from '../../http/input-policy.js';
import { ApiProblem, badRequest, type FieldError } from '../http/problem.js';

/** Fields `/engine-rest/deployment/create` takes that the server sets here. */
const SET_BY_SERVER = ['deployment-source', 'tenant-id', 'deployment-activation-time'];
const FLAGS = ['deployment-name', 'enable-duplicate-filtering', 'deploy-changed-only'];
/** How an error names a part sent without a name. */
const UNNAMED = '(unnamed part)';

/** One uploaded diagram, read and checked. */
export interface UploadedDiagram {
  name: string;
  content: Buffer;
  xml: string;
  /** Its executable processes' ids (the process keys). */
  keys: string[];
}

export interface Upload {
  /** `deployment-name`, if given. */
  name: string | null;
  enableDuplicateFiltering: boolean;
  deployChangedOnly: boolean;
  diagrams: UploadedDiagram[];
}

/** Camunda reads these booleans with Java's Boolean.parseBoolean: only "true" (any case) is true. */
const javaBoolean = (v: string | undefined): boolean => v?.toLowerCase() === 'true';

/** Reads and checks the whole upload; a 4xx problem naming each bad part otherwise. */
export async function readUpload(req: Request): Promise<Upload> {
  if (!req.is('multipart/form-data'))
    throw new ApiProblem(415, 'Unsupported media type', 'Send the diagrams as multipart/form-data.');
  const body = await parseMultipart(req).catch((error: unknown) => {
    // The parser's own 400s (no boundary, a malformed or cut-off body) become problems here.
    if (error instanceof RestError) throw badRequest([{ path: '(upload)', message: error.message }]);
    throw error;
  });
  const errors: FieldError[] = [];
  for (const field of body.fields.keys()) {
    // A part named "" reaches us without a name (busboy): refused by what it is, not read as text.
    if (typeof field !== 'string' || field === '')
      errors.push({ path: UNNAMED, message: 'is a part without a name' });
    else if (SET_BY_SERVER.includes(field))
      errors.push({ path: field, message: 'is set by the server for deployments made here' });
    else if (!FLAGS.includes(field))
      errors.push({ path: shownField(field), message: 'is not a field this takes' });
  }
  const name = body.fields.get('deployment-name') ?? null;
  if (name !== null && (name.trim() === '' || name.length > 255))
    errors.push({ path: 'deployment-name', message: 'must have 1 to 255 characters' });
  const seen = new Set<string>();
  const diagrams: UploadedDiagram[] = [];
  for (const file of body.files) {
    const path = shownField(file.filename || file.field || UNNAMED);
    const problem = fileProblem(file.filename, seen);
    if (problem) {
      errors.push({ path, message: problem });
      continue;
    }
    seen.add(file.filename);
    const read = await readDiagram(file.filename, file.content);
    if (typeof read === 'string') errors.push({ path, message: read });
    else diagrams.push(read);
  }
  if (body.files.length === 0) errors.push({ path: '(upload)', message: 'has no diagram (.bpmn) file' });
  if (errors.length) throw badRequest(errors, 'The upload cannot be deployed as it is.');
  return {
    name,
    enableDuplicateFiltering: javaBoolean(body.fields.get('enable-duplicate-filtering')),
    deployChangedOnly: javaBoolean(body.fields.get('deploy-changed-only')),
    diagrams,
  };
}

function fileProblem(filename: string, seen: ReadonlySet<string>): string | null {
  if (!filename) return 'is not a file (no file name)';
  const nameProblem = resourceNameProblem(filename);
  if (nameProblem) return nameProblem;
  if (!filename.endsWith('.bpmn'))
    return 'is not a diagram: only .bpmn files are deployed here (forms come with npm start)';
  if (seen.has(filename)) return 'appears twice in the upload';
  return null;
}

/** The diagram's text and process keys, or what is wrong with it. */
async function readDiagram(name: string, content: Buffer): Promise<UploadedDiagram | string> {
  const xml = decodeText(content);
  if (xml === null) return 'is not UTF-8 text';
  const declaration = findDeclaration(xml);
  if (declaration)
    return `has a ${declaration.keyword} declaration (line ${declaration.position.line}), which a diagram never needs`;
  let root: ModdleTree;
  try {
    root = (await createModdle().fromXML(xml)).rootElement;
  } catch {
    return 'is not a BPMN 2.0 diagram that can be read';
  }
  const keys = ((root?.rootElements ?? []) as { $type: string; id: string; isExecutable?: boolean }[])
    .filter((e) => e.$type === 'bpmn:Process' && e.isExecutable !== false)
    .map((e) => e.id);
  if (keys.length === 0) return 'has no executable process';
  return { name, content, xml, keys };
}
