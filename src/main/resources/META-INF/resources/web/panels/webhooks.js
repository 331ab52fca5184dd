// Webhooks to the cooperative's own systems: add (the secret is shown once), rotate, delete,
// each endpoint's delivery attempts, and redeliver (Webhooks).
import { t } from '../i18n.js';
import { dateTime, el } from '../ui.js';

const EVENTS = ['fulfillment.created', 'fulfillment.cancelled', 'refund.requested', 'refund.succeeded', 'payout.succeeded', 'payout.failed'];

export default {
  id: 'webhooks',
  mount(node, ctx) {
    const base = `/api/cooperatives/${ctx.cooperativeId}/webhooks`;
    const list = el('div', { id: 'webhooks-list' });
    const secret = el('div', { id: 'webhooks-secret', 'aria-live': 'polite' });
    const log = el('div', { id: 'webhooks-deliveries' });
    const url = el('input', { id: 'webhooks-url', type: 'url', required: true, maxlength: 2000, placeholder: 'https://erp.example.rw/originlive', autocomplete: 'off' });
    const boxes = EVENTS.map((e) => el('input', { type: 'checkbox', id: `webhooks-event-${e}`, value: e, checked: e === 'fulfillment.created' }));
    let shown = null; // the endpoint whose deliveries are shown

    const showSecret = (hook) => secret.replaceChildren(el('p.notice', { dataset: { webhookId: hook.id } },
      t('webhooks.secretOnce'), ' ', el('code', { id: 'webhooks-secret-value' }, hook.secret)));

    const act = async (work, done) => {
      try {
        await work();
        if (done) ctx.announce(t(done));
        await ctx.refreshAll();
      } catch (err) { ctx.showError(err); }
    };

    const form = el('form', {
      id: 'webhooks-form',
      onsubmit: (e) => {
        e.preventDefault();
        const events = boxes.filter((b) => b.checked).map((b) => b.value);
        act(async () => {
          showSecret(await ctx.call('POST', base, { body: { url: url.value.trim(), events } }));
          url.value = '';
        }, 'webhooks.added');
      },
    },
    el('label', { for: 'webhooks-url' }, t('webhooks.url')), url,
    el('fieldset', {}, el('legend', {}, t('webhooks.events')),
      boxes.map((b) => el('label.inline', { for: b.id }, b, ' ', b.value))),
    el('p.hint', {}, t('webhooks.hint')),
    el('button.primary', { type: 'submit', id: 'webhooks-add' }, t('webhooks.add')));

    const row = (h) => el('tr', { dataset: { webhookId: h.id } },
      el('th', { scope: 'row' }, h.url),
      el('td', {}, h.events.join(', ')),
      el('td', {},
        el('button', { type: 'button', dataset: { deliveries: h.id }, onclick: () => { shown = h; act(async () => {}); } }, t('webhooks.deliveries')),
        ' ', el('button', { type: 'button', dataset: { rotate: h.id }, onclick: () => act(async () => showSecret(await ctx.call('POST', `${base}/${h.id}/rotate-secret`)), 'webhooks.rotated') }, t('webhooks.rotate')),
        ' ', el('button', { type: 'button', dataset: { remove: h.id }, onclick: () => { if (window.confirm(t('webhooks.confirmDelete', { url: h.url }))) act(async () => { await ctx.call('DELETE', `${base}/${h.id}`); if (shown && shown.id === h.id) shown = null; }, 'webhooks.deleted'); } }, t('webhooks.delete'))));

    const attempts = (hook, items) => el('div', {},
      el('h3', {}, t('webhooks.deliveriesOf', { url: hook.url })),
      items.length === 0 ? el('p.muted', {}, t('webhooks.noDeliveries'))
        : el('table', { id: 'webhook-attempts' },
          el('thead', {}, el('tr', {}, ['payout.date', 'webhooks.event', 'webhooks.outcome', 'webhooks.code', 'webhooks.error', 'webhooks.actions']
            .map((k) => el('th', { scope: 'col' }, t(k))))),
          el('tbody', {}, items.map((a) => el('tr', { dataset: { attemptId: a.id, deliveryId: a.deliveryId, outcome: a.outcome } },
            el('td', {}, dateTime(a.at)), el('td', {}, a.eventType, ' #', a.attempt),
            el('td', {}, el('span.badge', {}, a.outcome), ` (${a.deliveryStatus})`),
            el('td', {}, a.responseCode ?? ''), el('td', {}, a.error || ''),
            el('td', {}, el('button', { type: 'button', dataset: { redeliver: a.deliveryId }, onclick: () => act(() => ctx.call('POST', `${base}/${hook.id}/deliveries/${a.deliveryId}/redeliver`), 'webhooks.redelivered') }, t('webhooks.redeliver'))))))));

    node.replaceChildren(el('h2', { id: 'panel-webhooks-title' }, t('webhooks.title')), form, secret, list, log);

    return {
      async refresh() {
        const hooks = await ctx.call('GET', base);
        list.replaceChildren(hooks.items.length === 0 ? el('p.muted', {}, t('webhooks.none'))
          : el('table', { id: 'webhooks' }, el('tbody', {}, hooks.items.map(row))));
        if (shown && !hooks.items.some((h) => h.id === shown.id)) shown = null;
        log.replaceChildren(shown ? attempts(shown, (await ctx.call('GET', `${base}/${shown.id}/deliveries?size=20`)).items) : '');
      },
    };
  },
};
