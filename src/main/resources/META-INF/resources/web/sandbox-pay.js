// The sandbox provider's payment page (/sandbox-pay.html?trade=…, demo and tests only): the
// signed-in buyer pays the SANDBOX payment, then goes back to the page that sent them here,
// whose polling shows the order paid.
import { Session } from './api.js';
import { onLangChange, t } from './i18n.js';
import { announce, el, header, showError, signInBox } from './ui.js';

const main = document.getElementById('main');
const trade = new URLSearchParams(location.search).get('trade') || '';
const session = new Session('viewer');

// The page that sent the buyer here, if it is one of this site's; never another site's.
function cameFrom() {
  try {
    const from = new URL(document.referrer);
    return from.origin === location.origin ? from.href : null;
  } catch {
    return null;
  }
}

function goBack() {
  const from = cameFrom();
  if (from && history.length > 1) history.back();
  else location.assign(from || '/');
}

async function pay(button) {
  button.disabled = true;
  try {
    await session.call('POST', `/api/payments/sandbox/${encodeURIComponent(trade)}/pay`);
    announce(t('sandbox.paid'));
    goBack();
  } catch (e) {
    button.disabled = false;
    showError(e);
  }
}

function render() {
  const valid = /^[0-9a-f]{32}$/.test(trade);
  const signin = signInBox(session, { onSignedIn: render, onSignedOut: render, hint: '' });
  main.replaceChildren(
    el('section.card', { 'aria-labelledby': 'sandbox-title' },
      el('h1', { id: 'sandbox-title' }, t('sandbox.title')),
      el('p.muted', {}, t('sandbox.hint')),
      el('p', { id: 'sandbox-trade' }, valid ? t('sandbox.trade', { trade }) : t('sandbox.noTrade')),
      session.user ? null : el('p', {}, t('sandbox.signin')),
      el('div.row', {},
        el('button.primary', {
          type: 'button', id: 'sandbox-pay', disabled: !valid || !session.user, onclick: (e) => pay(e.currentTarget),
        }, t('sandbox.pay')),
        el('a', { id: 'sandbox-back', href: cameFrom() || '/' }, t('sandbox.back')))),
    signin.node);
}

header('');
onLangChange(render);
render();
