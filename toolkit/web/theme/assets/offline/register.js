// Registers the site's service worker (sw.js at the site root, written by toolkit/publish/offline.py),
// so the guidance works offline after one visit. The checker's engine is kept offline too once a
// checker page has started it, or when the user presses a [data-lon-keep-engine] button: the service
// worker is asked to cache it (it caches only the build's own list). When a new version of the site
// takes over, says so and offers a reload; it never reloads by itself, because a check in progress
// would be lost.
const root = new URL("../../", import.meta.url);

function showUpdated() {
  if (document.getElementById("lon-updated")) return;
  const banner = document.createElement("div");
  banner.id = "lon-updated";
  banner.className = "lon-updated";
  banner.setAttribute("role", "region");
  banner.setAttribute("aria-labelledby", "lon-updated-title");
  const title = document.createElement("h2");
  title.id = "lon-updated-title";
  title.textContent = "This guidance has been updated";
  const text = document.createElement("p");
  text.textContent = "Reload the page to see the latest version. Reloading clears the self-check: save a check to a file first if you need it.";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.className = "lon-button";
  reload.textContent = "Reload the page";
  reload.addEventListener("click", () => window.location.reload());
  const live = document.createElement("p");
  live.className = "lon-visually-hidden";
  live.setAttribute("role", "status");
  banner.append(title, text, reload, live);
  const main = document.querySelector(".md-content__inner") || document.body;
  main.prepend(banner);
  setTimeout(() => { live.textContent = "This guidance has been updated. Reload the page to see the latest version."; }, 100);
}

// The offline copy is fetched only once the page has what it needs: after "load", and on the
// checker's pages after the engine has started, so the two never compete for a slow connection
// (and the service worker then revalidates the engine's files from the HTTP cache instead); and once
// the site search's worker has its scripts (assets/search/blob-worker.js), which it fetches on its own
// schedule: the service worker finds them in the HTTP cache, and never downloads them a second time.
const SEARCH_SCRIPTS = Symbol.for("levels-of-need.search-scripts");

async function pageSettled() {
  await pageLoaded();
  await window[SEARCH_SCRIPTS]; // undefined where the page started no search worker
}

function pageLoaded() {
  return new Promise((resolve) => {
    const loaded = () => {
      const form = document.querySelector("form[data-engine]");
      if (!form || form.dataset.engine !== "loading") { resolve(); return; }
      const watcher = new MutationObserver(() => {
        if (form.dataset.engine !== "loading") { watcher.disconnect(); resolve(); }
      });
      watcher.observe(form, { attributes: true, attributeFilter: ["data-engine"] });
    };
    if (document.readyState === "complete") loaded(); else window.addEventListener("load", loaded, { once: true });
  });
}

// Engine files this page has downloaded, {URL: a promise of an ArrayBuffer}, listed by engine.js under
// this key as each download starts. They go to the service worker with the request to keep the engine,
// so it never downloads them again; the page's copy goes with the message (transferred, not copied).
const ENGINE_FILES = Symbol.for("levels-of-need.engine-files");

function dropDownloaded() {
  delete window[ENGINE_FILES];
}

async function downloadedFiles() {
  const files = {};
  for (const [url, bytes] of window[ENGINE_FILES] || []) {
    const whole = await bytes;
    // By address: a language's site (cy/) runs the root's Pyodide, above its own root.
    if (whole && new URL(url).origin === root.origin) files[url] = whole;
  }
  dropDownloaded();
  return files;
}

// A new version takes over the moment it has installed (it skips waiting), once the old version's
// worker has nothing to do: the browser stops that worker, then activates the new one. An event that
// reaches the old worker while it is being stopped starts it again and, in Chromium, the hurry is then
// forgotten: the new version waits for the old worker's next idle time-out (30 s, and up to 5 minutes
// while developer tools are attached), and the page does not say the guidance was updated. So this page
// never sends the old worker a message once a new version is installing or waiting (servingWorker), and
// asks a waiting version to skip waiting again (takeOver) whenever this page may have woken the old
// worker: once settled (its engine's files came through it) and while the new version still waits.
const TAKE_OVER_AGAIN_MS = 2000;

let askingToTakeOver = false;

function takeOver(registration) {
  if (askingToTakeOver) return; // already asking, again every TAKE_OVER_AGAIN_MS
  const ask = () => {
    askingToTakeOver = Boolean(registration.waiting);
    if (!askingToTakeOver) return;
    registration.waiting.postMessage({ kind: "take-over" });
    setTimeout(ask, TAKE_OVER_AGAIN_MS);
  };
  ask();
}

// Each version installing or waiting, in turn, until none is: it takes over, or fails and is dropped.
function watchForNewVersions(registration) {
  const watch = (worker) => {
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed") takeOver(registration);
    });
  };
  watch(registration.installing);
  registration.addEventListener("updatefound", () => watch(registration.installing));
  takeOver(registration);
}

// The worker that serves this page from now on: the active one, once no newer version is installing
// or waiting (a new version's worker takes over; the old one is not woken on its way out).
async function servingWorker(registration) {
  for (;;) {
    const newer = registration.installing || registration.waiting;
    if (!newer) return registration.active;
    await new Promise((resolve) => newer.addEventListener("statechange", resolve, { once: true }));
  }
}

// Asks the service worker to keep the engine; resolves with its answer ("engine-kept" or not).
async function keepEngine(registered) {
  const registration = await registered;
  if (!registration) throw new Error("no service worker"); // refused: ready would never come
  await navigator.serviceWorker.ready;
  const worker = await servingWorker(registration);
  if (!worker) throw new Error("no service worker");
  const files = await downloadedFiles();
  return new Promise((resolve) => {
    const answered = ({ data }) => {
      if (!data || !String(data.kind).startsWith("engine-")) return;
      navigator.serviceWorker.removeEventListener("message", answered);
      resolve(data);
    };
    navigator.serviceWorker.addEventListener("message", answered);
    navigator.serviceWorker.startMessages();
    worker.postMessage({ kind: "keep-engine", files }, Object.values(files));
  });
}

// The button's words are the page's own: data-kept and data-failed on its status element.
function offerKeeping(registered) {
  for (const button of document.querySelectorAll("[data-lon-keep-engine]")) {
    const status = document.getElementById(button.getAttribute("aria-controls"));
    button.hidden = false;
    button.addEventListener("click", async () => {
      button.disabled = true;
      status.textContent = status.dataset.working;
      const answer = await keepEngine(registered).catch((error) => ({ kind: "engine-not-kept", reason: error.message }));
      status.textContent = answer.kind === "engine-kept" ? status.dataset.kept : `${status.dataset.failed} (${answer.reason})`;
      button.disabled = false;
    });
  }
}

if ("serviceWorker" in navigator) {
  const controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // The first install taking control is not an update; a new version replacing an old one is.
    if (controlled) showUpdated();
  });
  const registered = pageSettled().then(() => navigator.serviceWorker
    .register(new URL("sw.js", root), { scope: root.pathname, updateViaCache: "none" }));
  // No offline copy (a private window, say): the site still works online. A browser may also refuse
  // without an error, resolving with no registration (a test browser's "block" does): the same.
  registered.then((registration) => (registration ? watchForNewVersions(registration) : dropDownloaded()), dropDownloaded);
  offerKeeping(registered);
  // A checker page whose engine started: keep it offline, from what the page has just downloaded.
  registered.then(() => {
    if (document.querySelector("form[data-engine=ready]")) keepEngine(registered).catch(() => {});
    else dropDownloaded(); // the engine did not start: nothing to keep
  }, () => {});
}
