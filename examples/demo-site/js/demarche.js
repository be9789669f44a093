// One page for every procedure: demarche.html?id=… (en/procedure.html?id=…) embeds that form's
// <guichet-form>, in the page's language.
import { lang, listForms } from './forms.js';

const text = {
  fr: {
    notFound: 'Démarche introuvable',
    site: 'Ville de Montfleury',
    gone: 'Cette démarche n’existe pas ou n’est plus en ligne. ',
    all: 'Voir toutes les démarches',
    list: '/demarches.html',
    tracking: '/suivi.html',
  },
  en: {
    notFound: 'Service not found',
    site: 'Town of Montfleury',
    gone: 'This service does not exist or is no longer online. ',
    all: 'See all services',
    list: '/en/procedures.html',
    tracking: '/en/track.html',
  },
}[lang];

const id = new window.URLSearchParams(window.location.search).get('id') ?? '';
const container = document.getElementById('demarche');
const heading = document.getElementById('titre-demarche');

function notFound() {
  heading.textContent = text.notFound;
  document.title = `${text.notFound} – ${text.site}`;
  const p = document.createElement('p');
  const link = document.createElement('a');
  link.href = text.list;
  link.textContent = text.all;
  p.append(text.gone, link);
  container.replaceChildren(p);
}

if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(id)) {
  notFound();
} else {
  const summary = await listForms(id)
    .then((forms) => forms[0])
    .catch(() => undefined);
  if (summary) {
    heading.textContent = summary.title;
    if (summary.textLang !== lang) heading.lang = summary.textLang;
    document.title = `${summary.title} – ${text.site}`;
  }
  const form = document.createElement('guichet-form');
  form.setAttribute('src', `/api/forms/${encodeURIComponent(id)}`);
  form.setAttribute('endpoint', '/api');
  form.setAttribute('lang', lang);
  // The receipt links to the tracking page, opened on the new request.
  form.setAttribute('tracker-url', text.tracking);
  // The page's h1 already names the procedure: the form's own title would say it twice.
  if (summary) form.toggleAttribute('hide-title', true);
  container.replaceChildren(form);
}
