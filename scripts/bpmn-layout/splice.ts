/**
 * Puts new DI into the .bpmn text without touching the semantic XML: every existing
 * `<BPMNDiagram>` is replaced by one new section (or the section is added before the closing
 * `</definitions>`), and a `<collaboration>` with one participant is inserted before the process
 * when the file has none. Namespace declarations missing for DI are added to the root tag.
 */
import { UnsupportedDiagramError } from './errors.js';
import { attr, collaborationIds, type Prefixes } from './di-xml.js';
import type { ProcessModel } from './model.js';

const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
} as const;

/** The root `<definitions …>` start tag and where it is. */
function rootTag(xml: string): { start: number; text: string } {
  const m = /<([\w.-]+:)?definitions\b[^>]*>/.exec(xml);
  if (!m) throw new UnsupportedDiagramError('no <definitions> root element');
  return { start: m.index, text: m[0] };
}

/** The prefix (with its colon, or '' for the default namespace) bound to `uri` on the root tag. */
function prefixOf(tag: string, uri: string): string | undefined {
  for (const m of tag.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*"([^"]*)"/g))
    if (m[2] === uri) return m[1] ? `${m[1]}:` : '';
  return undefined;
}

/** Prefixes to write with; declares the DI namespaces on the root tag when they are missing. */
export function withDiNamespaces(xml: string): { xml: string; prefixes: Prefixes; bpmn: string } {
  const root = rootTag(xml);
  const bpmn = prefixOf(root.text, NS.bpmn);
  if (bpmn === undefined)
    throw new UnsupportedDiagramError('the BPMN model namespace is not declared on <definitions>');
  let tag = root.text;
  const prefixes = {} as Prefixes;
  for (const key of ['bpmndi', 'dc', 'di'] as const) {
    let prefix = prefixOf(tag, NS[key]);
    if (prefix === undefined) {
      if (new RegExp(`xmlns:${key}\\s*=`).test(tag))
        throw new UnsupportedDiagramError(`prefix ${key} is taken`);
      tag = tag.replace(/\s*\/?>$/, (end) => ` xmlns:${key}="${NS[key]}"${end}`);
      prefix = `${key}:`;
    }
    prefixes[key] = prefix;
  }
  return { xml: xml.slice(0, root.start) + tag + xml.slice(root.start + root.text.length), prefixes, bpmn };
}

/** Replaces every BPMNDiagram with `diagram` (or appends it before `</definitions>`). */
export function replaceDiagrams(xml: string, diagram: string, p: Prefixes, bpmn: string): string {
  const name = escapeRegExp(`${p.bpmndi}BPMNDiagram`);
  const sections = [...xml.matchAll(new RegExp(`([ \\t]*)<${name}\\b[\\s\\S]*?</${name}>`, 'g'))];
  if (!sections.length) {
    const close = xml.lastIndexOf(`</${bpmn}definitions>`);
    if (close < 0) throw new UnsupportedDiagramError('no closing </definitions>');
    const lineStart = xml.lastIndexOf('\n', close) + 1;
    return `${xml.slice(0, lineStart)}  ${diagram}\n${xml.slice(lineStart)}`;
  }
  let out = '';
  let from = 0;
  sections.forEach((m, i) => {
    // Later diagrams (drill-down planes of collapsed sub-processes) go, with the line they were on.
    const start = i === 0 ? m.index + m[1]!.length : xml.lastIndexOf('\n', m.index);
    out += xml.slice(from, start) + (i === 0 ? diagram : '');
    from = m.index + m[0].length;
  });
  return out + xml.slice(from);
}

/** Inserts the collaboration (one participant: the pool) before the process when there is none. */
export function insertCollaboration(xml: string, model: ProcessModel, bpmn: string): string {
  if (model.collaboration) return xml;
  const process = new RegExp(
    `([ \\t]*)<${escapeRegExp(bpmn)}process\\b[^>]*\\bid="${escapeRegExp(model.processId)}"`,
  ).exec(xml);
  if (!process) throw new UnsupportedDiagramError(`no <process id="${model.processId}"> start tag`);
  const indent = process[1]!;
  const { id, participantId } = collaborationIds(model);
  const name = model.processName ? ` name="${attr(model.processName)}"` : '';
  const text =
    `<${bpmn}collaboration id="${attr(id)}">\n` +
    `${indent}  <${bpmn}participant id="${attr(participantId)}"${name} processRef="${attr(model.processId)}" />\n` +
    `${indent}</${bpmn}collaboration>\n${indent}`;
  const at = process.index + indent.length;
  return xml.slice(0, at) + text + xml.slice(at);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
