/**
 * Smoke test of the reference engine with the official client (camunda-external-task-client-js), over real HTTP:
 * deploy as Camunda Modeler does, start, fetch and complete with typed variables, see the user task with its form.
 * Runs under `npm run test:reference`, which starts the engine and sets ENGINE_URL; the Basic auth case starts
 * its own engine with ENGINE_REST_USER / ENGINE_REST_PASSWORD.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BasicAuthInterceptor,
  Client,
  Variables,
  type Task,
  type TaskService,
} from 'camunda-external-task-client-js';
import { fixturesDir } from './fixtures.js';
import { startReferenceEngine, type ReferenceEngine } from './launcher.js';

function engineUrl(): string {
  const url = process.env.ENGINE_URL;
  if (!url) throw new Error('ENGINE_URL is not set: run this through `npm run test:reference`.');
  return url;
}

async function deployModelerStyle(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.append('deployment-name', 'smoke');
  form.append('deployment-source', 'Camunda Modeler');
  form.append('enable-duplicate-filtering', 'true');
  for (const file of ['ref-external.bpmn', 'ref-outcome.form']) {
    form.append(file, new Blob([readFileSync(join(fixturesDir, file))]), file);
  }
  return fetch(`${url}/deployment/create`, { method: 'POST', body: form, headers });
}

/** Subscribes the official client to `ref-work` and completes one task, resolving with what it saw. */
function completeOne(client: Client, businessKey: string): Promise<{ task: Task; taskService: TaskService }> {
  return new Promise((resolve, reject) => {
    client.subscribe('ref-work', { businessKey, lockDuration: 30000 }, async ({ task, taskService }) => {
      try {
        const variables = new Variables().set('decision', 'escalate').setTyped('decidedAt', {
          type: 'Date',
          value: new Date(Date.UTC(2026, 10, 23, 14)),
          valueInfo: {},
        });
        await taskService.complete(task, variables);
        resolve({ task, taskService });
      } catch (error) {
        reject(error);
      }
    });
  });
}

describe('Reference engine smoke (Operaton, official client)', () => {
  it('Given Modeler-style multipart, When deployed twice with duplicate filtering, Then the second returns the same deployment', async () => {
    const url = engineUrl();
    const first = (await (await deployModelerStyle(url)).json()) as {
      id: string;
      deployedProcessDefinitions: object | null;
    };
    const second = (await (await deployModelerStyle(url)).json()) as {
      id: string;
      deployedProcessDefinitions: object | null;
    };
    expect(second.id).to.equal(first.id);
    expect(second.deployedProcessDefinitions).to.equal(null);
  });

  it('Given a started process, When the official client completes its external task, Then the variables are typed and the user task waits with its form', async () => {
    const url = engineUrl();
    await deployModelerStyle(url);
    const started = await fetch(`${url}/process-definition/key/ref-external/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        businessKey: 'SMOKE-1',
        variables: { caseRef: { value: 'C-1', type: 'String' } },
      }),
    });
    expect(started.headers.get('content-type')).to.equal('application/json');
    const { id } = (await started.json()) as { id: string };
    const client = new Client({ baseUrl: url, asyncResponseTimeout: 5000 });
    try {
      const { task } = await completeOne(client, 'SMOKE-1');
      expect(task.variables.get('caseRef')).to.equal('C-1');
    } finally {
      client.stop();
    }
    const variables = (await (await fetch(`${url}/process-instance/${id}/variables`)).json()) as Record<
      string,
      { type: string; value: unknown }
    >;
    expect(variables.decision).to.deep.include({ type: 'String', value: 'escalate' });
    expect(variables.decidedAt).to.deep.include({ type: 'Date', value: '2026-11-23T14:00:00.000+0000' });
    const [userTask] = (await (await fetch(`${url}/task?processInstanceId=${id}`)).json()) as {
      id: string;
      taskDefinitionKey: string;
    }[];
    expect(userTask?.taskDefinitionKey).to.equal('Review');
    const form = (await (await fetch(`${url}/task/${userTask!.id}/deployed-form`)).json()) as { id: string };
    expect(form.id).to.equal('ref-outcome');
  });

  describe('with Basic auth (ENGINE_REST_USER / ENGINE_REST_PASSWORD)', () => {
    let secured: ReferenceEngine;
    const auth = { user: 'demo', password: 's3cret-for-tests' };
    before(async () => {
      secured = await startReferenceEngine({ auth });
    });
    after(async () => {
      await secured?.stop();
    });

    it('Given auth is on, When a request has no credentials, Then it gets 401', async () => {
      expect((await fetch(`${secured.url}/version`)).status).to.equal(401);
    });

    it('Given auth is on, When the official client uses BasicAuthInterceptor, Then it fetches and completes', async () => {
      const header = {
        authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`,
      };
      expect((await deployModelerStyle(secured.url, header)).status).to.equal(200);
      const started = await fetch(`${secured.url}/process-definition/key/ref-external/start`, {
        method: 'POST',
        headers: { ...header, 'content-type': 'application/json' },
        body: JSON.stringify({ businessKey: 'AUTH-1' }),
      });
      expect(started.status).to.equal(200);
      const client = new Client({
        baseUrl: secured.url,
        asyncResponseTimeout: 5000,
        interceptors: new BasicAuthInterceptor({ username: auth.user, password: auth.password }),
      });
      try {
        const { task } = await completeOne(client, 'AUTH-1');
        expect(task.businessKey).to.equal('AUTH-1');
      } finally {
        client.stop();
      }
    });

    // Last on purpose: after a failed login Operaton refuses that user for a few seconds (FINDINGS §11).
    it('Given auth is on, When the password is wrong, Then it gets 401', async () => {
      const wrong = Buffer.from(`${auth.user}:wrong`).toString('base64');
      expect(
        (await fetch(`${secured.url}/version`, { headers: { authorization: `Basic ${wrong}` } })).status,
      ).to.equal(401);
    });
  });
});
