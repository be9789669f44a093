/**
 * What `<guichet-tracker>` does (the look-up form, the status, its polling, the problems and the
 * contact), imported with `import()` only: a page that shows a form never downloads it. The element
 * itself stays in guichet.js (see tracker/guichet-tracker.ts).
 */
export { Tracking } from './tracker/tracking.js';
