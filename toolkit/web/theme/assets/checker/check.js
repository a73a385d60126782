// The self-check page: question pages, then the result (what to do first, Copy, Print and Save, the
// answers to check), and the referral details on a page of their own.
// Entered data stays in this page's memory: no storage, no URL, no request.
// Everything the check says (the result, its reasons, its phone links, the answers as listed, the
// summary, what is wrong with an answer) is Python's (levels_of_need.present and .api): this script
// moves between pages, reads the form, and builds the tree of text nodes the worker returns.
import "../search/finds.js"; // self.lonFinds: what a typed word finds
import { buildNodes, pageWords, showProgress, startEngine } from "./engine.js";

const $ = (id) => document.getElementById(id);
const form = $("lon-check");
const status = $("lon-status");
const resultBox = $("lon-result");
const resultMore = $("lon-result-more");
const summaryBox = $("lon-summary");
const pages = [...form.querySelectorAll(".lon-page")];
const FIRST_PAGE = pages[0].id;
const ANSWERS_PAGE = "page-answers"; // the result, with the answers to check
const DETAILS_PAGE = "page-details"; // "Write the referral summary"
// Python's limit (saved.MAX_BYTES), put on the file box by the build: one limit for saving and opening;
// a larger file is refused unread.
const MAX_FILE_BYTES = Number($("lon-open").dataset.maxBytes);
// Every sentence this page shows is the template's (#lon-words, each {name} in it filled here) or Python's:
// the script holds none of its own.
const said = pageWords();
const SUMMARY_FILE = "referral-summary.txt";

let ready = false;
let failed = false;
let requestId = 0;
let engineProblem = null; // [field, message]: what Python said is wrong with the answers
let lastHeadline = "";
let complete = false;
let now = []; // what to do now where the child may be at risk (Python's: present.what_to_do_now), else []
let latest = Promise.resolve(); // settles once the newest answers are on screen
let returnTo = null; // after "Change" on Check your answers, Continue goes back there
let required = []; // [field, message]: answers Python says the result needs, for Continue to ask for
let pendingOpen = null; // a saved check Python has opened, waiting for "Yes, open the saved check"
// Settles once the checker is ready or has failed: until then only Python could say which answers a
// page still needs, so Continue waits for it rather than let a question (immediate risk) pass unasked.
let engineSettled;
const settled = new Promise((resolve) => { engineSettled = resolve; });

function say(id, text) {
  const box = $(id);
  box.textContent = text;
  box.hidden = !text;
  // A confirmation is seen where the action was taken: on a phone the line under Copy can start below
  // the screen's foot, so tapping Copy would seem to do nothing. Scrolled just into view, focus kept.
  if (text && CONFIRMATIONS.includes(id)) showKeepingFocus(box, "nearest");
}

// The referral details' boxes: the fixed ones, and the parts the partnership's practice framework adds (a scaling
// answer is a short input box).
const DETAIL_FIELDS = "textarea[id^='detail-'], input[id^='detail-']";
// A confirmation ("copied", "saved", "opened") belongs to the answers it was given for: once an
// answer changes it no longer applies, and goes.
const CONFIRMATIONS = ["lon-action-status", "lon-download-status", "lon-details-status", "lon-summary-status", "lon-keep-status", "lon-open-error", "lon-open-start-error"];
function clearConfirmations() {
  for (const id of CONFIRMATIONS) say(id, "");
}

// ---- Reading and writing the form ------------------------------------------------

// The check as api.check_from_dict takes it. Every radio group on the form is a question; the age
// goes as typed, and Python says whether it is one.
function readForm() {
  const text = (id) => $(id).value.trim();
  const answers = {};
  for (const radio of form.querySelectorAll("input[type=radio]:checked")) answers[radio.name] = radio.value;
  // A partnership's free-text question: the words typed are its answer (Python checks them as any answer).
  for (const box of form.querySelectorAll("textarea[data-own-text]")) if (box.value.trim()) answers[box.name] = box.value.trim();
  const details = {};
  for (const field of form.querySelectorAll(DETAIL_FIELDS)) details[field.name] = field.value.trim();
  const ticked = (name) => [...form.querySelectorAll(`input[name='${name}']:checked`)].map((box) => box.value);
  return {
    indicators: ticked("indicator"),
    age: text("age"),
    unborn: $("unborn").checked,
    answers,
    confirmed: ticked("confirmed"),
    confirm_note: text("confirm_note"),
    consent_note: text("consent_note"),
    override: $("override").checked ? { level: $("override_level").value, reason: text("override_reason") } : null,
    details,
  };
}

// A state Python has checked (saved.normalise): every id in it is one this page has, so each control
// is found by its id, never by a selector built from the file.
function applyState(state) {
  form.reset();
  for (const id of [...state.indicators, ...state.confirmed.map((c) => `confirm-${c}`)]) {
    const box = $(id.startsWith("confirm-") ? id : `ind-${id}`);
    if (box) box.checked = true;
  }
  $("age").value = state.age;
  $("unborn").checked = state.unborn;
  for (const [name, value] of Object.entries(state.answers)) {
    const typed = $(`${name}-typed`); // a free-text question's box (questions.FREE_TEXT_SUFFIX)
    if (typed && typed.tagName === "TEXTAREA") { typed.value = value; continue; }
    const radio = $(`${name}-${value}`);
    if (radio) radio.checked = true;
  }
  $("consent_note").value = state.consent_note;
  $("confirm_note").value = state.confirm_note;
  $("override").checked = Boolean(state.override);
  $("override_level").value = state.override ? state.override.level : "";
  $("override_reason").value = state.override ? state.override.reason : "";
  for (const [name, text] of Object.entries(state.details)) $(`detail-${name}`).value = text;
}

function hasInput() {
  const fields = form.querySelectorAll("input:not([type=file]):not([type=search]), textarea:not([readonly]), select");
  return [...fields].some((field) => ((field.type === "checkbox" || field.type === "radio") ? field.checked : field.value !== ""));
}

// ---- Problems -----------------------------------------------------------------------

function problems(state) {
  const found = engineProblem ? [engineProblem] : [];
  // Only once the reason box has been left empty: ticking the box is not a mistake.
  if (state.override && !state.override.reason && $("override_reason").dataset.left) {
    found.push(["override_reason", $("override_reason").dataset.required]);
  }
  return found;
}

function pageOf(field) {
  const element = $(field);
  return element ? element.closest(".lon-page") : pages.find((page) => (page.dataset.fields || "").split(" ").includes(field));
}

function showProblems(found) {
  heldProblems = false; // what is shown now replaces what waited for a press to end
  const summary = $("lon-error-summary");
  const list = $("lon-error-list");
  list.replaceChildren();
  // The boxes with a problem of their own shown beside them: the age, the reason for another level, and a
  // scaling answer (with its hints, which always describe it).
  const scales = [...form.querySelectorAll("input[id^='detail-']")].map((box) => box.id);
  for (const id of ["age", "override_reason", ...scales]) {
    const message = found.find(([field]) => field === id);
    const error = $(`${id}-error`);
    error.hidden = !message;
    error.textContent = message ? said("error", { message: message[1] }) : "";
    $(id).classList.toggle("lon-input--error", Boolean(message));
    const hints = [`${id}-hint`, `${id}-scale`].filter((hint) => $(hint));
    const described = [message ? `${id}-error` : "", ...hints].filter(Boolean).join(" ");
    if (described) $(id).setAttribute("aria-describedby", described); else $(id).removeAttribute("aria-describedby");
  }
  for (const [id, message] of found) {
    const link = Object.assign(document.createElement("a"), { href: `#${id}`, textContent: message });
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const page = pageOf(id);
      if (page && page.id !== current()) showPage(page.id);
      ($(id) || form).focus();
    });
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  summary.hidden = found.length === 0;
}

// A press lands where it began. Leaving a text box shows or clears its problems (change, blur), and that
// moves everything below them: the error summary tops the form. When the box is left by pressing a button
// (the press moves the focus), the button would move from under the finger or pointer before it is released,
// and the press would do nothing: "Clear everything", Continue, Back, Copy, Save alike. Chromium's scroll
// anchoring hides this where it can; Safari has none. So while a press is held, the problems wait; they show
// once it is released, after the button has had its click, with the element then focused held where it is.
// (mousedown, not pointerdown: a tap moves the focus at its mousedown, which comes after the touch has ended.)
let pressing = false;
let pressed = null; // what the press began on
let heldProblems = false;
document.addEventListener("mousedown", (event) => {
  if (event.button !== 0) return; // the main button only: another may open a menu and never come up
  pressing = true;
  pressed = event.target;
}, true);
for (const [target, type] of [[document, "mouseup"], [window, "blur"], [document, "dragend"]]) {
  target.addEventListener(type, () => {
    if (!pressing) return;
    // The click follows the release in the same task: the problems wait one task more.
    setTimeout(() => {
      pressing = false;
      pressed = null;
      if (heldProblems) showHeldProblems();
    });
  }, true);
}

function showProblemsOnceReleased() {
  if (pressing) { heldProblems = true; return; }
  showProblems(problems(readForm()));
}

function showHeldProblems() {
  heldProblems = false;
  const focused = document.activeElement;
  const before = focused && focused !== document.body ? focused.getBoundingClientRect().top : null;
  showProblems(problems(readForm()));
  const moved = before === null ? 0 : focused.getBoundingClientRect().top - before;
  if (moved) window.scrollBy({ top: moved, behavior: "instant" });
}

// ---- Pages ------------------------------------------------------------------------------

const current = () => pages.find((page) => !page.hidden).id;

function showPage(id, { push = true } = {}) {
  for (const page of pages) page.hidden = page.id !== id;
  if (push) history.pushState({ lonPage: id }, ""); // the same address: Back walks the pages
  showCurrent();
  $(id).scrollIntoView({ block: "start" });
  const title = $(`${id}-title`);
  title.setAttribute("tabindex", "-1");
  title.focus({ preventScroll: true });
  // What to do first is wholly in view on arrival at the result: the page scrolls on just enough to show
  // its foot (clear of the screen's edge: scroll-padding), as far as the title just focused, and the page's
  // Back above it, stay in view (clear of the sticky header).
  if (id === ANSWERS_PAGE) showFirstAction();
}

function showFirstAction() {
  showKeepingFocus(resultBox.querySelector(".lon-first-action"), "nearest", $(ANSWERS_PAGE).querySelector("[data-back]"));
}

// Scrolls an element into view, but never so far that the focused element (or ``above`` it, the page's
// Back) goes under the sticky header or off the screen: where both do not fit (zoom, a short screen),
// what has the focus wins and the element shows from its top down as far as the screen allows. A script
// that scrolls (arrival at a page, "Call now" appearing) thus never leaves the keyboard user's place, or
// the way back, out of sight (WCAG 2.4.11).
function showKeepingFocus(element, block, above = null) {
  if (!element) return;
  element.scrollIntoView({ block, behavior: "instant" });
  const focused = document.activeElement;
  if (!focused || focused === document.body) return;
  // Clear of what covers the top of the screen (the sticky header), which can be less than the scroll
  // padding kept for the browser's own scrolling: at 200% zoom that margin would push the box's foot off.
  const header = document.querySelector(".md-header");
  const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  const clearTop = header ? Math.min(padding, Math.ceil(Math.max(0, header.getBoundingClientRect().bottom)) + 1) : padding;
  const top = Math.min(focused.getBoundingClientRect().top, above ? above.getBoundingClientRect().top : Infinity);
  if (top < clearTop) window.scrollBy({ top: top - clearTop, behavior: "instant" });
}

async function advance(button) {
  if (!ready && !failed) {
    button.setAttribute("aria-disabled", "true");
    await settled;
    button.removeAttribute("aria-disabled");
  }
  await latest;
  const page = button.closest(".lon-page");
  const fields = (page.dataset.fields || "").split(" ");
  // What is wrong with an answer here, or missing from it that the result needs (Python says which).
  const here = [...problems(readForm()), ...required].filter(([field]) => fields.includes(field));
  if (here.length) {
    showProblems(here);
    $("lon-error-summary").focus();
    return;
  }
  const next = returnTo || button.dataset.next;
  returnTo = null;
  showPage(next);
}

// "Call now" shows the moment an answer that alone stops the check is chosen (the build marks such
// answers from the partnership's emergency rules), and whenever Python says it is an emergency.
function showStop(emergency) {
  const stop = emergency || Boolean(form.querySelector("input[data-stops-check]:checked"));
  const appears = stop && $("lon-stop").hidden;
  $("lon-stop").hidden = !stop;
  // Who to call comes into view the moment it appears (on a phone it would be below the screen), as far
  // as the answer just chosen, which keeps the focus, stays in view above it.
  if (appears && current() === FIRST_PAGE) showKeepingFocus($("lon-stop"), "start");
  $("lon-after-risk").hidden = stop;
  showNow();
  showCurrent();
}

// What to do now, where Python says the child may be at risk of significant harm: it leads the page of
// questions (before consent), and shows under the question on immediate risk ("not sure"), but not beside
// "Call now", which says it already. Coming into view as it appears, as "Call now" does.
function showNow() {
  for (const box of form.querySelectorAll(".lon-now")) {
    const shown = now.length > 0 && !(box.id === "lon-now-risk" && !$("lon-stop").hidden);
    const appears = shown && box.hidden;
    box.hidden = !shown;
    if (appears && box.closest(".lon-page").id === current()) showKeepingFocus(box, "nearest");
  }
}

// The compact current suggestion: in view on every question page once Python's result is complete,
// except beside "Call now", which nothing may cover.
// On the referral details (ten text boxes, a phone's keyboard open over the foot of the screen) it stays
// at the foot of the page, not the screen: stuck there, it would cut the first box on arrival.
// Where the child may be at risk, it leads with what to do now (Python's words), and shows at once.
function showCurrent() {
  $("lon-current").hidden = !(complete || now.length) || current() === ANSWERS_PAGE || !$("lon-stop").hidden;
  $("lon-current").classList.toggle("lon-current--in-flow", current() === DETAILS_PAGE);
  keepFocusClearOfTheBanner();
}

// What to do now is said once on a screen: the banner's line (Python's now_line, the first line of the box) hides
// while a box of what to do now on the page shows that line in the screen's upper part, clear of the header (the
// lower part is where the banner sits, and may cover it); scrolled past, the banner says it again.
const nowLinesInView = new Set();
const nowLineWatcher = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting) nowLinesInView.add(entry.target); else nowLinesInView.delete(entry.target);
  }
  showNowLine();
}, { rootMargin: "-64px 0px -40% 0px" });

function watchNowLines() {
  nowLineWatcher.disconnect();
  nowLinesInView.clear();
  for (const line of form.querySelectorAll(".lon-now .lon-first-action > p:first-of-type")) nowLineWatcher.observe(line);
  showNowLine();
}

function showNowLine() {
  const line = $("lon-current-now");
  const hidden = !line.hasChildNodes() || nowLinesInView.size > 0;
  if (line.hidden === hidden) return;
  line.hidden = hidden;
  keepFocusClearOfTheBanner();
  // The banner grew by the line: what has the focus, if the banner now covers it, comes back clear of it (never
  // a scroll to a focused element the reader has scrolled away from).
  const focused = document.activeElement;
  const banner = $("lon-current");
  if (!focused || !form.contains(focused) || banner.hidden) return;
  const box = focused.getBoundingClientRect();
  const covered = box.bottom > banner.getBoundingClientRect().top && box.top < innerHeight;
  if (covered && getComputedStyle(banner).position === "sticky") focused.scrollIntoView({ block: "nearest" });
}

// While the banner sticks to the foot of the screen, the page scrolls a focused element clear of it
// (scroll-padding: WCAG 2.4.11, focus not obscured); where the banner yields (CSS), nothing to clear.
function keepFocusClearOfTheBanner() {
  const banner = $("lon-current");
  const sticks = !banner.hidden && getComputedStyle(banner).position === "sticky";
  document.documentElement.style.scrollPaddingBottom = sticks ? `${banner.offsetHeight + 16}px` : "";
}
window.addEventListener("resize", keepFocusClearOfTheBanner);

// ---- The result ---------------------------------------------------------------------

// Python's words, as text or as a span that says its language (a partnership's words for a phrase).
const withWords = (element, words) => {
  element.append(...(typeof words === "string" ? [words] : buildNodes([words])));
  return element;
};

function showAnswers(rows) {
  const list = $("lon-answers");
  const change = list.dataset.change;
  list.replaceChildren(...rows.map((row) => {
    const wrap = Object.assign(document.createElement("div"), { className: "lon-summary-row" });
    wrap.dataset.field = row.field;
    const key = withWords(document.createElement("dt"), row.key);
    const value = document.createElement("dd");
    for (const line of row.value) value.append(withWords(document.createElement("p"), line));
    const action = Object.assign(document.createElement("dd"), { className: "lon-summary-action" });
    const button = Object.assign(document.createElement("button"), { type: "button", className: "lon-link-button" });
    const hidden = Object.assign(document.createElement("span"), { className: "lon-visually-hidden", textContent: " " });
    button.append(change, withWords(hidden, row.change));
    button.addEventListener("click", () => {
      const page = pageOf(row.field);
      if (!page) return;
      returnTo = ANSWERS_PAGE;
      showPage(page.id);
    });
    action.append(button);
    wrap.append(key, value, action);
    return wrap;
  }));
}

function showResult(answer) {
  const { result } = answer;
  resultBox.replaceChildren(...buildNodes(answer.view));
  resultMore.replaceChildren(...buildNodes(answer.view_more));
  resultBox.dataset.level = result.level ?? "";
  resultBox.dataset.route = result.route ?? "";
  resultBox.dataset.complete = result.complete;
  resultBox.dataset.emergency = result.emergency;
  complete = result.complete;
  now = answer.now;
  for (const box of form.querySelectorAll(".lon-now")) box.replaceChildren(...buildNodes(now));
  $("lon-current-now").replaceChildren(...buildNodes(answer.now_line));
  watchNowLines();
  showStop(result.emergency);
  // A confirmation is offered only beside a challenge Python made; one no longer challenged is
  // unticked, so that it can never confirm a later answer unseen.
  const challenged = new Set(result.challenges.map((challenge) => challenge.confirm));
  for (const box of form.querySelectorAll(".lon-confirm")) {
    const input = box.querySelector("input");
    box.hidden = !challenged.has(input.value);
    if (box.hidden) input.checked = false;
  }
  $("lon-confirmations").hidden = challenged.size === 0;
  summaryBox.value = answer.summary;
  $("lon-summary-print").textContent = answer.summary;
  $("lon-consent-note").hidden = !answer.asks_consent_note;
  $("lon-current-text").textContent = answer.headline;
  showCurrent();
  // A result that arrives just after the result page (the title still has the focus): what to do first
  // comes wholly into view, as on arrival (showPage).
  if (current() === ANSWERS_PAGE && document.activeElement === $(`${ANSWERS_PAGE}-title`)) showFirstAction();
  if (answer.headline !== lastHeadline) {
    lastHeadline = answer.headline;
    $("lon-result-announce").textContent = answer.headline;
  }
}

// Which indicators are written for another age than the child's, and the notice when a chosen one
// is: Python's words (present.age_notes, present.age_notice), placed beside each one and above the form.
function showAgeNotes({ age_notes: notes, age_notice: notice }) {
  const byIndicator = new Map(notes.map((note) => [note.indicator, note.text]));
  for (const box of form.querySelectorAll(".lon-age-note")) {
    box.textContent = byIndicator.get(box.id.slice("age-note-".length)) || "";
    box.hidden = !box.textContent;
  }
  for (const box of form.querySelectorAll(".lon-age-notice")) {
    box.textContent = notice;
    box.hidden = !notice;
  }
}

// A partnership's question asked only for some worries: shown where Python says these worries ask it
// (null: Python could not say, so every such question is shown; hiding one would be the page deciding).
function showConditional(asked) {
  for (const question of form.querySelectorAll("[data-asked-when]")) {
    question.hidden = asked !== null && !asked.includes(question.id.slice("q-".length));
  }
}

function clearResult(message) {
  resultBox.replaceChildren(Object.assign(document.createElement("p"), { className: "lon-hint", textContent: message }));
  resultMore.replaceChildren();
  for (const key of ["level", "route", "complete", "emergency"]) delete resultBox.dataset[key];
  summaryBox.value = "";
  $("lon-summary-print").textContent = "";
  complete = false;
  now = [];
  for (const box of [...form.querySelectorAll(".lon-now"), $("lon-current-now")]) box.replaceChildren();
  watchNowLines();
  showNow();
  showCurrent();
  lastHeadline = "";
}

// Without the checker, everything entered can still be copied, downloaded or printed, in the page's
// own words and never judged: each question with the answer chosen, the age as typed, every worry and
// strength ticked, and each referral detail under its own question; no suggested level.
function enteredText() {
  const words = (element) => element.textContent.replace(/\s+/g, " ").trim();
  const labelOf = (field) => words(form.querySelector(`label[for='${field.id}']`));
  const parts = [];
  const add = (heading, lines) => { if (lines.length) parts.push(`${heading}\n${lines.join("\n")}`); };
  if ($("age").value.trim() || $("unborn").checked) {
    add(words(form.querySelector("label[for='age']")), [$("unborn").checked ? labelOf($("unborn")) : $("age").value.trim()]);
  }
  const ticked = (page) => [...form.querySelectorAll(`#${page} input[name='indicator']:checked`)].map((box) => `- ${labelOf(box)}`);
  add(words($("page-worries-title")), ticked("page-worries"));
  if ($("page-strengths")) add(words($("page-strengths-title")), ticked("page-strengths"));
  for (const fieldset of form.querySelectorAll("fieldset[id^='q-']")) {
    const chosen = fieldset.querySelector("input[type=radio]:checked");
    if (chosen) add(words(fieldset.querySelector("legend")), [labelOf(chosen)]);
  }
  for (const field of form.querySelectorAll(`textarea[data-own-text], ${DETAIL_FIELDS}, #consent_note, #confirm_note`)) {
    if (field.value.trim()) add(labelOf(field), [field.value.trim()]);
  }
  return parts.length ? `${parts.join("\n\n")}\n` : "";
}

function update() {
  const state = readForm();
  showStop(false);
  $("lon-override").hidden = !$("override").checked;
  if (failed) {
    summaryBox.value = enteredText();
    $("lon-summary-print").textContent = summaryBox.value;
    return;
  }
  if (!ready) return;
  const asked = ++requestId;
  latest = engine.request("evaluate", state).then(
    // Only the newest answer is shown: an older one may arrive after it.
    (answer) => {
      if (asked !== requestId) return;
      showAnswers(answer.answers);
      showAgeNotes(answer);
      showConditional(answer.conditional_asked);
      required = answer.required.map(({ field, message }) => [field, message]);
      const hadProblem = engineProblem;
      // A refused summary detail (Python's detail_problem) is shown beside its box like any problem, but
      // the result stays: Python has left that detail out of the summary.
      const shown = answer.problem || answer.detail_problem;
      engineProblem = shown ? [shown.field || "lon-result", shown.message] : null;
      if (answer.problem) {
        // The result and the summary on screen always belong to the answers on screen.
        clearResult(answer.problem.message);
        showProblemsOnceReleased();
      } else {
        if (hadProblem || shown) showProblemsOnceReleased();
        showResult(answer);
      }
    },
    (error) => {
      if (asked !== requestId || !ready) return;
      // Python could not answer (its words are never shown: the worker gives the page's own). Nothing
      // on screen may stay from earlier answers: no rows, no age notes, nothing required, one problem.
      showAnswers([]);
      showAgeNotes({ age_notes: [], age_notice: "" });
      showConditional(null);
      required = [];
      engineProblem = ["lon-result", error.message];
      clearResult(error.message);
      showProblems(problems(readForm()));
    },
  );
}

// ---- Starting the engine ----------------------------------------------------------------

function fallback(reason, detail) {
  ready = false;
  failed = true;
  engineSettled();
  $("lon-network").hidden = true;
  status.textContent = said("failedStatus");
  $("lon-result-progress").replaceChildren();
  $("lon-fallback-reason").textContent = reason;
  $("lon-fallback-detail").textContent = detail || said("noDetail");
  $("lon-fallback").hidden = false;
  $("lon-consent-note").hidden = false; // without Python, every box is offered (nothing decides which)
  showConditional(null); // and every question asked only for some worries
  form.dataset.engine = "failed";
  clearResult(said("noResult"));
  update();
}

form.dataset.engine = "loading";
const engine = startEngine({
  version: $("lon-thresholds-version").textContent,
  onProgress(progress) { for (const where of [status, $("lon-result-progress")]) showProgress(where, progress); },
  onReady({ networkLocked, networkClosed, networkOpen, wasmBytes, stages }) {
    // Read by `make bench`: the stages of the start on this page's clock.
    const onPageClock = Object.fromEntries(Object.entries(stages).map(([name, at]) => [name, at - performance.timeOrigin]));
    performance.mark("lon-python-ready", { detail: { wasmBytes, stages: onPageClock } });
    showProgress($("lon-result-progress"), { stage: "ready" });
    ready = true;
    form.dataset.engine = "ready";
    form.dataset.networkLocked = networkLocked;
    // Short where every user reads it; only what the worker checked, each way to the network it tried
    // and found closed, behind a disclosure for those who want it.
    status.textContent = networkLocked
      ? said("readyLocked")
      : said("readyOpen", { open: networkOpen.join(", ") || said("pythonRequests") });
    $("lon-network-checked").textContent = said("networkChecked", { closed: networkClosed.join(", ") });
    $("lon-network").hidden = !networkLocked;
    update();
    engineSettled();
  },
  onFailed: fallback,
});

// ---- Actions: copy, download, print, save, open, clear ------------------------------------

function download(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Copy, download, print and save act on the newest answers: what was typed a moment ago too. Each
// confirmation goes under the buttons that were pressed: on the result, or on the referral details.
function copyAndDownload(copy, downloadButton, printButton, statusId, downloadStatusId = statusId) {
  $(copy).addEventListener("click", async () => {
    await latest;
    if (!summaryBox.value) { say(statusId, said("noCopy")); return; }
    try {
      await navigator.clipboard.writeText(summaryBox.value);
      say(statusId, said("copied"));
    } catch {
      // The summary box is on the referral details page: there it can be selected and copied by hand,
      // with the way to do it in view just over it.
      if (current() !== DETAILS_PAGE) showPage(DETAILS_PAGE);
      say("lon-summary-status", said("copyRefused"));
      summaryBox.focus();
      summaryBox.select();
      showKeepingFocus($("lon-summary-status"), "start");
    }
  });
  $(downloadButton).addEventListener("click", async () => {
    await latest;
    if (!summaryBox.value) { say(downloadStatusId, said("noDownload")); return; }
    download(SUMMARY_FILE, "text/plain;charset=utf-8", summaryBox.value);
    say(downloadStatusId, said("downloaded", { file: SUMMARY_FILE }));
  });
  $(printButton).addEventListener("click", async () => {
    await latest;
    window.print();
  });
}
copyAndDownload("lon-copy", "lon-download", "lon-print", "lon-action-status", "lon-download-status");
copyAndDownload("lon-details-copy", "lon-details-download", "lon-details-print", "lon-details-status");
window.addEventListener("beforeprint", () => {
  const now = new Date();
  $("lon-printed-at").textContent = said("printedAt", {
    date: now.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }),
    time: now.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" }),
  });
});

// Saving and opening go through Python (levels_of_need.saved), which checks the whole file: the page
// never saves a check it would refuse to open, and opens a file all or nothing.
$("lon-save").addEventListener("click", async () => {
  await latest;
  if (!ready) { say("lon-keep-status", said("saveWaits")); return; }
  try {
    const { text } = await engine.request("save", readForm());
    const filename = savedFileName(new Date());
    download(filename, "application/json", text);
    say("lon-keep-status", said("saved", { file: filename }));
  } catch (error) {
    say("lon-keep-status", said("notSaved", { reason: error.message }));
  }
});

// A saved check's file is named by when it was saved, never by anything in it:
// threshold-check-2026-12-04-1432.json (the device's local time).
function savedFileName(now) {
  const two = (n) => String(n).padStart(2, "0");
  return `threshold-check-${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}.json`;
}

// Opening from the first page or from the end: the messages go beside the button on the page in view.
$("lon-open-start").addEventListener("click", () => $("lon-open").click());

function openMessage(error, success) {
  const errorBox = current() === FIRST_PAGE ? "lon-open-start-error" : "lon-open-error";
  clearConfirmations();
  if (error) say(errorBox, said("unchanged", { problem: error }));
  if (success) {
    // The opened check's result, from its first heading; the message under the result's buttons.
    if (current() !== ANSWERS_PAGE) showPage(ANSWERS_PAGE);
    else $(`${ANSWERS_PAGE}-title`).focus();
    say("lon-keep-status", success);
  }
}

function applyOpened(opened) {
  applyState(opened.state);
  openMessage(null, opened.opened); // Python's words: and which thresholds it was made with, where not these
  update();
}

$("lon-open").addEventListener("change", async (event) => {
  const input = event.target;
  const chosen = input.files && input.files[0];
  input.value = "";
  if (!chosen) return;
  if (!ready) { openMessage(said("openWaits")); return; }
  if (chosen.size > MAX_FILE_BYTES) { openMessage(said("tooLarge")); return; }
  let opened;
  try {
    opened = await engine.request("open", { text: await chosen.text() });
  } catch (error) {
    openMessage(error.message);
    return;
  }
  if (!hasInput()) { applyOpened(opened); return; }
  // The whole file is checked before anything is asked: only a check that opens replaces this one.
  pendingOpen = opened;
  $("lon-replace-ask").hidden = false;
  $("lon-replace-ask").focus();
});
$("lon-replace-confirm").addEventListener("click", () => {
  $("lon-replace-ask").hidden = true;
  if (pendingOpen) applyOpened(pendingOpen);
  pendingOpen = null;
});
$("lon-replace-cancel").addEventListener("click", () => {
  $("lon-replace-ask").hidden = true;
  pendingOpen = null;
  openMessage(said("notOpened"));
  $(current() === FIRST_PAGE ? "lon-open-start" : "lon-open").focus(); // back on what opened the question
});

$("lon-clear").addEventListener("click", () => {
  $("lon-clear-ask").hidden = false;
  $("lon-clear-ask").focus(); // the question first, not the destructive button
});
// Escape answers "No" to an open question (clear, replace), wherever the focus is on the form: in the
// question, or back on the button that opened it. Cancelling gives the focus back to that button.
const OPEN_QUESTIONS = [["lon-clear-ask", "lon-clear-cancel"], ["lon-replace-ask", "lon-replace-cancel"]];
form.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const open = OPEN_QUESTIONS.find(([box]) => !$(box).hidden);
  if (!open) return;
  event.preventDefault();
  $(open[1]).click();
});
$("lon-clear-cancel").addEventListener("click", () => {
  $("lon-clear-ask").hidden = true;
  $("lon-clear").focus();
});
$("lon-clear-confirm").addEventListener("click", () => {
  form.reset();
  delete $("override_reason").dataset.left;
  engineProblem = null;
  returnTo = null;
  $("lon-clear-ask").hidden = true;
  $("lon-filter").value = "";
  filterWorries();
  showProblems([]);
  clearConfirmations();
  clearResult(said("clearedResult"));
  update();
  showPage(FIRST_PAGE);
  $("lon-announce").textContent = said("cleared");
});

// ---- Finding a worry ---------------------------------------------------------------------------

// Words are compared as words: "self-harm" and "self harm" are the same two words; a word typed finds
// every word that starts with it ("drink" finds "drinking"), and one that runs on past a word finds it
// too ("alcoholic" finds "alcohol"). Typed words that find nothing ("weekend", and words that join a
// sentence: "her", "on") are left aside; a worry shows when it has all the others, or only some where
// that helps (finds.js, shownAmong), those having the rarest words first (a word found in few worries
// tells more than one in many: "hits" more than "mum"), so those having them all first of all.
// The comparison is the core's (levels_of_need.model.word_finds), in assets/search/finds.js, which the
// site's search shares: a word of five letters or more forgives one slip ("bruses", "neglet"), two
// neighbouring terms run together find a word typed as one ("selfharm"), and a short word is found
// only whole or with a word ending ("men" is not in "mental").
const { words, termsOf, findsAmong, phraseRun, shownAmong, nearestWords } = self.lonFinds;

// While words are typed, the groups with a match open; once the words are cleared, each group is as
// the user left it, and a group holding a chosen worry stays open.
let openBeforeFilter = null;
const pageOrder = new Map(); // each worry's and group's place on the page, before any filtering

function filterWorries() {
  const items = [...form.querySelectorAll(".lon-worry")];
  const terms = new Map(items.map((item) => [item, termsOf(item.dataset.terms)]));
  const typed = words($("lon-filter").value);
  // The worries each word finds, its slips forgiven only where it starts no worry's word as typed.
  const itemTerms = items.map((item) => terms.get(item));
  const found = new Map(typed.map((word) => {
    const hits = findsAmong(word, itemTerms);
    return [word, new Set(items.filter((_, n) => hits[n]))];
  }));
  // The phrase as typed, where it runs on in a worry's words with the words that join it ("not getting
  // on"), whole or the longest part of it that does ("not getting on with his dad": "not getting on
  // with"): one more word to find, rarer than any of its own (bench/words_share.py, filter_results).
  const run = typed.join(" ");
  const runs = itemTerms.map((itemTerm) => phraseRun(typed, itemTerm));
  const longest = Math.max(0, ...runs);
  if (!found.has(run)) found.set(run, new Set(items.filter((_, n) => longest && runs[n] === longest)));
  const useful = [...found.keys()].filter((word) => found.get(word).size);
  // Those having every such word, and those having only some where that helps (finds.js, shownAmong):
  // a word typed beside the one that names the worry ("missing for days", "CSE concerns") found in
  // other worries hid it where those had both; a common word beside a rare one ("self harm") never
  // shows every worry of the common one. Those having them all come first (their words weigh most).
  const all = items.filter((item) => useful.every((word) => found.get(word).has(item)));
  const matched = new Set(shownAmong(items, found));
  // Each word weighs the log of the worries over those it finds (bench/words_share.py, filter_results).
  const weight = new Map(useful.map((word) => [word, Math.log(items.length / found.get(word).size)]));
  const score = (item) => useful.filter((word) => found.get(word).has(item)).reduce((sum, word) => sum + weight.get(word), 0);
  const filtering = typed.length > 0;
  const groups = [...form.querySelectorAll("#lon-worries .lon-group")];
  if (filtering && !openBeforeFilter) openBeforeFilter = new Map(groups.map((group) => [group, group.open]));
  for (const item of items) item.hidden = filtering && !matched.has(item) && !item.querySelector("input").checked;
  // The rarest words first, then the highest level first.
  const scores = new Map(items.map((item) => [item, Math.round(score(item) * 1e6)]));
  putGraverFirst(items, filtering, (item) => -scores.get(item) * items.length + Number(item.dataset.graver));
  for (const group of groups) {
    group.hidden = !group.querySelector(".lon-worry:not([hidden])");
    const chosen = group.querySelectorAll(".lon-worry input:checked").length;
    group.querySelector(".lon-group-chosen").textContent = chosen ? said("chosen", { count: chosen }) : "";
    if (filtering) group.open = !group.hidden;
    else if (openBeforeFilter) group.open = openBeforeFilter.get(group) || chosen > 0;
  }
  if (!filtering) openBeforeFilter = null;
  const shown = filtering && useful.length ? matched.size : 0;
  $("lon-filter-count").textContent = !filtering ? ""
    : all.length || !shown ? said("worriesMatch", { shown, all: items.length })
      : said("someWords", { shown });
  $("lon-filter-none").hidden = !filtering || shown > 0;
  showNearestWords(filtering && !shown ? typed : [], items.flatMap((item) => words(item.dataset.terms)));
}

// While words are typed, the worries having the most of them come first, and among those the highest
// level first, in each group and among the groups, so that a word with a mild and a grave reading never
// shows the mild one alone at the top (the level order is Python's: data-graver,
// levels_of_need.model.graver_first); once cleared, the page's own order comes back.
function putGraverFirst(items, filtering, filteredPlace) {
  if (!pageOrder.size) for (const [n, item] of [...form.querySelectorAll("#lon-worries .lon-worry, #lon-worries .lon-group")].entries()) pageOrder.set(item, n);
  const place = (item) => (filtering ? filteredPlace(item) : pageOrder.get(item));
  const groupPlace = (group) => (filtering
    ? Math.min(pageOrder.size ** 2, ...[...group.querySelectorAll(".lon-worry:not([hidden])")].map(place))
    : pageOrder.get(group));
  for (const fieldset of new Set(items.map((item) => item.parentElement))) {
    inOrder(fieldset, [...fieldset.querySelectorAll(":scope > .lon-worry")].sort((a, b) => place(a) - place(b)));
  }
  const box = $("lon-worries");
  inOrder(box, [...box.querySelectorAll(":scope > .lon-group")].sort((a, b) => groupPlace(a) - groupPlace(b)));
}

// Moving an element takes the focus from it (a worry ticked with Space would leave the keyboard user on
// the page's body): so nothing moves that is already in its place, and the focus comes back if it was moved.
function inOrder(parent, sorted) {
  const current = [...parent.children].filter((child) => sorted.includes(child));
  if (sorted.every((child, n) => child === current[n])) return;
  const focused = document.activeElement;
  parent.append(...sorted);
  if (focused && focused !== document.activeElement && parent.contains(focused)) focused.focus({ preventScroll: true });
}

// When nothing is found: the vocabulary's words nearest to what was typed (finds.js, nearestWords), each
// a button that finds its worries. An aid for finding, like the words themselves.
function showNearestWords(typed, vocabulary) {
  const list = $("lon-filter-nearest-words");
  const best = nearestWords(typed, vocabulary);
  list.replaceChildren(...best.map((term) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "lon-link-button";
    button.dataset.filter = term;
    button.textContent = term;
    const item = document.createElement("li");
    item.append(button);
    return item;
  }));
  $("lon-filter-nearest").hidden = best.length === 0;
}
$("lon-filter-nearest-words").addEventListener("click", (event) => {
  const button = event.target.closest("[data-filter]");
  if (!button) return;
  $("lon-filter").value = button.dataset.filter;
  filterWorries();
  $("lon-filter").focus();
});

for (const suggestion of form.querySelectorAll("[data-filter]")) {
  suggestion.addEventListener("click", () => {
    $("lon-filter").value = suggestion.dataset.filter;
    filterWorries();
    $("lon-filter").focus();
  });
}
$("lon-filter-browse").addEventListener("click", () => {
  $("lon-filter").value = "";
  filterWorries();
  for (const group of form.querySelectorAll("#lon-worries .lon-group")) group.open = false;
  form.querySelector("#lon-worries summary").focus();
});

// ---- Wiring ------------------------------------------------------------------------------------

for (const button of form.querySelectorAll(".lon-continue")) button.addEventListener("click", () => advance(button));
for (const button of form.querySelectorAll("[data-back]")) button.addEventListener("click", () => history.back());
$("lon-current-go").addEventListener("click", () => {
  returnTo = null;
  showPage(ANSWERS_PAGE);
});
for (const button of form.querySelectorAll("[data-go]")) button.addEventListener("click", () => showPage(button.dataset.go));
window.addEventListener("popstate", (event) => {
  const page = event.state && event.state.lonPage;
  if (page && $(page)) showPage(page, { push: false });
});
// Enter in a text box continues the page, as on a one-question form (in the filter, it only filters).
form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("keydown", (event) => {
  const box = event.target;
  if (event.key !== "Enter" || box.tagName !== "INPUT" || box.id === "lon-filter" || !["text", "number"].includes(box.type)) return;
  const page = box.closest(".lon-page");
  const button = page && page.querySelector(".lon-continue");
  if (!button) return;
  event.preventDefault();
  box.dispatchEvent(new Event("change", { bubbles: true })); // the answer as typed goes to Python first
  advance(button);
});
form.addEventListener("input", (event) => {
  if (event.target.id === "lon-filter") { filterWorries(); return; }
  if (event.target.id === "lon-open") return;
  clearConfirmations(); // an answer changed: "copied" or "saved" was about the answers before it
  // A tick or a choice also fires "change" (below), which asks the checker: asking twice for
  // every click would double the wait for its result.
  if (event.target.type !== "checkbox" && event.target.type !== "radio") update();
});
// Problems are shown when a field is left or a choice made; focus stays where the user is
// (the error summary is announced as an alert).
form.addEventListener("change", (event) => {
  if (event.target.id === "lon-open" || event.target.id === "lon-filter") return;
  if (event.target.name === "indicator") filterWorries(); // the groups' counts of chosen worries
  showProblemsOnceReleased();
  update();
  keepChoiceInView(event.target);
  latest.then(() => keepChoiceInView(event.target));
});
// An answer chosen with Space stays where the keyboard user is: what the choice shows or hides above it
// (the error summary, a notice, Python's result) may move it, so the page follows it back into view
// (nearest: no scroll at all while it is wholly in view, clear of the header and banner).
function keepChoiceInView(control) {
  if (document.activeElement === control) control.scrollIntoView({ block: "nearest", behavior: "instant" });
}
// A focused control comes fully into view, clear of the header and a sticking banner (scroll-padding):
// the browser scrolls only one that is out of view, and leaves one half under the foot of the screen.
// One taller than half the screen (the summary) shows from its top. So for every stop on the page (the
// checker's notes and the emergency panel above the form too), but not the header's own, which stick.
document.addEventListener("focusin", ({ target }) => {
  if (!(target instanceof Element) || target.closest(".md-header, .md-sidebar, .md-skip, .md-search")) return;
  // Not the control being pressed: it is under the pointer, so in view, and scrolled it would leave it.
  if (pressed instanceof Node && target.contains(pressed)) return;
  const tall = target.getBoundingClientRect().height > innerHeight / 2;
  target.scrollIntoView({ block: tall ? "start" : "nearest" });
});
// Leaving the reason box counts even when nothing was typed ("change" would not fire).
$("override_reason").addEventListener("blur", () => {
  $("override_reason").dataset.left = "yes";
  showProblemsOnceReleased();
  update();
});
// Nothing typed is lost by a slip: leaving or reloading the page asks first.
window.addEventListener("beforeunload", (event) => {
  if (hasInput()) {
    event.preventDefault();
    event.returnValue = "";
  }
});
window.addEventListener("pageshow", (event) => {
  if (event.persisted) $("lon-clear-confirm").click();
});
form.reset(); // never show what an earlier visit left in the browser's form memory
history.replaceState({ lonPage: FIRST_PAGE }, "");
// Back and Forward walk the pages at one address: the page shown puts its own title in view (showPage),
// and the browser must not then scroll to where that history entry was left, taking the focus with it.
history.scrollRestoration = "manual";
performance.mark("lon-form-usable"); // every control works from here on (read by `make bench`)
