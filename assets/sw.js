// Service worker template: scripts/postbuild.mjs fills VERSION and FILES for each build.
// Precaches exactly this build's files; serves only from its own cache, so a page never mixes
// two versions; a new version waits until the page accepts it (then the old cache is deleted).
const VERSION = '__VERSION__';
const FILES = __FILES__;
// A sharded archive's chunk files (content-named, so one cache serves every version).
const SHARDS = __SHARDS__;
const SHARD_CACHE = 'archive-explorer-shards';
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
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE && k !== SHARD_CACHE).map((k) => caches.delete(k))))
      // Chunks of an earlier deploy that this one no longer has (all of them when it is not sharded).
      .then(() => (SHARDS.length === 0 ? caches.delete(SHARD_CACHE) : caches.open(SHARD_CACHE)
        .then((cache) => cache.keys().then((reqs) => {
          const keep = new Set(SHARDS.map((f) => new URL(f, self.registration.scope).href));
          return Promise.all(reqs.filter((r) => !keep.has(r.url)).map((r) => cache.delete(r)));
        }))))
      .then(() => self.clients.claim()),
  );
});

// "Save the whole archive": fetch every chunk not yet cached, telling the page how far it got.
const saveArchive = async (client) => {
  const cache = await caches.open(SHARD_CACHE);
  let done = 0;
  for (const f of SHARDS) {
    if (!(await cache.match(f))) {
      const resp = await fetch(f);
      if (!resp.ok) throw new Error(`${f}: HTTP ${resp.status}`);
      await cache.put(f, resp);
    }
    done += 1;
    if (client && (done % 8 === 0 || done === SHARDS.length)) client.postMessage({ type: 'archive-save', done, total: SHARDS.length });
  }
};

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
  if (event.data === 'saveArchive') {
    const client = event.source;
    event.waitUntil(saveArchive(client).catch((e) => client && client.postMessage({ type: 'archive-save', error: String(e) })));
  }
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
  if (path.startsWith('shards/')) {
    // Cache first, and keep what was fetched: a chunk never changes under its name.
    event.respondWith(caches.open(SHARD_CACHE).then((cache) => cache.match(path).then((hit) => hit
      || fetch(request).then((resp) => {
        if (resp.ok) cache.put(path, resp.clone());
        return resp;
      }))));
    return;
  }
  if (!FILES.includes(path)) return;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(path)).then((hit) => hit || fetch(request)),
  );
});
