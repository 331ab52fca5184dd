// The service worker of Web Push (push/): shows each notice the server pushed and opens its link
// on a click. Served from the site's root so its scope covers every page. The payload was
// encrypted for this browser (RFC 8291); the browser decrypts it before the push event fires.
'use strict';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let notice = {};
  try {
    notice = event.data ? event.data.json() : {};
  } catch (e) {
    notice = { body: event.data ? event.data.text() : '' };
  }
  const title = notice.title || 'Origin Live';
  event.waitUntil(self.registration.showNotification(title, {
    body: notice.body || '',
    tag: notice.tag || undefined,
    data: { url: sameOrigin(notice.url) },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data?.url || '/';
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const client of windows) {
      if (client.url === url && 'focus' in client) return client.focus();
    }
    return self.clients.openWindow(url);
  })());
});

// Only links into this site are opened; anything else opens the home page.
function sameOrigin(url) {
  try {
    const target = new URL(url, self.location.origin);
    return target.origin === self.location.origin ? target.href : '/';
  } catch (e) {
    return '/';
  }
}
