// Host console /host: create a sale from cooperatives' products, run it, watch its numbers, moderate.
import { Session, request } from './api.js';
import { onLangChange, t } from './i18n.js';
import { announce, dateTime, el, header, money, showError, signInBox } from './ui.js';
import { SaleSocket } from './socket.js';
import { streamPanel } from './stream.js';

const main = document.getElementById('main');
const session = new Session('host');
const POLL_MS = 3000;
let current = null; // { sale, socket, chat: [] }
let poller = null;

const view = {
  sales: el('section.card', { id: 'my-sales', 'aria-labelledby': 'my-sales-title' }),
  create: el('section.card', { id: 'create-sale', 'aria-labelledby': 'create-title' }),
  manage: el('section.card', { id: 'manage', 'aria-labelledby': 'manage-title', hidden: true }),
};
const signin = signInBox(session, { onSignedIn: load, onSignedOut: load, hint: 'host@demo.originlive.org' });
const stream = streamPanel(session);

function localInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function renderCreate() {
  const [products, coops] = await Promise.all([request('GET', '/api/products?size=100'), request('GET', '/api/cooperatives?size=100')]);
  const coopName = new Map(coops.items.map((c) => [c.id, c.name]));
  // Starts in ten minutes by default: the host goes live with Start when ready.
  const now = new Date(Date.now() + 10 * 60_000);
  const field = (id, key, attrs) => [el('label', { for: id }, t(key)), el('input', { id, required: true, ...attrs })];
  const rows = productRows(products.items, coopName);
  let searching;
  // A host with a large catalogue finds products by name or description (the API's q).
  const search = el('input', { id: 'product-search', type: 'search', maxlength: 200, oninput: () => {
    clearTimeout(searching);
    searching = setTimeout(async () => {
      const q = search.value.trim();
      const found = await request('GET', `/api/products?size=100${q ? `&q=${encodeURIComponent(q)}` : ''}`);
      const body = document.getElementById('product-rows');
      body.replaceChildren(...productRows(found.items, coopName));
      body.dataset.query = q; // what the rows show, for people and tests alike
    }, 250);
  } });
  const form = el('form', { onsubmit: create },
    el('h2', { id: 'create-title' }, t('host.create')),
    field('sale-title', 'host.saleTitle', { maxlength: 200, value: '' }),
    // Optional: the sale has video of its own; a link to another player is shown only without it.
    el('label', { for: 'sale-stream' }, t('host.streamUrl')),
    el('input', { id: 'sale-stream', type: 'url', maxlength: 2000, value: '' }),
    el('div.row', {},
      el('div', {}, field('sale-starts', 'host.startsAt', { type: 'datetime-local', value: localInput(now) })),
      el('div', {}, field('sale-ends', 'host.endsAt', { type: 'datetime-local', value: localInput(new Date(now.getTime() + 2 * 3600_000)) }))),
    el('h3', {}, t('host.products')),
    el('label', { for: 'product-search' }, t('host.search')),
    search,
    el('div', { role: 'region', 'aria-label': t('host.products'), tabindex: 0, class: 'scroll' },
      el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, t('host.add')), el('th', {}, t('store.products')), el('th', {}, t('host.price')), el('th', {}, t('host.quantity')), el('th', {}, t('host.limit')))),
        el('tbody', { id: 'product-rows' }, rows))),
    el('button.primary', { type: 'submit', id: 'create-submit' }, t('host.createSubmit')));
  view.create.replaceChildren(form);
}

async function create(e) {
  e.preventDefault();
  const items = [...document.querySelectorAll('#product-rows tr')]
    .filter((row) => row.querySelector('input[type=checkbox]').checked)
    .map((row) => ({
      productId: row.dataset.productId,
      salePriceMinor: Number(row.querySelector('[data-f=price]').value),
      quantity: Number(row.querySelector('[data-f=quantity]').value),
      perCustomerLimit: Number(row.querySelector('[data-f=limit]').value),
    }));
  try {
    const sale = await session.call('POST', '/api/sales', { body: {
      title: document.getElementById('sale-title').value,
      streamUrl: document.getElementById('sale-stream').value.trim() || null,
      startsAt: new Date(document.getElementById('sale-starts').value).toISOString(),
      endsAt: new Date(document.getElementById('sale-ends').value).toISOString(),
      items,
    } });
    announce(t('host.created'));
    await renderSales();
    manage(sale.id);
  } catch (err) { showError(err); }
}

async function renderSales() {
  const page = await session.call('GET', `/api/sales?hostId=${session.user.id}&size=100`);
  const list = page.items.slice().reverse();
  view.sales.replaceChildren(el('h2', { id: 'my-sales-title' }, t('host.mySales')),
    list.length ? el('ul.items', {}, list.map((s) => el('li.sale-row', { dataset: { saleId: s.id } },
      el('span.badge.' + s.status, {}, t(`status.${s.status}`)),
      el('div', {}, el('strong', {}, s.title), el('p.muted', {}, dateTime(s.startsAt)),
        el('div.row', {},
          el('button', { type: 'button', dataset: { manage: s.id }, onclick: () => manage(s.id) }, t('host.open')),
          el('a', { href: `/live/${s.id}`, target: '_blank', rel: 'noopener' }, t('host.viewerLink'))))))) : el('p.muted', {}, t('host.none')));
}

async function act(path, body) {
  try {
    const sale = await session.call('POST', path, body ? { body } : {});
    if (current && sale?.id === current.sale.id) { current.sale = sale; renderManage(); }
    await renderSales();
  } catch (e) { showError(e); }
}

function manage(id) {
  current?.socket?.close();
  current = { sale: null, chat: [], held: [], stats: null, settings: null };
  view.manage.hidden = false;
  const socket = new SaleSocket(id, (frame) => {
    if (!current || current.id !== id) return;
    if (frame.type === 'snapshot' || frame.type === 'resync') { current.sale = frame.sale; if (frame.chat) current.chat = frame.chat; }
    else if (frame.type === 'stock') { const i = current.sale.items.find((x) => x.id === frame.itemId); if (i) i.remaining = frame.remaining; }
    else if (frame.type === 'status') current.sale.status = frame.status;
    else if (frame.type === 'pinned') current.sale.pinnedItemId = frame.itemId;
    else if (frame.type === 'chat') current.chat = current.chat.concat(frame.messages).slice(-50);
    else if (frame.type === 'chat_deleted') current.chat = current.chat.filter((m) => m.id !== frame.messageId);
    else return;
    renderManage();
  });
  current.id = id;
  current.socket = socket;
  socket.connect();
  stream.open(id);
  clearInterval(poller);
  poll();
  poller = setInterval(poll, POLL_MS);
  session.call('GET', `/api/sales/${id}/chat/settings`).then((s) => { current.settings = s; renderManage(); }).catch(() => {});
}

async function poll() {
  if (!current) return;
  const id = current.id;
  try {
    const [stats, held] = await Promise.all([
      session.call('GET', `/api/sales/${id}/stats`),
      session.call('GET', `/api/sales/${id}/chat?status=HELD&limit=50`),
    ]);
    if (current?.id !== id) return;
    current.stats = stats;
    current.held = held.items;
    renderManage();
    stream.refresh();
  } catch (e) { showError(e); }
}

function renderStats(s) {
  if (!s) return el('p.muted', {}, t('loading'));
  const cell = (key, value, id) => el('div', {}, el('dt', {}, t(key)), el('dd', { id }, value));
  return el('dl.stats', { id: 'stats' },
    cell('stats.orders', s.orders, 'stat-orders'), cell('stats.units', s.unitsSold, 'stat-units'),
    cell('stats.gross', money(s.grossMinor, s.currency), 'stat-gross'), cell('stats.lastMinute', s.ordersLastMinute, 'stat-last-minute'),
    cell('stats.viewers', s.viewers, 'stat-viewers'), cell('stats.peak', s.peakViewers, 'stat-peak'));
}

function renderModeration() {
  const id = current.id;
  const msg = (m, held) => el('li', { dataset: { messageId: m.id } },
    el('span.who', {}, m.author.displayName), el('span', {}, m.body), ' ',
    held ? el('button', { type: 'button', onclick: () => act(`/api/sales/${id}/chat/${m.id}/approve`).then(poll) }, t('host.approve')) : null,
    el('button', { type: 'button', onclick: () => session.call('DELETE', `/api/sales/${id}/chat/${m.id}`).then(poll).catch(showError) }, t('host.delete')),
    m.author.role === 'HOST' || m.author.role === 'ADMIN' ? null
      : el('button', { type: 'button', onclick: () => session.call('POST', `/api/sales/${id}/chat/bans`, { body: { userId: m.author.id, durationSeconds: 600, reason: 'moderator' } }).then(() => announce(`${t('host.ban')}: ${m.author.displayName}`)).catch(showError) }, t('host.ban')));
  const s = current.settings;
  const enabled = el('input', { type: 'checkbox', id: 'chat-enabled', checked: s ? s.enabled : true });
  const slow = el('input', { type: 'number', id: 'slow-mode', min: 0, max: 120, value: s ? s.slowModeSeconds : 0 });
  return el('div', {},
    el('h3', {}, t('host.held')),
    current.held.length ? el('ol.chat-log', { id: 'held' }, current.held.map((m) => msg(m, true))) : el('p.muted', {}, t('host.noHeld')),
    el('h3', {}, t('host.recentChat')),
    el('ol.chat-log', { id: 'recent-chat' }, current.chat.slice(-20).map((m) => msg(m, false))),
    el('form', { onsubmit: (e) => {
      e.preventDefault();
      session.call('PUT', `/api/sales/${id}/chat/settings`, { body: { enabled: enabled.checked, slowModeSeconds: Number(slow.value), blockedTerms: s?.blockedTerms || [] } })
        .then((saved) => { current.settings = saved; announce(t('host.saveSettings')); }).catch(showError);
    } },
    el('label.inline', { for: 'chat-enabled' }, enabled, t('host.chatEnabled')),
    el('label', { for: 'slow-mode' }, t('host.slowMode')), slow,
    el('button', { type: 'submit' }, t('host.saveSettings'))));
}

let rendered = '';

function renderManage(force = false) {
  const sale = current?.sale;
  if (!sale) return;
  // Polls and frames often bring nothing new: keep the DOM (and what the host is typing) as it is.
  const key = JSON.stringify([sale, current.stats, current.held, current.chat, current.settings, document.documentElement.lang]);
  if (!force && key === rendered) return;
  rendered = key;
  const id = sale.id;
  const live = sale.status === 'LIVE';
  const focused = document.activeElement?.id;
  view.manage.replaceChildren(
    el('h2', { id: 'manage-title' }, sale.title, ' ', el('span.badge.' + sale.status, { id: 'manage-status' }, t(`status.${sale.status}`))),
    el('div.row', {},
      el('button.primary', { type: 'button', id: 'start-sale', disabled: sale.status !== 'SCHEDULED', onclick: () => act(`/api/sales/${id}/start`) }, t('host.start')),
      el('button', { type: 'button', id: 'end-sale', disabled: !live, onclick: () => act(`/api/sales/${id}/end`) }, t('host.end')),
      el('a', { href: `/live/${id}`, target: '_blank', rel: 'noopener', id: 'viewer-link' }, t('host.viewerLink'))),
    el('h3', {}, t('host.stats')), renderStats(current.stats),
    el('h3', {}, t('live.items')),
    el('ul.items', { id: 'manage-items' }, sale.items.map((i) => el('li', { dataset: { itemId: i.id, remaining: i.remaining } },
      el('span.badge', {}, sale.pinnedItemId === i.id ? t('live.pinned') : `${i.remaining}`),
      el('div', {}, el('strong', {}, i.name), ' ', money(i.salePriceMinor, i.currency),
        el('p.muted', {}, t('live.left', { n: i.remaining, total: i.quantity })),
        el('button', { type: 'button', dataset: { pin: i.id }, disabled: !(live || sale.status === 'SCHEDULED') || sale.pinnedItemId === i.id, onclick: () => act(`/api/sales/${id}/pin`, { itemId: i.id }) }, t('host.pin')))))),
    el('h3', {}, t('host.moderation')), renderModeration());
  if (focused) document.getElementById(focused)?.focus();
}

async function load() {
  main.replaceChildren(el('h1', {}, t('nav.host')), signin.node);
  if (!session.user) return;
  if (!session.user.roles.includes('HOST')) { announce(t('signin.failed', { detail: 'HOST' }), 'error'); return; }
  main.append(view.manage, stream.node, view.sales, view.create);
  try {
    await Promise.all([renderSales(), renderCreate()]);
  } catch (e) { showError(e); }
}

header('host');
onLangChange(() => { load(); if (current) renderManage(); stream.relabel(); });
load();

function productRows(items, coopName) {
  return items.filter((p) => p.stock > 0).map((p) => el('tr', { dataset: { productId: p.id } },
    el('td', {}, el('input', { type: 'checkbox', id: `pick-${p.id}`, 'aria-label': `${t('host.add')} ${p.name}` })),
    el('td', {}, el('label', { for: `pick-${p.id}` }, p.name), el('span.muted', {}, `${coopName.get(p.cooperativeId) || ''} · ${money(p.priceMinor, p.currency)} · ${p.stock}`)),
    el('td', {}, el('input', { type: 'number', min: 0, value: p.priceMinor, 'aria-label': `${t('host.price')} ${p.name}`, dataset: { f: 'price' } })),
    el('td', {}, el('input', { type: 'number', min: 1, max: p.stock, value: Math.min(20, p.stock), 'aria-label': `${t('host.quantity')} ${p.name}`, dataset: { f: 'quantity' } })),
    el('td', {}, el('input', { type: 'number', min: 1, value: 5, 'aria-label': `${t('host.limit')} ${p.name}`, dataset: { f: 'limit' } }))));
}
