/**
 * The escalations' written record (issue 13): an append-only, hash-chained list of entries in the
 * application database. Raise, every stage's end, breach, withdrawal and lessons are entries, so
 * reports can be computed from the record alone. An entry's payload (the stage's form data, which
 * may name people) is sealed in a separate table that only the retention job may delete; the entry
 * keeps the payload's hash, so the chain still verifies once it is gone. Nothing is updated or
 * deleted: a database trigger refuses it, and a correction is a new entry pointing at the old one.
 */
import type { Database as Db } from 'better-sqlite3';
import { canonicalJson, entryHash, GENESIS_HASH, sha256 } from '../ledger/chain.js';
import { sealJson, unsealJson } from '../crypto/seal.js';
import { erasuresOf, unaccountedErasure, type Erasures } from './erasure.js';
import { writeLessonFacts } from './lesson-facts.js';

/** What a caller gives to append an entry. */
export interface NewRecordEntry {
  /** The external task that wrote it: a redelivered task finds its entry instead of adding one. */
  externalTaskId: string | null;
  escalationId: string;
  caseReference: string;
  partnership: string;
  processInstanceId: string | null;
  stage: string | null;
  elementId: string;
  kind: string;
  actorRole: string | null;
  actorAgency: string | null;
  outcome: string | null;
  /** The entry this one corrects, by `seq`. */
  correctsSeq: number | null;
  recordedAt: Date;
  /** The stage's form data or other details; sealed at rest. */
  payload: Record<string, unknown> | null;
}

/** A stored entry. `payload` is null when there was none or retention erased it (`payloadErased`). */
export interface RecordEntry extends Omit<NewRecordEntry, 'recordedAt'> {
  seq: number;
  recordedAt: string;
  payloadHash: string;
  prevHash: string;
  hash: string;
  payloadErased: boolean;
}

/** What `verify` found. */
export type ChainStatus =
  { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

interface Row {
  seq: number;
  external_task_id: string | null;
  escalation_id: string;
  case_reference: string;
  partnership: string;
  process_instance_id: string | null;
  stage: string | null;
  element_id: string;
  kind: string;
  actor_role: string | null;
  actor_agency: string | null;
  outcome: string | null;
  corrects_seq: number | null;
  recorded_at: string;
  payload_hash: string;
  prev_hash: string;
  hash: string;
  sealed: Buffer | null;
}

const aad = (seq: number) => `record:${seq}`;

/** The fields an entry's hash covers, in the canonical form verify recomputes. */
function hashedFields(row: Omit<Row, 'hash' | 'prev_hash' | 'sealed'>): Record<string, unknown> {
  return {
    seq: row.seq,
    externalTaskId: row.external_task_id,
    escalationId: row.escalation_id,
    caseReference: row.case_reference,
    partnership: row.partnership,
    processInstanceId: row.process_instance_id,
    stage: row.stage,
    elementId: row.element_id,
    kind: row.kind,
    actorRole: row.actor_role,
    actorAgency: row.actor_agency,
    outcome: row.outcome,
    correctsSeq: row.corrects_seq,
    recordedAt: row.recorded_at,
    payloadHash: row.payload_hash,
  };
}

const payloadHashOf = (payload: Record<string, unknown> | null) => sha256(canonicalJson(payload));
const NO_PAYLOAD_HASH = payloadHashOf(null);

export class RecordStore {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
  ) {}

  /**
   * Appends an entry, or returns the one its external task already wrote (a redelivered task adds
   * nothing). The read of the chain's head and the insert are one immediate transaction, so two
   * writers never fork the chain.
   */
  append(entry: NewRecordEntry): { entry: RecordEntry; created: boolean } {
    const run = this.db.transaction((): { seq: number; created: boolean } => {
      if (entry.externalTaskId !== null) {
        const existing = this.db
          .prepare('SELECT seq FROM record_entries WHERE external_task_id = ?')
          .get(entry.externalTaskId) as { seq: number } | undefined;
        if (existing) return { seq: existing.seq, created: false };
      }
      const head = this.db.prepare('SELECT seq, hash FROM record_entries ORDER BY seq DESC LIMIT 1').get() as
        { seq: number; hash: string } | undefined;
      const row = {
        seq: (head?.seq ?? 0) + 1,
        external_task_id: entry.externalTaskId,
        escalation_id: entry.escalationId,
        case_reference: entry.caseReference,
        partnership: entry.partnership,
        process_instance_id: entry.processInstanceId,
        stage: entry.stage,
        element_id: entry.elementId,
        kind: entry.kind,
        actor_role: entry.actorRole,
        actor_agency: entry.actorAgency,
        outcome: entry.outcome,
        corrects_seq: entry.correctsSeq,
        recorded_at: entry.recordedAt.toISOString(),
        payload_hash: payloadHashOf(entry.payload),
      };
      const prevHash = head?.hash ?? GENESIS_HASH;
      const hash = entryHash(hashedFields(row), prevHash);
      this.db
        .prepare(
          `INSERT INTO record_entries (seq, external_task_id, escalation_id, case_reference, partnership,
             process_instance_id, stage, element_id, kind, actor_role, actor_agency, outcome, corrects_seq,
             recorded_at, payload_hash, prev_hash, hash)
           VALUES (@seq, @external_task_id, @escalation_id, @case_reference, @partnership, @process_instance_id,
             @stage, @element_id, @kind, @actor_role, @actor_agency, @outcome, @corrects_seq, @recorded_at,
             @payload_hash, @prev_hash, @hash)`,
        )
        .run({ ...row, prev_hash: prevHash, hash });
      if (entry.payload !== null) {
        this.db
          .prepare('INSERT INTO record_payloads (seq, sealed) VALUES (?, ?)')
          .run(row.seq, sealJson(this.key, entry.payload, aad(row.seq)));
      }
      // The plain facts the partnership report counts, in the entry's own transaction (lesson-facts.ts).
      if (entry.kind === 'lessons') writeLessonFacts(this.db, row.seq, entry.payload);
      return { seq: row.seq, created: true };
    });
    const { seq, created } = run.immediate();
    return { entry: this.get(seq)!, created };
  }

  /** One entry by its sequence number. */
  get(seq: number): RecordEntry | undefined {
    const row = this.db.prepare(`${SELECT} WHERE e.seq = ?`).get(seq) as Row | undefined;
    return row && this.toEntry(row);
  }

  /** An escalation's entries in order. */
  forEscalation(escalationId: string): RecordEntry[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE e.escalation_id = ? ORDER BY e.seq`)
      .all(escalationId) as Row[];
    return rows.map((r) => this.toEntry(r));
  }

  /**
   * An escalation's entries (without their payloads), each checked on its own: its hash, its link
   * to the entry before it in the chain and its payload, without walking the whole chain as
   * {@link verify} does (so an escalation's page stays fast however long the record grows).
   * `problem` is null for an intact entry; its words never name another escalation's entry.
   */
  checkedForEscalation(escalationId: string): { entry: RecordEntry; problem: string | null }[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE e.escalation_id = ? ORDER BY e.seq`)
      .all(escalationId) as Row[];
    const hashOf = this.db.prepare('SELECT hash FROM record_entries WHERE seq = ?');
    const erased = erasuresOf(this.db, this, escalationId);
    return rows.map((row) => {
      const prev =
        row.seq === 1 ? GENESIS_HASH : (hashOf.get(row.seq - 1) as { hash: string } | undefined)?.hash;
      const problem =
        prev === undefined ? 'the entry before it is missing' : this.problem(row, prev, row.seq, erased);
      return { entry: this.toEntry(row, false), problem };
    });
  }

  /** Walks the whole chain; names the first entry whose hash, link or payload no longer fits. */
  verify(): ChainStatus {
    let prev = GENESIS_HASH;
    let count = 0;
    const erased = erasuresOf(this.db, this);
    const rows = this.db.prepare(`${SELECT} ORDER BY e.seq`).iterate() as Iterable<Row>;
    for (const row of rows) {
      count += 1;
      const reason = this.problem(row, prev, count, erased);
      if (reason) return { ok: false, count, brokenAt: row.seq, reason };
      prev = row.hash;
    }
    return { ok: true, count };
  }

  private problem(row: Row, prev: string, expectedSeq: number, erased: Erasures): string | null {
    if (row.seq !== expectedSeq) return `entry ${expectedSeq} is missing (found ${row.seq} next)`;
    if (row.prev_hash !== prev) return 'its prev_hash does not match the previous entry';
    if (entryHash(hashedFields(row), row.prev_hash) !== row.hash) return 'its contents do not match its hash';
    // Only retention deletes a payload, and it names each one in an erasure entry (erasure.ts).
    if (row.sealed === null && row.payload_hash !== NO_PAYLOAD_HASH)
      return unaccountedErasure(erased, row.seq, row.escalation_id);
    if (row.sealed !== null) {
      let payload: Record<string, unknown> | null;
      try {
        payload = unsealJson<Record<string, unknown> | null>(this.key, row.sealed, aad(row.seq));
      } catch {
        return 'its payload cannot be decrypted (changed bytes or another key)';
      }
      if (payloadHashOf(payload) !== row.payload_hash) return 'its payload does not match the payload hash';
    }
    return null;
  }

  private toEntry(row: Row, withPayload = true): RecordEntry {
    const payload =
      !withPayload || row.sealed === null
        ? null
        : unsealJson<Record<string, unknown>>(this.key, row.sealed, aad(row.seq));
    return {
      seq: row.seq,
      externalTaskId: row.external_task_id,
      escalationId: row.escalation_id,
      caseReference: row.case_reference,
      partnership: row.partnership,
      processInstanceId: row.process_instance_id,
      stage: row.stage,
      elementId: row.element_id,
      kind: row.kind,
      actorRole: row.actor_role,
      actorAgency: row.actor_agency,
      outcome: row.outcome,
      correctsSeq: row.corrects_seq,
      recordedAt: row.recorded_at,
      payload,
      payloadHash: row.payload_hash,
      payloadErased: row.sealed === null && row.payload_hash !== payloadHashOf(null),
      prevHash: row.prev_hash,
      hash: row.hash,
    };
  }
}

const SELECT = `SELECT e.*, p.sealed FROM record_entries e LEFT JOIN record_payloads p ON p.seq = e.seq`;
