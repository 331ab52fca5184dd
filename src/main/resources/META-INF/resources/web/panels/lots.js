// The cooperative's lots as the public sees them: code, product, harvest, producers, hectares (Origin).
import { lang, t } from '../i18n.js';
import { el } from '../ui.js';

/** An ISO date (2025-11-01) as a day, read in UTC so it never shifts by a day. */
function day(iso) {
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export default {
  id: 'lots',
  mount(node, ctx) {
    return {
      async refresh() {
        const [page, products] = await Promise.all([
          ctx.call('GET', `/api/cooperatives/${ctx.cooperativeId}/lots?size=100`),
          // Names only; a lot still shows (by product id) if the catalogue cannot be read.
          ctx.call('GET', `/api/products?cooperativeId=${ctx.cooperativeId}&size=100`).catch(() => ({ items: [] }))]);
        const names = new Map(products.items.map((p) => [p.id, p.name]));
        const hectares = new Intl.NumberFormat(lang(), { maximumFractionDigits: 2 });
        node.replaceChildren(el('h2', { id: 'panel-lots-title' }, t('lots.title')),
          page.items.length === 0 ? el('p.muted', {}, t('lots.none'))
            : el('table', { id: 'lots' },
              el('thead', {}, el('tr', {}, ['lots.code', 'lots.product', 'lots.harvest', 'lots.producers', 'lots.hectares', 'lots.certifications']
                .map((k) => el('th', { scope: 'col' }, t(k))))),
              el('tbody', {}, page.items.map((l) => el('tr', { dataset: { lotId: l.id } },
                el('th', { scope: 'row' }, l.lotCode),
                el('td', {}, names.get(l.productId) ?? l.productId.slice(0, 8)),
                el('td', {}, `${day(l.harvestFrom)} – ${day(l.harvestTo)}`),
                el('td', {}, l.producers),
                el('td', {}, hectares.format(l.hectares ?? 0)),
                el('td', {}, (l.certifications || []).join(', ') || '—'))))));
      },
    };
  },
};
