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
    expect(loadDraft(key, { storage: refusing })).to.equal(undefined);
  });

  it('deletes drafts older than their age limit (7 days by default), of every form, instead of offering them', () => {
    const other = { formId: 'autre', version: '1.0.0' };
    const realNow = Date.now;
    const day = 86_400_000;
    try {
      saveDraft(key, { data: { caf: '1234567' }, step: 0 });
      saveDraft(other, { data: { name: 'Léo' }, step: 0 });
      Date.now = () => realNow() + 6 * day;
      expect(loadDraft(key)?.data).to.deep.equal({ caf: '1234567' });
      expect(loadDraft(key, { maxAgeDays: 5 })).to.equal(undefined);
      // Expired: deleted, this form's and the other's.
      expect(localStorage.getItem(draftStorageKey(key))).to.equal(null);
      expect(localStorage.getItem(draftStorageKey(other))).to.equal(null);
      saveDraft(key, { data: { caf: '7654321' }, step: 0 });
      Date.now = () => realNow() + 14 * day;
      expect(loadDraft(key)).to.equal(undefined);
      expect(localStorage.getItem(draftStorageKey(key))).to.equal(null);
    } finally {
      Date.now = realNow;
      localStorage.removeItem(draftStorageKey(other));
    }
  });
});
