/**
 * Retention: when an escalation's history time to live ends (partnership.json `historyTimeToLive`
 * days, counted from the process end as Camunda's removal time), its personal data is erased and
 * the record keeps an erasure entry that still verifies (erase.ts, src/record/erasure.ts).
 *
 * When the time ran out: the engine's removal time when the engine still has the instance's
 * history (embedded, or Camunda 7 / Operaton through ENGINE_URL); otherwise the record's end plus
 * the days, in the engine's zone as Camunda adds them. An instance the engine says is still running
 * is never erased, and an engine that cannot be asked stops the run before anything is erased.
 * Every erasure is audited (`retention.erase`), naming the escalation, never a person.
 */
import type { Database as Db } from 'better-sqlite3';
import { DateTime } from 'luxon';
import type { AuditLog } from '../audit/audit-log.js';
import type { RecordStore } from '../record/record-store.js';
import type { ErasurePayload } from '../record/erasure.js';
import { candidatesOf, type RetentionCandidate } from './candidates.js';
import { eraseEscalation, measureErasure, type ErasureCounts, type RemovalDecision } from './erase.js';
import type { InstanceFates } from './instance-fate.js';

export interface RetentionOptions {
  db: Db;
  record: RecordStore;
  audit: AuditLog;
  fates: InstanceFates;
  /** Each partnership's `historyTimeToLive` in days. */
  timeToLive: ReadonlyMap<string, number>;
  /** The engine's zone (ENGINE_TIMEZONE): days are added as calendar days there. */
  zone: string;
  now: Date;
  /** Counts what would go and erases nothing. */
  dryRun: boolean;
  /** Who the audit log names: `retention-sweep`, `cli:<os user>`. */
  actor: string;
  source: string;
}

/** One escalation a run erased (or would erase). */
export interface RetentionOutcome {
  escalationId: string;
  partnership: string;
  decision: RemovalDecision;
  erased: ErasureCounts;
}

export interface RetentionReport {
  erased: RetentionOutcome[];
  /** Ended in the record but not due yet: still running in the engine, or its removal time is later. */
  notYetDue: { escalationId: string; reason: 'running' | 'removal time ahead' }[];
}

/** Runs retention once over every partnership. */
export async function runRetention(options: RetentionOptions): Promise<RetentionReport> {
  const report: RetentionReport = { erased: [], notYetDue: [] };
  for (const [partnership, days] of options.timeToLive) {
    // A day's margin: the exact removal time is decided per escalation below.
    const endedBy = DateTime.fromJSDate(options.now, { zone: options.zone })
      .minus({ days: days - 1 })
      .toJSDate();
    for (const candidate of candidatesOf(options.db, partnership, endedBy)) {
      const decision = await decide(options, candidate, days);
      if (typeof decision === 'string') {
        report.notYetDue.push({ escalationId: candidate.escalationId, reason: decision });
        continue;
      }
      const erased = options.dryRun
        ? measureErasure(options.db, candidate)
        : erase(options, candidate, decision);
      if (erased) report.erased.push({ escalationId: candidate.escalationId, partnership, decision, erased });
    }
  }
  if (!options.dryRun && report.erased.length > 0) flushErasedPages(options.db);
  return report;
}

async function decide(
  options: RetentionOptions,
  c: RetentionCandidate,
  days: number,
): Promise<RemovalDecision | 'running' | 'removal time ahead'> {
  const fate = c.processInstanceId
    ? await options.fates.fate(c.processInstanceId)
    : { state: 'unknown' as const };
  if (fate.state === 'running') return 'running';
  const decision: RemovalDecision =
    fate.state === 'ended' && fate.removalTime
      ? { removalTime: fate.removalTime, basis: 'engine removal time', historyTimeToLiveDays: days }
      : {
          removalTime: plusDays(fate.state === 'ended' ? fate.endTime : c.recordEnd, days, options.zone),
          basis: 'record end + historyTimeToLive',
          historyTimeToLiveDays: days,
        };
  return decision.removalTime.getTime() <= options.now.getTime() ? decision : 'removal time ahead';
}

/**
 * Deleted rows are zeroed in their pages (secure_delete, src/store/app-database.ts), but until a
 * checkpoint the database file keeps the old pages and the WAL the frames that wrote them. A
 * TRUNCATE checkpoint copies the zeroed pages in and empties the WAL. With another connection
 * reading (the server beside the CLI) it may not finish; the next checkpoint then completes it.
 */
function flushErasedPages(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** `days` calendar days later in `zone`, keeping the wall-clock time, as Camunda computes a removal time. */
export function plusDays(from: Date, days: number, zone: string): Date {
  return DateTime.fromJSDate(from, { zone }).plus({ days }).toJSDate();
}

function erase(
  options: RetentionOptions,
  c: RetentionCandidate,
  decision: RemovalDecision,
): ErasurePayload | null {
  // The erasure and its audit entry commit together.
  const run = options.db.transaction(() => {
    const erased = eraseEscalation(options.db, options.record, c, decision, options.now);
    if (erased)
      options.audit.append({
        actor: options.actor,
        action: 'retention.erase',
        target: `escalation:${c.escalationId}`,
        escalationId: c.escalationId,
        outcome: erased.subject === 'erased' ? 'erased-with-subject' : 'erased',
        source: options.source,
        at: options.now,
      });
    return erased;
  });
  return run.immediate();
}
