// newsevents web page. Plain JS, no libraries. All article text and event fields are put in
// the page with textContent, never innerHTML, so an article holding <script> shows it as text.
"use strict";

const $ = (selector) => document.querySelector(selector);
const el = (tag, props = {}, children = []) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
};
const SVG = "http://www.w3.org/2000/svg";
const svgEl = (tag, attrs = {}) => {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
};
const SKIPPED = "skipped:";
const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const QUAD_COLOURS = { 1: "#2e7d32", 2: "#1565c0", 3: "#ef6c00", 4: "#c62828" };

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body.error && body.error.message) || response.statusText);
  return body;
}

// ---- views -----------------------------------------------------------------------------
for (const button of document.querySelectorAll("header nav button")) {
  button.addEventListener("click", () => {
    for (const other of document.querySelectorAll("header nav button")) other.classList.remove("active");
    button.classList.add("active");
    for (const view of ["view-code", "view-explore"]) $("#" + view).classList.toggle("hidden", view !== button.dataset.view);
    if (button.dataset.view === "view-explore") loadExplore(); // explore.js
    else history.replaceState(null, "", location.pathname);
  });
}

// ---- tooltip ---------------------------------------------------------------------------
const tooltip = $("#tooltip");
function showTooltip(target, rows) {
  tooltip.replaceChildren(el("dl", {}, rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v ?? "—" })])));
  const box = target.getBoundingClientRect();
  tooltip.classList.remove("hidden");
  // Kept inside the window, so a narrow screen never scrolls sideways for it.
  const left = Math.max(0, Math.min(box.left, document.documentElement.clientWidth - tooltip.offsetWidth - 4));
  tooltip.style.left = `${window.scrollX + left}px`;
  tooltip.style.top = `${window.scrollY + box.bottom + 6}px`;
}
document.addEventListener("click", (e) => { if (!e.target.closest(".trigger, .actor")) tooltip.classList.add("hidden"); });

const actorLabel = (a) => (a ? `${a.code || "?"} (${a.text})` : "—");
// Casualty and arrest counts (issue 15): "at least 20" reads 20+, "dozens" 24–99.
const COUNT_KINDS = ["killed", "injured", "arrested"];
const countLabel = (c) => `${c.min === c.max ? c.min : c.max == null ? `${c.min}+` : `${c.min}–${c.max}`} ("${c.text}")`;
const countRows = (attributes) => COUNT_KINDS.filter((k) => attributes && attributes[k]).map((k) => [k, countLabel(attributes[k])]);
function eventRows(ev) {
  const loc = ev.location ? `${ev.location.name}, ${ev.location.country}` : null;
  return [
    ["event", `${ev.cameo.code} ${ev.cameo.name}`],
    ["PLOVER", [ev.plover.type, ev.plover.mode].filter(Boolean).join(" / ")],
    ["source", actorLabel(ev.source)], ["target", actorLabel(ev.target)],
    ["date", `${ev.date || "—"} (${ev.date_source || "—"})`], ["location", loc],
    ["rule", ev.evidence.rule], ["Goldstein / QuadClass", `${ev.cameo.goldstein} / ${ev.cameo.quad_class}`],
    ["confidence", String(ev.confidence)], ...countRows(ev.attributes),
  ];
}

// ---- code an article ---------------------------------------------------------------------
$("#code-button").addEventListener("click", codeArticle);

async function codeArticle() {
  const text = $("#input-text").value, url = $("#input-url").value.trim(), date = $("#input-date").value;
  const body = url ? { url } : /^\s*</.test(text) ? { html: text } : { text };
  if (date) body.date = date;
  $("#code-status").textContent = "coding…";
  try {
    const result = await api("/v1/code", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    renderArticle(result);
    $("#code-status").textContent = `${count(result.events.length, "event")}, ${count(result.mentions.length, "actor mention")}`;
  } catch (err) {
    $("#code-status").textContent = "";
    // An article in another language is skipped, not an error, as on the command line (issue 13).
    const skipped = err.message.startsWith(SKIPPED);
    const text = skipped ? `Skipped: ${err.message.slice(SKIPPED.length).trim()}` : `Error: ${err.message}`;
    $("#article").replaceChildren(el("p", { class: skipped ? "notice" : "error", text }));
    $("#code-table tbody").replaceChildren();
  }
}

function renderArticle(result) {
  const text = result.document.text;
  // Each character knows the highlight it belongs to; triggers win over actor spans.
  const marks = new Array(text.length).fill(null);
  for (const m of result.mentions) for (let i = m.span[0]; i < m.span[1] && i < text.length; i++) marks[i] = { kind: "actor", item: m };
  result.events.forEach((ev, n) => {
    const [s, e] = ev.evidence.trigger_span;
    for (let i = s; i < e && i < text.length; i++) marks[i] = { kind: "trigger", item: ev, n };
  });
  const article = $("#article");
  article.replaceChildren();
  if (result.document.title) article.append(el("h2", { text: result.document.title }));
  let i = 0;
  while (i < text.length) {
    const mark = marks[i];
    let j = i + 1;
    while (j < text.length && marks[j] && mark && marks[j].item === mark.item) j++;
    if (!mark) { while (j < text.length && !marks[j]) j++; article.append(document.createTextNode(text.slice(i, j))); }
    else if (mark.kind === "trigger") {
      const ev = mark.item;
      const span = el("span", { class: `trigger q${ev.cameo.quad_class}`, text: text.slice(i, j), "data-event": String(mark.n), tabindex: "0" });
      span.addEventListener("mouseenter", () => showTooltip(span, eventRows(ev)));
      span.addEventListener("click", () => showTooltip(span, eventRows(ev)));
      article.append(span);
    } else {
      const m = mark.item;
      const span = el("span", { class: m.code ? "actor" : "actor uncoded", text: text.slice(i, j) });
      span.addEventListener("mouseenter", () => showTooltip(span, [["actor", m.code || "unresolved"], ["name", m.name], ["rule", m.rule], ["sectors", m.sectors.join(", ")]]));
      article.append(span);
    }
    i = j;
  }
  const rows = result.events.map((ev) => el("tr", {}, [
    el("td", { text: ev.source.code }), el("td", { text: `${ev.cameo.code} ${ev.cameo.name}` }),
    el("td", { text: ev.target ? ev.target.code : "—" }), el("td", { text: ev.evidence.trigger }),
    el("td", { text: String(ev.confidence) }),
  ]));
  $("#code-table tbody").replaceChildren(...(rows.length ? rows : [el("tr", {}, [el("td", { colspan: "5", class: "muted", text: "no events" })])]));
}

api("/v1/health").then((h) => { $("#server-info").textContent = `v${h.version}${h.database ? " · database" : " · coding only"}`; }).catch(() => {});
