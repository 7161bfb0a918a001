/**
 * The report's stage order, read from each partnership's diagrams (the `stage` of every record task
 * that writes a stage's end): the order each procedure climbs, so the report's stage tables read as
 * the procedure does.
 */
import { expect } from 'chai';
import { loadPartnerships } from '../../processes/catalogue.js';
import { stageLabel, stageOrderOf } from './stage-order.js';

const order = (id: string) => stageOrderOf(loadPartnerships().find((p) => p.settings.id === id)!);

describe('Report stage order from the diagrams (issue 16)', () => {
  it('Given Liverpool and Northamptonshire, Then Stages 1 to 4 (LSCB procedure, Stage 1 to Stage 4) and 1 to 5 (NSCP Stages 1–5)', async () => {
    expect(await order('liverpool')).to.deep.equal(['1', '2', '3', '4']);
    expect(await order('northamptonshire')).to.deep.equal(['1', '2', '3', '4', '5']);
  });

  it('Given East Riding, Then Stages One to Five (§4), then its conference dissent (§5): conference, adjournment, ERSCP arbitration', async () => {
    expect(await order('east-riding')).to.deep.equal([
      '1',
      '2',
      '3',
      '4',
      '5',
      'conference',
      'adjournment',
      'ERSCP arbitration',
    ]);
  });

  it('Given Wiltshire, Then professional, manager, senior manager, leader (§2), then mediation (§3.1(c)); a stage is named "Stage n" or in its own words', async () => {
    expect(await order('wiltshire')).to.deep.equal([
      'Professional to Professional',
      'Manager to Manager',
      'Senior Manager to Senior Manager',
      'Leader to Leader',
      'Mediation',
    ]);
    expect(stageLabel('2')).to.equal('Stage 2');
    expect(stageLabel('first-line managers')).to.equal('First-line managers');
  });
});
