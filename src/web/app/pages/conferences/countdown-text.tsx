/**
 * A live countdown to a deadline, against the service's clock (`serverNow`, from the API's `Date`
 * header), not the browser's. It is plain text with the deadline in a `<time>` beside it, in no live
 * region, so a screen reader reads it when the person gets to it rather than being interrupted; it
 * changes once a minute at most (when its words would change). The page's one live region
 * (adjournment-status.tsx) speaks only when an adjournment enters its last hour or runs out.
 */
import { useEffect, useState } from 'preact/hooks';
import { serverNow } from '../../api/server-clock.js';
import { formatDateTime } from '../../format.js';
import { countdownText, msToNextChange } from './countdown.js';

export function Countdown({ due }: { due: string }) {
  const at = Date.parse(due);
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          setNow(serverNow());
          schedule();
        },
        msToNextChange(at, serverNow()),
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [at]);
  return (
    <span class="app-countdown">
      {countdownText(at, now)} (<time dateTime={due}>{formatDateTime(due)}</time>)
    </span>
  );
}
