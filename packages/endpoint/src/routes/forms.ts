/** Health, the list of forms, one definition, and its precompiled standalone validator. */
import type { FastifyInstance } from 'fastify';
import { hasConditions } from '@guichet/core';
import type { EndpointContext } from '../context.js';
import { HttpError } from '../http-error.js';
import { entityTag, isNotModified } from '../conditional-get.js';
import type { FormEntry } from '../forms.js';

export function formRoutes(app: FastifyInstance, context: EndpointContext): void {
  // What a load balancer polls: 503 takes an instance whose database does not answer out of rotation.
  app.get('/api/health', { schema: context.protocol.route('health') }, async (_request, reply) => {
    const database = await context.store.health();
    reply.header('Cache-Control', 'no-store');
    return reply.code(database.ok ? 200 : 503).send({ ok: database.ok, database });
  });

  app.get('/api/openapi.json', { schema: context.protocol.route('openApi') }, async (_request, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return context.openApi();
  });

  app.get('/api/forms', { schema: context.protocol.route('listForms') }, async (_request, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return context.forms.all().map(({ model }) => ({
      id: model.id,
      version: model.version,
      title: model.definition.title,
      ...(model.definition.description === undefined ? {} : { description: model.definition.description }),
      lang: model.lang,
    }));
  });

  const formNotFound = () => new HttpError(404, 'form-not-found');
  // Tags per loaded form: a reloaded form is a new entry, with new tags.
  const definitionTags = new WeakMap<FormEntry, string>();
  const validatorTags = new WeakMap<FormEntry, string>();
  app.get<{ Params: { id: string } }>(
    '/api/forms/:id',
    { schema: context.protocol.route('getForm'), config: { invalid: { params: formNotFound } } },
    async (request, reply) => {
      const form = context.forms.get(request.params.id);
      if (!form) throw new HttpError(404, 'form-not-found');
      // Relative to this definition's own URL (…/api/forms/{id} → …/api/forms/{id}/validator.js):
      // never built from Host or X-Forwarded-Host, which the client writes, and right behind any
      // proxy path. The element refuses a validator from another origin than the definition's.
      reply.header('X-Guichet-Validator', `${encodeURIComponent(form.id)}/validator.js`);
      // The element then asks for the validator before reading the definition: its conditions
      // decide what the first step shows.
      if (hasConditions(form.model.fields)) reply.header('X-Guichet-Conditions', 'yes');
      reply.header('Cache-Control', 'no-cache');
      let tag = definitionTags.get(form);
      if (!tag) definitionTags.set(form, (tag = entityTag(JSON.stringify(form.definition))));
      if (isNotModified(request, reply, tag)) return reply.code(304).send();
      reply.type('application/json; charset=utf-8');
      return form.definition;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/forms/:id/validator.js',
    { schema: context.protocol.route('getValidator'), config: { invalid: { params: formNotFound } } },
    async (request, reply) => {
      const form = context.forms.get(request.params.id);
      if (!form) throw new HttpError(404, 'form-not-found');
      const source = await form.standaloneValidator();
      reply.header('Cache-Control', 'no-cache');
      let tag = validatorTags.get(form);
      if (!tag) validatorTags.set(form, (tag = entityTag(source)));
      if (isNotModified(request, reply, tag)) return reply.code(304).send();
      return reply.type('text/javascript; charset=utf-8').send(source);
    },
  );
}
