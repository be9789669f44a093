/** Agents', sessions' and audit rows as both databases return them, and their records. */
import { isoTime } from './records.js';
import type { Actor, AgentRecord, AuditRecord, SessionRecord } from './types.js';

export interface AgentRow {
  id: string;
  name: string;
  created_at: string | Date;
  revoked_at: string | Date | null;
}

export interface AuditRow {
  id: number;
  at: string | Date;
  actor_kind: Actor['kind'];
  actor_id: string | null;
  actor_name: string;
  action: string;
  reference: string | null;
  detail: string | Record<string, unknown> | null;
}

export interface SessionRow {
  actor: string | Actor;
  csrf_token: string;
  created_at: string | Date;
  expires_at: string | Date;
}

export function toAgentRecord(row: AgentRow): AgentRecord {
  return {
    id: row.id,
    name: row.name,
    createdAt: isoTime(row.created_at),
    ...(row.revoked_at ? { revokedAt: isoTime(row.revoked_at) } : {}),
  };
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  const detail = typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail;
  return {
    id: row.id,
    at: isoTime(row.at),
    actor: { kind: row.actor_kind, ...(row.actor_id ? { id: row.actor_id } : {}), name: row.actor_name },
    action: row.action,
    ...(row.reference ? { reference: row.reference } : {}),
    ...(detail ? { detail } : {}),
  };
}

export function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    actor: typeof row.actor === 'string' ? (JSON.parse(row.actor) as Actor) : row.actor,
    csrfToken: row.csrf_token,
    createdAt: isoTime(row.created_at),
    expiresAt: isoTime(row.expires_at),
  };
}
