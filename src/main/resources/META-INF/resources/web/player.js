// An HLS player on a <video>: the browser's own where it plays HLS, else hls.js served by the app
// (a Maven webjar, no CDN). It retries while the stream should be live, so a publisher that comes
// back (or a playlist that is not written yet) plays without a reload.
const HLS_JS = '/webjars/hls.js/1.4.12/dist/hls.mjs';
const RETRY_MS = 1500;

export class LivePlayer {
  constructor(video, onState = () => {}) {
    this.video = video;
    this.onState = onState;
    this.url = null;
    this.hls = null;
    this.retry = null;
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.addEventListener('error', () => this.again());
    video.addEventListener('playing', () => this.onState('playing'));
    video.addEventListener('waiting', () => this.onState('waiting'));
  }

  /** Plays this playlist (again only if it changed); null stops. */
  play(url) {
    if (url === this.url) return;
    this.stop();
    this.url = url;
    if (url) this.attach();
  }

  stop() {
    clearTimeout(this.retry);
    this.url = null;
    this.hls?.destroy();
    this.hls = null;
    this.video.removeAttribute('src');
    this.video.load();
    this.onState('stopped');
  }

  async attach() {
    const url = this.url;
    if (!url) return;
    if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
      this.video.src = url;
      this.start();
      return;
    }
    const { default: Hls } = await import(HLS_JS);
    if (url !== this.url) return;
    if (!Hls.isSupported()) { this.onState('unsupported'); return; }
    // No worker: the pages' CSP admits no blob: scripts; media from blob: (MSE) is admitted.
    const hls = new Hls({ enableWorker: false, liveSyncDurationCount: 2, manifestLoadingMaxRetry: 2 });
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
      else this.again();
    });
    hls.loadSource(url);
    hls.attachMedia(this.video);
    this.hls = hls;
    this.start();
  }

  start() {
    this.video.play().catch(() => { /* autoplay refused: the page's controls start it */ });
  }

  // The playlist may not exist yet, or the publisher came back under a new one: try again shortly.
  again() {
    if (!this.url) return;
    clearTimeout(this.retry);
    this.onState('waiting');
    this.retry = setTimeout(() => {
      const url = this.url;
      this.hls?.destroy();
      this.hls = null;
      this.url = null;
      this.play(url);
    }, RETRY_MS);
  }
}
