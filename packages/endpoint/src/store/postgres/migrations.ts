/**
 * The PostgreSQL schema: numbered, forward-only migrations, never edited once released. They run
 * in one transaction under an advisory lock (postgres-store.ts), so instances starting together
 * on an empty database apply each once and the others wait, then find them applied. The SQLite
 * list (../sqlite/migrations.ts) says the same in SQLite's words.
 */
import type { Migration } from '../migration.js';

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    name: 'requests, status history, reference sequences, attachments and their contents, settings, counters',
    sql: `
      CREATE TABLE requests (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        form_id text NOT NULL,
        form_version text NOT NULL,
        form_title text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('web', 'counter', 'phone', 'mail')),
        lang text NOT NULL,
        idempotency_key_hash bytea NOT NULL,
        tracking_code_hash bytea NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        expected_by date,
        CONSTRAINT requests_one_per_idempotency_key UNIQUE (form_id, idempotency_key_hash)
      );
      CREATE INDEX requests_by_form ON requests (form_id, id);

      CREATE TABLE status_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id bigint NOT NULL REFERENCES requests (id),
        at timestamptz NOT NULL,
        phase text NOT NULL CHECK (phase IN ('received', 'in_progress', 'action_required', 'completed', 'rejected', 'cancelled')),
        code text NOT NULL,
        label text NOT NULL,
        note text
      );
      CREATE INDEX status_history_by_request ON status_history (request_id, id);
      CREATE FUNCTION guichet_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
      CREATE TRIGGER status_history_append_only BEFORE UPDATE OR DELETE ON status_history
        FOR EACH ROW EXECUTE FUNCTION guichet_refuse_change();
      CREATE TRIGGER status_history_no_truncate BEFORE TRUNCATE ON status_history
        FOR EACH STATEMENT EXECUTE FUNCTION guichet_refuse_change();

      CREATE TABLE reference_sequences (
        prefix text NOT NULL,
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (prefix, year)
      );

      CREATE TABLE attachments (
        id text PRIMARY KEY,
        form_id text NOT NULL,
        field text NOT NULL,
        name text NOT NULL,
        size integer NOT NULL,
        type text NOT NULL,
        created_at timestamptz NOT NULL,
        request_id bigint REFERENCES requests (id)
      );
      CREATE INDEX attachments_unlinked ON attachments (created_at) WHERE request_id IS NULL;
      CREATE INDEX attachments_by_request ON attachments (request_id);
      CREATE TABLE attachment_contents (
        attachment_id text PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
        content bytea NOT NULL
      );

      CREATE TABLE settings (
        name text PRIMARY KEY,
        value bytea NOT NULL
      );

      -- Rate-limit windows: unlogged (no WAL, emptied by a crash), as losing them only resets limits.
      CREATE UNLOGGED TABLE counters (
        key text PRIMARY KEY,
        count integer NOT NULL,
        reset_at timestamptz NOT NULL
      );
      CREATE INDEX counters_by_reset ON counters (reset_at);
    `,
  },
  {
    version: 2,
    name: "the citizen's replies; the outbox of mails and webhooks",
    sql: `
      CREATE TABLE replies (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        public_id text NOT NULL UNIQUE,
        request_id bigint NOT NULL REFERENCES requests (id),
        at timestamptz NOT NULL,
        message text,
        lang text NOT NULL,
        idempotency_key_hash bytea NOT NULL,
        CONSTRAINT replies_one_per_idempotency_key UNIQUE (request_id, idempotency_key_hash)
      );
      CREATE INDEX replies_by_request ON replies (request_id, id);
      CREATE TRIGGER replies_append_only BEFORE UPDATE OR DELETE ON replies
        FOR EACH ROW EXECUTE FUNCTION guichet_refuse_change();
      CREATE TRIGGER replies_no_truncate BEFORE TRUNCATE ON replies
        FOR EACH STATEMENT EXECUTE FUNCTION guichet_refuse_change();

      -- A reply's files: uploaded for a request (for_request_id), linked to it and to the reply once sent.
      ALTER TABLE attachments
        ADD COLUMN reply_id bigint REFERENCES replies (id),
        ADD COLUMN for_request_id bigint REFERENCES requests (id);
      CREATE INDEX attachments_by_reply ON attachments (reply_id);

      -- json, not jsonb: a webhook's body keeps the order its fields were written in.
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        channel text NOT NULL CHECK (channel IN ('mail', 'webhook')),
        request_id bigint NOT NULL REFERENCES requests (id),
        event text NOT NULL,
        recipient text,
        payload json NOT NULL,
        sealed bytea,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        last_attempt_at timestamptz,
        last_error text,
        done_at timestamptz
      );
      CREATE INDEX outbox_pending ON outbox (channel, request_id, id) WHERE state = 'pending';
      CREATE INDEX outbox_by_request ON outbox (request_id, id);
      CREATE INDEX outbox_by_state ON outbox (state, id);
    `,
  },
  {
    version: 3,
    name: 'hardening: the body behind each idempotency key, agent-entered requests, whose uploads, served form versions',
    sql: `
      ALTER TABLE requests ADD COLUMN submission_hash bytea;
      ALTER TABLE requests ADD COLUMN by_agent boolean NOT NULL DEFAULT false;
      ALTER TABLE attachments ADD COLUMN client_key text;
      CREATE INDEX attachments_unlinked_by_client ON attachments (client_key) WHERE request_id IS NULL;

      CREATE TABLE form_versions (
        form_id text NOT NULL,
        version text NOT NULL,
        definition text NOT NULL,
        stored_at timestamptz NOT NULL,
        PRIMARY KEY (form_id, version)
      );
    `,
  },
  {
    version: 4,
    name: 'named agents, their sign-in sessions and the audit of their actions',
    sql: `
      CREATE TABLE agents (
        id text PRIMARY KEY,
        name text NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      );

      CREATE TABLE agent_sessions (
        id_hash bytea PRIMARY KEY,
        actor jsonb NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX agent_sessions_by_expiry ON agent_sessions (expires_at);

      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('admin', 'agent', 'oidc')),
        actor_id text,
        actor_name text NOT NULL,
        action text NOT NULL,
        reference text,
        detail jsonb
      );
      CREATE INDEX audit_log_by_reference ON audit_log (reference, id);
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION guichet_refuse_change();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION guichet_refuse_change();
    `,
  },
  {
    version: 5,
    name: 'the idempotency key first in its index, which only that index then serves (file-requests.ts)',
    sql: `
      ALTER TABLE requests DROP CONSTRAINT requests_one_per_idempotency_key,
        ADD CONSTRAINT requests_one_per_idempotency_key UNIQUE (idempotency_key_hash, form_id);
    `,
  },
];
