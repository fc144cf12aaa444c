// The approver page's service worker. The edge pushes an empty Web Push message to this
// phone whenever a reset or unlock asks for its approval; this worker shows a notification
// for it, and a tap opens (or brings forward) the approver page, which fetches the request
// itself with its signed request. No payload: nothing about the request crosses the push
// service. The notification's words come from the page, in this script's query
// (sw.js?title=…&body=…), in the page's language.
const words = new URL(self.location.href).searchParams;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  event.waitUntil(self.registration.showNotification(words.get('title') || 'Password reset request', {
    body: words.get('body') || 'Tap to approve or deny it.',
    // One notification at a time: a newer request replaces the older one, and still alerts.
    tag: 'sspr-approval',
    renotify: true,
    requireInteraction: true,
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil((async () => {
    const scope = self.registration.scope;
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = windows.find((client) => client.url.startsWith(scope));
    return open ? open.focus() : self.clients.openWindow(scope);
  })());
});
