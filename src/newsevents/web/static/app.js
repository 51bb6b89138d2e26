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
    if (button.dataset.view === "view-explore") loadExplore();
  });
}

// ---- tooltip ---------------------------------------------------------------------------
const tooltip = $("#tooltip");
function showTooltip(target, rows) {
  tooltip.replaceChildren(el("dl", {}, rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v ?? "—" })])));
  const box = target.getBoundingClientRect();
  tooltip.style.left = `${window.scrollX + box.left}px`;
  tooltip.style.top = `${window.scrollY + box.bottom + 6}px`;
  tooltip.classList.remove("hidden");
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

// ---- explore -----------------------------------------------------------------------------
let offset = 0;
const PAGE = 25;

function filterParams() {
  const params = new URLSearchParams();
  for (const input of document.querySelectorAll("#filters input, #filters select")) {
    let value = input.value.trim();
    if (!value) continue;
    let name = input.name;
    if (name === "code" && value.length === 2) name = "root";
    params.set(name, value);
  }
  return params;
}

$("#filter-button").addEventListener("click", () => { offset = 0; loadExplore(); });
$("#prev-page").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); loadEvents(); });
$("#next-page").addEventListener("click", () => { offset += PAGE; loadEvents(); });

async function loadExplore() {
  try {
    const health = await api("/v1/health");
    if (!health.database) { $("#events-table tbody").replaceChildren(el("tr", {}, [el("td", { colspan: "7", class: "muted", text: "No database: start the server with --db FILE to explore stored events." })])); return; }
    await Promise.all([loadEvents(), loadTimeline(), loadDyads()]);
  } catch (err) { $("#page-info").textContent = `Error: ${err.message}`; }
}

async function loadEvents() {
  const params = filterParams();
  params.set("limit", String(PAGE)); params.set("offset", String(offset));
  const result = await api(`/v1/events?${params}`);
  const rows = result.events.map((ev) => el("tr", {}, [
    el("td", { text: ev.date || "" }), el("td", { text: ev.source_code || "" }),
    el("td", { text: `${ev.code} ${ev.name || ""}` }), el("td", { text: ev.target_code || "—" }),
    el("td", { text: ev.location_name ? `${ev.location_name}, ${ev.location_country || ""}` : "" }),
    el("td", { text: String(ev.num_mentions ?? "") }),
    el("td", {}, [el("a", { href: "#", text: "evidence", onclick: (e) => { e.preventDefault(); showEvent(ev.event_id); } })]),
  ]));
  $("#events-table tbody").replaceChildren(...rows);
  $("#page-info").textContent = result.events.length ? `${offset + 1}–${offset + result.events.length}` : "no events";
  $("#next-page").disabled = result.events.length < PAGE;
  $("#prev-page").disabled = offset === 0;
}

async function showEvent(id) {
  const ev = await api(`/v1/events/${encodeURIComponent(id)}`);
  const box = $("#event-detail");
  const items = (ev.mentions || []).map((m) => el("li", {}, [
    el("q", { text: m.sentence }), document.createTextNode(" "),
    // Only an http(s) URL (the API's link) becomes an href; any other URL is shown as text.
    m.link ? el("a", { href: m.link, rel: "noopener noreferrer", target: "_blank", text: "source" })
      : el("span", { class: "muted", text: m.url || m.doc_id }),
  ]));
  const counts = countRows(ev.attributes);
  const dl = counts.length ? [el("dl", {}, counts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]))] : [];
  box.replaceChildren(el("h3", { text: `${ev.source_code || "?"} ${ev.code} ${ev.name || ""} ${ev.target_code || ""}` }), ...dl, el("ul", {}, items));
  box.classList.remove("hidden");
}

async function loadTimeline() {
  const result = await api(`/v1/stats/timeline?${filterParams()}`);
  const svg = $("#timeline"); svg.replaceChildren();
  const days = result.days || [];
  if (!days.length) { svg.appendChild(svgEl("text", { x: 10, y: 20 })).textContent = "no events"; return; }
  const W = +svg.getAttribute("width"), H = +svg.getAttribute("height"), pad = 30;
  const max = Math.max(...days.map((d) => d.total));
  const bw = (W - 2 * pad) / days.length;
  days.forEach((d, i) => {
    let y = H - pad;
    for (const q of [1, 2, 3, 4]) {
      const h = ((d[`quad${q}`] || 0) / max) * (H - 2 * pad);
      y -= h;
      svg.append(svgEl("rect", { x: pad + i * bw, y, width: Math.max(bw - 1, 1), height: h, fill: QUAD_COLOURS[q] }));
    }
  });
  const gy = (g) => pad + ((10 - g) / 20) * (H - 2 * pad);
  const points = days.map((d, i) => `${pad + i * bw + bw / 2},${gy(d.goldstein ?? 0)}`).join(" ");
  svg.append(svgEl("polyline", { points, fill: "none", stroke: "#111", "stroke-width": 1.5 }));
  svg.append(svgEl("line", { x1: pad, y1: gy(0), x2: W - pad, y2: gy(0), stroke: "#aaa", "stroke-dasharray": "3 3" }));
  const first = svg.appendChild(svgEl("text", { x: pad, y: H - 8 })); first.textContent = days[0].date;
  const last = svg.appendChild(svgEl("text", { x: W - pad - 60, y: H - 8 })); last.textContent = days[days.length - 1].date;
  const top = svg.appendChild(svgEl("text", { x: 2, y: pad })); top.textContent = String(max);
}

async function loadDyads() {
  const result = await api(`/v1/stats/dyads?${filterParams()}&limit=15`);
  const svg = $("#network"); svg.replaceChildren();
  const dyads = result.dyads || [];
  if (!dyads.length) { svg.appendChild(svgEl("text", { x: 10, y: 20 })).textContent = "no dyads"; return; }
  const W = +svg.getAttribute("width"), H = +svg.getAttribute("height"), R = Math.min(W, H) / 2 - 40;
  const nodes = [...new Set(dyads.flatMap((d) => [d.source, d.target]))];
  const pos = Object.fromEntries(nodes.map((n, i) => [n, [W / 2 + R * Math.cos((2 * Math.PI * i) / nodes.length), H / 2 + R * Math.sin((2 * Math.PI * i) / nodes.length)]]));
  const maxCount = Math.max(...dyads.map((d) => d.count));
  for (const d of dyads) {
    const [x1, y1] = pos[d.source], [x2, y2] = pos[d.target];
    const colour = d.goldstein >= 0 ? QUAD_COLOURS[1] : QUAD_COLOURS[4];
    const line = svgEl("line", { x1, y1, x2, y2, stroke: colour, "stroke-width": 1 + (4 * d.count) / maxCount, opacity: 0.7 });
    const title = svgEl("title"); title.textContent = `${d.source} → ${d.target}: ${d.count} events, mean Goldstein ${d.goldstein}`;
    line.append(title); svg.append(line);
  }
  for (const n of nodes) {
    const [x, y] = pos[n];
    svg.append(svgEl("circle", { cx: x, cy: y, r: 5, fill: "#263238" }));
    const label = svg.appendChild(svgEl("text", { x: x + 7, y: y + 4 })); label.textContent = n;
  }
}

api("/v1/health").then((h) => { $("#server-info").textContent = `v${h.version}${h.database ? " · database" : " · coding only"}`; }).catch(() => {});
