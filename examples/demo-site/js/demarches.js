// Lists the forms the endpoint serves. Everything from the server is written as text.
const container = document.getElementById('liste-demarches');

function show(...nodes) {
  container.replaceChildren(...nodes);
  container.setAttribute('aria-busy', 'false');
}

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

try {
  const response = await fetch('/api/forms', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(String(response.status));
  const forms = await response.json();
  if (forms.length === 0) {
    show(paragraph('Aucune démarche n’est en ligne pour le moment. Contactez la mairie au 01 23 45 67 89.'));
  } else {
    const list = document.createElement('ul');
    list.className = 'demarches';
    for (const form of forms) {
      const item = document.createElement('li');
      const title = document.createElement('h2');
      const link = document.createElement('a');
      link.href = `demarche.html?id=${encodeURIComponent(form.id)}`;
      link.textContent = form.title;
      title.append(link);
      item.append(title);
      if (form.description) item.append(paragraph(form.description));
      list.append(item);
    }
    show(list);
  }
} catch {
  show(
    paragraph(
      'La liste des démarches n’a pas pu être chargée. Réessayez dans un moment, ou contactez la mairie au 01 23 45 67 89.',
    ),
  );
}
