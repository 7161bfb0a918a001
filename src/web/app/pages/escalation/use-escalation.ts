/**
 * The escalation the page shows: loaded once (the not-found page for a 404), then replaced in place
 * after an action, without the page going back to "Loading…" (focus and banners stay). After a
 * stage's outcome is recorded the workers start what follows a moment later, so `follow` asks again
 * until the page has something new to show (a new open stage, or the escalation has ended).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getEscalation } from '../../api/escalations.js';
import type { Escalation } from '../../api/types.js';
import { prefetched } from '../../hooks/prefetched.js';
import { useResource, type Resource } from '../../hooks/use-resource.js';
import { earlyKeys } from './prefetch.js';

const POLL_MS = 400;
const POLLS = 25;

export interface EscalationState {
  resource: Resource<Escalation>;
  /** Shows this answer now (e.g. the one `POST …/complete` returned). */
  replace(escalation: Escalation): void;
  /** Asks again until `moved(now)` holds, or a few seconds have passed. */
  follow(moved: (now: Escalation) => boolean): void;
}

export function useEscalation(id: string): EscalationState {
  // The answer asked for as the app started (prefetch.ts), else a request of its own.
  const loaded = useResource(
    (signal) => prefetched(earlyKeys.escalation(id), () => getEscalation(id, signal)),
    [id],
  );
  const [latest, setLatest] = useState<Escalation | null>(null);
  const polling = useRef<AbortController | null>(null);
  useEffect(() => {
    setLatest(null);
    return () => polling.current?.abort();
  }, [id]);
  const follow = (moved: (now: Escalation) => boolean) => {
    polling.current?.abort();
    const controller = (polling.current = new AbortController());
    void (async () => {
      for (let i = 0; i < POLLS && !controller.signal.aborted; i++) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const now = await getEscalation(id, controller.signal).catch(() => null);
        if (!now || controller.signal.aborted) continue;
        setLatest(now);
        if (moved(now)) return;
      }
    })();
  };
  const resource: Resource<Escalation> =
    loaded.state === 'ready' && latest?.id === id ? { state: 'ready', data: latest } : loaded;
  return { resource, replace: setLatest, follow };
}
