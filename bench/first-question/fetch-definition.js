// What every peer's page does first: fetch the definition the endpoint serves (the page's
// <main data-src>), the same request Guichet makes.
export async function fetchDefinition() {
  const container = document.getElementById('stage');
  const response = await fetch(container.dataset.src, { headers: { accept: 'application/json' } });
  return { definition: await response.json(), container };
}
