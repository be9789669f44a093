// The forms the endpoint serves, with their title and description in the page's language: the
// list (GET /api/forms) gives them in each form's own language, its `translations` in the others.
export const lang = document.documentElement.lang === 'en' ? 'en' : 'fr';

/** Every form, or only the one whose id is `only`. */
export async function listForms(only) {
  const response = await fetch('/api/forms', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(String(response.status));
  const forms = (await response.json()).filter((form) => only === undefined || form.id === only);
  return Promise.all(forms.map((form) => (form.lang === lang ? { ...form, textLang: lang } : translated(form))));
}

async function translated(form) {
  const definition = await fetch(`/api/forms/${encodeURIComponent(form.id)}`).then(
    (response) => (response.ok ? response.json() : undefined),
    () => undefined,
  );
  const texts = definition?.translations?.[lang];
  if (!texts?.['/title']) return { ...form, textLang: form.lang };
  return { ...form, title: texts['/title'], description: texts['/description'] ?? form.description, textLang: lang };
}
