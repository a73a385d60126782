// On every page: when the site's search finds nothing, it offers what the check's filter offers
// (toolkit/site/nothing_found.py, one home for the words): the vocabulary's words nearest to what was
// typed, each a button that searches for it; the everyday words page; and the guidance's own words for a
// practitioner who is not sure. A search that finds nothing is never a dead end.
//
// The offers are data (nothing-found.json, written by the build from the partnership's file), fetched
// the first time nothing is found and shown as text, never markup. Material shows its results in the
// page (.md-search-result, its "none" sentence in the page's __config); Zensical in a dialog of its own,
// in an open shadow root ([role=listbox], with a [role=status] line).
const OFFERS = new URL("nothing-found.json", import.meta.url);
const SITE_ROOT = new URL("../../", import.meta.url);
const BLOCK_ID = "lon-search-none";
let offers = null;

function materialNone() {
  try {
    return JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"];
  } catch {
    return null;
  }
}

// The search's parts, in whichever engine's markup: its box, its results list, and whether it has
// said that nothing matches.
function searchParts() {
  const result = document.querySelector(".md-search-result");
  if (result) {
    const input = document.querySelector(".md-search__input");
    const list = result.querySelector(".md-search-result__list");
    const meta = result.querySelector(".md-search-result__meta");
    const none = materialNone();
    return input && list && meta ? { input, list, nothing: () => !!none && meta.textContent.trim() === none } : null;
  }
  for (const host of document.body.children) {
    const root = host.shadowRoot;
    const list = root && root.querySelector("[role=listbox]");
    if (!list) continue;
    const input = root.querySelector("input[role=combobox], input");
    const status = root.querySelector("[role=status]");
    return input ? { input, list, nothing: () => !list.children.length && !!status && status.textContent.trim() !== "" } : null;
  }
  return null;
}

function paragraph(text) {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

function wordButtons(wordsToOffer, parts) {
  const list = document.createElement("ul");
  list.className = "lon-suggestions";
  for (const word of wordsToOffer) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "lon-link-button";
    button.textContent = word;
    button.addEventListener("click", () => {
      parts.input.value = word;
      parts.input.focus();
      // Material searches on keyup, Zensical on input.
      parts.input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      parts.input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, composed: true }));
    });
    const item = document.createElement("li");
    item.append(button);
    list.append(item);
  }
  return list;
}

function offersFor(query, parts) {
  const { words, nearestWords } = self.lonFinds;
  const block = document.createElement("div");
  block.id = BLOCK_ID;
  block.className = "lon-inset lon-search-none";
  block.dataset.query = query;
  const nearest = nearestWords(words(query), offers.words);
  block.append(paragraph(nearest.length ? offers.nearest : offers.tryThese));
  block.append(wordButtons(nearest.length ? nearest : offers.suggestions, parts));
  if (offers.lookUp) {
    const [before, linkText, after] = offers.lookUp;
    const link = document.createElement("a");
    link.href = new URL(offers.wordsPage, SITE_ROOT).href;
    link.textContent = linkText;
    const p = paragraph(before);
    p.append(link, after);
    block.append(p);
  }
  if (offers.notSure) block.append(paragraph(offers.notSure));
  return block;
}

// The offers and the comparison (finds.js) load the first time nothing is found; then everything is
// looked at again, as the search may have moved on while they loaded.
let loading = null;
const ready = () => offers && self.lonFinds;
function load() {
  loading = loading || (async () => {
    if (!self.lonFinds) await import("./finds.js");
    offers = await (await fetch(OFFERS)).json();
  })().then(look, () => { loading = null; });
}

function update() {
  const parts = searchParts();
  if (!parts) return;
  const root = parts.list.getRootNode();
  const current = root.querySelector(`#${BLOCK_ID}`);
  const query = parts.input.value.trim();
  if (!query || !parts.nothing()) {
    if (current) current.remove();
    return;
  }
  if (current && current.dataset.query === query) return;
  if (!ready()) {
    load();
    return;
  }
  if (current) current.remove();
  parts.list.after(offersFor(query, parts));
}

// The results change after every keystroke: Material's in the page, Zensical's in its dialog's shadow
// root, made the first time the search opens (a child of the body). Each change is looked at once per
// frame; nothing else on the page is watched (the check's page moves its worries on every keystroke).
let queued = false;
const look = () => {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    update();
  });
};
const CHANGES = { childList: true, subtree: true, characterData: true };
const results = new MutationObserver(look);
const material = document.querySelector(".md-search-result");
if (material) results.observe(material, CHANGES);
const watched = new WeakSet();
const watchDialogs = () => {
  for (const host of document.body.children) {
    if (host.shadowRoot && !watched.has(host.shadowRoot)) {
      watched.add(host.shadowRoot);
      results.observe(host.shadowRoot, CHANGES);
    }
  }
};
watchDialogs();
new MutationObserver(watchDialogs).observe(document.body, { childList: true });
// Zensical's dialog may get its shadow root after it joins the page: typing in it (an input event
// reaches the document from a shadow root) finds it too.
document.addEventListener("input", () => {
  watchDialogs();
  look();
}, true);
