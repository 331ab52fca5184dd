// Alert phones: the list and its language, confirming a phone with its code, the USSD PIN, and
// the SMS history with the provider's delivery reports (Phones).
import { t } from '../i18n.js';
import { dateTime, el } from '../ui.js';

const LANGUAGES = ['en', 'fr', 'rw', 'am'];

export default {
  id: 'phones',
  mount(node, ctx) {
    const base = `/api/cooperatives/${ctx.cooperativeId}/alerts`;
    const list = el('div', { id: 'phones-list' });
    const history = el('div', { id: 'phones-sms' });
    const phones = el('input', { id: 'phones-numbers', required: false, maxlength: 100, placeholder: '+250788123456, +251911234567', autocomplete: 'off', 'aria-describedby': 'phones-hint' });
    const language = el('select', { id: 'phones-language' }, LANGUAGES.map((l) => el('option', { value: l }, t(`phones.lang.${l}`))));
    let dirty = false;

    const send = async (method, path, body, done) => {
      try {
        await ctx.call(method, path, { body });
        dirty = false;
        ctx.announce(t(done));
        await ctx.refreshAll();
      } catch (err) { ctx.showError(err); }
    };

    const form = el('form', {
      id: 'phones-form',
      oninput: () => { dirty = true; },
      onsubmit: (e) => {
        e.preventDefault();
        const numbers = phones.value.split(/[\s,]+/).map((p) => p.trim()).filter(Boolean);
        send('PUT', base, { phones: numbers, language: language.value }, 'phones.saved');
      },
    },
    el('label', { for: 'phones-numbers' }, t('phones.numbers')), phones,
    el('p.hint', { id: 'phones-hint' }, t('phones.hint')),
    el('label', { for: 'phones-language' }, t('phones.language')), language,
    el('button.primary', { type: 'submit', id: 'phones-save' }, t('phones.save')));

    const row = (p) => {
      const code = el('input', { id: `phone-code-${p.phone}`, inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: 6, required: true, autocomplete: 'one-time-code' });
      const pin = el('input', { id: `phone-pin-${p.phone}`, type: 'password', inputmode: 'numeric', pattern: '[0-9]{4,6}', maxlength: 6, required: true, autocomplete: 'new-password' });
      const action = p.confirmed
        ? el('form', { dataset: { pin: p.phone }, onsubmit: (e) => { e.preventDefault(); send('PUT', `${base}/pin`, { phone: p.phone, pin: pin.value }, 'phones.pinSaved'); } },
          el('label', { for: pin.id }, t(p.pinSet ? 'phones.changePin' : 'phones.setPin')), pin, el('button', { type: 'submit' }, t('phones.savePin')))
        : el('form', { dataset: { verify: p.phone }, onsubmit: (e) => { e.preventDefault(); send('POST', `${base}/verify`, { phone: p.phone, code: code.value }, 'phones.confirmedNow'); } },
          el('label', { for: code.id }, t('phones.code')), code, el('button', { type: 'submit' }, t('phones.confirm')));
      return el('tr', { dataset: { phone: p.phone, confirmed: String(p.confirmed) } },
        el('th', { scope: 'row' }, p.phone),
        el('td', {}, el('span.badge', {}, t(p.confirmed ? 'phones.confirmed' : 'phones.unconfirmed')), p.pinSet ? ` ${t('phones.pinSet')}` : null),
        el('td', {}, action));
    };

    const smsTable = (items) => (items.length === 0 ? el('p.muted', {}, t('phones.noSms'))
      : el('table', { id: 'sms' },
        el('thead', {}, el('tr', {}, ['payout.date', 'phones.phone', 'phones.message', 'payout.status', 'phones.delivery']
          .map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, items.map((s) => el('tr', { dataset: { smsId: s.id, status: s.status, kind: s.kind } },
          el('td', {}, dateTime(s.createdAt)), el('td', {}, s.phone), el('td', {}, s.message || ''),
          el('td', {}, el('span.badge', {}, s.status), s.attempts > 1 ? ` ×${s.attempts}` : null),
          el('td', {}, s.deliveryStatus || '', s.cost ? ` · ${s.cost}` : ''))))));

    node.replaceChildren(el('h2', { id: 'panel-phones-title' }, t('phones.title')), form, list,
      el('h3', {}, t('phones.history')), history);

    return {
      async refresh() {
        const [alerts, sms] = await Promise.all([ctx.call('GET', base), ctx.call('GET', `${base}/sms?size=20`)]);
        if (!dirty) {
          phones.value = alerts.phones.map((p) => p.phone).join(', ');
          language.value = alerts.language || 'en';
        }
        list.replaceChildren(alerts.phones.length === 0 ? el('p.muted', {}, t('phones.none'))
          : el('table', { id: 'phones' }, el('tbody', {}, alerts.phones.map(row))));
        history.replaceChildren(smsTable(sms.items));
      },
    };
  },
};
