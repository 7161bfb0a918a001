/**
 * The input policy (src/http/input-policy.ts) at every endpoint that takes variables: a value nested
 * thousands of levels deep, as a typed value's `value` or as a Json/Object variable's serialized
 * text, is a 400 naming the variable and the limit, never a 500, and changes nothing. Ours only:
 * Operaton has no such policy (docs/camunda-rest.md, "Input limits").
 */
import { expect } from 'chai';
import {
  MAX_JSON_DEPTH,
  MAX_PART_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_VALUE_DEPTH,
} from '../../src/http/input-policy.js';
import { externalTaskDiagram, runSuffix, userTaskDiagram } from './fixtures/diagrams.js';
import { raw } from './harness/raw-http.js';
import { daysFromNow, deploy, fetchOne } from './harness/scenario.js';
import { forEachTarget } from './harness/targets.js';

/** JSON text nested `n` levels: `[[…]]` (built as text: stringifying it would overflow the stack). */
const nested = (n: number): string => '['.repeat(n) + ']'.repeat(n);
const OBJECT_INFO = { objectTypeName: 'java.util.ArrayList', serializationDataFormat: 'application/json' };
const typed = (type: string, valueText: string, extra = '') =>
  `{"type":"${type}","value":${valueText}${extra}}`;

/** Each hostile variable as JSON text, and the words its refusal must contain besides its name. */
const HOSTILE: [string, string, string][] = [
  ['a String nested 5,000 levels', typed('String', nested(5_000)), `limit of ${MAX_JSON_DEPTH} levels`],
  ['an Integer nested 5,000 levels', typed('Integer', nested(5_000)), `limit of ${MAX_JSON_DEPTH} levels`],
  ['a Date nested 80 levels', typed('Date', nested(80)), "Cannot convert value '[…]'"],
  ['a Json text nested 5,000 levels', typed('Json', JSON.stringify(nested(5_000))), `limit of ${MAX_VALUE_DEPTH} levels`],
  ['an Object text nested 4,200 levels', typed('Object', JSON.stringify(nested(4_200)), `,"valueInfo":${JSON.stringify(OBJECT_INFO)}`), `limit of ${MAX_VALUE_DEPTH} levels`],
  ['a String of 300 KB', typed('String', JSON.stringify('x'.repeat(300 * 1024))), 'limit of 262144 bytes'],
]; // prettier-ignore

forEachTarget(
  'Input policy: deep and large variable values at every endpoint that takes them',
  (target) => {
    const d = externalTaskDiagram(runSuffix());
    const u = userTaskDiagram(runSuffix());
    let instanceId: string;
    let userTaskId: string;
    let externalTaskId: string;
    const call = (method: string, path: string, json: unknown) =>
      raw(target().engineRestUrl!, method, path, { auth: target().auth, json, unchecked: true });
    /** Sends `body` with the variable's JSON text in place of the string `X`. */
    const callWith = (method: string, path: string, body: unknown, variable: string) =>
      raw(target().engineRestUrl!, method, path, {
        auth: target().auth,
        body: JSON.stringify(body).replace('"X"', variable),
        headers: { 'content-type': 'application/json' },
        unchecked: true,
      });

    before(async () => {
      const { engine } = target();
      await deploy(engine, `conf-policy-${d.key}`, [
        { name: d.file, content: d.xml },
        { name: u.file, content: u.xml },
        { name: u.formFile, content: u.form },
      ]);
      const stageDue = { type: 'Date' as const, value: daysFromNow(5) };
      instanceId = (await engine.startProcessInstance({ definitionKey: d.key })).id;
      const review = await engine.startProcessInstance({ definitionKey: u.key, variables: { stageDue } });
      userTaskId = (await engine.listUserTasks({ processInstanceId: review.id }))[0]!.id;
      externalTaskId = (await fetchOne(engine, d.topic, { workerId: 'w' })).id;
    });

    /** Everything a refused write could have changed. */
    async function snapshot() {
      const { engine } = target();
      return {
        instances: await engine.countProcessInstances({}),
        variables: await engine.getProcessVariables(instanceId),
        userTasks: await engine.countUserTasks({}),
        externalTasks: await engine.countExternalTasks({}),
      };
    }

    /** Each endpoint, with a body carrying the variable `x`; the path is filled in at run time. */
    const endpoints: [string, string, () => string, (x: unknown) => unknown][] = [
      ['POST', '/message processVariables', () => '/message', (x) => ({ messageName: 'm', processVariables: { x } })],
      ['POST', '/message correlationKeys', () => '/message', (x) => ({ messageName: 'm', correlationKeys: { x } })],
      ['POST', '/process-definition/key/{key}/start', () => `/process-definition/key/${d.key}/start`, (x) => ({ variables: { x } })],
      ['PUT', '/process-instance/{id}/variables/x', () => `/process-instance/${instanceId}/variables/x`, (x) => x],
      ['POST', '/process-instance/{id}/variables', () => `/process-instance/${instanceId}/variables`, (x) => ({ modifications: { x } })],
      ['POST', '/task/{id}/complete', () => `/task/${userTaskId}/complete`, (x) => ({ variables: { x } })],
      ['POST', '/task/{id}/submit-form', () => `/task/${userTaskId}/submit-form`, (x) => ({ variables: { x } })],
      ['POST', '/external-task/{id}/complete (the hot path)', () => `/external-task/${externalTaskId}/complete`, (x) => ({ workerId: 'w', variables: { x } })],
      ['POST', '/external-task/{id}/complete localVariables', () => `/external-task/${externalTaskId}/complete`, (x) => ({ workerId: 'w', localVariables: { x } })],
      ['POST', '/external-task/{id}/bpmnError (the hot path)', () => `/external-task/${externalTaskId}/bpmnError`, (x) => ({ workerId: 'w', errorCode: 'E', variables: { x } })],
    ]; // prettier-ignore

    for (const [method, label, path, body] of endpoints) {
      for (const [what, value, words] of HOSTILE) {
        it(`Given ${what}, When sent to ${method} ${label}, Then 400 naming the variable and the limit, and nothing changes`, async () => {
          const before = await snapshot();
          const res = await callWith(method, path(), body('X'), value);
          expect(res.status, res.text.slice(0, 300)).to.equal(400);
          const error = res.json as { type: string; message: string };
          expect(error.type).to.equal('InvalidRequestException');
          // PUT …/variables/x names the variable in its path; its body is the value itself.
          const named = label.endsWith('variables/x') ? /\bx\b|^The request body at 'value\[/ : /\bx\b/;
          expect(error.message).to.contain(words).and.to.match(named);
          // The value itself is never echoed.
          expect(res.text.length).to.be.below(1_000);
          expect(await snapshot()).to.deep.equal(before);
        });
      }
    }

    it(`Given a body nested deeper than ${MAX_JSON_DEPTH} levels outside any variable, When posted, Then 400 naming where`, async () => {
      const res = await call('POST', '/external-task/fetchAndLock', {
        workerId: 'w',
        maxTasks: 1,
        topics: [{ topicName: 't', lockDuration: 1000, variables: JSON.parse(nested(200)) as unknown }],
      });
      expect(res.status).to.equal(400);
      expect((res.json as { message: string }).message).to.equal(
        `The request body at 'topics[0].variables[0][0][0]…' nests deeper than the limit of ${MAX_JSON_DEPTH} levels`,
      );
    });

    it(`Given an Object text nested exactly ${MAX_VALUE_DEPTH} levels, When written and read back, Then it is stored and deserialized`, async () => {
      const text = nested(MAX_VALUE_DEPTH);
      const put = await call('PUT', `/process-instance/${instanceId}/variables/edge`, {
        type: 'Object',
        value: text,
        valueInfo: OBJECT_INFO,
      });
      expect(put.status).to.equal(204);
      const read = await raw(
        target().engineRestUrl!,
        'GET',
        `/process-instance/${instanceId}/variables/edge`,
        {
          auth: target().auth,
        },
      );
      expect(JSON.stringify((read.json as { value: unknown }).value)).to.equal(text);
    });

    /** A multipart body of `parts` parts of `partBytes` each, streamed, counting what the server pulled. */
    function streamedUpload(parts: number, partBytes: number) {
      const pulled = { bytes: 0 };
      const chunk = Buffer.alloc(64 * 1024, 0x78);
      let part = 0;
      let inPart = partBytes;
      const text = (t: string) => new TextEncoder().encode(t);
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (inPart >= partBytes) {
            if (part === parts) return c.close();
            c.enqueue(
              text(
                `${part ? '\r\n' : ''}--B\r\nContent-Disposition: form-data; name="p${part}"; filename="p${part}.txt"\r\n\r\n`,
              ),
            );
            part++;
            inPart = 0;
            return;
          }
          inPart += chunk.length;
          pulled.bytes += chunk.length;
          c.enqueue(chunk);
        },
      });
      return { body, pulled };
    }

    it(`Given a streamed upload of 100 parts of 4 MB (each under ${MAX_PART_BYTES} bytes), When deployed, Then 413 at the ${MAX_UPLOAD_BYTES}-byte total, reading stops, nothing is deployed`, async () => {
      const deployments = await target().engine.countDeployments();
      const { body, pulled } = streamedUpload(100, 4 * 1024 * 1024);
      const res = await fetch(`${target().engineRestUrl}/deployment/create`, {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { 'content-type': 'multipart/form-data; boundary=B' },
      } as RequestInit);
      expect(res.status).to.equal(413);
      expect(await res.json()).to.deep.equal({
        type: 'InvalidRequestException',
        message: `The upload is larger than the limit of ${MAX_UPLOAD_BYTES} bytes`,
        code: null,
      });
      // 400 MB were on offer; the server stopped within a few MB of the limit.
      expect(pulled.bytes).to.be.below(2 * MAX_UPLOAD_BYTES);
      expect(await target().engine.countDeployments()).to.equal(deployments);
    });

    it('Given an upload whose Content-Length is over the total, When deployed, Then 413 before the body is read', async () => {
      const form = new FormData();
      for (let i = 0; i < 5; i++)
        form.append(`p${i}`, new Blob([Buffer.alloc(4_500_000, 0x78)]), `p${i}.txt`);
      const res = await raw(target().engineRestUrl!, 'POST', '/deployment/create', {
        body: form,
        unchecked: true,
      });
      expect([res.status, (res.json as { message: string }).message]).to.deep.equal([
        413,
        `The upload is larger than the limit of ${MAX_UPLOAD_BYTES} bytes`,
      ]);
    });

    const deployNamed = (name: string) => {
      const form = new FormData();
      form.append('deployment-name', `names-${runSuffix()}`);
      form.append('resource', new Blob([Buffer.from('{}')]), name);
      return raw(target().engineRestUrl!, 'POST', '/deployment/create', { body: form, unchecked: true });
    };

    it('Given a resource named by a relative path (dir/x.form), When deployed, Then it is stored under that name', async () => {
      const res = await deployNamed('dir/x.txt');
      expect(res.status).to.equal(200);
      const { id } = res.json as { id: string };
      const resources = await target().engine.listDeploymentResources(id);
      expect(resources.map((r) => r.name)).to.deep.equal(['dir/x.txt']);
    });

    for (const [shape, name] of [
      ['a leading /', '/etc/x.txt'],
      ['a .. segment', 'dir/../../x.txt'],
      ['a backslash', 'dir\\x.txt'],
      ['a control character (tab)', 'x\t.txt'],
      ['an empty segment', 'dir//x.txt'],
      ['a hidden segment', '.git/x.txt'],
    ]) {
      it(`Given a resource name with ${shape}, When deployed, Then 400 naming the rule and nothing is deployed`, async () => {
        const deployments = await target().engine.countDeployments();
        const res = await deployNamed(name!);
        expect(res.status).to.equal(400);
        expect((res.json as { message: string }).message).to.contain(
          "no leading '/', no empty, '.', '..' or hidden segments",
        );
        expect(await target().engine.countDeployments()).to.equal(deployments);
      });
    }
  },
  process.env.ENGINE_URL ? [] : ['rest'],
);
