// Service worker template: scripts/postbuild.mjs fills VERSION and FILES for each build.
// Precaches exactly this build's files; serves only from its own cache, so a page never mixes
// two versions; a new version waits until the page accepts it (then the old cache is deleted).
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = 'archive-explorer-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope).pathname;
  if (!url.pathname.startsWith(scope)) return;
  let path = url.pathname.slice(scope.length);
  // Only the app's own address gets the app shell: any other navigation (such as the
  // single-file build archive-explorer.html, which is not precached) goes to the network.
  if (path === '') path = 'index.html';
  if (!FILES.includes(path)) return;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(path)).then((hit) => hit || fetch(request)),
  );
});
