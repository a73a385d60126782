// The self-check page: reads the static form, asks the worker, shows the result.
// Entered data stays in this page's memory: no storage, no URL, no request.
import { progressText, startEngine } from "./engine.js";

const form = document.getElementById("lon-check");
const $ = (id) => document.getElementById(id);
const status = $("lon-status");
const resultBox = $("lon-result");
const summaryBox = $("lon-summary");
const announce = (text) => { $("lon-announce").textContent = ""; setTimeout(() => { $("lon-announce").textContent = text; }, 50); };
const SAVE_FORMAT = "levels-of-need-check";

let ready = false;
let requestId = 0;

// ---- Reading and writing the form ------------------------------------------------

// The check as api.check_from_dict takes it. Every radio group on the form is a question.
function readForm() {
  const text = (id) => $(id).value.trim();
  const answers = {};
  for (const radio of form.querySelectorAll("input[type=radio]:checked")) answers[radio.name] = radio.value;
  const details = {};
  for (const field of form.querySelectorAll("textarea[id^='detail-']")) details[field.name] = field.value.trim();
  return {
    indicators: [...form.querySelectorAll("input[name='indicator']:checked")].map((box) => box.value),
    age: /^\d{1,2}$/.test(text("age")) ? Number(text("age")) : null,
    unborn: $("unborn").checked,
    answers,
    consent_note: text("consent_note"),
    override: $("override").checked ? { level: $("override_level").value, reason: text("override_reason") } : null,
    details,
  };
}

function problems(state) {
  const found = [];
  const ageText = $("age").value.trim();
  if (ageText !== "" && !/^\d{1,2}$/.test(ageText)) {
    found.push(["age", "Enter the child’s age as a whole number of years, like 7"]);
  } else if (state.age !== null && state.age > 25) {
    found.push(["age", "Enter an age from 0 to 25"]);
  } else if (state.age !== null && state.unborn) {
    found.push(["age", "Enter an age or tick that the child is unborn, not both"]);
  }
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
    link.addEventListener("click", (event) => { event.preventDefault(); $(id).focus(); });
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

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function showResult(result, summary) {
  const box = [];
  const heading = result.emergency
    ? element("h3", "Immediate risk: call now")
    : element("h3", `Level ${result.level}: ${result.level_name}`);
  box.push(heading);
  const route = element("p");
  route.append(element("span", `BRAG ${result.brag}`, { class: `lon-brag lon-brag--${result.brag}` }),
    document.createTextNode(` Route: ${result.route_name}.`));
  box.push(route);
  box.push(element("h4", "Why"));
  const reasons = element("ul", undefined, { class: "lon-reasons" });
  for (const reason of result.reasons) {
    const kind = reason.kind === "rule" ? "Rule" : `Level ${reason.level}${reason.domain ? `, ${reason.domain}` : ""}`;
    reasons.append(element("li", `${kind}: ${reason.text}`, { "data-id": reason.id, "data-decisive": reason.decisive }));
  }
  box.push(reasons);
  box.push(element("h4", "Next steps"));
  const steps = element("ol");
  for (const step of result.next_steps) {
    const item = element("li", step.text);
    if (step.contact) {
      const how = step.contact.phone || step.contact.email || step.contact.url;
      const href = step.contact.phone ? `tel:${step.contact.phone.replace(/\s/g, "")}` : step.contact.email ? `mailto:${how}` : how;
      item.append(document.createTextNode(` ${step.contact.name}: `), element("a", how, { href }));
    }
    if (step.timescale) item.append(element("strong", ` Timescale: ${step.timescale.within}.`));
    steps.append(item);
  }
  box.push(steps);
  if (result.caveats.length) {
    box.push(element("h4", "Please note"));
    const caveats = element("ul");
    for (const caveat of result.caveats) caveats.append(element("li", caveat));
    box.push(caveats);
  }
  resultBox.replaceChildren(...box);
  resultBox.dataset.level = result.level;
  resultBox.dataset.route = result.route;
  resultBox.dataset.brag = result.brag;
  resultBox.dataset.emergency = result.emergency;
  summaryBox.value = summary;
  $("lon-summary-print").textContent = summary;
}

function clearResult(message) {
  resultBox.replaceChildren(element("p", message, { class: "lon-hint" }));
  for (const key of ["level", "route", "brag", "emergency"]) delete resultBox.dataset[key];
  summaryBox.value = "";
  $("lon-summary-print").textContent = "";
}

function update() {
  const state = readForm();
  const stop = state.answers.immediate_risk === "yes";
  $("lon-stop").hidden = !stop;
  $("lon-after-risk").hidden = stop;
  $("lon-override").hidden = !$("override").checked;
  if (!ready) return;
  if (problems(state).length) return; // shown when the field is left (see "change" below)
  const asked = ++requestId;
  engine.request("evaluate", state).then(
    // Only the newest answer is shown: an older one may arrive after it.
    (answer) => { if (asked === requestId) showResult(answer.result, answer.summary); },
    (error) => { if (asked === requestId && ready) clearResult(error.message); },
  );
}

// ---- Starting the engine ----------------------------------------------------------------

function fallback(reason) {
  ready = false;
  status.textContent = "The checker could not start. You can still use the guidance below.";
  $("lon-fallback-reason").textContent = reason;
  $("lon-fallback").hidden = false;
  form.dataset.engine = "failed";
}

form.dataset.engine = "loading";
const engine = startEngine({
  version: $("lon-thresholds-version").textContent,
  onProgress(loaded, total) { status.textContent = progressText(loaded, total); },
  onReady({ networkLocked, networkClosed, networkOpen, started, wasmBytes }) {
    performance.mark("lon-python-ready", { detail: { started, wasmBytes } }); // read by `make bench`
    ready = true;
    form.dataset.engine = "ready";
    form.dataset.networkLocked = networkLocked;
    form.dataset.started = started; // "snapshot" or "plain": how Python started
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
  const link = element("a", undefined, { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

$("lon-copy").addEventListener("click", async () => {
  if (!summaryBox.value) { announce("There is no summary to copy yet."); return; }
  try {
    await navigator.clipboard.writeText(summaryBox.value);
    announce("Summary copied.");
  } catch {
    summaryBox.select();
    announce("Copying was not allowed. The summary is selected: press Control and C to copy it.");
  }
});
$("lon-download").addEventListener("click", () => {
  if (summaryBox.value) download("referral-summary.txt", "text/plain;charset=utf-8", summaryBox.value);
  announce(summaryBox.value ? "Summary downloaded." : "There is no summary to download yet.");
});
$("lon-print").addEventListener("click", () => window.print());
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
