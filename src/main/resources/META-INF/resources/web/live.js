// Viewer page /live/{saleId}: the live video, live stock, pinned product, buy with a reservation timer, chat;
// once the sale has ENDED, its replay with chapters and highlights (replay.js).
import { ApiError, Session, request } from './api.js';
import { onLangChange, t } from './i18n.js';
import { announce, duration, el, header, money, photo, showError, signInBox } from './ui.js';
import { BuyBox } from './buy.js';
import { SaleSocket } from './socket.js';
import { LivePlayer } from './player.js';
import { ReplayPanel } from './replay.js';

const main = document.getElementById('main');
const saleId = decodeURIComponent(location.pathname.split('/')[2] || '');
const session = new Session('viewer');
const products = new Map(); // productId -> Product (for photos)
const state = { sale: null, viewers: 0, clock: '', chat: [], reactions: { like: 0, heart: 0, fire: 0 }, connected: false };

const view = {
  title: el('h1', { id: 'sale-title' }),
  badge: el('span.badge', { id: 'sale-status' }),
  clock: el('span.timer', { id: 'sale-clock' }),
  viewers: el('span', { id: 'viewer-count', 'aria-live': 'off' }),
  connection: el('span.muted', { id: 'connection' }),
  stream: el('a', { id: 'stream-link', rel: 'noopener noreferrer', target: '_blank' }),
  pinned: el('section.card.pinned', { id: 'pinned', 'aria-labelledby': 'pinned-title', hidden: true }),
  items: el('ul.items', { id: 'items' }),
  buy: el('section.card', { id: 'buy', 'aria-live': 'polite' }),
  chatLog: el('ol.chat-log', { id: 'chat-log', 'aria-live': 'polite', 'aria-relevant': 'additions' }),
  chatForm: el('form', { id: 'chat-form' }),
  reactions: el('div.row', { id: 'reactions' }),
  video: el('video', { id: 'player', muted: true, autoplay: true, playsinline: true, 'aria-labelledby': 'sale-title' }),
  videoMessage: el('p.overlay', { id: 'video-message', 'aria-live': 'polite' }),
  unmute: el('button.unmute', { type: 'button', id: 'unmute', hidden: true }),
};
view.streamLink = el('span', {}, ' · ', view.stream);
view.screen = el('section.screen', { id: 'screen', 'aria-label': 'video' }, view.video, view.videoMessage, view.unmute);
const player = new LivePlayer(view.video, (playing) => { view.screen.dataset.playing = playing; });
view.unmute.addEventListener('click', () => {
  view.video.muted = !view.video.muted;
  if (!view.video.muted) view.video.play().catch(() => {});
  renderUnmute();
});
const buy = new BuyBox(session, saleId, view.buy);
const replay = new ReplayPanel(session, saleId, { player, video: view.video, message: view.videoMessage, root: view.screen },
  (productId, quantity, atSeconds) => buy.buyFromReplay(productId, quantity, atSeconds));
const signin = signInBox(session, { onSignedIn: () => { renderAll(); buy.resume(); }, onSignedOut: renderAll, hint: '' });

function item(id) { return state.sale?.items.find((i) => i.id === id); }

async function loadProducts(sale) {
  await Promise.all(sale.items.filter((i) => !products.has(i.productId)).map(async (i) => {
    try { products.set(i.productId, await request('GET', `/api/products/${i.productId}`)); } catch { /* photo is optional */ }
  }));
}

function renderHead() {
  const sale = state.sale;
  view.title.textContent = sale.title;
  document.title = `${sale.title} · Origin Live`;
  view.badge.className = `badge ${sale.status}`;
  view.badge.textContent = t(`status.${sale.status}`);
  view.viewers.textContent = t('live.viewers', { n: state.viewers });
  view.connection.textContent = t('live.connection', { state: t(state.connected ? 'conn.open' : 'conn.closed') });
  // The external link stands in only while the sale's own video does not play.
  const own = sale.video?.status === 'LIVE';
  view.streamLink.hidden = own || !sale.streamUrl;
  if (sale.streamUrl) view.stream.href = sale.streamUrl;
  view.stream.textContent = t('live.stream');
}

function renderUnmute() {
  view.unmute.textContent = t(view.video.muted ? 'video.unmute' : 'video.mute');
  view.unmute.setAttribute('aria-pressed', String(!view.video.muted));
}

// Plays while LIVE; otherwise says why not. A video frame or a snapshot brings the state.
function renderVideo() {
  const sale = state.sale;
  const ended = sale.status === 'ENDED';
  replay.node.hidden = !ended;
  if (ended) {
    view.unmute.hidden = true; // the replay has the video's own controls
    replay.open();
    return;
  }
  view.video.controls = false;
  delete view.screen.dataset.replay;
  const video = sale.status === 'CANCELLED' ? { status: 'ENDED' } : sale.video || { status: 'UNAVAILABLE' };
  const live = video.status === 'LIVE' && !!video.playbackUrl;
  player.play(live ? video.playbackUrl : null);
  view.screen.dataset.video = video.status;
  view.videoMessage.hidden = live;
  view.videoMessage.textContent = live ? '' : t(`video.${video.status}`);
  view.unmute.hidden = !live;
  renderUnmute();
}

function stockBar(i) {
  const pct = i.quantity ? Math.round((100 * i.remaining) / i.quantity) : 0;
  return el(`div.stock-bar${pct < 20 ? '.low' : ''}`, {
    role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': i.quantity, 'aria-valuenow': i.remaining,
    'aria-label': t('live.left', { n: i.remaining, total: i.quantity }),
  }, el('span', { style: null, dataset: { pct } }));
}

// Widths are set from script (CSP forbids inline style attributes, not CSSOM).
function sizeBars(root) {
  root.querySelectorAll('.stock-bar > span').forEach((s) => { s.style.width = `${s.dataset.pct}%`; });
}

function renderPinned() {
  // After the end the replay offers the product of the chapter being watched instead.
  const pinned = state.sale.status === 'ENDED' ? null : item(state.sale.pinnedItemId);
  view.pinned.hidden = !pinned;
  if (!pinned) return;
  const product = products.get(pinned.productId);
  view.pinned.replaceChildren(
    photo(product?.imageUrl, pinned.name),
    el('div', {},
      el('p.badge', {}, t('live.pinned')),
      el('h2', { id: 'pinned-title' }, pinned.name),
      el('p.price', {}, money(pinned.salePriceMinor, pinned.currency)),
      el('p', { id: 'pinned-left' }, pinned.remaining > 0 ? t('live.left', { n: pinned.remaining, total: pinned.quantity }) : t('live.soldout')),
      stockBar(pinned),
      buyControls(pinned)));
  sizeBars(view.pinned);
}

function buyControls(i) {
  const qty = el('input', { type: 'number', min: 1, max: i.perCustomerLimit, value: 1, id: `qty-${i.id}`, inputmode: 'numeric' });
  const live = state.sale.status === 'LIVE';
  return el('div.row', {},
    el('label.inline', { for: `qty-${i.id}` }, t('live.qty'), qty),
    el('button.primary', {
      type: 'button', dataset: { buy: i.id }, disabled: !live || i.remaining === 0 || !session.user,
      onclick: () => buy.reserve(i, Number(qty.value)),
    }, t('live.buy')));
}

function renderItems() {
  view.items.replaceChildren(...state.sale.items.map((i) => el('li', { dataset: { itemId: i.id } },
    photo(products.get(i.productId)?.imageUrl, i.name),
    el('div', {},
      el('strong', {}, i.name), ' ', el('span', {}, money(i.salePriceMinor, i.currency)),
      el('p.muted', { dataset: { remaining: i.remaining } }, i.remaining > 0 ? t('live.left', { n: i.remaining, total: i.quantity }) : t('live.soldout')),
      stockBar(i),
      state.sale.status === 'ENDED' ? null : buyControls(i)))));
  sizeBars(view.items);
}

function chatLine(m) {
  return el(`li.${m.kind}`, { dataset: { messageId: m.id } },
    m.kind === 'QUESTION' ? el('span.badge', {}, t('chat.q')) : null, ' ',
    el('span.who', {}, m.author.displayName), el('span', {}, m.body));
}

function renderChat() {
  view.chatLog.replaceChildren(...state.chat.map(chatLine));
  view.chatLog.scrollTop = view.chatLog.scrollHeight;
  const signedIn = !!session.user;
  const body = el('input', { id: 'chat-body', maxlength: 200, required: true, disabled: !signedIn, autocomplete: 'off' });
  const question = el('input', { type: 'checkbox', id: 'chat-question', disabled: !signedIn });
  view.chatForm.replaceChildren(el('label', { for: 'chat-body' }, t('chat.message')), body,
    el('div.row', {}, el('label.inline', { for: 'chat-question' }, question, t('chat.question')),
      el('button', { type: 'submit', disabled: !signedIn }, t('chat.send'))));
  view.chatForm.onsubmit = async (e) => {
    e.preventDefault();
    try {
      const m = await session.call('POST', `/api/sales/${saleId}/chat`, { body: { body: body.value, kind: question.checked ? 'QUESTION' : 'TEXT' } });
      body.value = '';
      if (m.status === 'HELD') announce(t('chat.held'));
    } catch (err) { showError(err); }
  };
  renderReactions();
}

function renderReactions() {
  view.reactions.replaceChildren(...['like', 'heart', 'fire'].map((type) => el('button', {
    type: 'button', disabled: !session.user, 'aria-label': `${t(`react.${type}`)} (${state.reactions[type]})`,
    onclick: () => session.call('POST', `/api/sales/${saleId}/reactions`, { body: { type } }).catch(showError),
  }, `${t(`react.${type}`)} ${state.reactions[type]}`)));
}

function renderAll() {
  if (!state.sale) return;
  renderHead();
  renderVideo();
  renderPinned();
  renderItems();
  buy.render();
  renderChat();
}

function onFrame(frame) {
  switch (frame.type) {
    case 'snapshot':
      state.sale = frame.sale;
      state.viewers = frame.viewers;
      state.chat = frame.chat || [];
      if (frame.reactions) state.reactions = frame.reactions;
      loadProducts(frame.sale).then(renderAll);
      renderAll();
      break;
    case 'resync': state.sale = frame.sale; renderAll(); break;
    case 'stock': {
      const i = item(frame.itemId);
      if (i) { i.remaining = frame.remaining; renderPinned(); renderItems(); }
      break;
    }
    case 'status': state.sale.status = frame.status; renderAll(); break;
    case 'video':
      state.sale.video = { status: frame.status, playbackUrl: frame.playbackUrl ?? null };
      renderVideo();
      renderHead();
      break;
    case 'pinned': state.sale.pinnedItemId = frame.itemId; renderPinned(); break;
    case 'viewers': state.viewers = frame.count; renderHead(); break;
    case 'tick':
      view.clock.textContent = frame.secondsToStart != null ? t('live.startsIn', { t: duration(frame.secondsToStart) })
        : frame.secondsToEnd != null ? t('live.endsIn', { t: duration(frame.secondsToEnd) }) : '';
      buy.tick();
      break;
    case 'chat': state.chat = state.chat.concat(frame.messages).slice(-100); renderChat(); break;
    case 'chat_deleted': state.chat = state.chat.filter((m) => m.id !== frame.messageId); renderChat(); break;
    case 'reactions': state.reactions = frame.counts; renderReactions(); break;
    default: break;
  }
}

async function start() {
  header('home');
  main.append(
    el('section.card', {}, view.badge, ' ', view.title, el('p.row', {}, view.clock, ' · ', view.viewers, view.streamLink), view.connection),
    el('div.two', {},
      // On a phone in portrait the video comes first, the featured product and Buy right under it.
      el('div.stage', {}, view.screen, replay.node, view.pinned, el('section.card', { 'aria-labelledby': 'items-title' }, el('h2', { id: 'items-title', dataset: { i18n: 'live.items' } }, t('live.items')), view.items)),
      el('div', {}, signin.node, view.buy,
        el('section.card', { 'aria-labelledby': 'chat-title' }, el('h2', { id: 'chat-title', dataset: { i18n: 'chat.title' } }, t('chat.title')),
          view.chatLog, view.chatForm, el('h3', { dataset: { i18n: 'react.title' } }, t('react.title')), view.reactions))));
  try {
    await request('GET', `/api/sales/${encodeURIComponent(saleId)}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) { main.replaceChildren(el('h1', {}, t('live.notFound'))); return; }
    showError(e);
  }
  new SaleSocket(saleId, onFrame, (open) => { state.connected = open; if (state.sale) renderHead(); }).connect();
  setInterval(() => buy.tick(), 1000);
  buy.resume();
}

onLangChange(renderAll);
start();
