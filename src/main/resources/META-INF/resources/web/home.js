// Home: live and upcoming sales, and the cooperatives' storefronts.
import { request } from './api.js';
import { onLangChange, t } from './i18n.js';
import { remindButton, setReminder } from './remind.js';
import { dateTime, el, header, showError } from './ui.js';

const main = document.getElementById('main');

function saleCard(sale) {
  return el('article.card.sale', { dataset: { saleId: sale.id } },
    el('span.badge.' + sale.status, {}, t(`status.${sale.status}`)),
    el('h3', {}, sale.title),
    el('p.muted', {}, dateTime(sale.startsAt), ' – ', dateTime(sale.endsAt)),
    el('a', { href: `/live/${sale.id}` }, t('home.watch')),
    remindButton(sale, remind));
}

/** "Remind me" clicked on a sale card: every reminder of this page goes through here. */
async function remind(saleId) {
  return setReminder(saleId);
}

function section(titleKey, items, render) {
  return el('section', { 'aria-labelledby': `h-${titleKey}` },
    el('h2', { id: `h-${titleKey}` }, t(titleKey)),
    items.length ? el('div.grid', {}, items.map(render)) : el('p.muted', {}, t('home.none')));
}

async function load() {
  try {
    const [live, upcoming, coops] = await Promise.all([
      request('GET', '/api/sales?status=LIVE&size=50'),
      request('GET', '/api/sales?status=SCHEDULED&size=50'),
      request('GET', '/api/cooperatives?size=100'),
    ]);
    main.replaceChildren(
      el('h1', {}, t('app.name')),
      section('home.live', live.items, saleCard),
      section('home.upcoming', upcoming.items, saleCard),
      section('home.stores', coops.items, (c) => el('article.card', {},
        el('h3', {}, c.name), el('p.muted', {}, `${c.region}, ${c.country}`),
        el('a', { href: `/s/${encodeURIComponent(c.slug)}` }, t('home.visit')))));
  } catch (e) {
    showError(e);
  }
}

header('home');
onLangChange(load);
load();
