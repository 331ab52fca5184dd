// Small DOM helpers shared by the pages: elements, money, durations, the header and sign-in form.
import { LANGUAGES, lang, setLang, t, translate } from './i18n.js';

/** el('button.primary', {type: 'submit', onclick}, 'text', child) */
export function el(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const node = document.createElement(tag || 'div');
  if (classes.length) node.className = classes.join(' ');
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ISO 4217 exponents where the browser's (CLDR) digits differ; the API counts minor units by ISO.
const ISO_EXPONENT = {
  AFN: 2, ALL: 2, COP: 2, HUF: 2, IDR: 2, IQD: 3, IRR: 2, KPW: 2, LAK: 2, LBP: 2, MGA: 2, MMK: 2, PKR: 2, SLL: 2, SOS: 2, SYP: 2, YER: 2,
};

/** The ISO 4217 exponent of a currency (RWF 0, CNY 2, KWD 3). */
export function exponent(currency) {
  return ISO_EXPONENT[currency]
    ?? new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

/** Integer minor units as an amount of money in the page's language. */
export function money(minor, currency) {
  const digits = exponent(currency);
  return new Intl.NumberFormat(lang(), { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(minor / 10 ** digits);
}

export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function dateTime(iso) {
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A product photo, or a lettered placeholder when there is none or it fails to load. */
export function photo(imageUrl, name, className = 'photo') {
  const placeholder = () => el(`div.${className}.placeholder`, { role: 'img', 'aria-label': name, dataset: { imageUrl: imageUrl || '' } }, (name || '?').trim().charAt(0));
  if (!imageUrl) return placeholder();
  const img = el(`img.${className}`, { src: imageUrl, alt: name, referrerpolicy: 'no-referrer', dataset: { imageUrl } });
  img.addEventListener('error', () => img.replaceWith(placeholder()), { once: true });
  return img;
}

/** Announces a message in the page's live region (polite for news, assertive for errors). */
export function announce(text, kind = 'info') {
  const region = document.getElementById('status');
  region.className = `status ${kind}`;
  region.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  region.textContent = text;
}

export function showError(e) { announce(t('error', { detail: e.message }), 'error'); }

/** The shared header: brand, navigation, language switch. */
export function header(active) {
  const select = el('select', { id: 'lang-select', onchange: (e) => setLang(e.target.value) },
    LANGUAGES.map(([code, name]) => el('option', { value: code, selected: code === lang() }, name)));
  const link = (href, key) => el('a', { href, 'aria-current': active === key ? 'page' : null, dataset: { i18n: `nav.${key}` } }, t(`nav.${key}`));
  const bar = el('header.top',
    {},
    el('a.brand', { href: '/', dataset: { i18n: 'app.name' } }, t('app.name')),
    el('nav', { 'aria-label': 'Main' }, link('/', 'home'), link('/host', 'host'), link('/coop', 'coop')),
    el('label.lang', { for: 'lang-select' }, el('span', { dataset: { i18n: 'lang.label' } }, t('lang.label')), select));
  document.body.prepend(bar);
  document.documentElement.lang = lang();
  translate(document);
}

/** A sign-in form for a session; calls onSignedIn(user) after success, and offers sign-out. */
export function signInBox(session, { onSignedIn, onSignedOut, hint }) {
  const box = el('section.card.signin', { 'aria-labelledby': 'signin-title' });
  const render = () => {
    box.replaceChildren();
    if (session.user) {
      box.append(el('p', {}, t('signin.as', { name: session.user.displayName })),
        el('button', { type: 'button', id: 'signout', onclick: async () => { await session.logout(); render(); onSignedOut?.(); } }, t('signin.out')));
      return;
    }
    const email = el('input', { id: 'signin-email', type: 'email', name: 'email', autocomplete: 'username', required: true, value: hint || '' });
    const password = el('input', { id: 'signin-password', type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    const form = el('form', {
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          const user = await session.login(email.value.trim(), password.value);
          render();
          onSignedIn?.(user);
        } catch (err) {
          announce(t('signin.failed', { detail: err.message }), 'error');
        }
      },
    },
    el('h2', { id: 'signin-title' }, t('signin.title')),
    el('label', { for: 'signin-email' }, t('signin.email')), email,
    el('label', { for: 'signin-password' }, t('signin.password')), password,
    el('button.primary', { type: 'submit', id: 'signin-submit' }, t('signin.submit')),
    el('p.hint', {}, t('signin.demo')));
    box.append(form);
  };
  render();
  return { node: box, render };
}
