import './guichet-form.js';
import './guichet-tracker.js';

export { GuichetForm } from './form/guichet-form.js';
export { GuichetTracker } from './tracker/guichet-tracker.js';
export * from './events.js';
