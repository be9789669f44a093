/**
 * Request logs without personal data: method, route pattern (never the URL with its query
 * string, which may hold a tracking code), status and duration. No header, no body.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

function line(request: FastifyRequest, reply?: FastifyReply) {
  return {
    method: request.method,
    route: request.routeOptions.url ?? '(no route)',
    ...(reply ? { status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 } : {}),
  };
}

export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug(line(request), 'request started');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ ...line(request, reply), err: error }, 'request failed');
    else reply.log.info(line(request, reply), 'request');
  }

  override routeNotFound(): void {
    // requestCompleted logs it, with its status.
  }
}
