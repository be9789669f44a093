/**
 * Options of @lit-labs/rollup-plugin-minify-html-literals, shared by the build and the browser
 * tests so the tests check the templates as the bundles ship them.
 *
 * Lit's html and css templates otherwise reach the bundle as written: the JS minifier does not
 * touch template text, and every run of whitespace between tags becomes a text node that a long
 * form clones by the thousand. In most templates whitespace is collapsed conservatively (a run
 * becomes one space, never nothing): removing it would join words across tags ("n° 123— Voirie").
 * The templates of fields are the exception: each field is drawn hundreds of times in a long
 * form, and their tags only stack blocks (label, hint, error, control), so the whitespace between
 * tags goes entirely: about 1,400 fewer text nodes in a form of 200 fields.
 */
const fieldTemplates = ['packages/elements/src/form/fields/**/*.ts', 'packages/elements/src/form/field-chunks.ts'];

/** One options object per plugin instance: field templates first, then everything else. */
export const templateMinifiers = ({ include = ['packages/elements/src/**/*.ts'], exclude = [] } = {}) => [
  {
    failOnError: true,
    include: fieldTemplates,
    exclude,
    options: { minifyOptions: { conservativeCollapse: false, collapseInlineTagWhitespace: true } },
  },
  {
    failOnError: true,
    include,
    exclude: [...fieldTemplates, ...exclude],
    options: { minifyOptions: { conservativeCollapse: true } },
  },
];
