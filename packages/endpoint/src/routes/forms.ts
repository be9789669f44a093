/** Health, the list of forms, one definition, and its precompiled standalone validator. */
import type { FastifyInstance } from 'fastify';
import type { EndpointContext } from '../context.js';
import { HttpError } from '../http-error.js';

export function formRoutes(app: FastifyInstance, context: EndpointContext): void {
  app.get('/api/health', async () => ({ ok: true }));

  app.get('/api/openapi.json', async (_request, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return context.openApi();
  });

  app.get('/api/forms', async (_request, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return context.forms.all().map(({ model }) => ({
      id: model.id,
      version: model.version,
      title: model.definition.title,
      ...(model.definition.description === undefined ? {} : { description: model.definition.description }),
      lang: model.lang,
    }));
  });

  app.get<{ Params: { id: string } }>('/api/forms/:id', async (request, reply) => {
    const form = context.forms.get(request.params.id);
    if (!form) throw new HttpError(404, 'form-not-found');
    const validatorUrl = `${request.protocol}://${request.host}/api/forms/${encodeURIComponent(form.id)}/validator.js`;
    reply.header('X-Guichet-Validator', validatorUrl);
    reply.header('Cache-Control', 'no-cache');
    reply.type('application/json; charset=utf-8');
    return form.definition;
  });

  app.get<{ Params: { id: string } }>('/api/forms/:id/validator.js', async (request, reply) => {
    const form = context.forms.get(request.params.id);
    if (!form) throw new HttpError(404, 'form-not-found');
    const source = await form.standaloneValidator();
    reply.header('Cache-Control', 'no-cache');
    return reply.type('text/javascript; charset=utf-8').send(source);
  });
}
