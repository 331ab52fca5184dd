// Balance per currency, recent ledger entries, the payout destination and payouts (Money, Payouts).
import { ApiError, newIdempotencyKey } from '../api.js';
import { t } from '../i18n.js';
import { dateTime, el, money } from '../ui.js';

const PROVIDERS = ['SANDBOX', 'MTN_MOMO', 'MPESA', 'BANK_MANUAL'];
const BUCKETS = [['pendingMinor', 'balance.pending'], ['availableMinor', 'balance.available'],
  ['inTransitMinor', 'balance.inTransit'], ['paidOutMinor', 'balance.paidOut']];

export default {
  id: 'balance',
  mount(node, ctx) {
    const base = `/api/cooperatives/${ctx.cooperativeId}`;
    // Separate regions so a refresh never wipes what is being typed into the destination form.
    const summary = el('div', { id: 'balance-summary' });
    const payouts = el('div', { id: 'balance-payouts' });
    const ledger = el('div', { id: 'balance-ledger' });
    let dirty = false;

    const provider = el('select', { id: 'payout-provider', required: true },
      PROVIDERS.map((p) => el('option', { value: p }, t(`provider.${p}`))));
    const accountName = el('input', { id: 'payout-account-name', required: true, maxlength: 200, autocomplete: 'off' });
    const accountNumber = el('input', { id: 'payout-account-number', required: true, maxlength: 100, autocomplete: 'off', 'aria-describedby': 'payout-account-hint' });
    const currency = el('input', { id: 'payout-currency', required: true, minlength: 3, maxlength: 3, pattern: '[A-Za-z]{3}', autocomplete: 'off', 'aria-describedby': 'payout-currency-hint' });
    const current = el('p.muted', { id: 'payout-destination-current' });
    const form = el('form', {
      id: 'payout-destination',
      oninput: () => { dirty = true; },
      onsubmit: async (e) => {
        e.preventDefault();
        const body = { provider: provider.value, accountName: accountName.value.trim(), accountNumber: accountNumber.value.trim(), currency: currency.value.trim().toUpperCase() };
        try {
          await ctx.call('PUT', `${base}/payout-destination`, { body });
          dirty = false;
          ctx.announce(t('payout.saved'));
          await ctx.refreshAll();
        } catch (err) { ctx.showError(err); }
      },
    },
    el('h3', {}, t('payout.destination')), current,
    el('label', { for: 'payout-provider' }, t('payout.provider')), provider,
    el('label', { for: 'payout-account-name' }, t('payout.accountName')), accountName,
    el('label', { for: 'payout-account-number' }, t('payout.accountNumber')), accountNumber,
    el('p.hint', { id: 'payout-account-hint' }, t('payout.accountHint')),
    el('label', { for: 'payout-currency' }, t('payout.currency')), currency,
    el('p.hint', { id: 'payout-currency-hint' }, t('payout.currencyHint')),
    el('button.primary', { type: 'submit', id: 'payout-destination-save' }, t('payout.save')));

    const payOut = async (button, cur) => {
      button.disabled = true;
      try {
        // A fresh key per click: a retried request of this click is never paid twice.
        const payout = await ctx.call('POST', `${base}/payouts`, { body: { currency: cur }, headers: { 'Idempotency-Key': newIdempotencyKey() } });
        ctx.announce(t('payout.submitted', { amount: money(payout.amountMinor, payout.currency) }));
        await ctx.refreshAll();
      } catch (err) {
        ctx.showError(err);
      } finally {
        button.disabled = false;
      }
    };

    const balanceTable = (items) => (items.length === 0 ? el('p.muted', {}, t('home.none'))
      : el('table', { id: 'balance' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('payout.currency')),
          BUCKETS.map(([, key]) => el('th', { scope: 'col' }, t(key))), el('th', { scope: 'col' }, t('balance.actions')))),
        el('tbody', {}, items.map((b) => {
          const button = el('button.primary', { type: 'button', dataset: { payout: b.currency } }, t('balance.payOutAll'));
          button.addEventListener('click', () => payOut(button, b.currency));
          return el('tr', { dataset: { currency: b.currency } }, el('th', { scope: 'row' }, b.currency),
            el('td', { dataset: { pending: b.pendingMinor } }, money(b.pendingMinor, b.currency)),
            el('td', { dataset: { available: b.availableMinor } }, money(b.availableMinor, b.currency)),
            el('td', {}, money(b.inTransitMinor, b.currency)), el('td', {}, money(b.paidOutMinor, b.currency)),
            el('td', {}, button));
        }))));

    const payoutTable = (items) => (items.length === 0 ? el('p.muted', {}, t('payout.none'))
      : el('table', { id: 'payouts' },
        el('thead', {}, el('tr', {}, ['payout.date', 'payout.amount', 'payout.received', 'payout.provider', 'payout.status']
          .map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, items.map((p) => el('tr', { dataset: { payoutId: p.id, status: p.status } },
          el('td', {}, dateTime(p.createdAt)), el('td', {}, money(p.amountMinor, p.currency)),
          el('td', {}, money(p.destinationAmountMinor, p.destinationCurrency)), el('td', {}, t(`provider.${p.provider}`)),
          el('td', {}, el('span.badge', {}, t(`pstatus.${p.status}`)), p.failureReason ? ` ${p.failureReason}` : null))))));

    const ledgerTable = (items) => (items.length === 0 ? el('p.muted', {}, t('home.none'))
      : el('table', { id: 'ledger' },
        el('thead', {}, el('tr', {}, ['payout.date', 'ledger.type', 'ledger.bucket', 'payout.amount']
          .map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, items.map((l) => el('tr', { dataset: { entryId: l.id, bucket: l.bucket } },
          el('td', {}, dateTime(l.createdAt)), el('td', {}, label('ltype', l.type)), el('td', {}, label('bucket', l.bucket)),
          el('td', { dataset: { amount: l.amountMinor } }, money(l.amountMinor, l.currency)))))));

    const destination = () => ctx.call('GET', `${base}/payout-destination`)
      .catch((e) => { if (e instanceof ApiError && e.status === 404) return null; throw e; });

    node.replaceChildren(el('h2', { id: 'panel-balance-title' }, t('balance.title')), summary,
      form, el('h3', {}, t('payout.list')), payouts, el('h3', {}, t('ledger.latest')), ledger);

    return {
      async refresh() {
        const [balance, entries, dest, page] = await Promise.all([
          ctx.call('GET', `${base}/balance`), ctx.call('GET', `${base}/ledger?size=10`), destination(), ctx.call('GET', `${base}/payouts?size=20`)]);
        summary.replaceChildren(balanceTable(balance.items));
        current.textContent = dest
          ? t('payout.current', { provider: t(`provider.${dest.provider}`), name: dest.accountName, number: dest.accountNumber, currency: dest.currency })
          : t('payout.noDestination');
        if (!dirty) {
          provider.value = dest?.provider ?? 'SANDBOX';
          accountName.value = dest?.accountName ?? '';
          accountNumber.value = dest?.accountNumber ?? '';
          currency.value = dest?.currency ?? balance.items[0]?.currency ?? '';
        }
        payouts.replaceChildren(payoutTable(page.items));
        ledger.replaceChildren(ledgerTable(entries.items));
      },
    };
  },
};

/** A translated enum value, or the value itself for one this page does not know yet. */
function label(prefix, value) {
  const text = t(`${prefix}.${value}`);
  return text === `${prefix}.${value}` ? value : text;
}
