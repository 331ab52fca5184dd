// The host console's video panel: server and stream key (hidden until shown, copy, new key),
// the stream's status and health, and a preview player (a rehearsal included). Its elements are
// made once per sale and updated in place, so the preview keeps playing while the numbers move.
import { t } from './i18n.js';
import { announce, el, showError } from './ui.js';
import { LivePlayer } from './player.js';

export function streamPanel(session) {
  const server = el('input', { id: 'stream-server', readonly: true });
  const key = el('input', { id: 'stream-key', type: 'password', readonly: true, autocomplete: 'off', spellcheck: 'false' });
  const reveal = el('button', { type: 'button', id: 'stream-key-show', 'aria-controls': 'stream-key' });
  const status = el('span.badge', { id: 'video-status' });
  const health = el('p.muted', { id: 'video-health' });
  const video = el('video', { id: 'preview', muted: true, autoplay: true, playsinline: true, controls: true, 'aria-label': t('stream.preview') });
  const player = new LivePlayer(video);
  const node = el('section.card.stream-settings', { id: 'stream', 'aria-labelledby': 'stream-title', hidden: true });
  let saleId = null;
  let settings = null;

  const copy = (input) => navigator.clipboard.writeText(input.value).then(() => announce(t('stream.copied')), showError);
  const showKey = (shown) => {
    key.type = shown ? 'text' : 'password';
    reveal.textContent = t(shown ? 'stream.hide' : 'stream.show');
    reveal.setAttribute('aria-pressed', String(shown));
  };
  reveal.addEventListener('click', () => showKey(key.type === 'password'));

  async function rotate() {
    if (!window.confirm(t('stream.rotateConfirm'))) return;
    try {
      render(await session.call('POST', `/api/sales/${saleId}/stream/key`));
      announce(t('stream.rotated'));
    } catch (e) { showError(e); }
  }

  function render(next) {
    settings = next;
    server.value = next.ingestUrl;
    key.value = next.streamKey;
    status.className = `badge ${next.status}`;
    status.textContent = t(`vstatus.${next.status}`);
    const h = next.health;
    health.textContent = h && h.width ? t('stream.health', { codec: h.videoCodec ?? '?', w: h.width, h: h.height ?? '?', fps: h.fps ?? '?', kbps: h.bitrateKbps ?? '?' })
      : t('stream.noHealth');
    player.play(next.status === 'PREVIEW' || next.status === 'LIVE' ? next.playbackUrl : null);
  }

  function build() {
    node.replaceChildren(
      el('h2', { id: 'stream-title' }, t('stream.title'), ' ', status),
      el('p.hint', {}, t('stream.hint')),
      el('label', { for: 'stream-server' }, t('stream.server')),
      el('div.secret', {}, server, el('button', { type: 'button', id: 'stream-server-copy', onclick: () => copy(server) }, t('stream.copy'))),
      el('label', { for: 'stream-key' }, t('stream.key')),
      el('div.secret', {}, key, reveal,
        el('button', { type: 'button', id: 'stream-key-copy', onclick: () => copy(key) }, t('stream.copy')),
        el('button', { type: 'button', id: 'stream-key-rotate', onclick: rotate }, t('stream.rotate'))),
      health,
      el('div.screen', { id: 'preview-screen' }, video));
    showKey(false);
  }

  return {
    node,
    /** Shows the panel for another sale (the key starts hidden). */
    async open(id) {
      saleId = id;
      settings = null;
      player.play(null);
      build();
      node.hidden = false;
      await this.refresh();
    },
    async refresh() {
      if (!saleId) return;
      const id = saleId;
      try {
        const next = await session.call('GET', `/api/sales/${id}/stream`);
        if (id === saleId) render(next);
      } catch (e) { showError(e); }
    },
    /** After a language change: labels again, same sale, key hidden again. */
    relabel() { if (saleId) { build(); if (settings) render(settings); } },
  };
}
