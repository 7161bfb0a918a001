/**
 * The message templates (issue 13, `escalation-notify`): one for every template any diagram names,
 * plus the workers' own `document-ready` and `deadline-cancelled`; each renders a text and an HTML
 * part from the context alone, so no child's details and no free text typed by a user can reach a
 * message.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { createModdle, type ModdleTree } from '../../processes/bpmn-moddle.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { PermanentError } from '../runtime/errors/permanent-error.js';
import { TEMPLATES_DIR, Templates, type MessageContext } from './templates.js';

/** Templates the workers send without a diagram naming them (form worker, invite canceller). */
const WORKER_TEMPLATES = ['document-ready', 'deadline-cancelled'];
/** Names of free text or a child's details that no template may read. */
const FORBIDDEN = [
  'disagreement',
  'description',
  'outcomeSought',
  'agreedOutcome',
  'subject',
  'name',
  'dateOfBirth',
  'address',
  'withdrawalReason',
  'reason',
  'lessons',
  'notes',
  'childName',
];

const templates = new Templates();
const sample = {
  caseReference: 'CR-2026-00042',
  partnershipName: 'Northamptonshire Safeguarding Children Partnership (NSCP)',
  stageLabel: 'Stage 2',
  roleTitle: 'Line manager',
  due: { london: 'Friday 6 March 2026 at 5:00pm', iso: '2026-03-06T17:00:00.000Z' },
  dueExplanation: ['5 working days from the referral', 'Bank holidays are not working days'],
  link: 'https://escalations.example.org/escalations/esc-7f3a',
  documentTitle: 'Agency Escalation Summary Log',
} satisfies Required<MessageContext>;
const bare: MessageContext = {
  ...sample,
  stageLabel: null,
  due: null,
  dueExplanation: [],
  documentTitle: null,
};

/** Where each template name is used: `partnership/file#elementId`, from every listed diagram. */
async function templateUses(): Promise<Map<string, string[]>> {
  const moddle = createModdle();
  const uses = new Map<string, string[]>();
  const visit = (element: ModdleTree, where: string) => {
    for (const child of element.flowElements ?? []) visit(child, where);
    const topic = element.topic ?? element.eventDefinitions?.find((d: ModdleTree) => d.topic)?.topic;
    if (topic !== 'escalation-notify') return;
    const inputs = (element.extensionElements?.values ?? [])
      .filter((v: ModdleTree) => v.$type === 'camunda:InputOutput')
      .flatMap((io: ModdleTree) => io.inputParameters ?? []);
    const template = inputs.find((p: ModdleTree) => p.name === 'template')?.value ?? '(no template input)';
    uses.set(template, [...(uses.get(template) ?? []), `${where}#${element.id}`]);
  };
  for (const p of loadPartnerships()) {
    for (const file of p.diagrams) {
      const { rootElement } = await moddle.fromXML(readFileSync(file, 'utf8'));
      const where = `${p.settings.id}/${file.slice(p.dir.length + 1)}`;
      for (const root of rootElement.rootElements) if (root.$type === 'bpmn:Process') visit(root, where);
    }
  }
  return uses;
}

const sourceFiles = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.njk'));
const source = (file: string) => readFileSync(join(TEMPLATES_DIR, file), 'utf8');
const all = (m: { subject: string; text: string; html: string }) => `${m.subject}\n${m.text}\n${m.html}`;

interface AstNode {
  typename: string;
  fields: string[];
  value?: unknown;
  [field: string]: unknown;
}
// The parser is part of nunjucks' API, though its typings leave it out.
const { parser } = nunjucks as unknown as { parser: { parse(src: string): AstNode } };

/** The variables a template reads (free names) and the properties it looks up on them. */
function variablesOf(src: string): { free: Set<string>; properties: Set<string> } {
  const used = new Set<string>();
  const bound = new Set<string>(['loop']);
  const properties = new Set<string>();
  const bind = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(bind);
    const node = n as AstNode | null;
    if (!node) return;
    if (node.typename === 'Symbol') bound.add(String(node.value));
    // `import a as b` and `arg=default` pairs: either side may be the bound name.
    else if (node.typename === 'Pair') [node.key, node.value].forEach(bind);
    else bind(node.children);
  };
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    const node = n as AstNode | null;
    if (!node || typeof node !== 'object' || !node.typename) return;
    if (node.typename === 'Symbol') return void used.add(String(node.value));
    if (node.typename === 'LookupVal') {
      const val = node.val as AstNode;
      if (val.typename === 'Literal') properties.add(String(val.value));
    }
    const binders: Record<string, string[]> = {
      Block: ['name'],
      Set: ['targets'],
      FromImport: ['names'],
      Import: ['target'],
      Macro: ['name', 'args'],
      For: ['name'],
    };
    for (const field of node.fields) {
      if (binders[node.typename]?.includes(field)) bind(node[field]);
      else if (field !== 'val' || node.typename !== 'LookupVal') walk(node[field]);
    }
    // Default values of macro arguments are expressions too.
    if (node.typename === 'Macro') walk(node.args);
  };
  walk(parser.parse(src));
  return { free: new Set([...used].filter((u) => !bound.has(u))), properties };
}

describe('Message templates (issue 13, escalation-notify)', () => {
  let uses: Map<string, string[]>;
  before(async () => {
    uses = await templateUses();
  });

  it('Given every diagram listed in processes/*/partnership.json, When the notify tasks are read, Then each names a template the workers know', () => {
    expect(uses.size, 'notify tasks found').to.be.greaterThan(20);
    const unknown = [...uses]
      .filter(([name]) => !templates.has(name))
      .map(([n, w]) => `${n} (${w.join(', ')})`);
    expect(unknown, 'templates named by a diagram but missing').to.deep.equal([]);
  });

  it("Given the workers' own notices, When looked up, Then document-ready and deadline-cancelled exist", () => {
    for (const name of WORKER_TEMPLATES) expect(templates.has(name), name).to.equal(true);
  });

  it('Given the template folder, When listed, Then every template is named by a diagram or a worker (none is stale)', () => {
    const stale = [...templates.names].filter((n) => !uses.has(n) && !WORKER_TEMPLATES.includes(n));
    expect(stale).to.deep.equal([]);
  });

  for (const name of [...templates.names].sort()) {
    it(`Given ${name}, When rendered with and without a stage, deadline and document, Then the subject names the case on one line and the text part carries the link`, () => {
      for (const context of [sample, bare, { ...sample, stageLabel: 'first-line managers' }]) {
        const m = templates.render(name, context);
        expect(m.subject, 'subject')
          .to.match(/\S/)
          .and.not.match(/[\r\n]/);
        expect(m.subject).to.include(context.caseReference);
        expect(m.text).to.include(context.link);
        expect(m.html).to.include(`href="${context.link}"`);
        // The text part opens with the heading, then a blank line, then the body.
        expect(m.text.split('\n')[1], 'blank line after the heading').to.equal('');
        if (context.due) {
          for (const part of [m.text, m.html]) {
            expect(part).to.include(context.due.london);
            for (const line of context.dueExplanation) expect(part).to.include(line);
          }
        } else {
          expect(m.text).not.to.include('Deadline:');
          expect(all(m), 'no deadline to refer to').not.to.match(/deadline below|by the deadline/);
        }
      }
    });
  }

  it('Given a numbered stage and a named step, When stage-started renders, Then the heading reads naturally for both', () => {
    expect(templates.render('stage-started', sample).text).to.match(
      /^Stage 2 of escalation CR-2026-00042 has/,
    );
    const named = templates.render('stage-started', { ...sample, stageLabel: 'first-line managers' });
    expect(named.text).to.match(/^The first-line managers step of escalation CR-2026-00042 has started/);
    expect(named.subject).to.equal(
      'Escalation CR-2026-00042: the first-line managers step has started – please respond by the deadline',
    );
  });

  it('Given the invite canceller\'s "Escalation" label for a deadline without a stage, When deadline-cancelled renders, Then it does not speak of an "Escalation step"', () => {
    const m = templates.render('deadline-cancelled', { ...bare, stageLabel: 'Escalation' });
    expect(all(m)).not.to.include('Escalation step');
    expect(m.text).to.include('The step it belonged to ended before its deadline');
    expect(templates.render('deadline-cancelled', { ...bare, stageLabel: 'adjournment' }).text).to.include(
      'The adjournment step ended before its deadline',
    );
  });

  it('Given context values holding markup, quotes and ampersands, When every template renders, Then the HTML part escapes them and the text part keeps them as they are', () => {
    const hostile = '<script>alert(1)</script> & "Co"';
    const link = 'https://escalations.example.org/escalations/x"onmouseover="y&z';
    const context: MessageContext = {
      ...sample,
      partnershipName: hostile,
      stageLabel: hostile,
      roleTitle: hostile,
      documentTitle: hostile,
      dueExplanation: [hostile],
      link,
    };
    for (const name of templates.names) {
      const m = templates.render(name, context);
      expect(m.html, name).not.to.include('<script');
      expect(m.html, name).not.to.include('"onmouseover');
      expect(m.html, name).to.include('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
      expect(m.text, name).to.include(hostile);
      expect(m.text, name).to.include(link);
    }
  });

  it('Given an unknown template name, When rendered, Then it is a PermanentError UNKNOWN_TEMPLATE naming it', () => {
    expect(() => templates.render('no-such-template', sample))
      .to.throw(PermanentError, 'no-such-template')
      .with.property('code', 'UNKNOWN_TEMPLATE');
  });

  it("Given a context whose every string is a sentinel, plus free-text fields beside it, When every template renders, Then only the context's sentinels appear", () => {
    const context = {
      caseReference: '⟦caseReference⟧',
      partnershipName: '⟦partnershipName⟧',
      stageLabel: '⟦stageLabel⟧',
      roleTitle: '⟦roleTitle⟧',
      due: { london: '⟦due.london⟧', iso: '⟦due.iso⟧' },
      dueExplanation: ['⟦dueExplanation.0⟧', '⟦dueExplanation.1⟧'],
      link: '⟦link⟧',
      documentTitle: '⟦documentTitle⟧',
    } satisfies Required<MessageContext>;
    const allowed = new Set(JSON.stringify(context).match(/⟦[^⟧]*⟧/g));
    // Fields a caller might wrongly pass: the render must never show them.
    const freeText = Object.fromEntries(FORBIDDEN.map((f) => [f, `⟦free:${f}⟧`]));
    for (const name of templates.names) {
      const out = all(templates.render(name, { ...context, ...freeText } as MessageContext));
      const seen = out.match(/⟦[^⟧]*⟧/g) ?? [];
      expect(
        seen.filter((s) => !allowed.has(s)),
        name,
      ).to.deep.equal([]);
      expect(seen, name).to.include('⟦caseReference⟧').and.include('⟦link⟧');
    }
  });

  it("Given every template source, When its expressions are parsed, Then it reads only the context's fields", () => {
    const fields = new Set([...Object.keys(sample), 'layout']);
    // The parse sees what a template reads, or this test could not fail.
    expect([...variablesOf(source('stage-started.njk')).free]).to.include.members(['caseReference', 'due']);
    expect([...variablesOf(source('_layout.text.njk')).properties]).to.include('london');
    for (const file of sourceFiles) {
      const { free, properties } = variablesOf(source(file));
      expect(
        [...free].filter((v) => !fields.has(v)),
        file,
      ).to.deep.equal([]);
      for (const forbidden of FORBIDDEN) expect([...free, ...properties], file).not.to.include(forbidden);
    }
  });

  it('Given every template source, When its tags are searched, Then none names free text or a child’s details', () => {
    const words = new RegExp(`\\b(${FORBIDDEN.join('|')})\\b`);
    for (const file of sourceFiles) {
      for (const [, tag = ''] of source(file).matchAll(/\{[{%]-?([\s\S]*?)-?[}%]\}/g)) {
        if (/^\s*(end)?block\b/.test(tag)) continue; // `{% block subject %}` names a layout block
        const code = tag.replace(/"[^"]*"|'[^']*'/g, '""');
        expect(code, `${file}: {${tag}}`).not.to.match(words);
      }
    }
  });

  it('Given every template, When its words are read, Then it says "disagreement" or "escalation", never "complaint"', () => {
    for (const file of sourceFiles) expect(source(file), file).not.to.match(/complain/i);
  });
});
