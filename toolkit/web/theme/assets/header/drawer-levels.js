// The navigation drawer's levels, for the keyboard. Where the navigation folds into a drawer (narrow
// screens and zoom), each section is a sub-menu that slides in over the level it belongs to, opened by
// its row and closed by its back arrow. The theme draws both as a <label> for a hidden checkbox, so
// neither takes focus, while the links of every closed sub-menu, and of the level a sub-menu covers,
// stay in the tab order: Tab walked into links that cannot be seen.
// Here, in the drawer only: each row and back arrow is a button (Tab, Enter, Space); what cannot be
// seen (a closed sub-menu, the level under an open one) is inert; and focus follows a sub-menu in and
// back out. Where the navigation is a sidebar the theme's own markup is left as it is.
// Both engines' pages carry it (the same markup); nothing here knows any partnership.

const primary = document.querySelector(".md-sidebar--primary .md-nav--primary");
// The header's menu control (a button from menu-buttons.js, or the theme's label): shown only where the
// navigation is a drawer.
const menuControl = () => document.querySelector(".md-header [data-lon-for='__drawer'], .md-header label[for='__drawer']");

// Every attribute set here is marked, so that it is taken away again where the drawer is a sidebar.
const MARK = "data-lon-drawer";

const shown = (el) => Boolean(el) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
const isDrawer = () => shown(menuControl());

function subMenuOf(toggle) {
  return toggle.parentElement.querySelector(":scope > nav.md-nav");
}

function rowOf(toggle) {
  return toggle.parentElement.querySelector(`:scope > label.md-nav__link[for="${toggle.id}"], :scope > .md-nav__container > label[for="${toggle.id}"]`);
}

function backArrowOf(toggle) {
  return subMenuOf(toggle)?.querySelector(`:scope > label.md-nav__title[for="${toggle.id}"]`) || null;
}

function markInert(el) {
  if (!el || el.inert) return;
  el.inert = true;
  el.setAttribute(MARK, "inert");
}

function makeButton(label, expanded) {
  if (!label) return;
  // "tabindex": focusable here; "role": the theme had made it focusable, only its role and state are ours.
  if (!label.hasAttribute(MARK)) label.setAttribute(MARK, label.hasAttribute("tabindex") ? "role" : "tabindex");
  label.setAttribute("tabindex", "0");
  label.setAttribute("role", "button");
  if (expanded !== undefined) label.setAttribute("aria-expanded", String(expanded));
}

function reset() {
  for (const el of primary.querySelectorAll(`[${MARK}]`)) {
    const was = el.getAttribute(MARK);
    if (was === "inert") el.inert = false;
    else {
      if (was === "tabindex") el.removeAttribute("tabindex");
      el.removeAttribute("role");
      el.removeAttribute("aria-expanded");
    }
    el.removeAttribute(MARK);
  }
}

function update() {
  reset();
  if (!isDrawer()) return;
  for (const toggle of primary.querySelectorAll("input.md-nav__toggle")) {
    const subMenu = subMenuOf(toggle);
    if (!subMenu) continue;
    makeButton(rowOf(toggle), toggle.checked);
    makeButton(backArrowOf(toggle));
    if (!toggle.checked) {
      markInert(subMenu);
      continue;
    }
    // An open sub-menu slides over its own row and the rest of its level, and that level's title.
    const item = toggle.parentElement;
    for (const sibling of item.parentElement.children) if (sibling !== item) markInert(sibling);
    for (const child of item.children) if (child !== subMenu && child !== toggle) markInert(child);
    markInert(item.closest("nav.md-nav")?.querySelector(":scope > .md-nav__title"));
  }
}

if (primary) {
  update();
  // Focus goes into the sub-menu that opened (to its back arrow), and back to the row that opened it when
  // it closes, since what had focus is now out of sight (and inert).
  primary.addEventListener("change", ({ target }) => {
    if (!target.matches("input.md-nav__toggle")) return;
    const hadFocus = primary.contains(document.activeElement);
    update();
    if (!hadFocus || !isDrawer()) return;
    const next = target.checked ? backArrowOf(target) : rowOf(target);
    // Not scrolled into view: the sub-menu is still sliding in, and scrolling to where it is now would
    // leave the drawer scrolled sideways, blank, once it has come to rest.
    if (next) next.focus({ preventScroll: true });
  });
  // The drawer never scrolls sideways (a focused link in a sliding sub-menu would take it there).
  const scrollwrap = primary.closest(".md-sidebar__scrollwrap");
  scrollwrap?.addEventListener("scroll", () => {
    if (scrollwrap.scrollLeft !== 0) scrollwrap.scrollLeft = 0;
  });
  // Enter and Space work a row or a back arrow as they would a button. Stopped here, so that the theme's
  // own Enter on a label (where it has one) does not work the checkbox a second time.
  primary.addEventListener("keydown", (event) => {
    const label = event.target;
    if (!(label instanceof HTMLLabelElement) || label.getAttribute("role") !== "button") return;
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    event.stopPropagation();
    label.click();
  });
  document.getElementById("__drawer")?.addEventListener("change", update);
  window.addEventListener("resize", update);
}
