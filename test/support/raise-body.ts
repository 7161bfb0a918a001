/**
 * The raise the tests, the benches and the fuzz seeding send to `POST /api/v1/escalations`: a
 * Liverpool school's Designated Safeguarding Lead disputes Children's Services' threshold decision.
 * It is the processes' own sample escalation without what the API takes from the signed-in user
 * (partnership and agency). Each adds its own case reference (and whatever it varies).
 */
import { SAMPLE_ESCALATION } from '../../processes/scenarios/scenario.js';

const { partnership: _partnership, raisedByAgency: _agency, ...body } = SAMPLE_ESCALATION;

export const SCHOOL_RAISE = body;
