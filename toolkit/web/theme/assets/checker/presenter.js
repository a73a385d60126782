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
import { buildNodes, showProgress, startEngine } from "./engine.js";

const $ = (id) => document.getElementById(id);
const presenter = $("lon-presenter");
const status = $("lon-status");
const setupForm = $("lon-session-setup");
const roundForm = $("lon-round");
const STEP_NAMES = { "round-1": "Round 1", discussion: "Discussion", "round-2": "Round 2", reveal: "The reveal" };
const SETUP_FIELDS = { title: "session-title", set: "session-set", room_size: "session-room" };
const MAX_BYTES = Number(presenter.dataset.maxBytes);

let engine = null;
let ready = false;
let shown = null; // Python's last answer: {session, report, views}
let unsaved = false; // a session with counts the trainer has not downloaded since

const announce = (text) => { $("lon-announce").textContent = ""; setTimeout(() => { $("lon-announce").textContent = text; }, 50); };
const countBoxes = () => [...roundForm.querySelectorAll("input")];

// ---- Talking to Python --------------------------------------------------------------------------

async function ask(payload) {
  const answer = await engine.request("session", payload);
  if (answer.problem) return answer;
  shown = answer;
  return answer;
}

function showErrors(listId, boxId, problem, fieldIds) {
  const list = $(listId);
  const box = $(boxId);
  for (const error of presenter.querySelectorAll(".lon-field-error")) { if (error.id !== "lon-open-error") error.hidden = true; }
  for (const input of presenter.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  if (!problem) { box.hidden = true; list.replaceChildren(); return; }
  const target = fieldIds(problem.field);
  const item = document.createElement("li");
  if (target) {
    const link = Object.assign(document.createElement("a"), { href: `#${target}`, textContent: problem.message });
    link.addEventListener("click", (event) => { event.preventDefault(); $(target).focus(); });
    item.append(link);
    $(target).setAttribute("aria-invalid", "true");
    const inline = $(`${target}-error`);
    if (inline) { inline.textContent = `Error: ${problem.message}`; inline.hidden = false; }
  } else {
    item.textContent = problem.message;
  }
  list.replaceChildren(item);
  box.hidden = false;
  box.focus();
}

// ---- Showing the session ------------------------------------------------------------------------

function render({ focus = true } = {}) {
  const { session, report, views } = shown;
  const { vignette: index, step } = session.position;
  const summary = step === "summary";
  $("lon-setup").hidden = true;
  $("lon-session").hidden = summary;
  $("lon-summary").hidden = !summary;
  presenter.dataset.step = step;
  if (summary) {
    $("lon-summary-view").replaceChildren(...buildNodes(views.summary));
    if (focus) $("lon-summary").focus();
    announce("The trainer’s summary.");
    return;
  }
  const vignette = session.vignettes[index];
  const figures = report.vignettes[index];
  presenter.dataset.vignette = index + 1;
  for (const article of document.querySelectorAll(".lon-slide")) article.hidden = article.dataset.scenario !== vignette.scenario;
  const article = $(`slide-${vignette.scenario}`);
  article.querySelector(".lon-teaching").hidden = step !== "reveal";
  const where = `Vignette ${index + 1} of ${session.vignettes.length}: ${STEP_NAMES[step]}`;
  $("lon-step-heading").textContent = where;

  const round = step === "round-1" ? 1 : step === "round-2" ? 2 : null;
  roundForm.hidden = round === null;
  showErrors("lon-round-error-list", "lon-round-errors", null, () => null);
  if (round) {
    $("lon-round-legend").textContent = `Round ${round}: how many chose each level? The room has ${session.room_size} ${session.room_size === 1 ? "person" : "people"}.`;
    $("lon-record").textContent = `Record round ${round}`;
    const recorded = vignette.rounds[round - 1];
    for (const box of countBoxes()) {
      const value = recorded ? (box.dataset.level ? recorded.counts[box.dataset.level] : recorded.not_sure) : null;
      box.value = value === null || value === undefined ? "" : String(value);
    }
  }
  $("lon-discussion").hidden = step !== "discussion";
  $("lon-chart-box").hidden = !(step === "discussion" || step === "round-2");
  setChart(false);
  drawChart($("lon-chart"), report, figures, [0], null);
  $("lon-reveal").hidden = step !== "reveal";
  if (step === "reveal") {
    const view = views.reveal[index] || [];
    const chart = document.createElement("div");
    chart.className = "lon-chart lon-chart--reveal";
    chart.setAttribute("aria-hidden", "true"); // the table beside it says the same in words
    drawChart(chart, report, figures, [0, 1], figures.key.level);
    $("lon-reveal-view").replaceChildren(...buildNodes(view), chart);
    $("lon-next").textContent = index + 1 < session.vignettes.length ? "Next vignette" : "See the summary";
  }
  $("lon-back").disabled = index === 0 && step === "round-1";
  if (!focus) return;
  announce(`${where}. ${article.querySelector("h2").textContent}`);
  if (round) countBoxes()[0].focus();
  else if (step === "discussion") $("lon-to-round-2").focus();
  else if (step === "reveal") $("lon-next").focus();
}

// The room's answers as bars, one row per level: the share Python gives for each, and its words.
// Before the reveal the answer key is not marked; at the reveal it is marked in words and by a border.
function drawChart(box, report, figures, rounds, keyLevel) {
  const rows = report.levels.map((level, k) => {
    const row = document.createElement("div");
    row.className = "lon-chart-row";
    const label = document.createElement("span");
    label.className = "lon-chart-label";
    label.textContent = level.label;
    if (keyLevel === level.number) {
      row.classList.add("lon-chart-row--key");
      const key = document.createElement("strong");
      key.textContent = " (the answer key)";
      label.append(key);
    }
    row.append(label);
    for (const r of rounds) {
      const figure = figures.rounds[r];
      const bar = document.createElement("span");
      bar.className = `lon-chart-bar lon-chart-bar--round-${r + 1}`;
      const fill = document.createElement("span");
      fill.className = "lon-chart-fill";
      fill.style.width = `${figure ? 100 * figure.level_shares[k] : 0}%`;
      bar.append(fill);
      const value = document.createElement("span");
      value.className = "lon-chart-value";
      value.textContent = `${rounds.length > 1 ? `Round ${r + 1}: ` : ""}${figure ? figure.level_text[k] : "not asked"}`;
      row.append(bar, value);
    }
    return row;
  });
  const unsure = document.createElement("p");
  unsure.className = "lon-chart-unsure";
  unsure.textContent = rounds.map((r) => {
    const figure = figures.rounds[r];
    return `${rounds.length > 1 ? `Round ${r + 1}: ` : ""}${figure ? figure.not_sure : "not asked"} not sure`;
  }).join(". ");
  box.replaceChildren(...rows, unsure);
}

function setChart(on) {
  $("lon-chart").hidden = !on;
  $("lon-chart-toggle").setAttribute("aria-expanded", String(on));
  $("lon-chart-toggle").textContent = on ? "Hide round 1’s answers" : "Show round 1’s answers";
}

async function moveTo(position) {
  try {
    const answer = await ask({ session: shown.session, position });
    if (answer.problem) { status.textContent = answer.problem.message; return; }
    render();
  } catch (error) {
    status.textContent = `The presenter could not go on: ${error.message}`;
  }
}

function nextPosition() {
  const { vignette: index, step } = shown.session.position;
  const steps = ["round-1", "discussion", "round-2", "reveal"];
  if (step !== "reveal") return { vignette: index, step: steps[steps.indexOf(step) + 1] };
  if (index + 1 < shown.session.vignettes.length) return { vignette: index + 1, step: "round-1" };
  return { vignette: index, step: "summary" };
}

function previousPosition() {
  const { vignette: index, step } = shown.session.position;
  const steps = ["round-1", "discussion", "round-2", "reveal"];
  if (step === "summary") return lastReached();
  if (step !== "round-1") return { vignette: index, step: steps[steps.indexOf(step) - 1] };
  return index > 0 ? { vignette: index - 1, step: "reveal" } : null;
}

// Where "Back to the last vignette" goes from the summary: the last vignette the room answered.
function lastReached() {
  const vignettes = shown.session.vignettes;
  for (let i = vignettes.length - 1; i >= 0; i -= 1) {
    const [first, second] = vignettes[i].rounds;
    if (second) return { vignette: i, step: "reveal" };
    if (first) return { vignette: i, step: "round-2" };
  }
  return { vignette: 0, step: "round-1" };
}

// ---- The trainer's actions ------------------------------------------------------------------------

setupForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!ready) return;
  const start = {
    title: $("session-title").value,
    set: $("session-set").value,
    room_size: $("session-room").value,
    date: new Date().toLocaleDateString("en-CA"), // YYYY-MM-DD, the day of the session
  };
  try {
    const answer = await ask({ start });
    showErrors("lon-setup-error-list", "lon-setup-errors", answer.problem, (field) => SETUP_FIELDS[field] || null);
    if (answer.problem) return;
    unsaved = false;
    render();
  } catch (error) {
    showErrors("lon-setup-error-list", "lon-setup-errors", { message: error.message, field: null }, () => null);
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
      showErrors("lon-round-error-list", "lon-round-errors", answer.problem, (field) => (field && $(field) ? field : null));
      return;
    }
    unsaved = true;
    render();
  } catch (error) {
    showErrors("lon-round-error-list", "lon-round-errors", { message: error.message, field: null }, () => null);
  }
});

$("lon-to-round-2").addEventListener("click", () => moveTo(nextPosition()));
$("lon-next").addEventListener("click", () => moveTo(nextPosition()));
$("lon-back").addEventListener("click", () => { const back = previousPosition(); if (back) moveTo(back); });
$("lon-summary-back").addEventListener("click", () => moveTo(previousPosition()));
$("lon-end").addEventListener("click", () => moveTo({ vignette: shown.session.position.vignette, step: "summary" }));
$("lon-chart-toggle").addEventListener("click", () => setChart($("lon-chart").hidden));
$("lon-print").addEventListener("click", () => window.print());

async function download(kind) {
  const files = await engine.request("save_session", { session: shown.session });
  const date = shown.session.date || "undated";
  const [text, name, type] = kind === "csv"
    ? [files.csv, `training-summary-${date}.csv`, "text/csv"]
    : [files.json, `training-session-${date}.json`, "application/json"];
  const link = Object.assign(document.createElement("a"), {
    href: URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` })),
    download: name,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  if (kind === "json") unsaved = false;
  announce(`${name} downloaded.`);
}

for (const [id, kind] of [["lon-save", "json"], ["lon-download-json", "json"], ["lon-download-csv", "csv"]]) {
  $(id).addEventListener("click", () => download(kind).catch((error) => { status.textContent = `The file could not be made: ${error.message}`; }));
}

// A downloaded session, opened again: Python reads the whole file before anything here changes.
$("lon-open-session").addEventListener("change", async (event) => {
  const [chosen] = event.target.files;
  event.target.value = "";
  const error = $("lon-open-error");
  const refuse = (message) => { error.textContent = `Error: ${message}`; error.hidden = false; $("lon-open-session").focus(); };
  error.hidden = true;
  if (!chosen || !ready) return;
  if (chosen.size > MAX_BYTES) { refuse("This file is too large to be a training session."); return; }
  try {
    const opened = await engine.request("open_session", { text: await chosen.text() });
    const answer = await ask({ session: opened.session });
    if (answer.problem) { refuse(answer.problem.message); return; }
    unsaved = false;
    const version = $("lon-thresholds-version").textContent;
    status.textContent = opened.thresholds_version && opened.thresholds_version !== version
      ? `The session has been opened. It was saved with thresholds version ${opened.thresholds_version}; the answer keys shown are from version ${version}.`
      : "The session has been opened.";
    render();
  } catch (failure) {
    refuse(failure.message);
  }
});

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else if (presenter.requestFullscreen) presenter.requestFullscreen().catch(() => {});
}
$("lon-fullscreen").addEventListener("click", toggleFullscreen);
document.addEventListener("fullscreenchange", () => {
  presenter.dataset.fullscreen = Boolean(document.fullscreenElement);
  $("lon-fullscreen").textContent = document.fullscreenElement ? "Leave full screen" : "Full screen";
});
// F is full screen outside a box; captured and stopped, so that the theme's own F (search) never fires.
window.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, select, textarea")) return;
  if (event.key.toLowerCase() !== "f") return;
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
    status.textContent = "The presenter is ready.";
  },
  onFailed(reason) {
    ready = false;
    setupForm.dataset.engine = "failed";
    status.textContent = "The presenter could not start.";
    $("lon-fallback-reason").textContent = reason;
    $("lon-fallback").hidden = false;
    $("lon-setup").hidden = true;
  },
});
