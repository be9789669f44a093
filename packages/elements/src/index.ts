import './guichet-form.js';

export { GuichetForm } from './form/guichet-form.js';
export * from './events.js';
