/**
 * Options of @lit-labs/rollup-plugin-minify-html-literals, shared by the build and the browser
 * tests so the tests check the templates as the bundles ship them.
 *
 * Lit's html and css templates otherwise reach the bundle as written: the JS minifier does not
 * touch template text, and every run of whitespace between tags becomes a text node that a long
 * form clones by the thousand. Whitespace is collapsed conservatively (a run becomes one space,
 * never nothing): removing it would join words across tags ("n° 123— Voirie").
 */
export const templateMinifier = () => ({ failOnError: true, options: { minifyOptions: { conservativeCollapse: true } } });
