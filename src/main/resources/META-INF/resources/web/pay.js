// Paying a reserved order (contract v3): WeChat Pay, Alipay or the sandbox. A desktop scans a QR
// code the server draws; a phone goes to the provider's own page. The payment is polled every 2 s
// while PENDING; after a provider's page the viewer page finds it again in sessionStorage.
import { ApiError, newIdempotencyKey } from './api.js';
import { t } from './i18n.js';
import { el, money, showError } from './ui.js';

const PROVIDERS = [['WECHAT_PAY', 'pay-wechat'], ['ALIPAY', 'pay-alipay'], ['SANDBOX', 'pay-sandbox']];
const POLL_MS = 2000;
const SAVED = 'originlive.payment';
// What the buyer is told when a payment ends without paying the order.
const NOTES = { CLOSED: 'pay.closed', FAILED: 'pay.failed', REFUNDED: 'pay.refunded', PENDING: 'pay.expired' };

/** Touch first or a phone's browser: the provider's mobile page rather than a QR code to scan. */
export function onPhone() {
  return matchMedia('(pointer: coarse)').matches || /Android|iPhone|iPad|Mobile/i.test(navigator.userAgent);
}

function channel(provider) {
  const phone = onPhone();
  if (provider === 'WECHAT_PAY') return phone ? 'H5' : 'NATIVE';
  if (provider === 'ALIPAY') return phone ? 'WAP' : 'NATIVE';
  return phone ? 'WAP' : 'PAGE';
}

function unavailable(e) {
  return e instanceof ApiError && e.status === 422 && String(e.problem.type || '').endsWith('/provider-unavailable');
}

/** The order and payment a provider's page will bring the buyer back to, if any. */
export function savedPayment() {
  try { return JSON.parse(sessionStorage.getItem(SAVED) || 'null'); } catch { return null; }
}

export function forgetPayment() { sessionStorage.removeItem(SAVED); }

/** The payment part of the Buy card; onOrder(order) gets the order once its payment has ended. */
export class PaymentPanel {
  constructor(session, onOrder) {
    this.session = session;
    this.onOrder = onOrder;
    this.unavailable = new Set();
    this.payment = null;
    this.note = '';
    this.node = el('div', { id: 'payment' });
    // Kept across renders so that screen readers announce its changes.
    this.said = el('p', { id: 'pay-message', 'aria-live': 'polite' });
    this.qr = el('img.qr', { id: 'pay-qr', width: 240, height: 240, alt: '' });
    addEventListener('pagehide', () => this.stop());
    addEventListener('pageshow', (e) => { if (e.persisted && this.payment) this.follow(this.payment); });
  }

  render(order) {
    this.order = order;
    const buttons = PROVIDERS.map(([provider, id]) => el('button', {
      type: 'button', id, dataset: { provider }, disabled: this.unavailable.has(provider),
      onclick: () => this.open(provider),
    }, t(`pay.${provider}`)));
    this.node.replaceChildren(
      el('p', { id: 'pay-title' }, t('pay.choose', { amount: money(order.totalMinor, order.currency) })),
      el('div.row', { role: 'group', 'aria-labelledby': 'pay-title' }, buttons),
      this.said,
      this.pending());
    this.said.textContent = this.message();
    return this.node;
  }

  message() {
    const off = [...this.unavailable].map((p) => t('pay.unavailable', { provider: t(`pay.${p}`) }));
    const waiting = this.payment?.status === 'PENDING' ? t('pay.waiting') : '';
    return [...off, this.note && t(this.note), waiting].filter(Boolean).join(' ');
  }

  // The QR code to scan, or a way back to the provider's page, while the payment is open.
  pending() {
    const action = this.payment?.status === 'PENDING' ? this.payment.action : null;
    const provider = action && t(`pay.${this.payment.provider}`);
    if (action?.type === 'QR') {
      return el('figure.qr', {}, this.qr, el('figcaption', {}, t('pay.scan', { provider })));
    }
    if (action?.type === 'REDIRECT') return el('a', { id: 'pay-continue', href: action.url }, t('pay.continue', { provider }));
    return null;
  }

  async open(provider) {
    this.stop();
    this.note = '';
    try {
      const payment = await this.session.call('POST', `/api/orders/${this.order.id}/payments`, {
        headers: { 'Idempotency-Key': newIdempotencyKey() },
        body: { provider, channel: channel(provider) },
      });
      this.follow(payment, true);
    } catch (e) {
      if (!unavailable(e)) { showError(e); return; }
      this.unavailable.add(provider);
      this.render(this.order);
      this.node.querySelector('button:not([disabled])')?.focus();
    }
  }

  /** Shows a PENDING payment and polls it; a fresh one with a page to go to goes there. */
  follow(payment, fresh = false) {
    this.payment = payment;
    sessionStorage.setItem(SAVED, JSON.stringify({ orderId: payment.orderId, paymentId: payment.id }));
    if (fresh && payment.action?.type === 'REDIRECT') { location.assign(payment.action.url); return; }
    if (payment.action?.type === 'QR') this.loadQr(payment);
    this.render(this.order);
    this.schedule();
  }

  // The image is the buyer's: fetched with the token, shown from a blob: URL.
  async loadQr(p) {
    if (this.qr.src.startsWith('blob:')) URL.revokeObjectURL(this.qr.src);
    this.qr.removeAttribute('src');
    this.qr.alt = t('pay.qrAlt', { provider: t(`pay.${p.provider}`) });
    this.qr.dataset.paymentId = p.id;
    try {
      const svg = await this.session.blob(`/api/orders/${p.orderId}/payments/${p.id}/qr.svg`, 'image/svg+xml');
      if (this.payment?.id === p.id) this.qr.src = URL.createObjectURL(svg);
    } catch (e) { showError(e); }
  }

  /** Picks up a payment opened before this page was (re)loaded. */
  async watch(order, paymentId) {
    this.order = order;
    const { items } = await this.session.call('GET', `/api/orders/${order.id}/payments`);
    const payment = items.find((p) => p.id === paymentId);
    if (payment?.status === 'PENDING') this.follow(payment);
    else if (payment) await this.settle(payment);
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), POLL_MS);
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = null;
  }

  async poll() {
    const p = this.payment;
    if (!p) return;
    if (Date.now() >= Date.parse(p.expiresAt)) { await this.settle(p); return; }
    try {
      const { items } = await this.session.call('GET', `/api/orders/${p.orderId}/payments`);
      const now = items.find((i) => i.id === p.id) || p;
      if (now.status === 'PENDING') { this.schedule(); return; }
      await this.settle(now);
    } catch {
      this.schedule(); // a dropped connection: ask again in 2 s, until the payment expires
    }
  }

  // The payment is over (or expired here): the order tells the rest, PAID or not.
  async settle(p) {
    this.stop();
    forgetPayment();
    this.payment = null;
    this.note = NOTES[p.status] || '';
    try {
      this.onOrder(await this.session.call('GET', `/api/orders/${p.orderId}`));
    } catch (e) { showError(e); }
  }
}
