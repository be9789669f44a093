/** Named agents, their OpenID sessions and the audit of their actions, on PostgreSQL. */
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
import type { Queryable } from './postgres-repositories.js';

export class PostgresAgents implements AgentReads, AgentWrites {
  constructor(private readonly db: Queryable) {}

  async byTokenHash(tokenHash: Buffer): Promise<AgentRecord | undefined> {
    const { rows } = await this.db.query<AgentRow>({
      name: 'agent-by-token',
      text: 'SELECT * FROM agents WHERE token_hash = $1 AND revoked_at IS NULL',
      values: [tokenHash],
    });
    return rows[0] && toAgentRecord(rows[0]);
  }

  async list(): Promise<AgentRecord[]> {
    const { rows } = await this.db.query<AgentRow>('SELECT * FROM agents ORDER BY created_at, id');
    return rows.map(toAgentRecord);
  }

  async insert(agent: AgentRecord & { tokenHash: Buffer }): Promise<void> {
    await this.db.query('INSERT INTO agents (id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)', [
      agent.id,
      agent.name,
      agent.tokenHash,
      agent.createdAt,
    ]);
  }

  async revoke(id: string, at: string): Promise<AgentRecord | undefined> {
    const { rows } = await this.db.query<AgentRow>(
      'UPDATE agents SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING *',
      [at, id],
    );
    return rows[0] && toAgentRecord(rows[0]);
  }
}

export class PostgresAudit implements AuditReads, AuditWrites {
  constructor(private readonly db: Queryable) {}

  async list(query: { limit: number; before?: number; reference?: string }): Promise<AuditRecord[]> {
    // Unnamed, so planned for the filters at hand each time: a plan kept for a page without a
    // reference would walk the whole log to find one reference's entries.
    const { rows } = await this.db.query<AuditRow>({
      text: `SELECT * FROM audit_log WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR reference = $2)
             ORDER BY id DESC LIMIT $3`,
      values: [query.before ?? null, query.reference ?? null, query.limit],
    });
    return rows.map(toAuditRecord);
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.db.query({
      name: 'audit-record',
      text: `INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, reference, detail)
             VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      values: [
        entry.at,
        entry.actor.kind,
        entry.actor.id ?? null,
        entry.actor.name,
        entry.action,
        entry.reference ?? null,
        entry.detail ? JSON.stringify(entry.detail) : null,
      ],
    });
  }
}

export class PostgresSessions implements SessionReads, SessionWrites {
  constructor(private readonly db: Queryable) {}

  async get(idHash: Buffer, now: Date): Promise<SessionRecord | undefined> {
    const { rows } = await this.db.query<SessionRow>({
      name: 'session',
      text: 'SELECT * FROM agent_sessions WHERE id_hash = $1 AND expires_at > $2',
      values: [idHash, now.toISOString()],
    });
    return rows[0] && toSessionRecord(rows[0]);
  }

  async insert(idHash: Buffer, session: SessionRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO agent_sessions (id_hash, actor, csrf_token, created_at, expires_at)
       VALUES ($1, $2::jsonb, $3, $4, $5)`,
      [idHash, JSON.stringify(session.actor), session.csrfToken, session.createdAt, session.expiresAt],
    );
  }

  async delete(idHash: Buffer): Promise<void> {
    await this.db.query('DELETE FROM agent_sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteExpired(now: Date): Promise<number> {
    const deleted = await this.db.query('DELETE FROM agent_sessions WHERE expires_at <= $1', [now.toISOString()]);
    return deleted.rowCount ?? 0;
  }
}
