import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import fc from 'fast-check';
import { ParseError } from '../errors/parse-error.js';
import { DEFAULT_MAX_DEPLOYMENT_BYTES, parseDeployment } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/deploy/', import.meta.url));
const resource = (path: string) => ({
  name: path.split('/').pop() ?? path,
  content: readFileSync(FIXTURES + path),
});
const options = { maxBytes: DEFAULT_MAX_DEPLOYMENT_BYTES };

async function firstProblem(resources: { name: string; content: Buffer }[], opts = options) {
  try {
    await parseDeployment(resources, opts);
  } catch (error) {
    expect(error).to.be.instanceOf(ParseError);
    const details = (error as ParseError).details;
    const first = Object.values(details)[0]?.errors[0];
    if (!first) throw new Error('a ParseError without problems', { cause: error });
    return { error: error as ParseError, problem: first };
  }
  throw new Error('expected the deployment to be rejected');
}

describe('Guarded deployment parser: hostile input', () => {
  it('Given an XXE external entity, when deployed, then the DOCTYPE is refused before any XML parsing', async () => {
    const { problem, error } = await firstProblem([resource('hostile/xxe.bpmn')]);
    expect(problem.message).to.equal(
      'DOCTYPE declarations are not allowed in a deployment (XML entities are refused)',
    );
    expect(problem).to.include({ line: 2, column: 1 });
    expect(error.message).not.to.contain('root:'); // nothing from /etc/passwd
  });

  it('Given a billion-laughs document, when deployed, then it is refused at once at its DOCTYPE', async () => {
    const { problem } = await firstProblem([resource('hostile/billion-laughs.bpmn')]);
    expect(problem.message).to.contain('DOCTYPE declarations are not allowed');
  });

  it('Given an ENTITY declaration hidden in a comment, when deployed, then it is refused all the same', async () => {
    const { problem } = await firstProblem([resource('hostile/entity-in-comment.bpmn')]);
    expect(problem.message).to.contain('ENTITY declarations are not allowed');
    expect(problem.line).to.equal(3);
  });

  it('Given a 6 MB diagram, when deployed with the 5 MB limit, then it is refused before parsing', async () => {
    const padding = 'x'.repeat(6 * 1024 * 1024);
    const xml = readFileSync(`${FIXTURES}good/two-executable.bpmn`, 'utf8').replace(
      '<bpmn:startEvent id="Raising_start" />',
      `<bpmn:documentation>${padding}</bpmn:documentation><bpmn:startEvent id="Raising_start" />`,
    );
    const { problem, error } = await firstProblem([{ name: 'huge.bpmn', content: Buffer.from(xml) }]);
    expect(problem.message).to.match(/^The deployment is \d+ bytes, more than the limit of 5242880 bytes$/);
    expect(error.message).to.match(/^ENGINE-09005 Could not parse BPMN process\./);
  });

  it('Given two resources that together pass the limit, when deployed, then the deployment is refused', async () => {
    const half = Buffer.alloc(3 * 1024 * 1024, 'a');
    const { problem } = await firstProblem([
      { name: 'a.txt', content: half },
      { name: 'b.txt', content: half },
    ]);
    expect(problem.message).to.contain('more than the limit');
  });

  it('Given malformed XML, when deployed, then the problem gives the line and column of the mismatch', async () => {
    const { problem } = await firstProblem([resource('hostile/malformed.bpmn')]);
    // Operaton's words for the same file (test/reference-engine/FINDINGS.md, rejections table).
    expect(problem.message).to.equal(
      'The XML is not well-formed: The element type "bpmn:startEvent" must be terminated by the matching end-tag "</bpmn:startEvent>".',
    );
    expect(problem.line).to.equal(5);
    expect(problem.column).to.equal(18); // just after the `>` of `  </bpmn:process>`
  });

  it('Given binary junk named .bpmn, when deployed, then it is refused as not text', async () => {
    const { problem } = await firstProblem([resource('hostile/binary.bpmn')]);
    expect(problem.message).to.contain('not UTF-8 text');
  });

  it('Given an empty file, when deployed, then it is refused as empty', async () => {
    const { problem } = await firstProblem([resource('hostile/empty.bpmn')]);
    expect(problem.message).to.equal('The resource is empty');
  });

  it('Given well-formed XML that is not BPMN, when deployed, then it is refused', async () => {
    const { problem } = await firstProblem([resource('hostile/not-bpmn.bpmn')]);
    expect(problem.message).to.match(
      /not a BPMN 2\.0 definitions document|root element must be bpmn:definitions|Unparsable/i,
    );
  });

  it('Given arbitrary bytes and texts, when deployed as BPMN, then the parser answers or refuses, never crashes', async () => {
    const head =
      '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">';
    const inputs = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
      fc.string({ maxLength: 300 }).map((s) => Buffer.from(head + s)),
      fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
    );
    await fc.assert(
      fc.asyncProperty(inputs, async (content) => {
        try {
          await parseDeployment([{ name: 'fuzz.bpmn', content }], options);
        } catch (error) {
          expect(error).to.be.instanceOf(ParseError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
