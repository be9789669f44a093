/**
 * The agents' desk served by the endpoint at /desk: a page holding `<guichet-desk>` on this
 * endpoint's API, loading `/dist/guichet-desk.js` only, under the site's strict CSP (no inline
 * script or style). A town without an intranet page of its own gives its agents this address.
 */
import type { FastifyInstance } from 'fastify';

const page = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Guichet — espace agents</title>
    <script type="module" src="/dist/guichet-desk.js"></script>
  </head>
  <body>
    <main>
      <guichet-desk endpoint="/api"></guichet-desk>
    </main>
  </body>
</html>
`;

export function deskRoutes(app: FastifyInstance): void {
  app.get('/desk', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return reply.type('text/html; charset=utf-8').send(page);
  });
}
