// A cooperative's storefront: its story and its active products with photos.
import { request } from './api.js';
import { onLangChange, t } from './i18n.js';
import { el, header, money, photo, showError } from './ui.js';

const main = document.getElementById('main');
const slug = decodeURIComponent(location.pathname.split('/')[2] || '');

async function load() {
  try {
    const store = await request('GET', `/api/storefronts/${encodeURIComponent(slug)}`);
    const c = store.cooperative;
    document.title = `${c.name} · Origin Live`;
    main.replaceChildren(
      el('section.card', {}, el('h1', {}, c.name), el('p.muted', {}, `${c.region}, ${c.country}`), el('p', {}, c.story)),
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

header('home');
onLangChange(load);
load();
