/**
 * The chair's view's one live region (`role="status"`, polite). The countdowns themselves are plain
 * text, read when the person reaches them; this region speaks only when an adjournment on the page
 * moves into its last hour or runs out while the page is open: never on load and never for the
 * minute-by-minute countdown, so a screen reader is not interrupted every minute. Once one has run
 * out, "Refresh the list" loads the view again (the escalation will have moved on to arbitration).
 */
import { useEffect, useState } from 'preact/hooks';
import { serverNow } from '../../api/server-clock.js';
import type { ChairRow } from './conference-data.js';
import { msToNextChange, phaseAnnouncement, phaseOf } from './countdown.js';

export const STATUS_ID = 'adjourned-status';

export function AdjournmentStatus({ rows, onRefresh }: { rows: ChairRow[]; onRefresh: () => void }) {
  const dues = rows
    .filter((r) => r.open.due)
    .map((r) => ({ reference: r.escalation.caseReference, due: Date.parse(r.open.due!) }));
  const [message, setMessage] = useState('');
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    if (!dues.length) return;
    let phases = dues.map((d) => phaseOf(d.due, serverNow()));
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const now = serverNow();
      const next = dues.map((d) => phaseOf(d.due, now));
      const changed = dues.flatMap((d, i) => (next[i] !== phases[i] ? [{ ...d, phase: next[i]! }] : []));
      phases = next;
      const said = phaseAnnouncement(changed);
      if (said) setMessage(said);
      if (changed.some((c) => c.phase === 'expired')) setExpired(true);
      // Phases change on whole minutes before a deadline, as the countdown's words do.
      timer = setTimeout(tick, Math.min(...dues.map((d) => msToNextChange(d.due, now))));
    };
    timer = setTimeout(tick, Math.min(...dues.map((d) => msToNextChange(d.due, serverNow()))));
    return () => clearTimeout(timer);
  }, [dues.map((d) => `${d.reference}@${d.due}`).join()]);
  return (
    <>
      {/* Empty until there is something to say, and then without the paragraph's space below. */}
      <p
        class={`govuk-body govuk-!-font-weight-bold${message ? '' : ' govuk-!-margin-bottom-0'}`}
        role="status"
        id={STATUS_ID}
      >
        {message}
      </p>
      {expired && (
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onRefresh}>
          Refresh the list
        </button>
      )}
    </>
  );
}
