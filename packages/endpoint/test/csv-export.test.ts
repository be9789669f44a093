/**
 * GET /api/admin/requests.csv read back with a real CSV parser (csv-parse), as a spreadsheet
 * would: the byte-order mark, one column per top-level answer, accents, quotes, line breaks and
 * separators kept, formulas neutralised, the inbox's filters applied, and the export audited.
 */
import { phaseLabel } from '@guichet/core';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { admin, call, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';

describe('CSV export', () => {
  let t: TestServer;
  const references: string[] = [];
  before(async () => {
    t = await startTestServer();
    for (const name of [
      'Hélène Roux-Çelik',
      '=HYPERLINK("http://evil.example","clic")',
      '+33 6 12 34 56 78',
      '-2+3',
      '@SUM(A1:A2)',
      'Jean "Jojo"; le 2e\nligne',
    ]) {
      const receipt = await submit(t.url, 'demande-test', validSubmission({ name }));
      assert.equal(receipt.status, 201, receipt.text);
      references.push(receipt.body.reference);
    }
  });
  after(() => t.cleanup());

  /** The file as sent: fetch's text() would drop the byte-order mark. */
  const exportCsv = async (query = '') => {
    const response = await fetch(`${t.url}/api/admin/requests.csv${query}`, { headers: admin() });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    };
  };

  test('UTF-8 with a BOM, one column per top-level answer, read back intact by a CSV parser', async () => {
    const answer = await exportCsv();
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      answer.headers.get('content-disposition') ?? '',
      /^attachment; filename="demandes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    assert.deepEqual([...answer.bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parse(answer.text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const header = Object.keys(rows[0]!);
    assert.deepEqual(header, [
      'reference',
      'formId',
      'formTitle',
      'receivedAt',
      'channel',
      'phase',
      'label',
      'updatedAt',
      'name',
      'email',
      'photo',
    ]);
    // Newest first.
    assert.deepEqual(
      rows.map((row) => row.reference),
      [...references].reverse(),
    );
    const byReference = new Map(rows.map((row) => [row.reference, row]));
    const name = (index: number) => byReference.get(references[index]!)!.name;
    assert.equal(name(0), 'Hélène Roux-Çelik');
    assert.equal(byReference.get(references[0]!)!.label, phaseLabel('received', 'fr'));
    assert.equal(byReference.get(references[0]!)!.email, 'camille@example.fr');
    assert.equal(byReference.get(references[0]!)!.photo, '');
    assert.equal(name(5), 'Jean "Jojo"; le 2e\nligne');
  });

  test('a value a spreadsheet would run as a formula starts with an apostrophe', async () => {
    const rows = parse((await exportCsv()).text, { bom: true, delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    const names = new Map(rows.map((row) => [row.reference, row.name]));
    assert.equal(names.get(references[1]!), `'=HYPERLINK("http://evil.example","clic")`);
    assert.equal(names.get(references[2]!), "'+33 6 12 34 56 78");
    assert.equal(names.get(references[3]!), "'-2+3");
    assert.equal(names.get(references[4]!), "'@SUM(A1:A2)");
    for (const row of rows) for (const value of Object.values(row)) assert.doesNotMatch(value, /^[=+\-@\t\r]/);
  });

  test("the inbox's filters apply, and the export is in the audit", async () => {
    const answer = await exportCsv('?q=Hélène');
    const rows = parse(answer.text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((row) => row.reference),
      [references[0]],
    );
    const empty = await exportCsv('?phase=completed');
    assert.equal(empty.text, '\uFEFFreference;formId;formTitle;receivedAt;channel;phase;label;updatedAt\r\n');
    const audit = await call(`${t.url}/api/admin/audit?limit=1`, { headers: admin() });
    assert.equal(audit.body[0].action, 'requests.exported');
    assert.deepEqual(audit.body[0].detail, { filters: { phase: 'completed' }, count: 0 });
    assert.equal((await call(`${t.url}/api/admin/requests.csv`)).status, 401);
    assert.equal((await exportCsv('?phase=unknown')).status, 400);
  });
});
