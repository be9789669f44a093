/**
 * The agents' desk served by the endpoint at /desk: a page holding `<guichet-desk>` on this
 * endpoint's API, loading `/dist/guichet-desk.js` only, under the site's strict CSP (no inline
 * script or style). A town without an intranet page of its own gives its agents this address.
 * With OpenID Connect configured, /desk/login and /desk/callback sign agents in (../oidc.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { EndpointContext } from '../context.js';
import { languageFrom } from '../messages.js';

function page(signInUrl: string | undefined): string {
  return `<!doctype html>
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
      <guichet-desk endpoint="/api"${signInUrl ? ` sign-in-url="${signInUrl}"` : ''}></guichet-desk>
    </main>
  </body>
</html>
`;
}

const refusals = {
  'not-allowed': {
    fr: 'Votre compte n’a pas accès à l’espace agents. Demandez à l’administrateur de vous y ajouter.',
    en: 'Your account has no access to the agents’ desk. Ask the administrator to add you.',
  },
  refused: {
    fr: 'La connexion a été refusée : la réponse du fournisseur d’identité n’est pas valide ou a expiré. Réessayez.',
    en: 'Sign-in refused: the identity provider’s answer is invalid or expired. Try again.',
  },
  'expired-login': {
    fr: 'La connexion a pris trop de temps ou a été lancée ailleurs. Réessayez.',
    en: 'Signing in took too long or was started elsewhere. Try again.',
  },
} as const;

/** Our own fixed texts only: nothing from the request or the provider is written into the page. */
function refusalPage(reason: keyof typeof refusals, lang: 'fr' | 'en'): string {
  const title = lang === 'fr' ? 'Connexion impossible' : 'Cannot sign in';
  const back = lang === 'fr' ? 'Retour à l’espace agents' : 'Back to the agents’ desk';
  return `<!doctype html>
<html lang="${lang}">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${title}</title></head>
  <body>
    <main>
      <h1>${title}</h1>
      <p>${refusals[reason][lang]}</p>
      <p><a href="/desk">${back}</a></p>
    </main>
  </body>
</html>
`;
}

export function deskRoutes(app: FastifyInstance, context: EndpointContext): void {
  const oidc = context.oidc;
  app.get('/desk', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return reply.type('text/html; charset=utf-8').send(page(oidc ? '/desk/login' : undefined));
  });
  if (!oidc) return;

  app.get('/desk/login', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const target = await oidc.start(request, reply);
    return reply.redirect(target.href, 303);
  });

  app.get('/desk/callback', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const outcome = await oidc.finish(request, reply);
    if (outcome.ok) return reply.redirect('/desk', 303);
    const lang = languageFrom(request.headers['accept-language']);
    return reply
      .code(outcome.reason === 'not-allowed' ? 403 : 401)
      .type('text/html; charset=utf-8')
      .send(refusalPage(outcome.reason, lang));
  });
}
