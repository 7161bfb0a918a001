/**
 * Generated uploads for `POST /deployments` (multipart/form-data, encoded here byte by byte so the
 * envelope itself can be broken): a process owner's real diagram, its XML mutated (cut off, bytes
 * changed, a DOCTYPE or ENTITY declaration, a process key of no partnership or of another one, the
 * lint rule's historyTimeToLive removed, not UTF-8, empty), file names a deployment must refuse,
 * fields the server sets or does not take, and envelopes that are not multipart at all (no
 * boundary, another media type, cut off, too many parts, LF line ends).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { REPOSITORY_ROOT } from '../../../processes/catalogue.js';
import type { BodyCase } from './bodies.js';

const LIVERPOOL = readFileSync(join(REPOSITORY_ROOT, 'processes/liverpool/escalation.bpmn'), 'utf8');
const WILTSHIRE_KEY = (/<bpmn:process id="([^"]+)"/.exec(
  readFileSync(join(REPOSITORY_ROOT, 'processes/wiltshire/escalation.bpmn'), 'utf8'),
) ?? [])[1]!;

/** One part of the upload. */
interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: Buffer;
}

/** An upload as the test sends it: a body case whose text is the encoded bytes. */
export interface UploadCase {
  body: BodyCase;
  /** The raw bytes (BodyCase.text is only for the failure message). */
  bytes: Buffer;
}

const BOUNDARY = '----fuzz7d9a3c';

function encode(parts: Part[], boundary = BOUNDARY, eol = '\r\n'): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition =
      `Content-Disposition: form-data; name="${p.name}"` +
      (p.filename !== undefined ? `; filename="${p.filename}"` : '');
    const type = p.contentType ? `${eol}Content-Type: ${p.contentType}` : '';
    chunks.push(
      Buffer.from(`--${boundary}${eol}${disposition}${type}${eol}${eol}`),
      p.content,
      Buffer.from(eol),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--${eol}`));
  return Buffer.concat(chunks);
}

const xmlMutations: fc.Arbitrary<[string, (xml: string) => Buffer]> = fc.oneof(
  {
    // Weighted low: an upload that reads as a diagram is linted (about 0.3 s of CPU each), and a
    // thousand of them would make the run long without trying anything new.
    arbitrary: fc.constant<[string, (x: string) => Buffer]>(['unchanged', (x) => Buffer.from(x)]),
    weight: 1,
  },
  {
    arbitrary: fc
      .nat({ max: LIVERPOOL.length - 1 })
      .map((n): [string, (x: string) => Buffer] => [`cut at ${n}`, (x) => Buffer.from(x.slice(0, n))]),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.nat({ max: LIVERPOOL.length - 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }))
      .map(([at, s]): [string, (x: string) => Buffer] => [
        `"${s}" at ${at}`,
        (x) => Buffer.from(x.slice(0, at) + s + x.slice(at)),
      ]),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom<[string, (x: string) => Buffer]>(
      [
        'DOCTYPE',
        (x) => Buffer.from(x.replace('?>', '?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>')),
      ],
      [
        'billion laughs',
        (x) => Buffer.from(x.replace('?>', '?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>')),
      ],
      ['unknown process key', (x) => Buffer.from(x.replaceAll('LiverpoolEscalation', 'NoSuchProcess'))],
      ['another partnership’s key', (x) => Buffer.from(x.replaceAll('LiverpoolEscalation', WILTSHIRE_KEY))],
      ['no historyTimeToLive', (x) => Buffer.from(x.replace(' camunda:historyTimeToLive="2190"', ''))],
      ['not executable', (x) => Buffer.from(x.replace('isExecutable="true"', 'isExecutable="false"'))],
      ['latin-1', (x) => Buffer.from(x.replace('Liverpool LSCB', 'Liverpool LSCB é'), 'latin1')],
      ['UTF-16', (x) => Buffer.from(x, 'utf16le')],
      ['byte order mark', (x) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(x)])],
      ['empty', () => Buffer.alloc(0)],
      ['not XML', () => Buffer.from('{"bpmn": true}')],
      ['HTML', () => Buffer.from('<html><body><script>alert(1)</script></body></html>')],
      ['other root', () => Buffer.from('<?xml version="1.0"?><definitions xmlns="urn:x"/>')],
      ['deeply nested', () => Buffer.from('<a>'.repeat(20_000) + '</a>'.repeat(20_000))],
    ),
    weight: 5,
  },
);

const filenames = fc.oneof(
  { arbitrary: fc.constant('escalation.bpmn'), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      '',
      'escalation.xml',
      'escalation.bpmn.exe',
      '../escalation.bpmn',
      '/etc/escalation.bpmn',
      '.hidden.bpmn',
      'a\\b.bpmn',
      'processes/liverpool/escalation.bpmn',
      'é😀.bpmn',
      `${'n'.repeat(300)}.bpmn`,
      'x"; name="y.bpmn',
      'forms.form',
    ),
    weight: 2,
  },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => `${s}.bpmn`), weight: 1 },
);

const someFields: fc.Arbitrary<[string, string][]> = fc.array(
  fc.oneof(
    fc.tuple(
      fc.constant('deployment-name'),
      fc.constantFrom('Liverpool review', '', ' ', 'x'.repeat(300), 'é😀'),
    ),
    fc.tuple(
      fc.constantFrom('enable-duplicate-filtering', 'deploy-changed-only'),
      fc.constantFrom('true', 'false', 'TRUE', 'yes', '', '1'),
    ),
    fc.tuple(
      fc.constantFrom(
        'deployment-source',
        'tenant-id',
        'deployment-activation-time',
        '__proto__',
        'constructor',
      ),
      fc.string({ maxLength: 10 }),
    ),
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 20 })),
    // A part named "": the parser hands it over without a name (once a 500).
    fc.tuple(fc.constant(''), fc.constantFrom('null', '')),
  ),
  { maxLength: 3 },
);
const fields = fc.oneof(
  { arbitrary: fc.constant<[string, string][]>([]), weight: 3 },
  { arbitrary: someFields, weight: 2 },
);

/** Uploads whose envelope, field names and file names may be wrong (the diagram itself unchanged or changed). */
export const uploads: fc.Arbitrary<UploadCase> = fc
  .record({
    mutation: xmlMutations,
    filename: filenames,
    fields,
    changedOnly: fc.boolean(),
    second: fc.option(fc.constantFrom('escalation.bpmn', 'other.bpmn', 'form.form'), {
      freq: 8,
      nil: undefined,
    }),
    envelope: fc.oneof(
      { arbitrary: fc.constant('multipart'), weight: 12 },
      fc.constantFrom(
        'no boundary',
        'wrong boundary',
        'json',
        'text',
        'LF line ends',
        'no closing boundary',
        'too many parts',
      ),
      fc.nat({ max: 2000 }).map((n) => `cut at ${n}`),
    ),
  })
  .map((u): UploadCase => {
    const [what, mutate] = u.mutation;
    const parts: Part[] = u.fields.map(([name, value]) => ({ name, content: Buffer.from(value) }));
    if (u.changedOnly) parts.push({ name: 'deploy-changed-only', content: Buffer.from('true') });
    const content = mutate(LIVERPOOL);
    parts.push({ name: 'data', filename: u.filename, contentType: 'application/octet-stream', content });
    if (u.second) parts.push({ name: u.second, filename: u.second, content: Buffer.from(LIVERPOOL) });
    let bytes = encode(parts, BOUNDARY, u.envelope === 'LF line ends' ? '\n' : '\r\n');
    let contentType = `multipart/form-data; boundary=${BOUNDARY}`;
    if (u.envelope === 'no boundary') contentType = 'multipart/form-data';
    if (u.envelope === 'wrong boundary') contentType = 'multipart/form-data; boundary=other';
    if (u.envelope === 'json') contentType = 'application/json';
    if (u.envelope === 'text') contentType = 'text/plain';
    if (u.envelope === 'no closing boundary') bytes = bytes.subarray(0, bytes.length - BOUNDARY.length - 6);
    if (u.envelope.startsWith('cut at ')) bytes = bytes.subarray(0, Number(u.envelope.slice(7)));
    if (u.envelope === 'too many parts')
      bytes = encode([
        ...parts,
        ...Array.from({ length: 101 }, (_, i) => ({ name: `f${i}`, content: Buffer.from('x') })),
      ]);
    const label = `${u.envelope}; ${what}; file "${u.filename.slice(0, 40)}"; fields ${u.fields.map(([n]) => n.slice(0, 30)).join(',') || 'none'}${u.second ? `; and ${u.second}` : ''}`;
    const body: BodyCase = {
      kind: 'raw',
      text: undefined,
      contentType,
      touched: [],
      label,
      [fc.toStringMethod]: () => label,
    };
    return { body, bytes };
  });
