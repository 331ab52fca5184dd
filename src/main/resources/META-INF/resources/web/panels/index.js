// The cooperative dashboard's panels, in page order. A new panel is one module with
// `export default { id, mount(node, ctx) -> { refresh(): Promise } }`, added here;
// ctx has session, cooperativeId, call(method, path, options), refreshAll(), announce(), showError().
// Planned as their APIs land: balance.js (balance, ledger, payouts), refunds.js, lots.js.
import fulfilments from './fulfilments.js';
import earnings from './earnings.js';

export const PANELS = [fulfilments, earnings];
