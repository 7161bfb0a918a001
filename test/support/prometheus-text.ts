/**
 * A strict parser of Prometheus' text exposition format (0.0.4), for tests that scrape `/metrics`:
 * every line must be a HELP, a TYPE, or a sample of a family declared before it; names, label
 * names, escapes and values are checked; a sample twice, a histogram whose buckets are not
 * cumulative or whose `+Inf` bucket is not its count, are errors. It throws naming the line.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<Family['type'], string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  text.split('\n').forEach((line, index) => {
    const fail = (why: string): never => {
      throw new Error(`line ${index + 1}: ${why}: ${JSON.stringify(line)}`);
    };
    if (line === '') return;
    if (line.startsWith('#')) return comment(line, families, fail);
    const sample = parseSample(line, fail);
    const family = familyOf(sample.name, families) ?? fail('a sample of no declared family');
    const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(key)) fail('the same sample twice');
    seen.add(key);
    family.samples.push(sample);
  });
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

function comment(line: string, families: Map<string, Family>, fail: (why: string) => never): void {
  const help = /^# HELP (\S+) (.*)$/.exec(line);
  const type = /^# TYPE (\S+) (\S+)$/.exec(line);
  if (help) {
    if (!NAME.test(help[1]!)) fail('a bad metric name');
    const family = families.get(help[1]!);
    if (family) family.help = help[2]!;
    else families.set(help[1]!, { name: help[1]!, type: 'untyped', help: help[2]!, samples: [] });
  } else if (type) {
    if (!NAME.test(type[1]!) || !TYPES.has(type[2]!)) fail('a bad TYPE line');
    const family = families.get(type[1]!) ?? { name: type[1]!, type: 'untyped', help: '', samples: [] };
    if (family.samples.length > 0) fail('TYPE after its samples');
    family.type = type[2] as Family['type'];
    families.set(type[1]!, family);
  } else if (/^# (HELP|TYPE)\b/.test(line)) fail('a malformed HELP or TYPE line');
}

function parseSample(line: string, fail: (why: string) => never): Sample {
  const head = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{)?/.exec(line) ?? fail('no metric name');
  let rest = line.slice(head[1]!.length);
  const labels: Record<string, string> = {};
  if (head[2]) {
    rest = rest.slice(1);
    while (!rest.startsWith('}')) {
      const m = /^([^=]+)="((?:[^"\\\n]|\\[\\"n])*)"(,?)/.exec(rest) ?? fail('a bad label');
      if (!LABEL.test(m[1]!)) fail('a bad label name');
      if (m[1]! in labels) fail('a label twice');
      labels[m[1]!] = m[2]!.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
      rest = rest.slice(m[0].length);
      if (!m[3] && !rest.startsWith('}')) fail('labels not separated by commas');
    }
    rest = rest.slice(1);
  }
  const value = /^ (\S+)( -?\d+)?$/.exec(rest) ?? fail('no value');
  // Prometheus reads values with Go's ParseFloat: NaN and Inf in any case (prom-client writes `Nan`).
  const text = value[1]!.toLowerCase();
  const special: Record<string, number> = { nan: NaN, '+inf': Infinity, inf: Infinity, '-inf': -Infinity };
  const number =
    text in special ? special[text]! : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(number) && text !== 'nan') fail('a value that is not a number');
  return { name: head[1]!, labels, value: number };
}

function familyOf(name: string, families: Map<string, Family>): Family | undefined {
  for (const family of families.values())
    for (const suffix of SUFFIXES[family.type]) if (`${family.name}${suffix}` === name) return family;
  return undefined;
}

function checkHistogram(family: Family): void {
  const series = new Map<string, Sample[]>();
  for (const s of family.samples) {
    const { le: _le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    series.set(key, [...(series.get(key) ?? []), s]);
  }
  for (const [key, samples] of series) {
    const buckets = samples
      .filter((s) => s.name.endsWith('_bucket'))
      .map((s) => ({ le: Number(s.labels.le === '+Inf' ? Infinity : s.labels.le), value: s.value }))
      .sort((a, b) => a.le - b.le);
    const count = samples.find((s) => s.name.endsWith('_count'))?.value;
    const where = `${family.name}${key}`;
    if (buckets.some((b, i) => i > 0 && b.value < buckets[i - 1]!.value))
      throw new Error(`${where}: buckets are not cumulative`);
    if (buckets.at(-1)?.le !== Infinity || buckets.at(-1)?.value !== count)
      throw new Error(`${where}: the +Inf bucket is not the count`);
  }
}

/** The value of one sample: `name` with exactly these labels (among others not given); throws when absent. */
export function sampleValue(
  families: Map<string, Family>,
  name: string,
  labels: Record<string, string> = {},
): number {
  for (const family of families.values())
    for (const s of family.samples)
      if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
  throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
}
