/**
 * The raise the tests, the benches and the fuzz seeding send to `POST /api/v1/escalations`: a
 * Liverpool school's Designated Safeguarding Lead disputes Children's Services' threshold decision.
 * Each adds its own case reference (and whatever it varies).
 */
export const SCHOOL_RAISE = {
  raisedByRole: 'raising-professional',
  otherAgencyRole: 'other-agency-professional',
  otherAgency: 'childrens-services',
  disagreement: 'Referral not accepted at the threshold for assessment',
  outcomeSought: 'An assessment of the family',
  timescaleSought: 'Within 5 working days',
  immediateRisk: false,
  childStatus: 'none',
} as const;
