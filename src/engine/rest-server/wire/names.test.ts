import { expect } from 'chai';
import { checkResourceName, checkVariableName } from './names.js';

describe('Names from requests', () => {
  it('Given ordinary names, When checked, Then they pass', () => {
    for (const n of ['stageDue', 'stage2Due', 'outcome.summary', 'child_id', 'Öffentlich'])
      checkVariableName(n, 'v');
    for (const n of [
      'east-riding.bpmn',
      'stage outcome.form',
      'a.bpmn20.xml',
      'processes/liverpool/escalation.bpmn',
    ])
      checkResourceName(n, 'r');
  });

  for (const n of ['../etc/passwd', 'a/b', 'a\\b', '..', 'a..b', '', 'x'.repeat(256), 'tab\there']) {
    it(`Given variable name ${JSON.stringify(n.slice(0, 20))}, When checked, Then it is refused`, () => {
      expect(() => checkVariableName(n, 'variables.x')).to.throw(/variables\.x/);
    });
  }

  for (const n of [
    '../../etc/passwd.bpmn',
    '/abs.bpmn',
    'dir//a.bpmn',
    'dir/../a.bpmn',
    'dir/.git/a.bpmn',
    'dir/',
    '..\\a.bpmn',
    '.hidden.bpmn',
    'nul\u0000.bpmn',
  ]) {
    it(`Given resource name ${JSON.stringify(n)}, When checked, Then it is refused`, () => {
      expect(() => checkResourceName(n, 'resource')).to.throw(/resource/);
    });
  }
});
