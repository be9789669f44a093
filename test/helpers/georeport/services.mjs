// The services the simulator offers by default: a town's street reports, written the ways
// deployed GeoReport v2 servers write them. Texts given as `{fr, en}` are served in the language
// the client asks for (Accept-Language); a plain string is served as is, whatever was asked.
// `flags: 'strings'` writes `metadata`, `required` and `variable` as the strings "true"/"false"
// (as Open311::Endpoint does), `flags: 'booleans'` as JSON booleans (as the spec's examples do).

/** The service the example form `signalement-voirie` maps to (`adapters.open311`). */
const voirie = {
  service_code: 'voirie',
  service_name: { fr: 'Voirie', en: 'Roads' },
  description: { fr: 'Problèmes sur la voie publique', en: 'Problems in the street' },
  type: 'realtime',
  keywords: 'voirie,rue',
  group: 'rue',
  flags: 'strings',
  attributes: [
    {
      code: 'categorie',
      datatype: 'singlevaluelist',
      required: false,
      variable: true,
      order: 1,
      description: { fr: 'Quel est le problème ?', en: 'What is the problem?' },
      datatype_description: '',
      values: [
        { key: 'nid-de-poule', name: { fr: 'Un trou dans la route', en: 'A hole in the road' } },
        { key: 'eclairage', name: { fr: 'Un lampadaire éteint', en: 'A street light out' } },
        { key: 'depot-sauvage', name: { fr: 'Des déchets jetés', en: 'Rubbish dumped' } },
        { key: 'signalisation', name: { fr: 'Un panneau abîmé', en: 'A damaged sign' } },
        { key: 'trottoir', name: { fr: 'Un trottoir abîmé', en: 'A damaged pavement' } },
        { key: 'autre', name: { fr: 'Autre chose', en: 'Something else' } },
      ],
    },
  ],
};

/**
 * Every datatype GeoReport v2 defines, in the order a Perl server lists them (not the `order`
 * the citizen should see), an information-only attribute (`variable: false`) and one the
 * server fills itself (`automated`, an Open311::Endpoint extension).
 */
const depot = {
  service_code: 'DEPOT',
  service_name: { fr: 'Dépôt sauvage', en: 'Fly-tipping' },
  description: {
    fr: 'Des déchets abandonnés sur la voie publique.',
    en: 'Rubbish left in a public place.',
  },
  type: 'realtime',
  keywords: 'dechets,encombrants',
  group: 'proprete',
  flags: 'strings',
  attributes: [
    {
      code: 'volume',
      datatype: 'number',
      required: false,
      variable: true,
      order: 3,
      description: { fr: 'Volume approximatif', en: 'Rough volume' },
      datatype_description: { fr: 'En mètres cubes, par exemple 1,5.', en: 'In cubic metres, for example 1.5.' },
    },
    {
      code: 'delai',
      datatype: 'string',
      required: false,
      variable: false,
      order: 1,
      description: {
        fr: 'Les dépôts signalés sont enlevés sous cinq jours ouvrés.',
        en: 'Reported rubbish is removed within five working days.',
      },
      datatype_description: '',
    },
    {
      code: 'type_dechet',
      datatype: 'singlevaluelist',
      required: true,
      variable: true,
      order: 2,
      description: { fr: 'Quels déchets ?', en: 'What kind of rubbish?' },
      datatype_description: '',
      values: [
        { key: 'gravats', name: { fr: 'Gravats', en: 'Rubble' } },
        { key: 'encombrants', name: { fr: 'Meubles, électroménager', en: 'Furniture, appliances' } },
        { key: 'verts', name: { fr: 'Déchets verts', en: 'Garden waste' } },
        { key: 'autre', name: { fr: 'Autre', en: 'Other' } },
      ],
    },
    {
      code: 'dangers',
      datatype: 'multivaluelist',
      required: true,
      variable: true,
      order: 4,
      description: { fr: 'Ce dépôt…', en: 'This rubbish…' },
      datatype_description: { fr: 'Cochez tout ce qui est vrai.', en: 'Tick all that apply.' },
      values: [
        { key: 'chaussee', name: { fr: 'bloque la chaussée', en: 'blocks the road' } },
        { key: 'produits', name: { fr: 'contient des produits dangereux', en: 'holds dangerous products' } },
        { key: 'aucun', name: { fr: 'ne gêne personne', en: 'bothers nobody' } },
      ],
    },
    {
      code: 'vu_le',
      datatype: 'datetime',
      required: false,
      variable: true,
      order: 5,
      description: { fr: 'Vu le', en: 'Seen on' },
      datatype_description: '',
    },
    {
      code: 'plaque',
      datatype: 'string',
      required: false,
      variable: true,
      order: 6,
      description: { fr: 'Plaque du véhicule qui a déposé', en: 'Number plate of the vehicle seen' },
      datatype_description: '',
    },
    {
      code: 'acces',
      datatype: 'text',
      required: false,
      variable: true,
      order: 7,
      description: { fr: 'Comment y accéder', en: 'How to get there' },
      datatype_description: '',
    },
    {
      code: 'asset_id',
      datatype: 'string',
      required: false,
      variable: true,
      automated: 'hidden_field',
      order: 8,
      description: 'Asset id',
      datatype_description: '',
    },
  ],
};

/** Written as the spec's examples write it (booleans), with its texts in French only. */
const eclairage = {
  service_code: 'ECL',
  service_name: 'Éclairage public',
  description: 'Un lampadaire éteint, qui clignote ou reste allumé le jour.',
  type: 'realtime',
  keywords: 'lampadaire',
  group: 'rue',
  flags: 'booleans',
  attributes: [
    {
      code: 'panne',
      datatype: 'singlevaluelist',
      required: true,
      variable: true,
      order: 1,
      description: 'Que fait le lampadaire ?',
      datatype_description: '',
      values: [
        { key: 'eteint', name: 'Il est éteint' },
        { key: 'clignote', name: 'Il clignote' },
        { key: 'jour', name: 'Il reste allumé le jour' },
      ],
    },
  ],
};

/** A service whose requests are created later (`type: batch`): the POST answers a token. */
const archives = {
  service_code: 'ARCH',
  service_name: 'Archives',
  description: 'Demandes traitées en lot.',
  type: 'batch',
  keywords: '',
  group: 'mairie',
  flags: 'strings',
  attributes: [],
};

export const defaultServices = [voirie, depot, eclairage, archives];
