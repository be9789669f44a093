// Every text the elements say, in every language Guichet speaks (see test/helpers/catalogues.ts).
import { describe, it } from 'node:test';
import { checkCatalogues } from '../../../../test/helpers/catalogues.js';
import { sharedText } from './messages.js';
import { formText } from '../form/messages.js';
import { trackerText } from '../tracker/messages.js';
import { statusText } from '../tracker/status-messages.js';
import { submissionText } from '../submission/messages.js';

describe('the elements’ catalogues', () => {
  it('are complete in every language', () => {
    checkCatalogues('shared', sharedText);
    checkCatalogues('form', formText);
    checkCatalogues('tracker', trackerText);
    checkCatalogues('tracker status', statusText);
    checkCatalogues('submission', submissionText);
  });
});
