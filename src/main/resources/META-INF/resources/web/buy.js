// The viewer page's Buy card: the shipping address, the reservation and its timer, then paying
// (pay.js). An order whose payment went to a provider's page is picked up again on return.
// While LIVE it reserves the sale's stock; on the replay it buys from the storefront.
import { newIdempotencyKey } from './api.js';
import { t } from './i18n.js';
import { announce, duration, el, showError } from './ui.js';
import { PaymentPanel, forgetPayment, savedPayment } from './pay.js';

const ADDRESS_FIELDS = [['name', 'addr.name'], ['line1', 'addr.line1'], ['city', 'addr.city'], ['country', 'addr.country'], ['phone', 'addr.phone']];
const AUTOCOMPLETE = { name: 'name', line1: 'address-line1', city: 'address-level2', country: 'country', phone: 'tel' };

function addressForm() {
  const saved = JSON.parse(localStorage.getItem('originlive.address') || '{}');
  return el('fieldset', { id: 'address' }, el('legend', {}, t('live.address')),
    ADDRESS_FIELDS.map(([name, key]) => [
      el('label', { for: `addr-${name}` }, t(key)),
      el('input', { id: `addr-${name}`, name, required: true, value: saved[name] || '', autocomplete: AUTOCOMPLETE[name] }),
    ]));
}

function address() {
  const a = {};
  ADDRESS_FIELDS.forEach(([name]) => { a[name] = document.getElementById(`addr-${name}`).value.trim(); });
  a.country = a.country.toUpperCase();
  localStorage.setItem('originlive.address', JSON.stringify(a));
  return a;
}

export class BuyBox {
  constructor(session, saleId, node) {
    this.session = session;
    this.saleId = saleId;
    this.node = node;
    this.order = null;
    this.payment = new PaymentPanel(session, (order) => this.show(order));
  }

  show(order) {
    this.order = order;
    this.render();
    if (order.status === 'PAID') announce(t('live.paid'));
  }

  /** Reserves the sale's stock while it is LIVE. */
  reserve(item, quantity) {
    return this.place(`/api/sales/${this.saleId}/orders`, { items: [{ itemId: item.id, quantity }] });
  }

  /** Buys from the storefront on the replay; source tells which sale and where in its replay. */
  buyFromReplay(productId, quantity, atSeconds) {
    return this.place('/api/orders', { items: [{ productId, quantity }], source: { saleId: this.saleId, atSeconds } });
  }

  async place(path, body) {
    const missing = ADDRESS_FIELDS.find(([name]) => !document.getElementById(`addr-${name}`).value.trim());
    if (missing) { document.getElementById(`addr-${missing[0]}`).focus(); announce(t('live.address'), 'error'); return null; }
    try {
      this.order = await this.session.call('POST', path, {
        headers: { 'Idempotency-Key': newIdempotencyKey() },
        body: { ...body, shippingAddress: address() },
      });
      this.render();
      document.querySelector('#payment button:not([disabled])')?.focus();
      return this.order;
    } catch (e) { showError(e); return null; }
  }

  render() {
    if (!this.session.user) {
      this.payment.stop();
      this.node.replaceChildren(el('p', {}, t('live.signinToBuy')));
      return;
    }
    const order = this.order;
    const children = [addressForm()];
    if (order?.status === 'RESERVED') {
      const [before, after = ''] = t('live.reserved').split('{t}');
      children.push(el('p', { id: 'reservation' }, before, el('span.timer', { id: 'reservation-timer' }), after),
        this.payment.render(order));
    } else if (order?.status === 'PAID') {
      children.push(el('p', { id: 'order-paid' }, t('live.paid')));
    } else if (order?.status === 'EXPIRED') {
      children.push(el('p', { id: 'order-expired' }, t('live.expired')));
    }
    this.node.dataset.orderId = order?.id || '';
    this.node.replaceChildren(...children);
    this.tick();
  }

  tick() {
    const timer = document.getElementById('reservation-timer');
    if (timer && this.order) timer.textContent = duration((new Date(this.order.reservedUntil) - Date.now()) / 1000);
  }

  /** Back from a provider's page (or reloaded): the order of this sale whose payment was under way. */
  async resume() {
    const saved = savedPayment();
    if (!saved || !this.session.user) return;
    try {
      const order = await this.session.call('GET', `/api/orders/${saved.orderId}`);
      if (order.saleId !== this.saleId && order.source?.saleId !== this.saleId) return;
      this.order = order;
      this.render();
      if (order.status === 'RESERVED') await this.payment.watch(order, saved.paymentId);
      else forgetPayment();
    } catch (e) {
      forgetPayment();
      showError(e);
    }
  }
}
