// "Remind me" on upcoming sales (home and storefront): one reminder per buyer, by email once the
// buyer's address is confirmed (a confirmation link is asked for on the first reminder).
import { ApiError, Session } from './api.js';
import { lang, t } from './i18n.js';
import { announce, el, showError } from './ui.js';

const session = new Session('viewer');

/** Sets a reminder for the signed-in viewer; the page's own remind(saleId) calls this. */
export async function setReminder(saleId) {
  if (!session.user) {
    announce(t('remind.signin'));
    return false;
  }
  const query = `?lang=${encodeURIComponent(lang())}`;
  try {
    await session.call('POST', `/api/sales/${saleId}/reminders${query}`);
    await session.call('POST', `/api/me/email/confirm${query}`).catch((e) => {
      if (!(e instanceof ApiError) || e.status !== 429) throw e;
    });
    announce(t('remind.set'));
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}

/** The button, for SCHEDULED sales only. */
export function remindButton(sale, remind) {
  if (sale.status !== 'SCHEDULED') return null;
  return el('button', { type: 'button', dataset: { remind: sale.id }, onclick: () => remind(sale.id) }, t('remind.button'));
}
