/**
 * `@guichet/core/open311`: GeoReport v2 beyond the adapter itself — the definition of a form
 * built from a server's service definition, and the pieces the adapter is made of.
 */
export { definitionFromService, type ServiceFormSource } from './service-form.js';
export { loadServiceForm, type ServiceRequest } from './load-service.js';
export { createOpen311Adapter } from './adapter.js';
export { open311Body, type BodySettings } from './body.js';
export { statusFromOpen311 } from './status.js';
export type { ConfigurationProblem } from './messages.js';
export type * from './types.js';
