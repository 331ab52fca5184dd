// An ENDED sale on the viewer page (contract v3, "Replays and highlights"): the replay in the
// page's player with one chapter per pin, the product of the current chapter to buy from the
// storefront (the order says where in the replay), and the sale's highlight clips.
import { request } from './api.js';
import { lang, t } from './i18n.js';
import { el, money, photo, showError } from './ui.js';

const POLL_MS = 5000;
// A seek lands on the chapter's start, give or take a frame: count it as inside the chapter.
const SLACK_SECONDS = 0.5;

/** Seconds as mm:ss (h:mm:ss from an hour on). */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export class ReplayPanel {
  /** screen: {player, video, message, root}; buy(productId, quantity, atSeconds) places the order. */
  constructor(session, saleId, screen, buy) {
    this.session = session;
    this.saleId = saleId;
    this.screen = screen;
    this.buy = buy;
    this.replay = null; // the last GET /replay answer
    this.highlights = [];
    this.products = new Map(); // productId -> Product (storefront price, stock, photo)
    this.chapter = -1; // index of the chapter shown for buying
    this.playingIn = -1; // the chapter the playback position is in
    this.poll = null;
    this.loading = false;
    this.chapters = el('nav.chapters', { id: 'chapters', 'aria-labelledby': 'chapters-title', hidden: true });
    this.product = el('section.card.pinned', { id: 'replay-product', 'aria-labelledby': 'replay-product-title', hidden: true });
    this.clips = el('section.card', { id: 'highlights', 'aria-labelledby': 'highlights-title', hidden: true });
    this.node = el('div.replay', { id: 'replay', hidden: true }, this.chapters, this.product, this.clips);
    screen.video.addEventListener('timeupdate', () => this.follow());
  }

  /** Shows the replay (fetched once, then polled while it is being prepared). */
  open() {
    if (!this.replay && !this.loading) this.load();
    this.render();
  }

  async load() {
    clearTimeout(this.poll);
    this.loading = true;
    try {
      const q = `?lang=${encodeURIComponent(lang())}`;
      this.replay = await this.session.call('GET', `/api/sales/${this.saleId}/replay${q}`);
      if (this.replay.status === 'READY') {
        const [clips] = await Promise.all([
          request('GET', `/api/sales/${this.saleId}/highlights${q}`).catch(() => ({ items: [] })),
          this.loadProducts(q),
        ]);
        this.highlights = clips.items;
      }
    } catch (e) {
      showError(e);
    } finally {
      this.loading = false;
    }
    if (!this.replay || this.replay.status === 'PROCESSING') this.poll = setTimeout(() => this.load(), POLL_MS);
    this.render();
  }

  async loadProducts(q) {
    const ids = [...new Set(this.replay.chapters.map((c) => c.productId))];
    await Promise.all(ids.map(async (id) => {
      try { this.products.set(id, await request('GET', `/api/products/${id}${q}`)); } catch { /* shown without price */ }
    }));
  }

  render() {
    const status = this.replay?.status;
    const ready = status === 'READY';
    const { player, video, message, root } = this.screen;
    player.play(ready ? this.replay.playbackUrl : null);
    video.controls = ready;
    root.dataset.video = 'ENDED';
    root.dataset.replay = status || 'LOADING';
    message.hidden = ready;
    message.textContent = ready ? '' : t(status ? `replay.${status}` : 'loading');
    if (ready && this.chapter < 0 && this.replay.chapters.length) this.chapter = 0;
    this.renderChapters();
    this.renderProduct();
    this.renderClips();
  }

  renderChapters() {
    const chapters = this.replay?.status === 'READY' ? this.replay.chapters : [];
    this.chapters.hidden = chapters.length === 0;
    this.chapters.replaceChildren(
      el('h2', { id: 'chapters-title' }, t('replay.chapters')),
      el('ol.row', {}, chapters.map((c, i) => el('li', {}, el('button', {
        type: 'button',
        dataset: { chapter: i, at: c.atSeconds, productId: c.productId },
        'aria-pressed': String(i === this.chapter),
        onclick: () => this.seek(i),
      }, el('span', {}, c.name), ' ', el('span.timer', {}, clock(c.atSeconds)))))));
  }

  renderProduct() {
    const c = this.replay?.status === 'READY' ? this.replay.chapters[this.chapter] : null;
    this.product.hidden = !c;
    if (!c) return;
    const p = this.products.get(c.productId);
    const buyable = !!p && p.status === 'ACTIVE' && p.stock > 0;
    const qty = el('input', { type: 'number', min: 1, max: p?.stock, value: 1, id: 'replay-qty', inputmode: 'numeric' });
    this.product.dataset.productId = c.productId;
    this.product.replaceChildren(
      photo(p?.imageUrl, p?.name || c.name),
      el('div', {},
        el('p.badge', {}, t('replay.featured', { t: clock(c.atSeconds) })),
        el('h2', { id: 'replay-product-title' }, p?.name || c.name),
        p ? el('p.price', {}, money(p.priceMinor, p.currency)) : null,
        el('p', { id: 'replay-stock' }, buyable ? t('store.stock', { n: p.stock }) : t(p ? 'live.soldout' : 'replay.gone')),
        el('div.row', {},
          el('label.inline', { for: 'replay-qty' }, t('live.qty'), qty),
          el('button.primary', {
            type: 'button', id: 'replay-buy', dataset: { productId: c.productId },
            disabled: !buyable || !this.session.user,
            onclick: () => this.order(c.productId, Number(qty.value)),
          }, t('live.buy')))));
  }

  renderClips() {
    const clips = this.replay?.status === 'READY' ? this.highlights : [];
    this.clips.hidden = clips.length === 0;
    this.clips.replaceChildren(
      el('h2', { id: 'highlights-title' }, t('replay.highlights')),
      el('ul.clips', {}, clips.map((h) => el('li', { dataset: { itemId: h.itemId } },
        el('video', { src: h.playbackUrl, controls: true, muted: true, playsinline: true, preload: 'metadata', 'aria-label': h.name }),
        el('p', {}, el('strong', {}, h.name), ' ', el('span.timer', {}, clock(h.durationSeconds)))))));
  }

  // The order takes stock from the storefront: show what is left.
  async order(productId, quantity) {
    if (!(await this.buy(productId, quantity, this.position()))) return;
    try { this.products.set(productId, await request('GET', `/api/products/${productId}?lang=${encodeURIComponent(lang())}`)); } catch { return; }
    this.renderProduct();
  }

  /** The replay's position, to a tenth of a second, for the order's source. */
  position() {
    return Math.round(this.screen.video.currentTime * 10) / 10;
  }

  /** Plays from a chapter's start and offers its product. */
  seek(i) {
    const { video } = this.screen;
    const at = this.replay.chapters[i].atSeconds;
    const go = () => { video.currentTime = at; video.play().catch(() => {}); };
    if (video.readyState >= 1) go();
    else video.addEventListener('loadedmetadata', go, { once: true });
    this.playingIn = i;
    this.choose(i);
  }

  // Playback crossing into another chapter offers that chapter's product.
  follow() {
    const chapters = this.replay?.status === 'READY' ? this.replay.chapters : [];
    const time = this.screen.video.currentTime + SLACK_SECONDS;
    let at = -1;
    chapters.forEach((c, i) => { if (c.atSeconds <= time) at = i; });
    if (at < 0 || at === this.playingIn) return;
    this.playingIn = at;
    this.choose(at);
  }

  choose(i) {
    if (i === this.chapter) return;
    this.chapter = i;
    this.renderChapters();
    this.renderProduct();
  }
}
