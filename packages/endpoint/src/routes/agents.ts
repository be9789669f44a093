/**
 * Named agents and the audit of their actions. Creating and revoking agents takes the admin
 * token (an agent's token or session gets 403); the audit is readable by everyone the agents'
 * API lets in. Registered inside the admin scope (admin.ts), after its authentication.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Agent, NewAgent } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { newAgentCredentials, sha256 } from '../agent-access.js';
import { HttpError } from '../http-error.js';
import { protocolProblems } from '../protocol.js';
import { requireJson } from '../content-type.js';
import type { AgentRecord } from '../store/types.js';

const agentView = (agent: AgentRecord): Agent => ({ ...agent });

export function agentRoutes(admin: FastifyInstance, context: EndpointContext): void {
  const adminOnly = async (request: FastifyRequest): Promise<void> => {
    if (context.adminAuth.accessOf(request)!.actor.kind !== 'admin') throw new HttpError(403, 'forbidden');
  };
  admin.get('/api/admin/agents', { schema: context.protocol.route('listAgents'), preHandler: adminOnly }, async () =>
    (await context.store.agents.list()).map(agentView),
  );

  admin.post<{ Body: NewAgent }>(
    '/api/admin/agents',
    {
      schema: context.protocol.route('createAgent'),
      // Before the body is validated: an agent learns nothing about the body's rules.
      preValidation: async (request) => {
        await adminOnly(request);
        requireJson(request);
      },
      config: {
        invalid: {
          body: (errors, lang) => new HttpError(422, 'invalid-agent', { errors: protocolProblems(errors, lang), lang }),
        },
      },
    },
    async (request, reply) => {
      const { id, token } = newAgentCredentials();
      const agent: AgentRecord = { id, name: request.body.name.trim(), createdAt: context.now().toISOString() };
      await context.store.transaction(async (tx) => {
        await tx.agents.insert({ ...agent, tokenHash: sha256(token) });
        await tx.audit.record({
          at: agent.createdAt,
          actor: context.adminAuth.accessOf(request)!.actor,
          action: 'agent.created',
          detail: { id, name: agent.name },
        });
      });
      return reply.code(201).send({ ...agentView(agent), token });
    },
  );

  admin.delete<{ Params: { id: string } }>(
    '/api/admin/agents/:id',
    {
      schema: context.protocol.route('revokeAgent'),
      preValidation: adminOnly,
      config: { invalid: { params: () => new HttpError(404, 'agent-not-found') } },
    },
    async (request) => {
      const at = context.now().toISOString();
      const revoked = await context.store.transaction(async (tx) => {
        const agent = await tx.agents.revoke(request.params.id, at);
        if (agent) {
          await tx.audit.record({
            at,
            actor: context.adminAuth.accessOf(request)!.actor,
            action: 'agent.revoked',
            detail: { id: agent.id, name: agent.name },
          });
        }
        return agent;
      });
      if (!revoked) throw new HttpError(404, 'agent-not-found');
      return agentView(revoked);
    },
  );

  admin.get<{ Querystring: { limit: number; before?: number; reference?: string } }>(
    '/api/admin/audit',
    { schema: context.protocol.route('listAudit') },
    async (request) => {
      const { limit, before, reference } = request.query;
      return context.store.audit.list({
        limit,
        ...(before ? { before } : {}),
        ...(reference ? { reference } : {}),
      });
    },
  );
}
