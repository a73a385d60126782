// Training practice: a learner works a fictional scenario blind, commits, then reveals.
// The debrief (whether the answer matches, what differs, and why) is computed by the same Python checker
// as /check/; this page only shows what Python returned, in the words Python and the template give it.
// Choices stay in this page's memory: no storage, no URL, no request.
import { showProgress, startEngine } from "./engine.js";

const $ = (id) => document.getElementById(id);
const form = $("lon-practice");
const choice = $("lon-scenario-choice");
const debriefBox = $("lon-debrief");
const status = $("lon-status");
let ready = false;
let asked = 0;

const current = () => choice.value;
const announce = (text) => { $("lon-announce").textContent = ""; setTimeout(() => { $("lon-announce").textContent = text; }, 50); };

function readChoices() {
  const answers = {};
  for (const radio of form.querySelectorAll("input[type=radio]:checked")) {
    if (radio.name !== "committed") answers[radio.name] = radio.value;
  }
  return {
    indicators: [...form.querySelectorAll("input[name='indicator']:checked")].map((box) => box.value),
    answers,
  };
}

function committedRoute() {
  const radio = form.querySelector("input[name='committed']:checked");
  return radio ? radio.value : null;
}

function showCommitError(show) {
  $("lon-error-summary").hidden = !show;
  $("committed-error").hidden = !show;
  if (show) $("lon-error-summary").focus();
}

// ---- Showing a scenario -------------------------------------------------------------------

// On a narrow screen the case is read in full above the choices; "Read the case again" brings it
// back into view, from its title, wherever the learner is.
$("lon-case-again").addEventListener("click", () => {
  const title = $(`title-${current()}`);
  title.setAttribute("tabindex", "-1");
  title.closest("article").scrollIntoView({ block: "start" });
  title.focus({ preventScroll: true });
});

// The case is a Tab stop only where it scrolls on its own (a wide screen's column, no taller than the
// screen): there the keyboard scrolls it. In the page's flow (a phone, zoom) it is taller than the screen,
// where no focus on it could be seen whole, and the page's own scrolling reads it.
const caseBox = document.querySelector(".lon-practice-case");
function caseTakesFocusWhereItScrolls() {
  if (caseBox.scrollHeight > caseBox.clientHeight + 1) caseBox.setAttribute("tabindex", "0");
  else caseBox.removeAttribute("tabindex");
}
if (caseBox) {
  caseTakesFocusWhereItScrolls();
  window.addEventListener("resize", caseTakesFocusWhereItScrolls);
}

function showScenario(id, { focus = false } = {}) {
  for (const article of document.querySelectorAll(".lon-scenario")) article.hidden = article.dataset.scenario !== id;
  choice.value = id;
  resetAnswer();
  if (caseBox) caseTakesFocusWhereItScrolls(); // another scenario's story, longer or shorter
  if (focus) focusTitle();
}

function focusTitle() {
  const title = $(`title-${current()}`);
  title.setAttribute("tabindex", "-1");
  title.focus();
}

function resetAnswer() {
  form.reset(); // the scenario chooser is outside the form, so it stays
  showCommitError(false);
  debriefBox.hidden = true;
  clearOutcome();
  $("lon-differences").replaceChildren();
}

// ---- The reveal -----------------------------------------------------------------------------

function item(text, attributes = {}) {
  const li = document.createElement("li");
  li.textContent = text;
  for (const [key, value] of Object.entries(attributes)) li.setAttribute(key, value);
  return li;
}

// The answer key as the build wrote it (it shows without the checker too), beside the answer committed,
// in the words of its own button.
function showStaticAnswer(committed) {
  const answer = document.querySelector(`.lon-answer[data-scenario="${current()}"]`);
  for (const block of document.querySelectorAll(".lon-answer")) block.hidden = block !== answer;
  $("lon-expected").textContent = answer.dataset.label;
  $("lon-committed").textContent = $(`committed-${committed}`).nextElementSibling.textContent;
}

// Whether the answer matches, and each difference (or that there is none): Python's.
function showDebrief(debrief) {
  debriefBox.dataset.outcome = debrief.outcome;
  $("lon-outcome").textContent = debrief.outcome_text;
  $("lon-yours").textContent = debrief.yours_label;
  const list = $("lon-differences");
  list.replaceChildren(...debrief.differences.map((difference) =>
    item(difference.text, { "data-kind": difference.kind, "data-id": difference.id })));
  if (debrief.nothing_differs) list.append(item(debrief.nothing_differs, { "data-kind": "none" }));
}

function clearOutcome() {
  delete debriefBox.dataset.outcome;
  $("lon-outcome").textContent = "";
}

async function reveal() {
  const committed = committedRoute();
  if (!committed) { showCommitError(true); return; }
  showCommitError(false);
  showStaticAnswer(committed);
  clearOutcome();
  $("lon-differences").replaceChildren();
  debriefBox.hidden = false;
  debriefBox.focus();
  if (!ready) {
    $("lon-differences").append(item($("lon-differences").dataset.noEngine));
    return;
  }
  const id = ++asked;
  try {
    const { debrief } = await engine.request("debrief", { scenario: current(), choices: readChoices(), committed });
    if (id === asked) showDebrief(debrief);
  } catch (error) {
    if (id === asked) $("lon-differences").replaceChildren(item(`${$("lon-differences").dataset.failed} ${error.message}`));
  }
}

// ---- Wiring ------------------------------------------------------------------------------------

form.dataset.engine = "loading";
const engine = startEngine({
  version: $("lon-thresholds-version").textContent,
  onProgress(progress) { showProgress(status, progress); },
  onReady() {
    ready = true;
    form.dataset.engine = "ready";
    status.textContent = status.dataset.ready;
  },
  onFailed(reason) {
    ready = false;
    form.dataset.engine = "failed";
    status.textContent = $("lon-fallback").dataset.status;
    $("lon-fallback-reason").textContent = reason;
    $("lon-fallback").hidden = false;
  },
});

form.addEventListener("submit", (event) => { event.preventDefault(); reveal(); });
form.addEventListener("change", (event) => { if (event.target.name === "committed") showCommitError(false); });
$("lon-error-summary").querySelector("a").addEventListener("click", (event) => {
  event.preventDefault();
  form.querySelector("input[name='committed']").focus();
});
choice.addEventListener("change", () => {
  showScenario(choice.value);
  history.replaceState(null, "", `#${choice.value}`); // the scenario's id only: never anything chosen
  announce(`${choice.labels[0].textContent}: ${choice.options[choice.selectedIndex].text}`); // "Scenario: 2. Its title"
});
$("lon-try-again").addEventListener("click", () => {
  resetAnswer();
  focusTitle();
  announce($("lon-try-again").dataset.cleared);
});
$("lon-next").addEventListener("click", () => {
  const next = (choice.selectedIndex + 1) % choice.options.length;
  showScenario(choice.options[next].value, { focus: true });
  history.replaceState(null, "", `#${choice.value}`);
});
window.addEventListener("pageshow", (event) => { if (event.persisted) resetAnswer(); });

const linked = decodeURIComponent(location.hash.slice(1));
showScenario([...choice.options].some((option) => option.value === linked) ? linked : choice.options[0].value);
