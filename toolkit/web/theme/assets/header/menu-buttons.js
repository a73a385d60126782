// The header's menu and search buttons, for the keyboard. Where the navigation folds into a drawer
// (narrow screens and zoom) Material opens it, and the search box, with a <label> for a hidden checkbox:
// a label takes no focus, so a keyboard user could reach neither the site's navigation nor its search.
// Each label is replaced by a real <button> with a name, aria-expanded and aria-controls, which works the
// same checkbox (Material's own script and styles follow that), moves focus into what it opened, and
// takes focus back when it closes: on Escape, or when focus leaves the drawer.
// Shown where the label was shown (toolkit.css: .lon-header-toggle); nothing here knows any partnership.

const TOGGLES = [
  // toggle: Material's checkbox; panel: what it opens; name: the button's name; first: where focus goes.
  { toggle: "__drawer", panel: ".md-sidebar--primary", id: "lon-site-menu", name: "Menu", first: "a[href], input, [tabindex='0']" },
  { toggle: "__search", panel: ".md-search", id: "lon-site-search", name: "Search", first: ".md-search__input" },
];

const shown = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";

// Not what is inert: in the drawer, the level under an open sub-menu (drawer-levels.js).
function firstFocusable(panel, selector) {
  return [...panel.querySelectorAll(selector)].find((el) => shown(el) && !el.closest("[inert]")) || null;
}

// What Tab can reach in a panel, in order: shown, not inert (the drawer's covered level), not disabled.
const TABBABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]";
function tabStops(panel) {
  return [...panel.querySelectorAll(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.disabled && shown(el) && !el.closest("[inert]"),
  );
}

// The page behind an open panel is inert: every element beside the panel's own line of ancestors, up to
// the body, except the checkboxes and labels that work it (the overlay that closes it when clicked). Each
// element made inert is marked with the panel's id, so that each panel gives back only its own.
const HELD = "data-lon-held-by";
function holdKeyboard(panel, hold) {
  for (const el of document.querySelectorAll(`[${HELD}="${panel.id}"]`)) {
    el.inert = false;
    el.removeAttribute(HELD);
  }
  if (!hold) return;
  for (let inside = panel; inside && inside !== document.body; inside = inside.parentElement) {
    for (const sibling of inside.parentElement.children) {
      if (sibling === inside || sibling.inert || sibling.matches("input, label, script, style")) continue;
      sibling.inert = true;
      sibling.setAttribute(HELD, panel.id);
    }
  }
}

function makeButton({ toggle, panel: panelSelector, id, name, first }) {
  const checkbox = document.getElementById(toggle);
  const label = document.querySelector(`.md-header label.md-header__button[for="${toggle}"]`);
  const panel = document.querySelector(panelSelector);
  if (!checkbox || !label || !panel) return; // another engine's markup: leave it as it is
  if (!panel.id) panel.id = id;

  const button = document.createElement("button");
  button.type = "button";
  button.className = `${label.className} lon-header-toggle`;
  button.dataset.lonFor = toggle;
  button.setAttribute("aria-label", name);
  button.setAttribute("aria-controls", panel.id);
  button.setAttribute("aria-expanded", String(checkbox.checked));
  button.append(...label.childNodes); // Material's icon
  label.replaceWith(button);

  let returnFocus = false; // opened from this button: focus comes back to it when it closes
  button.addEventListener("click", () => {
    const opening = !checkbox.checked;
    checkbox.click(); // Material's script and styles follow the checkbox's change
    if (!opening) return;
    returnFocus = true;
    let tries = 20; // Material's drawer slides in: focus waits until a link in it can take it
    const focusInside = () => {
      const target = firstFocusable(panel, first);
      if (target) target.focus();
      else if (tries-- > 0) requestAnimationFrame(focusInside);
    };
    requestAnimationFrame(focusInside);
  });

  checkbox.addEventListener("change", () => {
    button.setAttribute("aria-expanded", String(checkbox.checked));
    holdKeyboard(panel, isModal());
    if (checkbox.checked || !returnFocus) return;
    returnFocus = false;
    const active = document.activeElement;
    if (shown(button) && (!active || active === document.body || panel.contains(active))) button.focus();
  });

  // Open over the page, from the button, with what it opened shown (an engine with a search dialog of its
  // own, such as Zensical's, keeps the keyboard itself and shows nothing of this panel).
  const isModal = () => checkbox.checked && shown(button) && shown(firstFocusable(panel, first));
  // Turned or zoomed to a width where it is no longer a panel over the page (the sidebar, the header's box).
  window.addEventListener("resize", () => holdKeyboard(panel, isModal()));

  // While open, it is modal (the ARIA dialog pattern): Tab and Shift+Tab go round what it shows, never
  // to the page dimmed behind it, which is inert until it closes. Heard first, on the way down.
  window.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" || !isModal()) return;
    const stops = tabStops(panel);
    const at = stops.indexOf(document.activeElement);
    const wrapsTo = stops.length === 0 ? null
      : at === -1 ? stops[event.shiftKey ? stops.length - 1 : 0]
      : event.shiftKey && at === 0 ? stops[stops.length - 1]
      : !event.shiftKey && at === stops.length - 1 ? stops[0]
      : undefined; // inside, not at an end: the browser's own Tab
    if (wrapsTo === undefined) return;
    event.preventDefault();
    wrapsTo?.focus();
  }, { capture: true });

  const close = () => {
    if (checkbox.checked) checkbox.click();
  };
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !checkbox.checked) return;
    if (!panel.contains(document.activeElement) && document.activeElement !== button) return;
    returnFocus = shown(button);
    close();
    if (returnFocus) button.focus();
  });
  // Focus leaving what opened, for the page behind it, would sit under its overlay: it closes.
  panel.addEventListener("focusout", ({ relatedTarget }) => {
    if (relatedTarget && !panel.contains(relatedTarget) && relatedTarget !== button && shown(button)) {
      returnFocus = false;
      close();
    }
  });
  // Material closes the search on Tab, which would drop focus behind it, and takes its results out of
  // the tab order: Tab moves on through the results instead (the arrow keys still do as Material has
  // them). Heard before Material's own listener.
  if (toggle === "__search") {
    new MutationObserver(() => {
      for (const link of panel.querySelectorAll("a.md-search-result__link[tabindex='-1']")) link.removeAttribute("tabindex");
    }).observe(panel, { childList: true, subtree: true });
    window.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "Tab" && checkbox.checked && shown(button) && panel.contains(document.activeElement)) {
          event.stopImmediatePropagation();
        }
      },
      { capture: true },
    );
  }
}

for (const toggle of TOGGLES) makeButton(toggle);

// The theme's one-key shortcuts (f, s and / open the search; n, ".", p and "," turn the page) fire from
// anywhere outside a box, so a stray key or a word said to speech input takes the reader elsewhere
// (WCAG 2.2, 2.1.4 Character Key Shortcuts). They are stopped on the way down, before the theme's own
// listener on window hears them; in a box they type as usual. The search button and the footer's links do
// the same by Tab and Enter. (A page's own key caught the same way, such as the presenter's F, still
// runs: stopPropagation leaves the other capturing listeners on window be.)
const THEME_KEYS = new Set(["f", "s", "/", "n", ".", "p", ","]);
window.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || !THEME_KEYS.has(event.key.toLowerCase())) return;
  const target = event.composedPath()[0]; // inside a shadow root (Zensical's search), the box itself
  if (target instanceof Element && target.closest("input, select, textarea, [contenteditable]")) return;
  event.stopPropagation();
}, true);
