// Earnings per currency: gross, platform fee, net (GET /api/cooperatives/{id}/earnings).
import { t } from '../i18n.js';
import { el, money } from '../ui.js';

export default {
  id: 'earnings',
  mount(node, ctx) {
    return {
      async refresh() {
        const earnings = await ctx.call('GET', `/api/cooperatives/${ctx.cooperativeId}/earnings`);
        node.replaceChildren(el('h2', { id: 'panel-earnings-title' }, t('coop.earnings')),
          earnings.items.length === 0 ? el('p.muted', {}, t('home.none'))
            : el('table', { id: 'earnings' },
              el('thead', {}, el('tr', {}, ['coop.orders', 'coop.gross', 'coop.fee', 'coop.net'].map((k) => el('th', { scope: 'col' }, t(k))))),
              el('tbody', {}, earnings.items.map((e) => el('tr', { dataset: { currency: e.currency } },
                el('td', {}, e.orders), el('td', {}, money(e.grossMinor, e.currency)),
                el('td', {}, money(e.feeMinor, e.currency)), el('td', { dataset: { net: e.netMinor } }, money(e.netMinor, e.currency)))))));
      },
    };
  },
};
