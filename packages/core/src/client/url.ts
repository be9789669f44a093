/** The endpoint attribute as a base to append paths to ("…/api/" and "…/api" alike). */
export function apiBase(endpoint: string): string {
  return endpoint.replace(/\/+$/, '');
}
