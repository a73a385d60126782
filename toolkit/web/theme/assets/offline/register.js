// Registers the site's service worker (sw.js at the site root, written by toolkit/build/offline.py),
// so the guidance, the checker and training mode work offline after one visit. When a new
// version of the site takes over, says so and offers a reload; it never reloads by itself,
// because a check in progress would be lost.
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
// (and the service worker then revalidates the engine's files from the HTTP cache instead).
function pageSettled() {
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

if ("serviceWorker" in navigator) {
  const controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // The first install taking control is not an update; a new version replacing an old one is.
    if (controlled) showUpdated();
  });
  pageSettled().then(() => navigator.serviceWorker
    .register(new URL("sw.js", root), { scope: root.pathname, updateViaCache: "none" })
    .catch(() => {})); // no offline copy (a private window, say): the site still works online
}
