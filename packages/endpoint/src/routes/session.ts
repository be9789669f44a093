/**
 * The caller's own access: who they are, and for a cookie session its CSRF token (the desk sends
 * it back with every change); DELETE ends a cookie session at once, on every instance.
 * Registered inside the admin scope (admin.ts), after its authentication.
 */
import type { FastifyInstance } from 'fastify';
import type { EndpointContext } from '../context.js';
import { readCookie, SESSION_COOKIE, sha256 } from '../agent-access.js';
import { setCookie } from '../oidc.js';

export function sessionRoutes(admin: FastifyInstance, context: EndpointContext): void {
  admin.get('/api/admin/session', { schema: context.protocol.route('getSession') }, async (request) => {
    const { actor, session } = context.adminAuth.accessOf(request)!;
    return {
      actor,
      ...(session ? { csrfToken: session.csrfToken, expiresAt: session.expiresAt } : {}),
    };
  });

  admin.delete('/api/admin/session', { schema: context.protocol.route('endSession') }, async (request, reply) => {
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (context.adminAuth.accessOf(request)!.session && sessionId) {
      await context.store.transaction(async (tx) => {
        await tx.sessions.delete(sha256(sessionId));
        await tx.audit.record({
          at: context.now().toISOString(),
          actor: context.adminAuth.accessOf(request)!.actor,
          action: 'session.ended',
        });
      });
      setCookie(request, reply, SESSION_COOKIE, '', { path: '/', sameSite: 'Strict', maxAgeS: 0 });
    }
    return reply.code(204).send();
  });
}
