import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { compileRuntimeValidators, createValidator, localize, loadDefinition, type FormModel } from '@guichet/core';
import { definitionFromService, loadServiceForm } from '@guichet/core/open311';
import { load } from '../helpers/forms.js';
import { startGeoReportSimulator, type GeoReportSimulator } from '../../../../test/helpers/georeport/simulator.mjs';
import { defaultServices } from '../../../../test/helpers/georeport/services.mjs';

const field = (model: FormModel, name: string) => {
  const found = model.fields.find((f) => f.name === name);
  assert.ok(found, `no field ${name}`);
  return found;
};

describe('a form from a GeoReport v2 service definition', () => {
  let server: GeoReportSimulator;
  let depot: FormModel;
  before(async () => {
    server = await startGeoReportSimulator();
    depot = load(await loadServiceForm({ endpoint: server.url, serviceCode: 'DEPOT', lang: 'fr' }));
  });
  after(() => server.stop());

  it('asks each attribute in `order`, as its datatype says, with its description as the question', () => {
    assert.deepEqual(depot.steps[0]!.fields, [
      'type_dechet',
      'volume',
      'dangers',
      'vu_le',
      'plaque',
      'acces',
      'description',
    ]);
    const kinds = Object.fromEntries(depot.steps[0]!.fields.map((name) => [name, field(depot, name).kind]));
    assert.deepEqual(kinds, {
      type_dechet: 'radio',
      volume: 'number',
      dangers: 'checkboxes',
      vu_le: 'datetime',
      plaque: 'text',
      acces: 'textarea',
      description: 'textarea',
    });
    assert.equal(field(depot, 'type_dechet').label.fr, 'Quels déchets ?');
    assert.equal(
      field(depot, 'volume').hint?.fr,
      'En mètres cubes, par exemple 1,5.',
      'datatype_description is the hint',
    );
    assert.deepEqual(
      field(depot, 'dangers').choices?.map((c) => [c.value, c.label.fr]),
      [
        ['chaussee', 'bloque la chaussée'],
        ['produits', 'contient des produits dangereux'],
        ['aucun', 'ne gêne personne'],
      ],
    );
  });

  it('reads "true"/"false" strings as booleans', () => {
    assert.equal(field(depot, 'type_dechet').required, true);
    assert.equal(field(depot, 'dangers').required, true);
    assert.equal(field(depot, 'volume').required, false);
  });

  it('shows an attribute with variable "false" as information, and leaves automated ones to the server', () => {
    assert.equal(depot.steps[0]!.description?.fr, 'Les dépôts signalés sont enlevés sous cinq jours ouvrés.');
    assert.equal(
      depot.fields.some((f) => f.name === 'delai' || f.name === 'asset_id'),
      false,
    );
    assert.deepEqual(depot.open311?.attributes, {
      type_dechet: 'type_dechet',
      volume: 'volume',
      dangers: 'dangers',
      vu_le: 'vu_le',
      plaque: 'plaque',
      acces: 'acces',
    });
  });

  it('takes its title and description from services.json, and asks the place and the contact details', () => {
    assert.equal(depot.title.fr, 'Dépôt sauvage');
    assert.equal(depot.description?.fr, 'Des déchets abandonnés sur la voie publique.');
    assert.deepEqual(depot.steps[1]!.fields, ['address', 'latitude', 'longitude']);
    assert.deepEqual(depot.steps[2]!.fields, ['firstName', 'lastName', 'email', 'phone']);
    assert.deepEqual(
      ['firstName', 'lastName', 'email', 'phone'].map((name) => field(depot, name).autocomplete),
      ['given-name', 'family-name', 'email', 'tel'],
    );
    assert.equal(field(depot, 'email').kind, 'email');
    assert.deepEqual(depot.open311?.fields, {
      description: 'description',
      address_string: 'address',
      lat: 'latitude',
      long: 'longitude',
      first_name: 'firstName',
      last_name: 'lastName',
      email: 'email',
      phone: 'phone',
    });
    assert.equal(depot.open311?.serviceCode, 'DEPOT');
    assert.match(depot.id, /^open311-depot$/);
  });

  it('needs a place: an address, or both coordinates', async () => {
    const validator = createValidator(depot, await compileRuntimeValidators(depot));
    const base = { type_dechet: 'gravats', dangers: ['aucun'] };
    const pointers = (data: Record<string, unknown>) => validator.validate(data, { lang: 'fr' }).map((e) => e.pointer);
    assert.deepEqual(pointers(base), ['/address']);
    assert.deepEqual(pointers({ ...base, address: 'Rue de la Gare' }), []);
    assert.deepEqual(pointers({ ...base, latitude: 48.7, longitude: 2.2 }), []);
    assert.deepEqual(pointers({ ...base, latitude: 48.7 }), ['/address', '/longitude'], 'half a point is no place');
    assert.deepEqual(pointers({ address: 'Rue de la Gare' }).sort(), ['/dangers', '/type_dechet']);
  });

  it('asks the server for the element’s language, and translates its own texts', async () => {
    const english = load(await loadServiceForm({ endpoint: server.url, serviceCode: 'DEPOT', lang: 'en' }));
    assert.equal(english.lang, 'en');
    assert.equal(english.title.en, 'Fly-tipping');
    assert.equal(field(english, 'type_dechet').label.en, 'What kind of rubbish?');
    assert.equal(field(english, 'description').label.en, 'Describe the situation');
    assert.equal(field(english, 'description').label.fr, 'Décrivez la situation');
    assert.equal(localize(english.steps[2]!.title, 'fr'), 'Vous');
  });

  it('keeps the server’s texts as given when it has them in one language only', async () => {
    const lights = load(await loadServiceForm({ endpoint: server.url, serviceCode: 'ECL', lang: 'en' }));
    assert.equal(lights.lang, 'fr', 'the server said its texts are French (Content-Language)');
    assert.equal(field(lights, 'panne').label.en, 'Que fait le lampadaire ?');
    assert.equal(field(lights, 'panne').required, true, 'a boolean true');
    assert.equal(field(lights, 'address').label.en, 'Address or place');
  });

  it('makes the description required when the service asks nothing else', async () => {
    const archives = load(await loadServiceForm({ endpoint: server.url, serviceCode: 'ARCH', lang: 'fr' }));
    assert.equal(field(archives, 'description').required, true);
    assert.equal(field(depot, 'description').required, false);
  });

  it('builds a valid definition of every service, in both languages', async () => {
    for (const service of defaultServices) {
      for (const lang of ['fr', 'en'] as const) {
        const definition = await loadServiceForm({ endpoint: server.url, serviceCode: service.service_code, lang });
        const result = loadDefinition(definition);
        assert.ok(result.ok, `${service.service_code} ${lang}: ${JSON.stringify(!result.ok && result.error.problems)}`);
      }
    }
  });
});

describe('definitionFromService, on what servers write', () => {
  it('sorts by `order` given as numbers or strings, unordered attributes last, and names clashing codes apart', () => {
    const model = load(
      definitionFromService({
        serviceCode: 'Nid de poule/Chaussée',
        lang: 'fr',
        definition: {
          attributes: [
            { code: 'sans_ordre', datatype: 'string', description: 'Sans ordre' },
            { code: 'description', datatype: 'string', order: '2', description: 'Un code qui porte le nom d’un champ' },
            { code: 'taille/cm', datatype: 'number', order: 1, description: 'Taille', required: 'true' },
            { code: 'vide', datatype: 'singlevaluelist', order: 3, values: [] },
          ],
        },
      }),
    );
    assert.deepEqual(model.steps[0]!.fields, [
      'attribute-taille-cm',
      'attribute-description',
      'vide',
      'sans_ordre',
      'description',
    ]);
    assert.equal(model.id, 'open311-nid-de-poule-chaussee');
    assert.equal(model.title.fr, 'Nid de poule/Chaussée', 'no services.json entry: the code');
    assert.deepEqual(model.open311?.attributes, {
      'taille/cm': 'attribute-taille-cm',
      description: 'attribute-description',
      vide: 'vide',
      sans_ordre: 'sans_ordre',
    });
    assert.equal(field(model, 'vide').label.fr, 'vide', 'no description: the code');
    assert.equal(field(model, 'vide').kind, 'text', 'a list without values is a text');
    assert.equal(field(model, 'attribute-taille-cm').required, true);
  });

  it('changes its version when the service definition changes, so an old draft is not resumed', () => {
    const one = definitionFromService({ serviceCode: 'A', lang: 'fr', definition: { attributes: [] } });
    const two = definitionFromService({
      serviceCode: 'A',
      lang: 'fr',
      definition: { attributes: [{ code: 'x', datatype: 'string', description: 'X' }] },
    });
    assert.notEqual(one.version, two.version);
    assert.equal(
      one.version,
      definitionFromService({ serviceCode: 'A', lang: 'fr', definition: { attributes: [] } }).version,
    );
  });
});
