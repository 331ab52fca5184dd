// The fulfilment queue: accept, ship with carrier and tracking number, mark delivered.
import { t } from '../i18n.js';
import { dateTime, el, money } from '../ui.js';

const FILTERS = ['', 'NEW', 'ACCEPTED', 'SHIPPED', 'DELIVERED', 'CANCELLED'];

export default {
  id: 'fulfilments',
  mount(node, ctx) {
    let filter = '';
    const act = async (id, action, body) => {
      try {
        await ctx.call('POST', `/api/fulfillments/${id}/${action}`, body ? { body } : {});
        ctx.announce(t(`fstatus.${{ accept: 'ACCEPTED', ship: 'SHIPPED', deliver: 'DELIVERED' }[action]}`));
        await ctx.refreshAll();
      } catch (e) { ctx.showError(e); }
    };

    const actions = (f) => {
      if (f.status === 'NEW') return el('button.primary', { type: 'button', dataset: { accept: f.id }, onclick: () => act(f.id, 'accept') }, t('coop.accept'));
      if (f.status === 'ACCEPTED') {
        const carrier = el('input', { id: `carrier-${f.id}`, required: true, maxlength: 100, value: 'SF Express' });
        const tracking = el('input', { id: `tracking-${f.id}`, required: true, maxlength: 100 });
        return el('form', { dataset: { ship: f.id }, onsubmit: (e) => { e.preventDefault(); act(f.id, 'ship', { carrier: carrier.value.trim(), trackingNumber: tracking.value.trim() }); } },
          el('label', { for: `carrier-${f.id}` }, t('coop.carrier')), carrier,
          el('label', { for: `tracking-${f.id}` }, t('coop.tracking')), tracking,
          el('button.primary', { type: 'submit' }, t('coop.ship')));
      }
      if (f.status === 'SHIPPED') {
        return el('div', {}, el('p.muted', {}, `${f.carrier} ${f.trackingNumber}`),
          el('button', { type: 'button', dataset: { deliver: f.id }, onclick: () => act(f.id, 'deliver') }, t('coop.deliver')));
      }
      return null;
    };

    const card = (f) => el('article.card.fulfilment', { dataset: { fulfilmentId: f.id, status: f.status } },
      el('h3', {}, t('coop.order', { id: f.orderId.slice(0, 8) }), ' ', el('span.badge', {}, t(`fstatus.${f.status}`))),
      el('p.muted', {}, dateTime(f.createdAt), ' · ', t('coop.to', { name: f.shippingAddress.name, city: f.shippingAddress.city })),
      el('ul', {}, f.lines.map((l) => el('li', {}, `${l.name} × ${l.quantity}`))),
      el('p', {}, `${t('coop.gross')} ${money(f.grossMinor, f.currency)} · ${t('coop.net')} ${money(f.netMinor, f.currency)}`),
      actions(f));

    return {
      async refresh() {
        const query = filter ? `?status=${filter}&size=100` : '?size=100';
        const page = await ctx.call('GET', `/api/cooperatives/${ctx.cooperativeId}/fulfillments${query}`);
        const select = el('select', { id: 'fulfilment-filter', onchange: (e) => { filter = e.target.value; this.refresh().catch(ctx.showError); } },
          FILTERS.map((s) => el('option', { value: s, selected: s === filter }, s ? t(`fstatus.${s}`) : t('coop.all'))));
        node.replaceChildren(el('h2', { id: 'panel-fulfilments-title' }, t('coop.queue')),
          el('label', { for: 'fulfilment-filter' }, t('coop.filter')), select,
          page.items.length ? el('div.grid', { id: 'fulfilments' }, page.items.map(card)) : el('p.muted', {}, t('coop.empty')));
      },
    };
  },
};
