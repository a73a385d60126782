// The theme's site search runs in a worker that the theme starts from its own script's address. A
// worker started that way takes its Content-Security-Policy from that script's response headers, and a
// host that sends no headers (GitHub Pages) gives it none: what is typed in the search box, on /check/
// too, would reach a context free to send it anywhere. So every worker the page starts from one of the
// site's own scripts is started from a blob: address that loads that script, and a blob: worker
// inherits this page's policy, the <meta> one included (connect-src 'self'), as the checker's worker
// does (assets/checker/engine.js, which starts its own from a blob: address already). This file loads
// before the theme's bundle.
//
// The site search's worker also loads, first, what makes the search find what the check's filter finds
// (finds.js, then forgiving.js, beside this file).
//
// Once it has its scripts, it says so (window[SEARCH_SCRIPTS], a promise): the offline copy
// (assets/offline/register.js) is made only then, so the service worker takes those scripts from the
// browser's HTTP cache instead of downloading them a second time beside the worker (issue 28).
(() => {
  const PageWorker = window.Worker;
  const SEARCH_SCRIPTS = Symbol.for("levels-of-need.search-scripts"); // the same key in register.js
  const here = document.currentScript.src;
  const forgiving = ["finds.js", "forgiving.js"].map((name) => JSON.stringify(new URL(name, here).href));
  function Worker(url, options) {
    const address = new URL(String(url), document.baseURI);
    if (address.origin !== location.origin || !/^https?:$/.test(address.protocol)) {
      return new PageWorker(url, options);
    }
    const module = Boolean(options && options.type === "module");
    const href = JSON.stringify(address.href);
    const search = !module && /\/workers\/search\.[^/]*\.js$/.test(address.pathname);
    // Its own channel: another tab's search worker says nothing to this page.
    // (A browser without BroadcastChannel, Safari before 15.4, gets no word and does not wait.)
    const told = search && typeof BroadcastChannel === "function";
    const loaded = told ? `levels-of-need.search-scripts.${Math.random().toString(36).slice(2)}` : null;
    // A classic script's importScripts("../lunr/…") (Material, for other languages than English) would
    // resolve against the blob: address: it resolves against the script's own, as it did before.
    const load = module
      ? `import ${href};\n`
      : `const load = self.importScripts.bind(self);\n`
        + `self.importScripts = (...urls) => load(...urls.map((url) => new URL(url, ${href}).href));\n`
        + (search ? `importScripts(${forgiving.join(", ")});\n` : "")
        + `importScripts(${href});\n`
        + (told ? `new BroadcastChannel(${JSON.stringify(loaded)}).postMessage("loaded");\n` : "");
    const blob = URL.createObjectURL(new Blob([load], { type: "text/javascript" }));
    const worker = new PageWorker(blob, { ...options, name: (options && options.name) || "site-search" });
    if (!search) return worker;
    if (told) window[SEARCH_SCRIPTS] = scriptsLoaded(worker, loaded);
    return heldWhileTheCheckerStarts(worker);
  }

  // Resolves once the worker has its scripts, or could not load them (then there is nothing to wait for).
  function scriptsLoaded(worker, name) {
    return new Promise((resolve) => {
      const channel = new BroadcastChannel(name);
      const done = () => { channel.close(); resolve(); };
      channel.addEventListener("message", done, { once: true });
      worker.addEventListener("error", done, { once: true });
    });
  }

  // On a checker's page, the site search builds its index (seconds of CPU on a slow phone, in a worker
  // that shares the phone's cores with the checker's) only once the checker has started, or failed, or
  // the moment the user goes to the search: until then the theme's messages to its worker wait here.
  // Nothing is lost: they go in order, and the search answers as it did.
  function heldWhileTheCheckerStarts(worker) {
    const checker = document.querySelector("form[data-engine]"); // from the page itself: "loading"
    if (!checker) return worker;
    const post = worker.postMessage.bind(worker);
    const waiting = [];
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      watcher.disconnect();
      document.removeEventListener("focusin", searching, true);
      for (const message of waiting.splice(0)) post(...message);
    };
    const searching = ({ target }) => {
      if (target instanceof Element && target.closest("form[name=search], .md-search")) release();
    };
    const watcher = new MutationObserver(() => { if (checker.dataset.engine !== "loading") release(); });
    worker.postMessage = (...message) => { if (released) post(...message); else waiting.push(message); };
    watcher.observe(checker, { attributes: true, attributeFilter: ["data-engine"] });
    document.addEventListener("focusin", searching, true);
    if (checker.dataset.engine && checker.dataset.engine !== "loading") release();
    return worker;
  }
  Worker.prototype = PageWorker.prototype;
  window.Worker = Worker;
})();
