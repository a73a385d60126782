// The site's service worker: after one visit, the whole site and the checker's engine work with
// no network at all. Generated at build time by toolkit/build/offline.py, which fills in PRECACHE:
// this version's id and every file of the built site.
//
// What it never does: cache anything it was not built with. It has no runtime caching, so no
// page state, form data or request of the user's can ever reach Cache Storage.
const PRECACHE = self.__PRECACHE__;
const PREFIX = "levels-of-need-";
const CACHE = `${PREFIX}${PRECACHE.version}`;
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Every file revalidated with the server ("no-cache"): one version's files, never a stale mix,
    // and what the page has just downloaded comes back as a 304 instead of a second download.
    await cache.addAll(PRECACHE.files.map((path) => new Request(scoped(path), { cache: "no-cache" })));
    // A new version takes over at once: new guidance (a changed phone number, say) must not wait
    // for every tab to close. Open pages are told, and offer a reload (see register.js).
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fromCache(request));
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  // Query strings (the theme's ?q= search highlight) never select a different file here.
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const url = new URL(request.url);
  if (request.mode === "navigate" && !url.pathname.endsWith("/")) {
    const directory = await cache.match(`${url.origin}${url.pathname}/`);
    if (directory) return directory;
  }
  try {
    return await fetch(request); // not cached: only the build's own files ever are
  } catch (error) {
    const missing = request.mode === "navigate" ? await cache.match(scoped("404.html")) : undefined;
    if (missing) return new Response(missing.body, { status: 404, headers: missing.headers });
    throw error;
  }
}
