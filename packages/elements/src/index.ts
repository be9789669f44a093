export {};
import './guichet-tracker.js';
export { GuichetTracker } from './tracker/guichet-tracker.js';
