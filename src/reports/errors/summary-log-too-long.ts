/** More escalations in the period than one summary log holds: a shorter period gives it in parts. */
export class SummaryLogTooLong extends Error {
  readonly code = 'SUMMARY_LOG_TOO_LONG';
  constructor(readonly max: number) {
    super(`more than ${max} escalations in the period: ask for a shorter period`);
    this.name = 'SummaryLogTooLong';
  }
}
