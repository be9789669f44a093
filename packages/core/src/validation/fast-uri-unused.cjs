/* global module */
// Stands in for fast-uri in browser bundles: ajv imports it for its default URI resolver, which
// Guichet replaces with uri-resolver.ts (the platform's URL), so nothing here is ever called.
module.exports = {};
