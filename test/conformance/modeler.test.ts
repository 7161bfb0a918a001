/**
 * Camunda Modeler 5's requests, replayed byte-shape for byte-shape (client/src/plugins/
 * camunda-plugin/shared/CamundaAPI.js): the connection check, the version, the deploy with its
 * fields and attached `.form` files, the start dialog; and `deploy-changed-only` on its own.
 */
import { expect } from 'chai';
import { runSuffix, userTaskDiagram } from './fixtures/diagrams.js';
import { raw } from './harness/raw-http.js';
import { camundaDateFromNow } from './harness/scenario.js';
import { forEachTarget, httpTargetNames } from './harness/targets.js';

interface DeployAnswer {
  id: string;
  name: string;
  source: string;
  deploymentTime: string;
  links: { rel: string; href: string; method: string }[];
  deployedProcessDefinitions: Record<string, { id: string; key: string; version: number }> | null;
}

/** Modeler's FormData: name, source, duplicate filtering, then the diagram and its attachments. */
function modelerForm(
  name: string,
  diagram: { name: string; contents: string },
  attachments: { name: string; contents: string }[],
) {
  const form = new FormData();
  form.append('deployment-name', name);
  form.append('deployment-source', 'Camunda Modeler');
  form.append('enable-duplicate-filtering', 'true');
  form.append(diagram.name, new Blob([diagram.contents], { type: 'text/xml' }), diagram.name);
  for (const f of attachments) form.append(f.name, new Blob([f.contents]), f.name);
  return form;
}

forEachTarget(
  'Camunda Modeler 5 against /engine-rest',
  (target) => {
    const modeler = (
      method: string,
      path: string,
      init: { body?: BodyInit; headers?: Record<string, string> } = {},
    ) =>
      raw(target().engineRestUrl!, method, path, {
        auth: target().auth,
        ...init,
        headers: { accept: 'application/json', ...init.headers },
      });

    it('Given the Deploy dialog, When it checks the connection, Then GET /deployment?maxResults=0 answers 200 []', async () => {
      const res = await modeler('GET', '/deployment?maxResults=0');
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('application/json');
      expect(res.json).to.deep.equal([]);
    });

    it('Given the Deploy dialog, When it asks the version, Then a Camunda 7 version string comes back', async () => {
      const res = await modeler('GET', '/version');
      expect(res.status).to.equal(200);
      expect((res.json as { version: string }).version).to.match(/^\d+\.\d+\.\d+/);
    });

    it('Given a diagram with its form, When deployed as Modeler does, Then definitions and a self link come back; an identical redeploy adds no version', async () => {
      const u = userTaskDiagram(runSuffix());
      const diagram = { name: u.file, contents: u.xml };
      const first = await modeler('POST', '/deployment/create', {
        body: modelerForm(u.key, diagram, [{ name: u.formFile, contents: u.form }]),
      });
      expect(first.status).to.equal(200);
      const body = first.json as DeployAnswer;
      expect(body.source).to.equal('Camunda Modeler');
      expect(body.name).to.equal(u.key);
      const defs = Object.values(body.deployedProcessDefinitions ?? {});
      expect(defs.map((p) => [p.key, p.version])).to.deep.equal([[u.key, 1]]);
      expect(body.links.map((l) => [l.rel, l.method])).to.deep.equal([['self', 'GET']]);
      expect(body.links[0]!.href).to.match(new RegExp(`/deployment/${body.id}$`));
      const resources = (await modeler('GET', `/deployment/${body.id}/resources`)).json as { name: string }[];
      expect(resources.map((r) => r.name).sort()).to.deep.equal([u.file, u.formFile].sort());

      const again = await modeler('POST', '/deployment/create', {
        body: modelerForm(u.key, diagram, [{ name: u.formFile, contents: u.form }]),
      });
      expect(again.status).to.equal(200);
      const count = (await modeler('GET', `/process-definition/count?key=${u.key}`)).json as {
        count: number;
      };
      expect(count.count).to.equal(1);
    });

    it('Given a deployed diagram, When Modeler starts an instance, Then it gets a ProcessInstanceDto with a self link', async () => {
      const u = userTaskDiagram(runSuffix());
      const deployed = (
        await modeler('POST', '/deployment/create', {
          body: modelerForm(u.key, { name: u.file, contents: u.xml }, [
            { name: u.formFile, contents: u.form },
          ]),
        })
      ).json as DeployAnswer;
      const def = Object.values(deployed.deployedProcessDefinitions!)[0]!;
      const res = await modeler('POST', `/process-definition/${def.id}/start`, {
        body: JSON.stringify({
          businessKey: 'MOD-1',
          variables: { stageDue: { value: camundaDateFromNow(7), type: 'Date' } },
        }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).to.equal(200);
      const pi = res.json as {
        id: string;
        definitionId: string;
        businessKey: string;
        links: { rel: string }[];
      };
      expect(pi).to.include({ definitionId: def.id, businessKey: 'MOD-1' });
      expect(pi.links.map((l) => l.rel)).to.deep.equal(['self']);
    });

    it('Given an invalid diagram, When Modeler deploys it, Then a 400 ParseException starts with ENGINE-09005 and carries details', async () => {
      const s = runSuffix();
      const u = userTaskDiagram(s);
      // Well-formed, but without historyTimeToLive: both engines answer with a ParseException.
      const invalid = u.xml.replace(' camunda:historyTimeToLive="180"', '');
      const res = await modeler('POST', '/deployment/create', {
        body: modelerForm(`broken-${s}`, { name: `broken-${s}.bpmn`, contents: invalid }, []),
      });
      expect(res.status).to.equal(400);
      const body = res.json as {
        type: string;
        message: string;
        details: Record<string, { errors: unknown[] }>;
      };
      expect(body.type).to.equal('ParseException');
      expect(body.message.startsWith('ENGINE-09005 Could not parse BPMN process.')).to.equal(true);
      expect(body.details[`broken-${s}.bpmn`]!.errors.length).to.be.greaterThan(0);
    });

    it('Given two diagrams of which one changed, When deployed with deploy-changed-only, Then the unchanged one keeps its version', async () => {
      const s = runSuffix();
      const a = userTaskDiagram(`${s}a`);
      const b = userTaskDiagram(`${s}b`);
      const form = (aXml: string) => {
        const f = new FormData();
        f.append('deployment-name', `changed-only-${s}`);
        f.append('deploy-changed-only', 'true');
        f.append(a.file, new Blob([aXml]), a.file);
        f.append(b.file, new Blob([b.xml]), b.file);
        f.append(a.formFile, new Blob([a.form]), a.formFile);
        f.append(b.formFile, new Blob([b.form]), b.formFile);
        return f;
      };
      await modeler('POST', '/deployment/create', { body: form(a.xml) });
      const second = (
        await modeler('POST', '/deployment/create', {
          body: form(a.xml.replace('Record the outcome', 'Record the outcome (v2)')),
        })
      ).json as DeployAnswer;
      const versions = Object.values(second.deployedProcessDefinitions ?? {}).map((p) => [p.key, p.version]);
      expect(versions).to.deep.equal([[a.key, 2]]);
      const latestB = (await modeler('GET', `/process-definition/key/${b.key}`)).json as { version: number };
      expect(latestB.version).to.equal(1);
      const resources = (await modeler('GET', `/deployment/${second.id}/resources`)).json as {
        name: string;
      }[];
      expect(resources.map((r) => r.name)).to.deep.equal([a.file]);
    });
  },
  httpTargetNames(),
);
