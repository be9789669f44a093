/** Named agents, their OpenID sessions and the audit of their actions, on SQLite. */
import type Database from 'better-sqlite3';
import {
  toAgentRecord,
  toAuditRecord,
  toSessionRecord,
  type AgentRow,
  type AuditRow,
  type SessionRow,
} from '../agent-rows.js';
import type {
  AgentReads,
  AgentRecord,
  AgentWrites,
  AuditEntry,
  AuditReads,
  AuditRecord,
  AuditWrites,
  SessionReads,
  SessionRecord,
  SessionWrites,
} from '../types.js';

export class SqliteAgents implements AgentReads, AgentWrites {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      byTokenHash: db.prepare<[Buffer], AgentRow>('SELECT * FROM agents WHERE token_hash = ? AND revoked_at IS NULL'),
      list: db.prepare<[], AgentRow>('SELECT * FROM agents ORDER BY created_at, id'),
      insert: db.prepare(
        'INSERT INTO agents (id, name, token_hash, created_at) VALUES (@id, @name, @tokenHash, @createdAt)',
      ),
      revoke: db.prepare<[string, string], AgentRow>(
        'UPDATE agents SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING *',
      ),
    };
  }

  async byTokenHash(tokenHash: Buffer): Promise<AgentRecord | undefined> {
    const row = this.statements.byTokenHash.get(tokenHash);
    return row && toAgentRecord(row);
  }

  async list(): Promise<AgentRecord[]> {
    return this.statements.list.all().map(toAgentRecord);
  }

  async insert(agent: AgentRecord & { tokenHash: Buffer }): Promise<void> {
    const { id, name, tokenHash, createdAt } = agent;
    this.statements.insert.run({ id, name, tokenHash, createdAt });
  }

  async revoke(id: string, at: string): Promise<AgentRecord | undefined> {
    const row = this.statements.revoke.get(at, id);
    return row && toAgentRecord(row);
  }
}

export class SqliteAudit implements AuditReads, AuditWrites {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      list: db.prepare<[number | null, number | null, string | null, string | null, number], AuditRow>(
        `SELECT * FROM audit_log WHERE (? IS NULL OR id < ?) AND (? IS NULL OR reference = ?)
         ORDER BY id DESC LIMIT ?`,
      ),
      insert: db.prepare(
        `INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, reference, detail)
         VALUES (@at, @kind, @actorId, @name, @action, @reference, @detail)`,
      ),
    };
  }

  async list(query: { limit: number; before?: number; reference?: string }): Promise<AuditRecord[]> {
    const before = query.before ?? null;
    const reference = query.reference ?? null;
    return this.statements.list.all(before, before, reference, reference, query.limit).map(toAuditRecord);
  }

  async record(entry: AuditEntry): Promise<void> {
    this.statements.insert.run({
      at: entry.at,
      kind: entry.actor.kind,
      actorId: entry.actor.id ?? null,
      name: entry.actor.name,
      action: entry.action,
      reference: entry.reference ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    });
  }
}

export class SqliteSessions implements SessionReads, SessionWrites {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      get: db.prepare<[Buffer, string], SessionRow>(
        'SELECT * FROM agent_sessions WHERE id_hash = ? AND expires_at > ?',
      ),
      insert: db.prepare(
        `INSERT INTO agent_sessions (id_hash, actor, csrf_token, created_at, expires_at)
         VALUES (@idHash, @actor, @csrfToken, @createdAt, @expiresAt)`,
      ),
      delete: db.prepare<[Buffer]>('DELETE FROM agent_sessions WHERE id_hash = ?'),
      deleteExpired: db.prepare<[string]>('DELETE FROM agent_sessions WHERE expires_at <= ?'),
    };
  }

  async get(idHash: Buffer, now: Date): Promise<SessionRecord | undefined> {
    const row = this.statements.get.get(idHash, now.toISOString());
    return row && toSessionRecord(row);
  }

  async insert(idHash: Buffer, session: SessionRecord): Promise<void> {
    const { csrfToken, createdAt, expiresAt } = session;
    this.statements.insert.run({ idHash, actor: JSON.stringify(session.actor), csrfToken, createdAt, expiresAt });
  }

  async delete(idHash: Buffer): Promise<void> {
    this.statements.delete.run(idHash);
  }

  async deleteExpired(now: Date): Promise<number> {
    return this.statements.deleteExpired.run(now.toISOString()).changes;
  }
}
