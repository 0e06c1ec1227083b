// Browser side of offline reading: registers /sw.js and shows the update notice when a
// new service worker (a new deploy) has installed while this page runs the old one.

/** Set when the reader accepts the update; only then does a change of worker reload the page. */
let accepted = false;

function showNotice(waiting: ServiceWorker): void {
  const box = document.querySelector<HTMLElement>('[data-sw-update]');
  if (!box) return;
  box.hidden = false;
  box.querySelector('[data-sw-reload]')?.addEventListener(
    'click',
    () => {
      accepted = true;
      waiting.postMessage({ type: 'vg:skip-waiting' });
    },
    { once: true },
  );
  box.querySelector('[data-sw-dismiss]')?.addEventListener('click', () => (box.hidden = true), { once: true });
}

export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  // The first install also takes control of the page (clients.claim); that must not
  // reload it under the reader, so only an accepted update does.
  sw.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });
  // The site may live under a base path (SITE_BASE); sw.js sits at its root.
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  sw.register(`${base}sw.js`, { scope: base })
    .then((reg) => {
      if (reg.waiting && sw.controller) showNotice(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const next = reg.installing;
        next?.addEventListener('statechange', () => {
          if (next.state === 'installed' && sw.controller) showNotice(next);
        });
      });
    })
    .catch(() => {
      // Blocked (private mode, policy) or unsupported: the site works online as before.
    });
}
