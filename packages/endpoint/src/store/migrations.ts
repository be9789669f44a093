/**
 * Numbered, forward-only schema migrations. A migration, once released, is never edited: add a
 * new one. Each runs in its own transaction and is recorded in `schema_migrations`.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'requests, status history, reference sequences, attachments',
    sql: `
      CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        form_id TEXT NOT NULL,
        form_version TEXT NOT NULL,
        form_title TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('web', 'counter', 'phone', 'mail')),
        lang TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
        idempotency_key_hash BLOB NOT NULL,
        tracking_code_hash BLOB NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expected_by TEXT,
        UNIQUE (form_id, idempotency_key_hash)
      );
      CREATE INDEX requests_by_form ON requests (form_id, id);

      CREATE TABLE status_history (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests (id),
        at TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('received', 'in_progress', 'action_required', 'completed', 'rejected', 'cancelled')),
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        note TEXT
      );
      CREATE INDEX status_history_by_request ON status_history (request_id, id);
      CREATE TRIGGER status_history_no_update BEFORE UPDATE ON status_history
        BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
      CREATE TRIGGER status_history_no_delete BEFORE DELETE ON status_history
        BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;

      CREATE TABLE reference_sequences (
        prefix TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (prefix, year)
      ) WITHOUT ROWID;

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL,
        field TEXT NOT NULL,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        type TEXT NOT NULL,
        created_at TEXT NOT NULL,
        request_id INTEGER REFERENCES requests (id)
      );
      CREATE INDEX attachments_unlinked ON attachments (created_at) WHERE request_id IS NULL;
      CREATE INDEX attachments_by_request ON attachments (request_id);
    `,
  },
];
