// The cooperative dashboard's panels, in page order. A new panel is one module with
// `export default { id, mount(node, ctx) -> { refresh(): Promise } }`, added here;
// ctx has session, cooperativeId, call(method, path, options), refreshAll(), announce(), showError().
import fulfilments from './fulfilments.js';
import refunds from './refunds.js';
import earnings from './earnings.js';
import balance from './balance.js';
import lots from './lots.js';
import phones from './phones.js';
import webhooks from './webhooks.js';

export const PANELS = [fulfilments, refunds, earnings, balance, lots, phones, webhooks];
