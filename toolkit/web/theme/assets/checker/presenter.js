// Presenter view: a training session for a projector. The trainer picks a scenario set and the room's
// size; for each fictional vignette the room answers twice (round 1, discussion, round 2), the trainer
// types how many chose each level, and the reveal shows the answer key beside the room's answers.
// The session ends on the trainer's summary, to print and download.
//
// Every figure, check and word about the counts comes from Python (levels_of_need.training_session,
// through the worker: messages "session", "save_session", "open_session"); this page holds the
// session Python last returned, in memory only, and shows what Python said. Nothing is stored or sent:
// the only way to keep a session is the file the trainer downloads.
//
// Keys: in a round, type each count, Tab to the next box, Enter to record the round (one Tab per level
// and one Enter: nothing else). Elsewhere Enter presses the focused button; F is full screen.
import { buildNodes, pageWords, showProgress, startEngine } from "./engine.js";

const $ = (id) => document.getElementById(id);
const presenter = $("lon-presenter");
const status = $("lon-status");
const setupForm = $("lon-session-setup");
const roundForm = $("lon-round");
const STEPS = ["round-1", "discussion", "round-2", "reveal"];
const SETUP_FIELDS = { title: "session-title", set: "session-set", room_size: "session-room" };
const ROUND_GROUP = "counts"; // Python's field for a problem with a round's counts as a whole
const MAX_BYTES = Number(presenter.dataset.maxBytes);
// Every sentence this page shows is the template's (#lon-words, each {name} in it filled here) or Python's.
const said = pageWords();

let engine = null;
let ready = false;
let pending = null; // what the trainer asked for before the presenter was ready: done once it is
let shown = null; // Python's last answer: {session, report, views}
let unsaved = false; // a session with counts the trainer has not downloaded since
let endedFrom = null; // where the trainer was when they ended early: "Back to the last vignette" returns there

const announce = (text) => { $("lon-announce").textContent = ""; setTimeout(() => { $("lon-announce").textContent = text; }, 50); };
const countBoxes = () => [...roundForm.querySelectorAll("input")];

// ---- Talking to Python --------------------------------------------------------------------------

async function ask(payload) {
  const answer = await engine.request("session", payload);
  if (answer.problem) return answer;
  shown = answer;
  return answer;
}

// A message at the top of the session's screens ("The session has been opened."), or nothing.
function say(text) {
  $("lon-message").textContent = text || "";
  $("lon-message").hidden = !text;
}

// GOV.UK's error pattern: a summary at the top, its link going to the field (and selecting what was
// typed, to type over it); the message by the field, and the field marked. A problem with the round's
// counts as a whole marks every box, with its message under the question.
function clearErrors() {
  for (const error of presenter.querySelectorAll(".lon-field-error")) { if (error.id !== "lon-open-error") error.hidden = true; }
  for (const input of presenter.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.classList.remove("lon-input--error");
    if (input.dataset.describedby !== undefined) input.setAttribute("aria-describedby", input.dataset.describedby);
  }
  roundForm.querySelector("fieldset").classList.remove("lon-fieldset--error");
}

function showErrors(listId, boxId, problem, fieldIds) {
  const list = $(listId);
  const box = $(boxId);
  clearErrors();
  if (!problem) { box.hidden = true; list.replaceChildren(); return; }
  const { fields, message } = fieldIds(problem.field);
  const item = document.createElement("li");
  if (fields.length) {
    const link = Object.assign(document.createElement("a"), { href: `#${fields[0].id}`, textContent: problem.message });
    link.addEventListener("click", (event) => { event.preventDefault(); fields[0].focus(); if (fields[0].select) fields[0].select(); });
    item.append(link);
    for (const field of fields) {
      field.setAttribute("aria-invalid", "true");
      field.classList.add("lon-input--error");
      if (field.dataset.describedby === undefined) field.dataset.describedby = field.getAttribute("aria-describedby") || "";
      if (message) field.setAttribute("aria-describedby", `${message.id} ${field.dataset.describedby}`.trim());
    }
    if (message) { message.textContent = said("error", { message: problem.message }); message.hidden = false; }
  } else {
    item.textContent = problem.message;
  }
  list.replaceChildren(item);
  box.hidden = false;
  box.focus();
}

const setupFields = (field) => {
  const id = SETUP_FIELDS[field];
  return id ? { fields: [$(id)], message: $(`${id}-error`) } : { fields: [], message: null };
};

const roundFields = (field) => {
  if (field === ROUND_GROUP) {
    roundForm.querySelector("fieldset").classList.add("lon-fieldset--error");
    return { fields: countBoxes(), message: $("lon-round-counts-error") };
  }
  const box = field && roundForm.querySelector(`#${CSS.escape(field)}`);
  return box ? { fields: [box], message: $(`${field}-error`) } : { fields: [], message: null };
};

// ---- Showing the session ------------------------------------------------------------------------

// Each screen opens at its top: the answer key, the question or the summary's heading in view, never
// scrolled to the focused button (which would push them off the top, or under the site's header).
function toTop() {
  presenter.scrollTop = 0;
  window.scrollTo(0, 0);
}

function focusOn(element) {
  element.focus({ preventScroll: true });
}

function render({ focus = true, message = null } = {}) {
  const { session, screen, report, views } = shown;
  const { vignette: index, step } = session.position;
  const summary = step === "summary";
  status.hidden = true; // "The presenter is ready." belongs to the setup screen
  $("lon-setup").hidden = true;
  $("lon-session").hidden = summary;
  $("lon-summary").hidden = !summary;
  presenter.dataset.step = step;
  say(message);
  if (summary) {
    $("lon-summary-view").replaceChildren(...buildNodes(views.summary));
    const heading = $("lon-summary-view").querySelector("h2");
    heading.tabIndex = -1;
    toTop();
    if (focus) focusOn(heading);
    announce(said("summaryShown"));
    return;
  }
  const vignette = session.vignettes[index];
  const figures = report.vignettes[index];
  presenter.dataset.vignette = index + 1;
  for (const article of document.querySelectorAll(".lon-slide")) article.hidden = article.dataset.scenario !== vignette.scenario;
  const article = $(`slide-${vignette.scenario}`);
  article.querySelector(".lon-teaching").hidden = step !== "reveal";
  $("lon-step-heading").textContent = screen.heading;
  $("lon-room-note").textContent = report.room_note || "";
  $("lon-room-note").hidden = !report.room_note;

  const round = step === "round-1" ? 1 : step === "round-2" ? 2 : null;
  roundForm.hidden = round === null;
  showErrors("lon-round-error-list", "lon-round-errors", null, roundFields);
  if (round) {
    $("lon-round-legend").textContent = screen.round_question;
    $("lon-record").textContent = screen.record;
    const recorded = vignette.rounds[round - 1];
    for (const box of countBoxes()) {
      const value = recorded ? (box.dataset.level ? recorded.counts[box.dataset.level] : recorded.not_sure) : null;
      box.value = value === null || value === undefined ? "" : String(value);
    }
  }
  $("lon-discussion").hidden = step !== "discussion";
  $("lon-chart-box").hidden = !(step === "discussion" || step === "round-2");
  setChart(false);
  drawChart($("lon-chart"), figures.chart, figures.rounds[0]);
  $("lon-reveal").hidden = step !== "reveal";
  if (step === "reveal") {
    $("lon-reveal-view").replaceChildren(...buildNodes(views.reveal[index] || []));
    drawCellBars($("lon-reveal-view"), figures);
    $("lon-next").textContent = screen.next;
  }
  $("lon-back").disabled = index === 0 && step === "round-1";
  toTop();
  if (!focus) return;
  announce(`${screen.heading}. ${article.querySelector("h2").textContent}`);
  if (round) focusOn(countBoxes()[0]);
  else if (step === "discussion") focusOn($("lon-to-round-2"));
  else if (step === "reveal") focusOn($("lon-next"));
}

// A bar for a share of the room: Python's share, drawn; the words beside it say the same.
function bar(share, kind) {
  const outer = document.createElement("span");
  outer.className = `lon-chart-bar lon-chart-bar--${kind}`;
  outer.setAttribute("aria-hidden", "true");
  const fill = document.createElement("span");
  fill.className = "lon-chart-fill";
  fill.style.width = `${100 * share}%`;
  outer.append(fill);
  return outer;
}

// Round 1's answers as bars on the discussion screen: Python's rows (one per level and one for not sure),
// each with its label, its share of the whole room and its words. The answer key is not marked before the reveal.
function drawChart(box, chart, figure) {
  const rows = chart.map(({ label, share, text, unsure }) => {
    const row = document.createElement("div");
    row.className = unsure ? "lon-chart-row lon-chart-row--unsure" : "lon-chart-row";
    const name = Object.assign(document.createElement("span"), { className: "lon-chart-label", textContent: label });
    const value = Object.assign(document.createElement("span"), { className: "lon-chart-value", textContent: text });
    row.append(name, bar(share, unsure ? "unsure" : "round-1"), value);
    return row;
  });
  const note = Object.assign(document.createElement("p"), { className: "lon-chart-note" });
  note.textContent = figure && figure.note ? figure.note : "";
  box.replaceChildren(...rows, ...(note.textContent ? [note] : []));
}

// The reveal's table from Python, with a bar under each level's and not sure's figure for each round.
function drawCellBars(view, figures) {
  const rows = view.querySelectorAll("tr.lon-level-row");
  rows.forEach((row, k) => {
    const unsure = row.classList.contains("lon-unsure-row");
    row.querySelectorAll("td").forEach((cell, r) => {
      const figure = figures.rounds[r];
      if (!figure) return;
      cell.append(bar(unsure ? figure.not_sure_share : figure.level_shares[k], unsure ? "unsure" : `round-${r + 1}`));
    });
  });
}

function setChart(on) {
  $("lon-chart").hidden = !on;
  $("lon-chart-toggle").setAttribute("aria-expanded", String(on));
  $("lon-chart-toggle").textContent = said(on ? "hideChart" : "showChart");
}

// A move changes no figure: Python checks the position and answers with the session alone, and the
// figures and views Python gave last stay (stepping through the screens need not recompute them).
async function moveTo(position) {
  try {
    const answer = await engine.request("session", { session: shown.session, position, figures: false });
    if (answer.problem) { say(answer.problem.message); return; }
    shown = { ...shown, session: answer.session, screen: answer.screen };
    render();
  } catch (error) {
    say(said("couldNotGoOn", { message: error.message }));
  }
}

function nextPosition() {
  const { vignette: index, step } = shown.session.position;
  if (step !== "reveal") return { vignette: index, step: STEPS[STEPS.indexOf(step) + 1] };
  if (index + 1 < shown.session.vignettes.length) return { vignette: index + 1, step: "round-1" };
  return { vignette: index, step: "summary" };
}

function previousPosition() {
  const { vignette: index, step } = shown.session.position;
  if (step === "summary") return endedFrom || furthest(index);
  if (step !== "round-1") return { vignette: index, step: STEPS[STEPS.indexOf(step) - 1] };
  return index > 0 ? { vignette: index - 1, step: "reveal" } : null;
}

// The furthest screen of a vignette the room has reached: its reveal once both rounds are recorded.
function furthest(index) {
  const [first, second] = shown.session.vignettes[index].rounds;
  return { vignette: index, step: second ? "reveal" : first ? "round-2" : "round-1" };
}

// ---- The trainer's actions ------------------------------------------------------------------------

// Asked before the presenter is ready: said plainly, and done as soon as it is ready.
function whenReady(action, what) {
  pending = action;
  $("lon-setup-wait").textContent = said("stillGettingReady", { then: what });
  $("lon-setup-wait").hidden = false;
  announce($("lon-setup-wait").textContent);
}

setupForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!ready) {
    whenReady(() => setupForm.requestSubmit(), said("startWhenReady"));
    return;
  }
  const start = {
    title: $("session-title").value,
    set: $("session-set").value,
    room_size: $("session-room").value,
    date: new Date().toLocaleDateString("en-CA"), // YYYY-MM-DD, the day of the session
  };
  try {
    const answer = await ask({ start });
    showErrors("lon-setup-error-list", "lon-setup-errors", answer.problem, setupFields);
    if (answer.problem) return;
    unsaved = false;
    endedFrom = null;
    render();
  } catch (error) {
    showErrors("lon-setup-error-list", "lon-setup-errors", { message: error.message, field: null }, setupFields);
  }
});

roundForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const { vignette: index, step } = shown.session.position;
  const counts = {};
  for (const box of countBoxes()) if (box.dataset.level) counts[box.dataset.level] = box.value;
  const round = { vignette: index, round: step === "round-1" ? 1 : 2, counts, not_sure: $("count-not_sure").value };
  try {
    const answer = await ask({ session: shown.session, round, position: nextPosition() });
    if (answer.problem) {
      showErrors("lon-round-error-list", "lon-round-errors", answer.problem, roundFields);
      return;
    }
    unsaved = true;
    render();
  } catch (error) {
    showErrors("lon-round-error-list", "lon-round-errors", { message: error.message, field: null }, roundFields);
  }
});

$("lon-to-round-2").addEventListener("click", () => moveTo(nextPosition()));
$("lon-next").addEventListener("click", () => moveTo(nextPosition()));
$("lon-back").addEventListener("click", () => { const back = previousPosition(); if (back) moveTo(back); });
$("lon-summary-back").addEventListener("click", () => { const back = previousPosition(); endedFrom = null; moveTo(back); });
// Ending early needs no confirmation: nothing is lost, and the summary's "Back to the last vignette"
// returns to this very screen.
$("lon-end").addEventListener("click", () => {
  endedFrom = { ...shown.session.position };
  moveTo({ vignette: shown.session.position.vignette, step: "summary" });
});
$("lon-chart-toggle").addEventListener("click", () => setChart($("lon-chart").hidden));
$("lon-print").addEventListener("click", () => window.print());

// A file's name: what it is, and the local date and time it was downloaded (two downloads of one day
// never share a name; the session's title, which the trainer typed, is never in it).
function stamp(now = new Date()) {
  const two = (n) => String(n).padStart(2, "0");
  return `${now.toLocaleDateString("en-CA")}-${two(now.getHours())}${two(now.getMinutes())}`;
}

async function download(kind) {
  const files = await engine.request("save_session", { session: shown.session });
  const [text, name, type] = kind === "csv"
    ? [files.csv, `training-summary-${stamp()}.csv`, "text/csv"]
    : [files.json, `training-session-${stamp()}.json`, "application/json"];
  const link = Object.assign(document.createElement("a"), {
    href: URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` })),
    download: name,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  if (kind === "json") unsaved = false;
  announce(said("downloaded", { file: name }));
}

for (const [id, kind] of [["lon-save", "json"], ["lon-download-json", "json"], ["lon-download-csv", "csv"]]) {
  $(id).addEventListener("click", () => download(kind).catch((error) => { say(said("fileNotMade", { message: error.message })); }));
}

// A downloaded session, opened again: Python reads the whole file before anything here changes. A file
// it refuses is said by the file box, in view and focused, with which file to choose instead.
function refuseFile(message) {
  const error = $("lon-open-error");
  error.textContent = said("error", { message });
  error.hidden = false;
  $("lon-open-session").classList.add("lon-file--error");
  error.scrollIntoView({ block: "center" });
  focusOn(error);
}

async function openFile(chosen) {
  $("lon-setup-wait").hidden = true;
  if (chosen.size > MAX_BYTES) { refuseFile(said("tooLarge")); return; }
  try {
    const opened = await engine.request("open_session", { text: await chosen.text() });
    const answer = await ask({ session: opened.session });
    if (answer.problem) { refuseFile(answer.problem.message); return; }
    unsaved = false;
    endedFrom = null;
    render({ message: opened.opened }); // Python's words: and which thresholds it was saved with, where not these
  } catch (failure) {
    refuseFile(failure.message);
  }
}

$("lon-open-session").addEventListener("change", (event) => {
  const [chosen] = event.target.files;
  event.target.value = "";
  $("lon-open-error").hidden = true;
  $("lon-open-session").classList.remove("lon-file--error");
  if (!chosen) return;
  if (!ready) { whenReady(() => openFile(chosen), said("openWhenReady")); return; }
  openFile(chosen);
});

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else if (presenter.requestFullscreen) presenter.requestFullscreen().catch(() => {});
}
$("lon-fullscreen").addEventListener("click", toggleFullscreen);
document.addEventListener("fullscreenchange", () => {
  presenter.dataset.fullscreen = Boolean(document.fullscreenElement);
  $("lon-fullscreen").textContent = said(document.fullscreenElement ? "leaveFullScreen" : "fullScreen");
  presenter.scrollTop = 0;
});
// F is full screen, only while focus is in the presenter and not in a box: a one-key shortcut active
// only on focus (WCAG 2.2, 2.1.4), so a stray F, or the letter said to speech input, with focus in the
// site's header or menu changes nothing. Captured and stopped, so that the theme's own F (search) never
// fires (elsewhere the header's keyboard script stops that one).
window.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, select, textarea")) return;
  if (event.key.toLowerCase() !== "f" || !presenter.contains(event.target)) return;
  event.preventDefault();
  event.stopPropagation();
  toggleFullscreen();
}, true);
window.addEventListener("beforeunload", (event) => { if (unsaved) event.preventDefault(); });

// ---- The engine ---------------------------------------------------------------------------------------

engine = startEngine({
  version: $("lon-thresholds-version").textContent,
  onProgress(progress) { showProgress(status, progress); },
  onReady() {
    ready = true;
    setupForm.dataset.engine = "ready";
    status.textContent = said("ready");
    $("lon-setup-wait").hidden = true;
    const action = pending;
    pending = null;
    if (action) action();
  },
  onFailed(reason) {
    ready = false;
    pending = null;
    setupForm.dataset.engine = "failed";
    status.textContent = said("notStarted");
    $("lon-setup-wait").hidden = true;
    $("lon-fallback-reason").textContent = reason;
    $("lon-fallback").hidden = false;
    $("lon-setup").hidden = true;
  },
});
