import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { parseTimescale } from '../src/calendar/index.js';
import { loadPartnerships, REPOSITORY_ROOT } from './catalogue.js';
import { TOPICS } from './topics.js';

// The validator ships no type declarations.
const { validate } = createRequire(import.meta.url)('@bpmn-io/element-templates-validator') as {
  validate(template: unknown): { valid: boolean; errors: unknown[] | null };
};

const TEMPLATES = join(REPOSITORY_ROOT, '.camunda', 'element-templates');
const FORMS = join(REPOSITORY_ROOT, 'forms');

interface TemplateProperty {
  value?: string;
  binding: { type: string; name?: string };
}

describe('Process-owner tooling: element templates, forms and timescales', () => {
  const templates = readdirSync(TEMPLATES).map((f) => ({
    file: f,
    json: JSON.parse(readFileSync(join(TEMPLATES, f), 'utf8')),
  }));

  it('Given the four element templates, When validated against the Camunda 7 element-template schema, Then each is valid', () => {
    expect(templates.map((t) => t.json.name).sort()).to.deep.equal([
      'Compute a deadline',
      'Generate a form',
      'Notify a role',
      'Record',
    ]);
    for (const t of templates) expect(validate(t.json).errors ?? null, t.file).to.equal(null);
  });

  it('Given each template, When its bindings are read, Then it sets an external topic and every input and property that topic requires', () => {
    for (const { json } of templates) {
      const props: TemplateProperty[] = json.properties;
      const value = (name: string) =>
        props.find((p) => p.binding.type === 'property' && p.binding.name === name)?.value;
      expect(value('camunda:type')).to.equal('external');
      const topic = TOPICS[value('camunda:topic') as keyof typeof TOPICS];
      const bound = (type: string) => props.filter((p) => p.binding.type === type).map((p) => p.binding.name);
      expect(bound('camunda:inputParameter')).to.include.members([...topic.inputs]);
      expect(bound('camunda:property')).to.include.members([...topic.properties]);
    }
  });

  it('Given the forms, When read, Then each is a Camunda 7 Tasklist form (type default, schemaVersion ≤ 16, id = file name)', () => {
    for (const f of readdirSync(FORMS).filter((x) => x.endsWith('.form'))) {
      const form = JSON.parse(readFileSync(join(FORMS, f), 'utf8'));
      expect([form.id, form.type], f).to.deep.equal([basename(f, '.form'), 'default']);
      expect(form.schemaVersion, f).to.be.at.most(16);
    }
  });

  it('Given every diagram, When its deadline tasks are read, Then each timescale is in the timescale language (issue 6)', async () => {
    let count = 0;
    for (const file of loadPartnerships().flatMap((p) => p.diagrams)) {
      const xml = readFileSync(file, 'utf8');
      for (const m of xml.matchAll(/<camunda:property name="timescale" value="([^"]*)"/g)) {
        expect(() => parseTimescale(m[1] ?? ''), `${basename(file)}: ${m[1]}`).not.to.throw();
        count += 1;
      }
    }
    expect(count).to.be.greaterThan(40);
  });
});
