import { expect } from 'chai';
import { dueFor, type DueOptions } from './index.js';

/** One row of a table-driven dueFor test. */
export interface Case {
  /** What the case shows (the Given). */
  given: string;
  timescale: string;
  options: DueOptions;
  due: string;
  /** Lines the explanation must contain, in this order. */
  says?: string[];
}

/** Test support: one Given/When/Then test per row, checking the instant and the explanation lines in order. */
export function runCases(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(`Given ${c.given}, When "${c.timescale}" is evaluated, Then it is due ${c.due}`, () => {
        const result = dueFor(c.timescale, c.options);
        expect(result.due.toISOString()).to.equal(c.due);
        expect(result.explanation[0]).to.match(/^Rule "/);
        expect(result.explanation.at(-1))
          .to.match(/^Due: /)
          .and.include(c.due);
        let from = 0;
        for (const line of c.says ?? []) {
          const at = result.explanation.indexOf(line, from);
          expect(
            at,
            `explanation lacks ${JSON.stringify(line)}:\n${result.explanation.join('\n')}`,
          ).to.be.at.least(0);
          from = at + 1;
        }
      });
    }
  });
}
