/**
 * Where browser bundles of ajv find fast-uri: an empty module, since Guichet replaces ajv's default
 * URI resolver with the platform's URL (see packages/core/src/validation/uri-resolver.ts). Shared by
 * the CDN build and the browser tests so both bundle ajv the same way.
 */
import { fileURLToPath } from 'node:url';

export const fastUriStandIn = fileURLToPath(new URL('../../packages/core/src/validation/fast-uri-unused.cjs', import.meta.url));
