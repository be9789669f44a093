// A date typed in three boxes (issue 23, point 12): the widget suits a date field only, the
// answer is the ISO date once the boxes make a real date and what was typed until then, and each
// problem says which part is missing or wrong, as GOV.UK words it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { autocompleteWarnings, dateProblem, joinDateParts, loadDefinition, splitDate } from '@guichet/core';
import { definition, load, setup } from './helpers/forms.js';

const birthDate = { type: 'string', format: 'date', title: 'Date de naissance' };
const asked = { ui: { fields: { birthDate: { widget: 'memorable-date', autocomplete: 'bday' } } } };

describe('the memorable-date widget', () => {
  it('makes a date field a memorable-date field', () => {
    const model = load(definition({ properties: { birthDate } }, asked));
    assert.equal(model.fields[0]?.kind, 'memorable-date');
  });

  it('is a definition problem on a field that is not a date', () => {
    for (const schema of [{ type: 'string' }, { type: 'string', format: 'time' }, { type: 'integer' }]) {
      const result = loadDefinition(definition({ properties: { birthDate: schema } }, asked));
      assert.equal(result.ok, false, JSON.stringify(schema));
      if (result.ok) continue;
      const problem = result.error.problems.find((p) => p.code === 'incompatible-widget');
      assert.equal(problem?.pointer, '/ui/fields/birthDate/widget');
      assert.match(
        problem?.message.fr ?? '',
        /il lui faut un champ date \(type «\u00a0string\u00a0», format «\u00a0date\u00a0»\)/,
      );
      assert.match(problem?.message.en ?? '', /it needs a date field/);
    }
  });

  it('takes the bday autocomplete token, and guichet check warns of one for another control', () => {
    assert.deepEqual(autocompleteWarnings(load(definition({ properties: { birthDate } }, asked))), []);
    const email = { ui: { fields: { birthDate: { widget: 'memorable-date', autocomplete: 'email' } } } };
    const warnings = autocompleteWarnings(load(definition({ properties: { birthDate } }, email)));
    assert.deepEqual(
      warnings.map((w) => [w.code, w.pointer]),
      [['autocomplete-control', '/ui/fields/birthDate/autocomplete']],
    );
  });
});

describe('the answer of three boxes', () => {
  it('is the ISO date once they make a real date, nothing when all are empty', () => {
    assert.equal(joinDateParts({ day: '21', month: '9', year: '2019' }), '2019-09-21');
    assert.equal(joinDateParts({ day: ' 1 ', month: '02', year: '2024' }), '2024-02-01');
    assert.equal(joinDateParts({ day: '', month: ' ', year: '' }), undefined);
  });

  it('keeps what was typed until then, and gives it back box by box', () => {
    for (const parts of [
      { day: '', month: '9', year: '2019' },
      { day: '30', month: '2', year: '2019' },
      { day: 'vingt', month: '9', year: '19' },
    ]) {
      const value = joinDateParts(parts);
      assert.doesNotMatch(value ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(splitDate(value), parts);
    }
    assert.deepEqual(splitDate('2019-09-21'), { day: '21', month: '09', year: '2019' });
    // A prefilled answer of another shape shows in the year box, to be corrected.
    assert.deepEqual(splitDate('21/09/2019'), { day: '', month: '', year: '21/09/2019' });
  });
});

describe('what is wrong with three boxes', () => {
  const cases: [Record<'day' | 'month' | 'year', string>, string | undefined, string[]][] = [
    [{ day: '', month: '', year: '' }, undefined, []],
    [{ day: '21', month: '9', year: '2019' }, undefined, []],
    [{ day: '', month: '9', year: '2019' }, 'date.missing-day', ['day']],
    [{ day: '21', month: '', year: '2019' }, 'date.missing-month', ['month']],
    [{ day: '21', month: '9', year: '' }, 'date.missing-year', ['year']],
    [{ day: '', month: '', year: '2019' }, 'date.missing-day-month', ['day', 'month']],
    [{ day: '', month: '9', year: '' }, 'date.missing-day-year', ['day', 'year']],
    [{ day: '21', month: '', year: '' }, 'date.missing-month-year', ['month', 'year']],
    [{ day: '21', month: '9', year: '19' }, 'date.year-digits', ['year']],
    [{ day: '21', month: '13', year: '2019' }, 'date.real', ['month']],
    [{ day: 'lundi', month: '9', year: '20l9' }, 'date.real', ['day', 'year']],
    [{ day: '29', month: '2', year: '2023' }, 'date.real', ['day', 'month', 'year']],
  ];
  for (const [parts, key, wrong] of cases)
    it(`${JSON.stringify(parts)}: ${key ?? 'nothing'}`, () => {
      const problem = dateProblem(parts);
      assert.equal(problem?.key, key);
      assert.deepEqual(problem?.parts ?? [], wrong);
    });

  it('is what the validator says, naming the question, in French and English', async () => {
    const { validator } = await setup({ properties: { birthDate }, required: ['birthDate'] }, asked);
    const message = (value: string | undefined, lang: 'fr' | 'en') =>
      validator.validate({ birthDate: value }, { lang }).map((e) => e.message);
    assert.deepEqual(message('2019-9-', 'fr'), ['Date de naissance\u00a0: la date doit contenir un jour']);
    assert.deepEqual(message('2019--21', 'en'), ['Date de naissance: the date must include a month']);
    assert.deepEqual(message('2023-02-29', 'fr'), ['Date de naissance\u00a0: la date doit être une vraie date']);
    assert.deepEqual(message(undefined, 'fr'), ['Date de naissance\u00a0: ce champ est obligatoire']);
    assert.deepEqual(message('2019-09-21', 'fr'), []);
  });
});
