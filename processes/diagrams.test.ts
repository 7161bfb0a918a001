import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createModdle } from './bpmn-moddle.js';
import { loadPartnerships, REPOSITORY_ROOT } from './catalogue.js';
import { isTopic } from './topics.js';

const moddle = createModdle();
const partnerships = loadPartnerships();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type El = any;
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function all(root: El): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    out.push(e);
    for (const c of e.flowElements ?? []) walk(c);
  };
  for (const p of root.rootElements.filter((r: El) => r.$type === 'bpmn:Process')) walk(p);
  return out;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function load(file: string) {
  const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
  const elements = all(rootElement);
  const plane = rootElement.diagrams[0].plane;
  const di = new Map<string, El>(plane.planeElement.map((d: El) => [d.bpmnElement.id, d]));
  return { root: rootElement, warnings, elements, di, xml: readFileSync(file, 'utf8') };
}

describe("The partnerships' diagrams (issue 7: Camunda 7 validity, DI, ids, roles)", () => {
  it('Given processes/, When the partnership folders load, Then all five validate and list every .bpmn on disk', () => {
    expect(partnerships.map((p) => p.settings.id).sort()).to.deep.equal([
      'east-riding',
      'liverpool',
      'northamptonshire',
      'safeguarding-unit',
      'wiltshire',
    ]);
    for (const p of partnerships) {
      const onDisk = readdirSync(p.dir)
        .filter((f) => f.endsWith('.bpmn'))
        .sort();
      expect(onDisk, p.settings.id).to.deep.equal(p.settings.diagrams.map((d) => d.file).sort());
    }
  });

  for (const p of partnerships) {
    for (const d of p.settings.diagrams) {
      describe(`${p.settings.id}/${d.file}`, () => {
        let m: Awaited<ReturnType<typeof load>>;
        before(async () => {
          m = await load(join(p.dir, d.file));
        });

        it('Given the file, When parsed with the Camunda moddle, Then it has no import warning and Camunda 7 metadata', () => {
          expect(m.warnings).to.deep.equal([]);
          expect(
            m.root.get('modeler:executionPlatform') ?? m.root.$attrs['modeler:executionPlatform'],
          ).to.equal('Camunda Platform');
          expect(String(m.root.$attrs['modeler:executionPlatformVersion'])).to.match(/^7\.2\d/);
          const process = m.elements[0];
          expect(process.id).to.equal(d.key);
          expect(process.isExecutable).to.equal(true);
          expect(Number(process.get('camunda:historyTimeToLive'))).to.equal(p.settings.historyTimeToLive);
        });

        it('Given every element, When its id and name are read, Then each has a meaningful id and a name', () => {
          for (const e of m.elements.slice(1)) {
            expect(e.id, e.id).to.match(/^[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)*(_to_[A-Z][A-Za-z0-9_]*)?$/);
            expect(e.id, 'generated Modeler id').not.to.match(/_[0-9a-z]{7}$/);
            if (e.$type !== 'bpmn:SequenceFlow')
              expect(e.name, `${e.id} name`).to.be.a('string').and.not.equal('');
          }
        });

        it('Given the gateways, When their flows are read, Then every gateway and every flow leaving a split is labelled', () => {
          for (const g of m.elements.filter((e) => e.$type.endsWith('Gateway'))) {
            expect(m.di.get(g.id).label, `${g.id} label`).not.to.equal(undefined);
            if (g.outgoing.length > 1 && g.$type !== 'bpmn:ParallelGateway') {
              for (const f of g.outgoing) expect(f.name, `${f.id} label`).to.be.a('string').and.not.equal('');
            }
          }
        });

        it('Given the DI, When shapes are compared, Then every element has DI and no two shapes overlap', () => {
          for (const e of m.elements.slice(1)) expect(m.di.has(e.id), `${e.id} has DI`).to.equal(true);
          const shapes = m.elements.slice(1).filter((e) => e.$type !== 'bpmn:SequenceFlow');
          for (let i = 0; i < shapes.length; i++) {
            for (let j = i + 1; j < shapes.length; j++) {
              const [a, b] = [shapes[i], shapes[j]];
              const related =
                a.attachedToRef === b || b.attachedToRef === a || a.$parent === b || b.$parent === a;
              if (!related)
                expect(
                  overlaps(m.di.get(a.id).bounds, m.di.get(b.id).bounds),
                  `${a.id} overlaps ${b.id}`,
                ).to.equal(false);
            }
          }
        });

        it('Given the tasks, When their roles, forms and topics are read, Then they name roles from roles.json, known forms and topics', () => {
          const roles = new Set(p.roles.roles.map((r) => r.role));
          const forms = new Set(
            readdirSync(join(REPOSITORY_ROOT, 'forms'))
              .filter((f) => f.endsWith('.form'))
              .map((f) => basename(f, '.form')),
          );
          for (const e of m.elements) {
            const io = e.extensionElements?.values?.find((v: El) => v.$type === 'camunda:InputOutput');
            const inputs = Object.fromEntries((io?.inputParameters ?? []).map((x: El) => [x.name, x.value]));
            for (const key of ['role', 'copyTo', 'sendTo']) {
              for (const r of String(inputs[key] ?? '')
                .split(',')
                .filter(Boolean))
                expect(roles.has(r), `${e.id} ${key} ${r}`).to.equal(true);
            }
            if (e.$type === 'bpmn:UserTask') {
              expect(forms.has(e.formRef), `${e.id} formRef`).to.equal(true);
              for (const r of String(e.candidateGroups).split(','))
                expect(roles.has(r), `${e.id} group ${r}`).to.equal(true);
            }
            if (e.$type === 'bpmn:ServiceTask') expect(isTopic(e.topic), `${e.id} topic`).to.equal(true);
          }
        });

        it('Given the XML, When searched for contact details, Then it carries no e-mail address or telephone number', () => {
          expect(m.xml).not.to.match(/[\w.+-]+@[\w-]+\.[\w.]+/);
          expect(m.xml).not.to.match(/\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b/);
        });
      });
    }
  }

  it('Given Northamptonshire\'s diagram, roles and docs, When searched, Then the word "complaint" appears nowhere (northamptonshire The Process)', () => {
    const nscp = partnerships.find((p) => p.settings.id === 'northamptonshire')!;
    const texts = [
      ...nscp.diagrams,
      join(nscp.dir, 'roles.json'),
      join(nscp.dir, 'partnership.json'),
      join(REPOSITORY_ROOT, 'docs/processes/northamptonshire.md'),
    ];
    for (const f of texts) expect(readFileSync(f, 'utf8').toLowerCase(), f).not.to.contain('complaint');
  });
});
