// Shows a clear message instead of the loading placeholder when the app fails to start (the wasm
// did not load or compile): the placeholder in index.html is hidden by CSS once the app mounts.
(() => {
  const failed = () => {
    if (document.querySelector('.app')) return;
    const el = document.getElementById('loading');
    if (el) el.classList.add('failed');
  };
  window.addEventListener('unhandledrejection', failed);
  window.addEventListener('error', (e) => { if (!e.filename || /\.(js|wasm)/.test(e.filename)) failed(); });
})();

// Registers the service worker (hosted builds only) and tells the app when a new version is
// ready; the app's "reload" button answers with the `archive-update-accept` event.
(() => {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  let waiting = null;
  let accepted = false;
  const offer = (worker) => {
    waiting = worker;
    window.__archiveUpdateReady = true;
    window.dispatchEvent(new CustomEvent('archive-update-ready'));
  };
  window.addEventListener('archive-update-accept', () => {
    accepted = true;
    if (waiting) waiting.postMessage('skipWaiting');
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });
  navigator.serviceWorker.register('./sw.js').then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (!w) return;
      w.addEventListener('statechange', () => {
        if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
      });
    });
  }).catch(() => { /* no service worker: the app still works online */ });
})();

// While offline, the link to the single-file build (fetched from the network, not precached)
// is replaced by a note: `data-offline` on <html>, read by style.css.
(() => {
  const mark = () => document.documentElement.toggleAttribute('data-offline', !navigator.onLine);
  mark();
  window.addEventListener('online', mark);
  window.addEventListener('offline', mark);
})();
