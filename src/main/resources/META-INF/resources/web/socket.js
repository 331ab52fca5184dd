// /ws/sales/{id}: frames to a handler; reconnects with backoff; a gap in seq re-reads the sale.
export class SaleSocket {
  constructor(saleId, onFrame, onState) {
    this.saleId = saleId;
    this.onFrame = onFrame;
    this.onState = onState || (() => {});
    this.seq = 0;
    this.backoff = 500;
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/ws/sales/${encodeURIComponent(this.saleId)}`);
    ws.onopen = () => { this.backoff = 500; this.onState(true); };
    ws.onmessage = (event) => this.receive(JSON.parse(event.data));
    ws.onclose = () => {
      this.onState(false);
      if (this.closed) return;
      setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, 10000);
    };
    this.ws = ws;
  }

  close() {
    this.closed = true;
    this.ws?.close();
  }

  receive(frame) {
    if (frame.type === 'snapshot') {
      this.seq = frame.seq ?? 0;
    } else if (typeof frame.seq === 'number') {
      if (frame.seq <= this.seq) return;
      // Stock frames may be conflated (gaps are expected); any other gap means a missed change.
      const missed = frame.seq > this.seq + 1 && frame.type !== 'stock';
      this.seq = frame.seq;
      if (missed) { this.resync(); return; }
    }
    this.onFrame(frame);
  }

  // Missed a change: the sale as it is now stands in for a snapshot.
  async resync() {
    const response = await fetch(`/api/sales/${encodeURIComponent(this.saleId)}`);
    if (!response.ok) return;
    const sale = await response.json();
    this.seq = sale.seq;
    this.onFrame({ type: 'resync', sale });
  }
}
