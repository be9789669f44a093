// The town's skip link, header (with the language switch) and footer, written once for every page
// in French and English. A classic script placed right after <main>: it runs while the page is
// parsed, before the first paint, so the header never pops in. Each page names itself with
// <body data-page="…">; its counterpart in the other language keeps the query (?id=…).
(function () {
  const pages = {
    home: { fr: '/index.html', en: '/en/index.html' },
    procedures: { fr: '/demarches.html', en: '/en/procedures.html' },
    procedure: { fr: '/demarche.html', en: '/en/procedure.html' },
    tracking: { fr: '/suivi.html', en: '/en/track.html' },
  };
  const text = {
    fr: {
      skip: 'Aller au contenu',
      site: 'Ville de Montfleury',
      tagline: 'Site officiel de la mairie (ville fictive de démonstration)',
      menu: 'Menu principal',
      home: 'Accueil',
      procedures: 'Démarches en ligne',
      tracking: 'Suivre ma demande',
      other: { lang: 'en', label: 'English', hint: 'This page in English' },
      footerTitle: 'Mairie de Montfleury',
      address: [
        '1 place de la Mairie, 91999 Montfleury',
        'Téléphone : ',
        'Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h 30',
      ],
      counter: 'Vous préférez venir ou appeler ? Un agent vous aide à faire votre démarche à l’accueil de la mairie.',
    },
    en: {
      skip: 'Skip to content',
      site: 'Town of Montfleury',
      tagline: 'Official site of the town hall (a fictional demonstration town)',
      menu: 'Main menu',
      home: 'Home',
      procedures: 'Online services',
      tracking: 'Track my request',
      other: { lang: 'fr', label: 'Français', hint: 'Cette page en français' },
      footerTitle: 'Montfleury Town Hall',
      address: [
        '1 place de la Mairie, 91999 Montfleury, France',
        'Phone: ',
        'Monday to Friday, 8:30 am to 12 pm and 1:30 pm to 5:30 pm',
      ],
      counter: 'Would you rather come in or call? An agent helps you with your request at the town hall’s front desk.',
    },
  };
  const lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
  const t = text[lang];
  const current = document.body.dataset.page;

  function element(name, attributes, ...children) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes ?? {})) node.setAttribute(key, value);
    node.append(...children);
    return node;
  }

  function phone() {
    return element('a', { href: 'tel:+33123456789' }, lang === 'fr' ? '01 23 45 67 89' : '+33 1 23 45 67 89');
  }

  const navItem = (key) => {
    // The page of one procedure belongs to the "online services" section.
    const here = current === key ? 'page' : current === 'procedure' && key === 'procedures' ? 'true' : undefined;
    return element(
      'li',
      {},
      element('a', { href: pages[key][lang], ...(here ? { 'aria-current': here } : {}) }, t[key]),
    );
  };

  const other = t.other;
  const switchLink = element(
    'a',
    {
      class: 'language-switch',
      href: `${pages[current]?.[other.lang] ?? pages.home[other.lang]}${window.location.search}`,
      hreflang: other.lang,
      lang: other.lang,
      title: other.hint,
    },
    other.label,
  );

  const header = element(
    'header',
    { class: 'site-header' },
    element(
      'div',
      { class: 'wrap site-header__top' },
      element(
        'div',
        {},
        element('p', { class: 'site-name' }, element('a', { href: pages.home[lang] }, t.site)),
        element('p', { class: 'site-tagline' }, t.tagline),
      ),
      switchLink,
    ),
    element(
      'nav',
      { class: 'site-nav', 'aria-label': t.menu },
      element('ul', { class: 'wrap' }, navItem('home'), navItem('procedures'), navItem('tracking')),
    ),
  );

  const footer = element(
    'footer',
    { class: 'site-footer' },
    element(
      'div',
      { class: 'wrap' },
      element('h2', {}, t.footerTitle),
      element('address', {}, t.address[0], element('br'), t.address[1], phone(), element('br'), t.address[2]),
      element('p', {}, t.counter),
    ),
  );

  const main = document.querySelector('main');
  main.before(element('a', { class: 'skip-link', href: `#${main.id}` }, t.skip), header);
  main.after(footer);
})();
