// One page for every procedure: demarche.html?id=… embeds that form's <guichet-form>.
const id = new window.URLSearchParams(window.location.search).get('id') ?? '';
const container = document.getElementById('demarche');
const heading = document.getElementById('titre-demarche');

function notFound() {
  heading.textContent = 'Démarche introuvable';
  document.title = 'Démarche introuvable – Ville de Montfleury';
  const p = document.createElement('p');
  const link = document.createElement('a');
  link.href = 'demarches.html';
  link.textContent = 'Voir toutes les démarches';
  p.append('Cette démarche n’existe pas ou n’est plus en ligne. ', link);
  container.replaceChildren(p);
}

if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(id)) {
  notFound();
} else {
  const summary = await fetch('/api/forms')
    .then((response) => (response.ok ? response.json() : []))
    .then((forms) => forms.find((form) => form.id === id))
    .catch(() => undefined);
  if (summary) {
    heading.textContent = summary.title;
    document.title = `${summary.title} – Ville de Montfleury`;
  }
  const form = document.createElement('guichet-form');
  form.setAttribute('src', `/api/forms/${encodeURIComponent(id)}`);
  form.setAttribute('endpoint', '/api');
  form.setAttribute('lang', 'fr');
  container.replaceChildren(form);
}
