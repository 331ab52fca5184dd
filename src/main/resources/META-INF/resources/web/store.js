// A cooperative's storefront: its story and its active products with photos.
import { request } from './api.js';
import { onLangChange, t } from './i18n.js';
import { remindButton, setReminder } from './remind.js';
import { dateTime, el, header, money, photo, showError } from './ui.js';

const main = document.getElementById('main');
const slug = decodeURIComponent(location.pathname.split('/')[2] || '');

async function load() {
  try {
    const [store, upcoming] = await Promise.all([
      request('GET', `/api/storefronts/${encodeURIComponent(slug)}`),
      request('GET', '/api/sales?status=SCHEDULED&size=50'),
    ]);
    const c = store.cooperative;
    const sales = upcoming.items.filter((s) => s.items.some((i) => i.cooperativeId === c.id));
    document.title = `${c.name} · Origin Live`;
    main.replaceChildren(
      el('section.card', {}, el('h1', {}, c.name), el('p.muted', {}, `${c.region}, ${c.country}`), el('p', {}, c.story)),
      sales.length ? el('h2', {}, t('store.upcoming')) : null,
      sales.length ? el('div.grid', {}, sales.map((s) => el('article.card.sale', { dataset: { saleId: s.id } },
        el('h3', {}, s.title),
        el('p.muted', {}, dateTime(s.startsAt)),
        el('a', { href: `/live/${s.id}` }, t('home.watch')),
        remindButton(s, remind)))) : null,
      el('h2', {}, t('store.products')),
      el('div.grid', {}, store.products.map((p) => el('article.card.product', { dataset: { productId: p.id } },
        photo(p.imageUrl, p.name),
        el('h3', {}, p.name),
        el('p', {}, p.description),
        el('p.price', {}, money(p.priceMinor, p.currency), el('span.muted', {}, ` / ${p.unit}`)),
        el('p.muted', {}, t('store.stock', { n: p.stock }))))));
  } catch (e) {
    if (e.status === 404) main.replaceChildren(el('h1', {}, t('store.notFound')));
    else showError(e);
  }
}

/** "Remind me" clicked on an upcoming sale: every reminder of this page goes through here. */
async function remind(saleId) {
  return setReminder(saleId);
}

header('home');
onLangChange(load);
load();
