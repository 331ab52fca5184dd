// Cooperative dashboard /coop: one panel module per concern (see panels/index.js).
import { Session } from './api.js';
import { onLangChange, t } from './i18n.js';
import { announce, el, header, showError, signInBox } from './ui.js';
import { PANELS } from './panels/index.js';

const main = document.getElementById('main');
const session = new Session('coop');
const signin = signInBox(session, { onSignedIn: load, onSignedOut: load, hint: 'coffee@demo.originlive.org' });
let mounted = [];

/** What every panel gets: the signed-in session, its cooperative, and a way to refresh all panels. */
function context() {
  return {
    session,
    cooperativeId: session.user.cooperativeId,
    call: (method, path, options) => session.call(method, path, options),
    refreshAll,
    announce,
    showError,
  };
}

async function refreshAll() {
  await Promise.all(mounted.map((p) => p.refresh().catch(showError)));
}

async function load() {
  main.replaceChildren(el('h1', {}, t('nav.coop')), signin.node);
  mounted = [];
  if (!session.user) return;
  if (!session.user.cooperativeId) { announce(t('signin.failed', { detail: 'COOPERATIVE' }), 'error'); return; }
  const ctx = context();
  const container = el('div.panels');
  main.append(el('div.row', {}, el('button', { type: 'button', id: 'refresh', onclick: refreshAll }, t('refresh'))), container);
  for (const panel of PANELS) {
    const node = el('section.card', { id: `panel-${panel.id}`, 'aria-labelledby': `panel-${panel.id}-title` });
    container.append(node);
    mounted.push(panel.mount(node, ctx));
  }
  await refreshAll();
}

header('coop');
onLangChange(load);
load();
