// Lists the forms the endpoint serves. Everything from the server is written as text.
import { lang, listForms } from './forms.js';

const text = {
  fr: {
    none: 'Aucune démarche n’est en ligne pour le moment. Contactez la mairie au 01 23 45 67 89.',
    failed:
      'La liste des démarches n’a pas pu être chargée. Réessayez dans un moment, ou contactez la mairie au 01 23 45 67 89.',
    page: '/demarche.html',
  },
  en: {
    none: 'No service is online at the moment. Call the town hall on +33 1 23 45 67 89.',
    failed:
      'The list of services could not be loaded. Try again in a moment, or call the town hall on +33 1 23 45 67 89.',
    page: '/en/procedure.html',
  },
}[lang];

const container = document.getElementById('liste-demarches');

function show(...nodes) {
  container.replaceChildren(...nodes);
  container.setAttribute('aria-busy', 'false');
}

function paragraph(content) {
  const p = document.createElement('p');
  p.textContent = content;
  return p;
}

try {
  const forms = await listForms();
  if (forms.length === 0) {
    show(paragraph(text.none));
  } else {
    const list = document.createElement('ul');
    list.className = 'demarches';
    for (const form of forms) {
      const item = document.createElement('li');
      // A form without a translation keeps its own language, said so for screen readers.
      if (form.textLang !== lang) item.lang = form.textLang;
      const title = document.createElement('h2');
      const link = document.createElement('a');
      link.href = `${text.page}?id=${encodeURIComponent(form.id)}`;
      link.textContent = form.title;
      title.append(link);
      item.append(title);
      if (form.description) item.append(paragraph(form.description));
      list.append(item);
    }
    show(list);
  }
} catch {
  show(paragraph(text.failed));
}
