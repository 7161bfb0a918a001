import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { createModdle, type ModdleTree } from '../../processes/bpmn-moddle.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { NOT_RECORDED } from '../../workers/form/pdf.js';
import { DOCUMENTS } from './index.js';
import { allLabels, expectField, render, sources } from './test-fixtures.js';
import { ageInYears } from './values.js';

/** The `form` input of every `escalation-form` task in every partnership's diagrams. */
async function formsNamedByDiagrams(): Promise<Map<string, string[]>> {
  const moddle = createModdle();
  const named = new Map<string, string[]>();
  for (const p of loadPartnerships()) {
    for (const file of p.diagrams) {
      const { rootElement } = await moddle.fromXML(readFileSync(file, 'utf8'));
      const walk = (e: ModdleTree): void => {
        if (e.$type === 'bpmn:ServiceTask' && e.topic === 'escalation-form') {
          const io = (e.extensionElements?.values ?? []).find(
            (v: ModdleTree) => v.$type === 'camunda:InputOutput',
          );
          const form = io?.inputParameters?.find((i: ModdleTree) => i.name === 'form')?.value ?? '(none)';
          named.set(form, [...(named.get(form) ?? []), `${p.settings.id}/${e.id}`]);
        }
        for (const c of e.flowElements ?? []) walk(c);
      };
      for (const r of rootElement.rootElements) if (r.$type === 'bpmn:Process') walk(r);
    }
  }
  return named;
}

describe("The procedures' documents (issue 13, escalation-form)", () => {
  describe('Every document a diagram names', () => {
    it('Given all diagrams, When their escalation-form tasks are read, Then every form they name is defined', async () => {
      const named = await formsNamedByDiagrams();
      const unknown = [...named].filter(([form]) => !DOCUMENTS.has(form));
      expect(unknown, 'forms no definition knows (form, tasks)').to.deep.equal([]);
      expect([...named.keys()].sort()).to.deep.equal([...DOCUMENTS.keys()].sort());
      expect(named.size).to.equal(5);
    });

    for (const def of DOCUMENTS.values()) {
      it(`Given ${def.form}, When its data has a key it does not define, Then the schema rejects it`, () => {
        const empty = Object.fromEntries(def.sections.flatMap((s) => s.fields.map((f) => [f.key, null])));
        expect(def.schema.safeParse(empty).success).to.equal(true);
        const result = def.schema.safeParse({ ...empty, childNameTypedByHand: 'x' });
        expect(result.success).to.equal(false);
        expect(JSON.stringify(result.error?.issues)).to.include('childNameTypedByHand');
      });

      it(`Given ${def.form}, When nothing is recorded, Then every field reads "${NOT_RECORDED}" and is listed missing`, async () => {
        const owner = loadPartnerships().find((p) => def.form.startsWith(`${p.settings.id}-`));
        const r = await render(def, sources({ partnership: owner!.settings.id }));
        expect(r.missing).to.deep.equal(allLabels(def));
        expect(Object.values(r.data).every((v) => v === null)).to.equal(true);
        const fields = def.sections.flatMap((s) => s.fields);
        expect(r.text.split(NOT_RECORDED).length - 1).to.equal(fields.length);
        for (const f of fields) expectField(r.text, f.label, null);
      });

      it(`Given ${def.form}, When its citation is read, Then it names the procedure as published, never a file`, () => {
        expect(def.citation).to.not.match(/\.txt|procedures\/|\/work\//);
        expect(def.citation).to.match(/Safeguarding Children (Partnership|Board)/);
      });
    }
  });

  describe('The child\'s age on the Liverpool summary log ("Child Name / DOB / Age")', () => {
    it('Given a date of birth, When the age is taken on the London day of generation, Then whole years count from the birthday', () => {
      expect(ageInYears('2015-11-27', new Date('2026-11-27T00:30:00Z'))).to.equal(11);
      expect(ageInYears('2015-11-28', new Date('2026-11-27T23:30:00Z'))).to.equal(10);
      // 23:30 UTC on 30 June is 00:30 BST on 1 July in London: the birthday has come.
      expect(ageInYears('2010-07-01', new Date('2026-06-30T23:30:00Z'))).to.equal(16);
      // Born on 29 February: a year older on 1 March in a common year.
      expect(ageInYears('2016-02-29', new Date('2027-02-28T12:00:00Z'))).to.equal(10);
      expect(ageInYears('2016-02-29', new Date('2027-03-01T12:00:00Z'))).to.equal(11);
    });
  });
});
