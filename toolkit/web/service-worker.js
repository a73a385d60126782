// The site's service worker: after one visit the guidance works with no network, and after one
// visit to the self-check or training practice, the checker does too. Generated at build time by
// toolkit/publish/offline.py, which fills in PRECACHE: this version's id, the guidance's files
// (pages and their assets) and the checker's engine (Pyodide, the checker's Python, the data).
//
// By need: installing caches the guidance only, a few hundred kilobytes. The engine, several
// megabytes, is cached when a page asks for it ({kind: "keep-engine"}): the checker's pages once
// their engine has started (the wasm from the copy the page kept in this very cache, or found in
// another one of this origin, or from the bytes it hands over; the rest from the browser's HTTP cache,
// so no engine file is downloaded twice), or the button on the privacy page. A device that had the
// engine gets it again with each new version (each unchanged file from the old version's copy).
// A checker's page looks in Cache Storage before it downloads the wasm, and keeps what it downloads
// here, by the list this build writes beside the offline scripts (assets/offline/engine.json: the
// cache's name, the engine's files and their SHA-256, as below; see engine.js).
//
// No byte twice (issue 28): the pages come in one file (PRECACHE.pages, {path: HTML}; every page
// repeats the site's header and navigation, which one compressed file sends once), and every other
// file is taken, where it can be, from a copy the browser already holds: an earlier version's Cache
// Storage (a file the new version did not change) or the HTTP cache (what the page has just
// downloaded: its styles, scripts, search index and the engine), each kept only if its SHA-256 is
// the build's. Only a file held nowhere, or held in another version, is asked of the server.
//
// What it never does: cache anything it was not built with. It has no runtime caching, so no
// page state, form data or request of the user's can ever reach Cache Storage.
const PRECACHE = self.__PRECACHE__;
// Each site's own: a language's site (cy/) has a service worker of its own, and neither may delete the
// other's copy when it takes over. A cache named before sites were told apart ends with no "@".
// The name but for the scope is the build's (offline.py), as the checker's pages read it from
// assets/offline/engine.json to keep an engine file they download in this very cache.
const SCOPE = new URL(self.registration.scope).pathname;
const CACHE = `${PRECACHE.cache}${SCOPE}`;
const isOwnOrOld = (key) => key.startsWith(PRECACHE.prefix) && (key.endsWith(`@${SCOPE}`) || !key.includes("@"));
const scoped = (path) => new URL(path, self.registration.scope).href;
const isPage = (path) => path.endsWith("/") || path.endsWith(".html");
// Asked of the server, revalidated ("no-cache"): one version's files, never a stale mix.
const fromServer = (path) => fetch(new Request(scoped(path), { cache: "no-cache" }));

async function engineKept() {
  // Any version's cache: an engine kept before an update is kept again by the new version.
  return Boolean(await caches.match(scoped(PRECACHE.engine[0])));
}

// A copy the browser already holds, if it is the build's own: Cache Storage (any version), then the
// HTTP cache without asking the server ("only-if-cached"); null if neither holds it.
async function heldCopy(path) {
  const url = scoped(path);
  const held = [
    () => caches.match(url),
    () => fetch(new Request(url, { cache: "only-if-cached", mode: "same-origin" })),
  ];
  for (const find of held) {
    const response = await find().catch(() => null);
    if (response && response.ok && await sha256(await response.clone().arrayBuffer()) === PRECACHE.digests[path]) {
      return response;
    }
  }
  return null;
}

async function keepFile(cache, path) {
  const response = (await heldCopy(path)) || (await fromServer(path));
  if (!response.ok) throw new Error(`${path} could not be loaded (HTTP ${response.status})`);
  await cache.put(scoped(path), response);
}

// Every page from the one file of pages, each with that file's own headers (the site's security
// headers, which every file is sent with) as an HTML page. A file that is not the build's (a host
// that changed it) is set aside, and each page asked of the server as before.
async function keepPages(cache) {
  const pages = PRECACHE.files.filter(isPage);
  const response = await fromServer(PRECACHE.pages);
  const bytes = response.ok ? await response.arrayBuffer() : null;
  if (!bytes || await sha256(bytes) !== PRECACHE.digests[PRECACHE.pages]) {
    await cache.addAll(pages.map((path) => new Request(scoped(path), { cache: "no-cache" })));
    return;
  }
  const html = JSON.parse(new TextDecoder().decode(bytes));
  const headers = new Headers(response.headers);
  for (const name of ["content-encoding", "content-length", "etag", "last-modified", "vary"]) headers.delete(name);
  headers.set("content-type", "text/html; charset=utf-8");
  await Promise.all(pages.map((path) => cache.put(scoped(path), new Response(html[path], { headers }))));
}

// handedOver: {address: ArrayBuffer} of engine files the page has just downloaded (engine.js keeps the
// wasm's bytes as they arrive). Each is kept only if its SHA-256 is the build's, so nothing but the
// build's own files is ever cached; the rest come from a held copy or the server (keepFile).
// A page's download is never repeated: a browser's HTTP cache may not hold a file of several
// megabytes (Chromium's in-memory cache does not hold the 9.6 MB wasm a host sends uncompressed).
// The manifest goes last: once it is cached, the whole engine is (engineKept).
async function keepEngine(handedOver = {}) {
  const cache = await caches.open(CACHE);
  const [manifest, ...rest] = PRECACHE.engine;
  await Promise.all(rest.map((path) => keepEngineFile(cache, path, handedOver[scoped(path)])));
  await keepEngineFile(cache, manifest, handedOver[scoped(manifest)]);
}

async function keepEngineFile(cache, path, bytes) {
  if (bytes instanceof ArrayBuffer && await sha256(bytes) === PRECACHE.digests[path]) {
    await cache.put(scoped(path), new Response(bytes, { headers: { "content-type": typeOf(path) } }));
  } else {
    await keepFile(cache, path);
  }
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// The type the worker insists on (worker.mjs: EXPECTED_TYPES) for a file kept from the page's bytes.
function typeOf(path) {
  if (path.endsWith(".wasm")) return "application/wasm";
  if (path.endsWith(".json")) return "application/json";
  if (path.endsWith(".mjs") || path.endsWith(".js")) return "text/javascript";
  return "application/octet-stream";
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all([
      keepPages(cache),
      ...PRECACHE.files.filter((path) => !isPage(path)).map((path) => keepFile(cache, path)),
    ]);
    if (await engineKept()) await keepEngine();
    // A new version takes over at once: new guidance (a changed phone number, say) must not wait
    // for every tab to close. Open pages are told, and offer a reload (see register.js).
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (isOwnOrOld(key) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The two messages a page may send. "take-over": a waiting version skips waiting again, so that the
// browser stops the old version's worker as soon as it is idle (register.js: takeOver; a no-op once
// active). "keep-engine": the list of files is the build's; the page may hand over the bytes of engine
// files it has just downloaded, each kept only if it is the build's (keepEngine).
self.addEventListener("message", (event) => {
  if (event.data && event.data.kind === "take-over") {
    self.skipWaiting();
    return;
  }
  if (!event.data || event.data.kind !== "keep-engine") return;
  const reply = (message) => event.source && event.source.postMessage(message);
  const handedOver = event.data.files && typeof event.data.files === "object" ? event.data.files : {};
  event.waitUntil(keepEngine(handedOver).then(
    () => reply({ kind: "engine-kept" }),
    (error) => reply({ kind: "engine-not-kept", reason: String((error && error.message) || error) }),
  ));
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
