/**
 * Summarises a V8 `.cpuprofile`: per-task CPU by area (self time: the code that was on the CPU)
 * and the functions with the most self and total (inclusive) time. Idle time is left out.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
/** The subset of V8's profile format used here. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Native methods of better-sqlite3's Statement / Database (they appear without a script URL). */
const SQLITE_NATIVE = new Set(['run', 'get', 'all', 'iterate', 'exec', 'prepare', 'pragma']);

const AREAS: [string, (f: CallFrame) => boolean][] = [
  ['SQLite (better-sqlite3)', (f) => f.url.includes('better-sqlite3') || (f.url === '' && SQLITE_NATIVE.has(f.functionName))], // prettier-ignore
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['engine (src/engine/embedded)', (f) => f.url.includes('/src/engine/embedded/')],
  ['REST layer (src/engine/rest-server)', (f) => f.url.includes('/src/engine/rest-server/')],
  ['other src/', (f) => f.url.includes('/src/')],
  ['express, router, body parsing', (f) => /node_modules\/(express|router|body-parser|raw-body|type-is|content-type|iconv-lite|on-finished|finalhandler|path-to-regexp|qs|depd|send|mime|media-typer|accepts|negotiator|parseurl|statuses|encodeurl|http-errors|setprototypeof|vary|etag|fresh|range-parser|proxy-addr|forwarded|ipaddr|unpipe|debug|ms|merge-descriptors|cookie|content-disposition|utils-merge|methods|array-flatten|safe-buffer|bytes|toidentifier|inherits|ee-first|destroy|escape-html|serve-static|once|wrappy|is-promise|router|call-bind|get-intrinsic|side-channel|object-inspect|es-|function-bind|has-|hasown|gopd|math-intrinsics|dunder-proto|call-bound)/.test(f.url)], // prettier-ignore
  ['zod', (f) => f.url.includes('node_modules/zod')],
  ['luxon', (f) => f.url.includes('node_modules/luxon')],
  ['Node core (http, net, streams, timers)', (f) => f.url.startsWith('node:')],
  ['other node_modules', (f) => f.url.includes('node_modules')],
  ['(program) and natives', () => true],
];

const key = (f: CallFrame): string =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${f.lineNumber + 1}`;

/** A text report: ms per task by area, then the top functions by self and by total time. */
export function summarise(profile: CpuProfile, tasks: number, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const area = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    busy += dt;
    self.set(key(frame), (self.get(key(frame)) ?? 0) + dt);
    const name = AREAS.find(([, match]) => match(frame))![0];
    area.set(name, (area.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = key(byId.get(n)!.callFrame);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  const perTask = (msTotal: number) => (msTotal / tasks).toFixed(3).padStart(7);
  const share = (msTotal: number) => `${((100 * msTotal) / busy).toFixed(1).padStart(5)} %`;
  const lines = [
    `profiled CPU (not idle): ${busy.toFixed(0)} ms = ${perTask(busy)} ms per task`,
    '',
    'by area (self time), ms per task:',
  ];
  for (const [name, t] of [...area].sort((a, b) => b[1] - a[1]))
    lines.push(`  ${perTask(t)}  ${share(t)}  ${name}`);
  const list = (title: string, m: Map<string, number>) => {
    lines.push('', title);
    for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      lines.push(`  ${perTask(t)}  ${share(t)}  ${k}`);
  };
  list('top functions by self time, ms per task:', self);
  list('top functions by total time, ms per task:', total);
  return `${lines.join('\n')}\n`;
}
