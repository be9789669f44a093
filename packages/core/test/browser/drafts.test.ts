import { expect } from '@open-wc/testing';
import { clearDraft, draftStorageKey, loadDraft, saveDraft } from '@guichet/core';

const key = { formId: 'essai', version: '2.1.0' };

describe('drafts in localStorage', () => {
  afterEach(() => localStorage.removeItem(draftStorageKey(key)));

  it('saves, loads and clears one draft per form id and version', () => {
    expect(saveDraft(key, { data: { name: 'Amina', children: [{ firstName: 'Léo' }] }, step: 1 })).to.equal(true);
    const draft = loadDraft(key);
    expect(draft?.data).to.deep.equal({ name: 'Amina', children: [{ firstName: 'Léo' }] });
    expect(draft?.step).to.equal(1);
    expect(Number.isNaN(Date.parse(draft?.savedAt ?? ''))).to.equal(false);
    expect(loadDraft({ ...key, version: '2.0.0' })).to.equal(undefined);
    clearDraft(key);
    expect(loadDraft(key)).to.equal(undefined);
    expect(localStorage.getItem(draftStorageKey(key))).to.equal(null);
  });

  it('ignores what it cannot read instead of throwing', () => {
    localStorage.setItem(draftStorageKey(key), '{not json');
    expect(loadDraft(key)).to.equal(undefined);
    localStorage.setItem(draftStorageKey(key), JSON.stringify({ data: [], step: -1 }));
    expect(loadDraft(key)).to.equal(undefined);
  });

  it('reports a storage that refuses (quota, privacy mode) as false', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    expect(saveDraft(key, { data: {}, step: 0 }, refusing)).to.equal(false);
    expect(loadDraft(key, refusing)).to.equal(undefined);
  });
});
