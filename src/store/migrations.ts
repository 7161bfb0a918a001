/**
 * The application database's schema, one forward-only step per release that changed it. A step is
 * never edited once released: add the next one. Each table belongs to one domain module
 * (src/record, src/outbox, src/documents, src/subjects, src/audit); its SQL sits here so the
 * order of every step is in one place.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the record, the outbox and invites, documents, subjects, the audit log (issue 13).
  `
  CREATE TABLE record_entries (
    seq INTEGER PRIMARY KEY,
    external_task_id TEXT UNIQUE,
    escalation_id TEXT NOT NULL,
    case_reference TEXT NOT NULL,
    partnership TEXT NOT NULL,
    process_instance_id TEXT,
    stage TEXT,
    element_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_role TEXT,
    actor_agency TEXT,
    outcome TEXT,
    corrects_seq INTEGER,
    recorded_at TEXT NOT NULL,
    payload_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX record_entries_by_escalation ON record_entries (escalation_id, seq);
  CREATE INDEX record_entries_by_partnership ON record_entries (partnership, kind, recorded_at);
  CREATE TRIGGER record_entries_append_only_update BEFORE UPDATE ON record_entries
    BEGIN SELECT RAISE(ABORT, 'record entries are append-only: write a correction instead'); END;
  CREATE TRIGGER record_entries_append_only_delete BEFORE DELETE ON record_entries
    BEGIN SELECT RAISE(ABORT, 'record entries are append-only: write a correction instead'); END;
  CREATE TABLE record_payloads (
    seq INTEGER PRIMARY KEY REFERENCES record_entries (seq),
    sealed BLOB NOT NULL
  );

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    effect_key TEXT NOT NULL UNIQUE,
    escalation_id TEXT NOT NULL,
    partnership TEXT NOT NULL,
    process_instance_id TEXT,
    external_task_id TEXT,
    element_id TEXT,
    template TEXT NOT NULL,
    role TEXT,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    ics TEXT,
    message_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
  );
  CREATE INDEX outbox_by_escalation ON outbox (escalation_id, id);
  CREATE INDEX outbox_by_recipient ON outbox (recipient, id);

  CREATE TABLE invites (
    escalation_id TEXT NOT NULL,
    due_variable TEXT NOT NULL,
    uid TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    summary TEXT NOT NULL,
    stage_group TEXT NOT NULL,
    recipients TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (escalation_id, due_variable)
  );

  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    external_task_id TEXT UNIQUE,
    escalation_id TEXT NOT NULL,
    case_reference TEXT NOT NULL,
    partnership TEXT NOT NULL,
    form TEXT NOT NULL,
    element_id TEXT,
    created_at TEXT NOT NULL,
    missing TEXT NOT NULL,
    pdf BLOB NOT NULL,
    json BLOB NOT NULL
  );
  CREATE INDEX documents_by_escalation ON documents (escalation_id, created_at);

  CREATE TABLE subjects (
    partnership TEXT NOT NULL,
    case_reference TEXT NOT NULL,
    sealed BLOB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (partnership, case_reference)
  );

  CREATE TABLE audit_entries (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    escalation_id TEXT,
    outcome TEXT NOT NULL,
    source TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_by_escalation ON audit_entries (escalation_id, seq);
  CREATE TRIGGER audit_entries_append_only_update BEFORE UPDATE ON audit_entries
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
  CREATE TRIGGER audit_entries_append_only_delete BEFORE DELETE ON audit_entries
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
  `,
  // 2: people and their access (users, memberships, tokens, sessions) and the escalations index with the
  // audience the procedure tells (issue 14).
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    email TEXT NOT NULL,
    password_hash TEXT,
    admin INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE memberships (
    user_id INTEGER NOT NULL REFERENCES users (id),
    partnership TEXT NOT NULL,
    agency TEXT,
    organisation TEXT,
    organisation_name TEXT,
    roles TEXT NOT NULL,
    reports INTEGER NOT NULL DEFAULT 0,
    process_owner INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, partnership)
  );
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);

  CREATE TABLE escalations (
    id TEXT PRIMARY KEY,
    partnership TEXT NOT NULL,
    case_reference TEXT NOT NULL,
    process_instance_id TEXT NOT NULL,
    definition_key TEXT NOT NULL,
    disagreement_context TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    raised_by TEXT,
    raised_by_role TEXT NOT NULL,
    raised_by_agency TEXT NOT NULL,
    raised_by_organisation TEXT,
    other_agency TEXT NOT NULL,
    other_organisation TEXT
  );
  CREATE INDEX escalations_by_partnership ON escalations (partnership, raised_at DESC, id);
  CREATE INDEX escalations_by_raised ON escalations (raised_at DESC, id);
  CREATE INDEX escalations_by_process_instance ON escalations (process_instance_id);
  CREATE TABLE escalation_audience (
    escalation_id TEXT NOT NULL,
    role TEXT NOT NULL,
    agency TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    documents INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (escalation_id, role, agency, organisation)
  );
  CREATE INDEX audience_by_role ON escalation_audience (role, agency, organisation);
  `,
  // 3: the categories of lessons learned (and East Riding's multi-agency flag) as plain, non-personal facts beside
  // the record, so the partnership report counts them in SQL without unsealing payloads (issue 16). A side table:
  // record entries are append-only, and the facts of entries written before this step come from their sealed
  // payloads (src/record/lesson-facts.ts backfills them with the key).
  `
  CREATE TABLE record_lessons (
    seq INTEGER PRIMARY KEY REFERENCES record_entries (seq),
    categories TEXT NOT NULL,
    multi_agency INTEGER
  );
  `,
  // 4: a message being handed to the SMTP server is claimed until an instant, so a redelivery of its task (the
  // lock expired mid-send) waits instead of mailing the same person twice (workers/messaging/messenger.ts).
  `
  ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
  `,
  // 5: the index searches of the access rule's SQL twin for a member of a named organisation (src/access/
  // visibility-sql.ts): the escalations they raised, those their organisation or its whole agency is a party to, and
  // those their roles were told of. Without them a school's GET /escalations tested every row of the partnership
  // (docs/benchmarks.md, "API").
  `
  CREATE INDEX escalations_by_raiser ON escalations (partnership, raised_by);
  CREATE INDEX escalations_by_raising_party ON escalations (partnership, raised_by_agency, raised_by_organisation);
  CREATE INDEX escalations_by_other_party ON escalations (partnership, other_agency, other_organisation);
  CREATE INDEX audience_by_organisation ON escalation_audience (organisation, agency, role);
  `,
];
