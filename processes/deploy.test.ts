import { expect } from 'chai';
import { parseDeployment, DEFAULT_MAX_DEPLOYMENT_BYTES } from '../src/engine/deploy/index.js';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  collectResources,
  deployProcesses,
  describeOlderVersions,
  diagramVersions,
  DEPLOYMENT_NAME,
} from './deploy.js';
import { REPOSITORY_ROOT } from './catalogue.js';
import { parseStartVariables, toStartVariableMap } from './variables.js';
import { SAMPLE_ESCALATION } from './scenarios/scenario.js';
import { loadPartnerships } from './catalogue.js';
import { openTarget, targetName, type Target } from './scenarios/target.js';

describe('deployProcesses: every diagram and form, with duplicate filtering', () => {
  it('Given this checkout, When resources are collected, Then all 9 diagrams and every form are there, by path', () => {
    const names = collectResources().map((r) => r.name);
    expect(names.filter((n) => n.endsWith('.bpmn'))).to.have.length(9);
    expect(names).to.include.members(['forms/stage-outcome.form', 'processes/liverpool/escalation.bpmn']);
  });

  it('Given every diagram and form, When run through our guarded deploy parser, Then it accepts them with one definition per diagram', async () => {
    const parsed = await parseDeployment(collectResources(), { maxBytes: DEFAULT_MAX_DEPLOYMENT_BYTES });
    const keys = parsed.resources.flatMap((r) => r.processes.map((p) => p.key)).sort();
    const expected = loadPartnerships()
      .flatMap((p) => p.settings.diagrams.map((d) => d.key))
      .sort();
    expect(keys).to.deep.equal(expected);
    const forms = parsed.resources.filter((r) => r.kind === 'form').map((r) => r.formId);
    expect(forms).to.include('stage-outcome');
  });

  describe(`on ${targetName()}`, () => {
    let target: Target;
    before(async () => {
      target = await openTarget();
    });
    after(async () => target?.cleanup());

    it('Given the diagrams are deployed, When deployed again unchanged, Then no new version is created', async () => {
      await deployProcesses(target.engine);
      const before = await target.engine.listProcessDefinitions({ key: 'LiverpoolEscalation' });
      const again = await deployProcesses(target.engine);
      expect(Object.keys(again.deployedProcessDefinitions)).to.deep.equal([]);
      const after = await target.engine.listProcessDefinitions({ key: 'LiverpoolEscalation' });
      expect(after.map((d) => d.version)).to.deep.equal(before.map((d) => d.version));
      const latest = await target.engine.getProcessDefinitionByKey('WiltshireEscalation');
      expect(latest.historyTimeToLive).to.equal(2190);
      expect((await target.engine.listDeployments({ name: DEPLOYMENT_NAME })).length).to.be.greaterThan(0);
    });

    it('Given an escalation running on Wiltshire, When a changed diagram is deployed, Then it stays on its version and the older version is reported with it', async () => {
      await deployProcesses(target.engine);
      const pi = await target.engine.startProcessInstance({
        definitionKey: 'WiltshireEscalation',
        businessKey: 'versions-test-1',
        variables: toStartVariableMap(
          parseStartVariables({
            ...SAMPLE_ESCALATION,
            partnership: 'wiltshire',
            escalationId: `versions-${Date.now()}`,
            raisedAt: new Date(),
            caseReference: 'CR-2026-00077',
          }),
        ),
      });
      const root = mkdtempSync(join(tmpdir(), 'versions-'));
      try {
        for (const dir of ['processes', 'forms'])
          cpSync(join(REPOSITORY_ROOT, dir), join(root, dir), { recursive: true });
        appendFileSync(
          join(root, 'processes', 'wiltshire', 'escalation.bpmn'),
          '\n<!-- changed by a test -->\n',
        );
        await deployProcesses(target.engine, { root });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
      const versions = (await diagramVersions(target.engine)).filter((v) => v.key === 'WiltshireEscalation');
      const mine = versions.find((v) => v.definitionId === pi.definitionId)!;
      expect(mine.latest).to.equal(false);
      expect(mine.running).to.be.at.least(1);
      expect(versions[0]!.latest).to.equal(true);
      expect(versions[0]!.version).to.equal(mine.version + 1);
      expect(describeOlderVersions(versions)).to.include(
        `WiltshireEscalation version ${mine.version}: ${mine.running} running escalation${mine.running === 1 ? '' : 's'} (latest is version ${mine.version + 1})`,
      );
      await target.engine.deleteProcessInstance(pi.id);
    });
  });
});
