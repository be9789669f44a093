/**
 * The SQLite schema: numbered, forward-only migrations. A migration, once released, is never
 * edited: add a new one. They run in one `BEGIN IMMEDIATE` transaction (the database's write
 * lock, so two processes starting together on one file apply each once) with foreign keys off,
 * as SQLite's table rebuilds require, checked before the commit. PostgreSQL has its own list
 * (../postgres/migrations.ts): the two schemas say the same thing in each database's words.
 */
import type { Migration } from '../migration.js';

export const sqliteMigrations: Migration[] = [
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
  {
    version: 2,
    name: 'languages are data (no CHECK on lang); settings, attachment contents and counters in the database',
    sql: `
      CREATE TABLE requests_v2 (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        form_id TEXT NOT NULL,
        form_version TEXT NOT NULL,
        form_title TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('web', 'counter', 'phone', 'mail')),
        lang TEXT NOT NULL,
        idempotency_key_hash BLOB NOT NULL,
        tracking_code_hash BLOB NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expected_by TEXT,
        UNIQUE (form_id, idempotency_key_hash)
      );
      INSERT INTO requests_v2 SELECT id, reference, form_id, form_version, form_title, channel, lang,
        idempotency_key_hash, tracking_code_hash, data, created_at, expected_by FROM requests;
      DROP TABLE requests;
      ALTER TABLE requests_v2 RENAME TO requests;
      CREATE INDEX requests_by_form ON requests (form_id, id);

      CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value BLOB NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE attachment_contents (
        attachment_id TEXT PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
        content BLOB NOT NULL
      );

      CREATE TABLE counters (
        key TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        reset_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX counters_by_reset ON counters (reset_at);
    `,
  },
  {
    version: 3,
    name: "the citizen's replies; the outbox of mails and webhooks",
    sql: `
      CREATE TABLE replies (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        request_id INTEGER NOT NULL REFERENCES requests (id),
        at TEXT NOT NULL,
        message TEXT,
        lang TEXT NOT NULL,
        idempotency_key_hash BLOB NOT NULL,
        UNIQUE (request_id, idempotency_key_hash)
      );
      CREATE INDEX replies_by_request ON replies (request_id, id);
      CREATE TRIGGER replies_no_update BEFORE UPDATE ON replies
        BEGIN SELECT RAISE(ABORT, 'replies are append-only'); END;
      CREATE TRIGGER replies_no_delete BEFORE DELETE ON replies
        BEGIN SELECT RAISE(ABORT, 'replies are append-only'); END;

      -- A reply's files: uploaded for a request (for_request_id), linked to it and to the reply once sent.
      ALTER TABLE attachments ADD COLUMN reply_id INTEGER REFERENCES replies (id);
      ALTER TABLE attachments ADD COLUMN for_request_id INTEGER REFERENCES requests (id);
      CREATE INDEX attachments_by_reply ON attachments (reply_id);

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL CHECK (channel IN ('mail', 'webhook')),
        request_id INTEGER NOT NULL REFERENCES requests (id),
        event TEXT NOT NULL,
        recipient TEXT,
        payload TEXT NOT NULL,
        sealed BLOB,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        next_attempt_at TEXT NOT NULL,
        claimed_until TEXT,
        last_attempt_at TEXT,
        last_error TEXT,
        done_at TEXT
      );
      CREATE INDEX outbox_pending ON outbox (channel, request_id, id) WHERE state = 'pending';
      CREATE INDEX outbox_by_request ON outbox (request_id, id);
      CREATE INDEX outbox_by_state ON outbox (state, id);
    `,
  },
  {
    version: 4,
    name: 'hardening: the body behind each idempotency key, agent-entered requests, whose uploads, served form versions',
    sql: `
      ALTER TABLE requests ADD COLUMN submission_hash BLOB;
      ALTER TABLE requests ADD COLUMN by_agent INTEGER NOT NULL DEFAULT 0 CHECK (by_agent IN (0, 1));
      ALTER TABLE attachments ADD COLUMN client_key TEXT;
      CREATE INDEX attachments_unlinked_by_client ON attachments (client_key) WHERE request_id IS NULL;

      CREATE TABLE form_versions (
        form_id TEXT NOT NULL,
        version TEXT NOT NULL,
        definition TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        PRIMARY KEY (form_id, version)
      ) WITHOUT ROWID;
    `,
  },
];
