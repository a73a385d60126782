// Presenter view: one fictional scenario at a time for a projector, a room tally and its chart.
// Keys: ArrowRight/PageDown next, ArrowLeft/PageUp previous, R reveal, F full screen; in a tally box,
// Enter or Escape gives the keys back to the slides.
// The tally lives in this page's memory only: nothing is stored or sent.
const $ = (id) => document.getElementById(id);
const presenter = $("lon-presenter");
const slides = [...document.querySelectorAll(".lon-slide")];
let index = 0;

function show(next) {
  index = Math.max(0, Math.min(slides.length - 1, next));
  slides.forEach((slide, n) => { slide.hidden = n !== index; });
  $("lon-slide-count").textContent = `Scenario ${index + 1} of ${slides.length}`;
  presenter.dataset.slide = index + 1;
  syncReveal();
}

function revealed() {
  return !slides[index].querySelector(".lon-reveal").hidden;
}

function setRevealed(on) {
  slides[index].querySelector(".lon-reveal").hidden = !on;
  drawChart(slides[index]);
  syncReveal();
}

function syncReveal() {
  const on = revealed();
  presenter.dataset.revealed = on;
  slides[index].dataset.revealed = on;
  $("lon-reveal").setAttribute("aria-pressed", on);
  $("lon-reveal").textContent = on ? "Hide the answer" : "Reveal the answer";
}

// The room's spread as bars, one for each answer the checker can give (a level and its route), with
// the answer key's routes marked once it is revealed.
function drawChart(slide) {
  const rows = [...slide.querySelectorAll(".lon-tally-row")];
  const counts = new Map(rows.map((row) => {
    const value = Number.parseInt(row.querySelector("input").value, 10);
    return [row, Number.isFinite(value) && value > 0 ? Math.min(value, 999) : 0];
  }));
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const most = Math.max(1, ...counts.values());
  const accepted = slide.dataset.routes.split(" ");
  const on = !slide.querySelector(".lon-reveal").hidden;
  for (const row of rows) {
    const count = counts.get(row);
    const share = total ? Math.round((100 * count) / total) : 0;
    row.querySelector(".lon-chart-fill").style.width = `${(100 * count) / most}%`;
    row.querySelector(".lon-chart-value").textContent = `${count} ${count === 1 ? "hand" : "hands"}${total ? ` (${share}%)` : ""}`;
    row.dataset.count = count;
    const isKey = on && accepted.includes(row.dataset.route);
    row.querySelector(".lon-chart-guidance").hidden = !isKey;
    row.classList.toggle("lon-chart-row--guidance", isKey);
  }
}

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else if (presenter.requestFullscreen) presenter.requestFullscreen().catch(() => {});
}

// Captured on window, and stopped, so that the theme's own shortcuts (F and S open its search)
// never see the presenter's keys.
window.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const box = event.target.closest("input, select, textarea");
  if (box) {
    // Typing a tally keeps its own keys; Enter or Escape hands the keys back to the slides.
    if (box.closest(".lon-tally") && (event.key === "Enter" || event.key === "Escape")) {
      event.preventDefault();
      presenter.focus();
    }
    return;
  }
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const actions = {
    ArrowRight: () => show(index + 1),
    PageDown: () => show(index + 1),
    ArrowLeft: () => show(index - 1),
    PageUp: () => show(index - 1),
    r: () => setRevealed(!revealed()),
    f: toggleFullscreen,
  };
  if (!actions[key]) return;
  event.preventDefault();
  event.stopPropagation();
  actions[key]();
}, true);
for (const form of document.querySelectorAll(".lon-tally")) {
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", () => drawChart(form.closest(".lon-slide")));
}
$("lon-previous").addEventListener("click", () => show(index - 1));
$("lon-next").addEventListener("click", () => show(index + 1));
$("lon-reveal").addEventListener("click", () => setRevealed(!revealed()));
$("lon-fullscreen").addEventListener("click", toggleFullscreen);
document.addEventListener("fullscreenchange", () => {
  presenter.dataset.fullscreen = Boolean(document.fullscreenElement);
  $("lon-fullscreen").textContent = document.fullscreenElement ? "Leave full screen" : "Full screen";
});
for (const form of document.querySelectorAll(".lon-tally")) form.reset();
slides.forEach(drawChart);
show(0);
