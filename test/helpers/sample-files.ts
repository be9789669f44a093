/** Small real files: the endpoint checks their magic bytes, not only their declared type. */
const png1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export function samplePng(name = 'photo.png', padding = 0): File {
  const bytes = Uint8Array.from(atob(png1x1), (c) => c.charCodeAt(0));
  // Bytes after IEND are ignored by readers: a larger file with a real PNG signature.
  return new File([bytes, new Uint8Array(padding)], name, { type: 'image/png' });
}

export function samplePdf(name = 'plan.pdf'): File {
  const text =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return new File([text], name, { type: 'application/pdf' });
}
