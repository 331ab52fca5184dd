// Web Push from a page: enablePush(session) asks the browser's permission, subscribes with the
// server's VAPID key and registers the subscription for the signed-in account
// (POST /api/me/push-subscriptions). The service worker (/sw.js) shows what arrives.
import { request } from './api.js';

/** True when this browser can receive Web Push at all. */
export function pushSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/**
 * Subscribes this browser for the account of `session` (an api.js Session). Resolves to the
 * registered subscription ({id, endpoint, ...}), or to null when the browser cannot or the user
 * said no. Calling it again is harmless: the same endpoint is registered again (200).
 */
export async function enablePush(session) {
  if (!pushSupported()) return null;
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return null;
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  const { publicKey } = await request('GET', '/api/push/vapid-public-key');
  if (subscription && !sameKey(subscription.options?.applicationServerKey, publicKey)) {
    // Subscribed under another key (the server's keys changed): start again.
    await subscription.unsubscribe();
    subscription = null;
  }
  if (!subscription) {
    subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: bytes(publicKey),
    });
  }
  return session.call('POST', '/api/me/push-subscriptions', { body: subscription.toJSON() });
}

/** Stops pushes to this browser: unsubscribes it and removes it from the account. */
export async function disablePush(session, id) {
  const registration = await navigator.serviceWorker?.getRegistration('/');
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) await subscription.unsubscribe();
  if (id) await session.call('DELETE', `/api/me/push-subscriptions/${encodeURIComponent(id)}`);
}

function bytes(base64url) {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function sameKey(buffer, base64url) {
  if (!buffer) return false;
  const a = new Uint8Array(buffer);
  const b = bytes(base64url);
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
