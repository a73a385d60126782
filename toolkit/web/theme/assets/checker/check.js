// The self-check page: reads the static form, asks the worker, shows what Python says.
// Entered data stays in this page's memory: no storage, no URL, no request.
// The result, its reasons, its phone links and the summary are Python's (levels_of_need.present):
// this script only builds the tree of text nodes the worker returns.
import { buildNodes, showProgress, startEngine } from "./engine.js";

const form = document.getElementById("lon-check");
const $ = (id) => document.getElementById(id);
const status = $("lon-status");
const resultBox = $("lon-result");
const summaryBox = $("lon-summary");
const announce = (text) => { $("lon-announce").textContent = ""; setTimeout(() => { $("lon-announce").textContent = text; }, 50); };
const SAVE_FORMAT = "levels-of-need-check";

let ready = false;
let requestId = 0;
let engineProblem = null; // [field, message]: what Python said is wrong with the answers
let lastHeadline = "";
let latest = Promise.resolve(); // settles once the newest answers are on screen

// ---- Reading and writing the form ------------------------------------------------

// The check as api.check_from_dict takes it. Every radio group on the form is a question; the age
// goes as typed, and Python says whether it is one.
function readForm() {
  const text = (id) => $(id).value.trim();
  const answers = {};
  for (const radio of form.querySelectorAll("input[type=radio]:checked")) answers[radio.name] = radio.value;
  const details = {};
  for (const field of form.querySelectorAll("textarea[id^='detail-']")) details[field.name] = field.value.trim();
  const ticked = (name) => [...form.querySelectorAll(`input[name='${name}']:checked`)].map((box) => box.value);
  return {
    indicators: ticked("indicator"),
    age: text("age"),
    unborn: $("unborn").checked,
    answers,
    confirmed: ticked("confirmed"),
    consent_note: text("consent_note"),
    override: $("override").checked ? { level: $("override_level").value, reason: text("override_reason") } : null,
    details,
  };
}

function problems(state) {
  const found = engineProblem ? [engineProblem] : [];
  // Only once the reason box has been left empty: ticking the box is not a mistake.
  if (state.override && !state.override.reason && $("override_reason").dataset.left) {
    found.push(["override_reason", "Say why you think a different level is right"]);
  }
  return found;
}

function showProblems(found) {
  const summary = $("lon-error-summary");
  const list = $("lon-error-list");
  list.replaceChildren();
  for (const id of ["age", "override_reason"]) {
    const message = found.find(([field]) => field === id);
    const error = $(`${id}-error`);
    error.hidden = !message;
    error.textContent = message ? `Error: ${message[1]}` : "";
    $(id).classList.toggle("lon-input--error", Boolean(message));
    if (message) $(id).setAttribute("aria-describedby", `${id}-error`); else $(id).removeAttribute("aria-describedby");
  }
  for (const [id, message] of found) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${id}`;
    link.textContent = message;
    link.addEventListener("click", (event) => { event.preventDefault(); ($(id) || form).focus(); });
    item.append(link);
    list.append(item);
  }
  summary.hidden = found.length === 0;
}

function applyState(state) {
  form.reset();
  for (const id of state.indicators) {
    const box = $(`ind-${id}`);
    if (box) box.checked = true;
  }
  $("age").value = state.age === null || state.age === undefined ? "" : String(state.age);
  for (const id of state.confirmed || []) {
    const box = $(`confirm-${id}`);
    if (box) box.checked = true;
  }
  $("unborn").checked = Boolean(state.unborn);
  for (const [name, value] of Object.entries(state.answers || {})) {
    const radio = form.querySelector(`input[name="${name}"][value="${value}"]`);
    if (radio) radio.checked = true;
  }
  $("consent_note").value = state.consent_note || "";
  $("override").checked = Boolean(state.override);
  if (state.override) {
    $("override_level").value = state.override.level;
    $("override_reason").value = state.override.reason || "";
  }
  for (const [name, text] of Object.entries(state.details || {})) {
    const field = $(`detail-${name}`);
    if (field) field.value = text;
  }
}

// ---- The result ---------------------------------------------------------------------

function showResult(answer) {
  const { result } = answer;
  resultBox.replaceChildren(...buildNodes(answer.view));
  resultBox.dataset.level = result.level ?? "";
  resultBox.dataset.route = result.route ?? "";
  resultBox.dataset.complete = result.complete;
  resultBox.dataset.emergency = result.emergency;
  showStop(result.emergency);
  // A confirmation is offered only beside a challenge Python made; one no longer challenged is
  // unticked, so that it can never confirm a later answer unseen.
  const challenged = new Set(result.challenges.map((challenge) => challenge.indicator));
  for (const box of form.querySelectorAll(".lon-confirm")) {
    const input = box.querySelector("input");
    box.hidden = !challenged.has(input.value);
    if (box.hidden) input.checked = false;
  }
  summaryBox.value = answer.summary;
  $("lon-summary-print").textContent = answer.summary;
  if (answer.headline !== lastHeadline) {
    lastHeadline = answer.headline;
    $("lon-result-announce").textContent = answer.headline;
  }
}

function clearResult(message) {
  resultBox.replaceChildren(Object.assign(document.createElement("p"), { className: "lon-hint", textContent: message }));
  for (const key of ["level", "route", "complete", "emergency"]) delete resultBox.dataset[key];
  summaryBox.value = "";
  $("lon-summary-print").textContent = "";
  lastHeadline = "";
}

// "Call now" shows the moment an answer that alone stops the check is chosen (the build marks such
// answers from the partnership's emergency rules), and whenever Python says it is an emergency.
function showStop(emergency) {
  const stop = emergency || Boolean(form.querySelector("input[data-stops-check]:checked"));
  $("lon-stop").hidden = !stop;
  $("lon-after-risk").hidden = stop;
}

function update() {
  const state = readForm();
  showStop(false);
  $("lon-override").hidden = !$("override").checked;
  if (!ready) return;
  const asked = ++requestId;
  latest = engine.request("evaluate", state).then(
    // Only the newest answer is shown: an older one may arrive after it.
    (answer) => {
      if (asked !== requestId) return;
      const hadProblem = engineProblem;
      engineProblem = null;
      if (hadProblem) showProblems(problems(readForm()));
      showResult(answer);
    },
    (error) => {
      if (asked !== requestId || !ready) return;
      // The result and the summary on screen always belong to the answers on screen.
      clearResult(error.message);
      engineProblem = error.field ? [error.field, error.message] : null;
      showProblems(problems(readForm()));
    },
  );
}

// ---- Starting the engine ----------------------------------------------------------------

function fallback(reason) {
  ready = false;
  status.textContent = "The checker could not start. You can still use the guidance below.";
  $("lon-result-progress").replaceChildren();
  $("lon-fallback-reason").textContent = reason;
  $("lon-fallback").hidden = false;
  form.dataset.engine = "failed";
}

form.dataset.engine = "loading";
const engine = startEngine({
  version: $("lon-thresholds-version").textContent,
  onProgress(progress) { for (const where of [status, $("lon-result-progress")]) showProgress(where, progress); },
  onReady({ networkLocked, networkClosed, networkOpen, wasmBytes }) {
    performance.mark("lon-python-ready", { detail: { wasmBytes } }); // read by `make bench`
    showProgress($("lon-result-progress"), { stage: "ready" });
    ready = true;
    form.dataset.engine = "ready";
    form.dataset.networkLocked = networkLocked;
    // Only what the worker checked: each way to the network it tried and found closed.
    status.textContent = networkLocked
      ? `The checker is ready. Network access inside the checker is switched off (checked: ${networkClosed.join(", ")}).`
      : `The checker is ready. Network access inside the checker is NOT switched off (open: ${networkOpen.join(", ") || "Python's own requests"}).`;
    update();
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

// Copy, download, print and save act on the newest answers: what was typed a moment ago too.
$("lon-copy").addEventListener("click", async () => {
  await latest;
  if (!summaryBox.value) { announce("There is no summary to copy yet."); return; }
  try {
    await navigator.clipboard.writeText(summaryBox.value);
    announce("Summary copied.");
  } catch {
    summaryBox.select();
    announce("Copying was not allowed. The summary is selected: press Control and C to copy it.");
  }
});
$("lon-download").addEventListener("click", async () => {
  await latest;
  if (summaryBox.value) download("referral-summary.txt", "text/plain;charset=utf-8", summaryBox.value);
  announce(summaryBox.value ? "Summary downloaded." : "There is no summary to download yet.");
});
$("lon-print").addEventListener("click", async () => {
  await latest;
  window.print();
});
$("lon-save").addEventListener("click", () => {
  const file = {
    format: SAVE_FORMAT, format_version: 1, thresholds_version: $("lon-thresholds-version").textContent, state: readForm(),
  };
  download("threshold-check.json", "application/json", `${JSON.stringify(file, null, 2)}\n`);
  announce("Check saved to a file.");
});

function parseSaved(text) {
  let file;
  try { file = JSON.parse(text); } catch { throw new Error("This file is not a saved check: it is not valid JSON."); }
  if (!file || file.format !== SAVE_FORMAT || file.format_version !== 1 || typeof file.state !== "object") {
    throw new Error("This file is not a check saved by this tool.");
  }
  const state = file.state;
  const unknown = (state.indicators || []).filter((id) => !$(`ind-${id}`));
  if (!Array.isArray(state.indicators) || unknown.length) {
    throw new Error(`This check names indicators these thresholds do not have (${unknown.slice(0, 3).join(", ")}).`);
  }
  return file;
}

$("lon-open").addEventListener("change", async (event) => {
  const input = event.target;
  const chosen = input.files && input.files[0];
  input.value = "";
  if (!chosen) return;
  const error = $("lon-open-error");
  try {
    const file = parseSaved(await chosen.text());
    applyState(file.state);
    error.hidden = true;
    const current = $("lon-thresholds-version").textContent;
    announce(file.thresholds_version === current
      ? "Saved check opened."
      : `Saved check opened. It was made with thresholds version ${file.thresholds_version}; this is ${current}.`);
    update();
  } catch (problem) {
    error.textContent = `${problem.message} Nothing on this page has changed.`;
    error.hidden = false;
  }
});
$("lon-clear").addEventListener("click", () => {
  form.reset();
  delete $("override_reason").dataset.left;
  $("lon-filter").value = "";
  filterWorries();
  showProblems([]);
  $("lon-open-error").hidden = true;
  clearResult("Cleared. Your result appears here as you answer.");
  update();
  announce("Everything has been cleared.");
});

// ---- Filtering the worries ------------------------------------------------------------------

const stem = (word) => word.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/(ing|ed|es|s|e|y)$/, "");

function filterWorries() {
  const words = $("lon-filter").value.split(/\s+/).map(stem).filter(Boolean);
  const items = [...form.querySelectorAll(".lon-worry")];
  let shown = 0;
  for (const item of items) {
    const terms = item.dataset.terms.split(/[\s/,().]+/).map((term) => term.toLowerCase());
    const match = words.every((word) => terms.some((term) => term.startsWith(word)));
    const keep = match || item.querySelector("input").checked;
    item.hidden = !keep;
    if (keep) shown += 1;
  }
  for (const set of form.querySelectorAll("#lon-worries fieldset")) {
    set.hidden = !set.querySelector(".lon-worry:not([hidden])");
  }
  $("lon-filter-count").textContent = words.length ? `Showing ${shown} of ${items.length} worries.` : "";
}

// ---- Wiring ------------------------------------------------------------------------------------

form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("input", (event) => {
  if (event.target.id === "lon-filter") filterWorries();
  // A tick or a choice also fires "change" (below), which asks the checker: asking twice for
  // every click would double the wait for its result.
  else if (event.target.type !== "checkbox" && event.target.type !== "radio") update();
});
// Problems are shown when a field is left or a choice made; focus stays where the user is
// (the error summary is announced as an alert).
form.addEventListener("change", (event) => {
  if (event.target.id === "lon-open") return;
  showProblems(problems(readForm()));
  update();
});
// Leaving the reason box counts even when nothing was typed ("change" would not fire).
$("override_reason").addEventListener("blur", () => {
  $("override_reason").dataset.left = "yes";
  showProblems(problems(readForm()));
  update();
});
window.addEventListener("pageshow", (event) => { if (event.persisted) $("lon-clear").click(); });
form.reset(); // never show what an earlier visit left in the browser's form memory
performance.mark("lon-form-usable"); // every control works from here on (read by `make bench`)
