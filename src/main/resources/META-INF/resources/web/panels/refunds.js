// Refunds buyers asked for after delivery: approve, or reject with a reason (Money, Refunds).
import { t } from '../i18n.js';
import { dateTime, el, money } from '../ui.js';

export default {
  id: 'refunds',
  mount(node, ctx) {
    const decide = async (id, action, body) => {
      try {
        await ctx.call('POST', `/api/refunds/${id}/${action}`, body ? { body } : {});
        ctx.announce(t(action === 'approve' ? 'refund.approved' : 'refund.rejected'));
        await ctx.refreshAll();
      } catch (e) { ctx.showError(e); }
    };

    const card = (r) => {
      const reason = el('input', { id: `reject-reason-${r.id}`, required: true, maxlength: 500 });
      return el('article.card.refund', { dataset: { refundId: r.id, status: r.status } },
        el('h3', {}, t('coop.order', { id: r.orderId.slice(0, 8) }), ' ', el('span.badge', {}, money(r.amountMinor, r.currency))),
        el('p.muted', {}, dateTime(r.createdAt), ' · ', t('refund.units', { n: r.lines.reduce((sum, l) => sum + l.quantity, 0) })),
        el('p', {}, t('refund.reason'), ': ', r.reason),
        el('button.primary', { type: 'button', dataset: { approve: r.id }, onclick: () => decide(r.id, 'approve') }, t('refund.approve')),
        el('form', { dataset: { reject: r.id }, onsubmit: (e) => { e.preventDefault(); decide(r.id, 'reject', { reason: reason.value.trim() }); } },
          el('label', { for: `reject-reason-${r.id}` }, t('refund.rejectReason')), reason,
          el('button', { type: 'submit' }, t('refund.reject'))));
    };

    return {
      async refresh() {
        const page = await ctx.call('GET', `/api/cooperatives/${ctx.cooperativeId}/refunds?status=REQUESTED&size=100`);
        node.replaceChildren(el('h2', { id: 'panel-refunds-title' }, t('refund.title')),
          page.items.length ? el('div.grid', { id: 'refunds' }, page.items.map(card)) : el('p.muted', {}, t('refund.none')));
      },
    };
  },
};
