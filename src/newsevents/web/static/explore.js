// The Explore view: filters kept in the URL, a time axis with every day, a world map, the dyad
// network, alerts and the event table with its evidence. Plain JS and SVG, no libraries, nothing
// from outside this server. Uses $, el, svgEl, api, count, showTooltip and QUAD_COLOURS from app.js.
// Text from the store goes in with textContent only.
"use strict";

const PAGE = 25;
const DOWNLOAD_LIMIT = 1000; // the API's largest page
const DAY = 86400000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FILTERS = ["actor", "source", "target", "code", "quad", "since", "until", "country", "text"];
let offset = 0;
let sort = "";
let mapData = null;
let countryNames = {};

const parseDay = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
const isoDay = (t) => new Date(t).toISOString().slice(0, 10);
const fmt = (n) => n.toLocaleString("en");
const input = (name) => document.querySelector(`#filters [name="${name}"]`);

// ---- filters and the URL ---------------------------------------------------------------------
// The URL holds the form's values (as typed), the sort and the page, so a view can be shared.
function formValues() {
  const params = new URLSearchParams();
  for (const name of FILTERS) { const value = input(name).value.trim(); if (value) params.set(name, value); }
  return params;
}

// The API's parameters: a two-digit "code or root" is a root code.
function filterParams() {
  const params = formValues();
  const code = params.get("code");
  if (code && code.length === 2) { params.delete("code"); params.set("root", code); }
  return params;
}

function writeUrl(push) {
  const params = formValues();
  if (sort) params.set("sort", sort);
  if (offset) params.set("offset", String(offset));
  params.set("view", "explore");
  const url = `${location.pathname}?${params}`;
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) input(name).value = params.get(name) || (name === "code" ? params.get("root") || "" : "");
  sort = params.get("sort") || "";
  offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  return params.get("view") === "explore" || FILTERS.some((name) => params.has(name));
}

function applyFilters() {
  offset = 0;
  closeEvidence();
  writeUrl(true);
  loadExplore();
}

// Set some filters (an empty value clears one) and reload everything.
function setFilter(changes) {
  for (const [name, value] of Object.entries(changes)) input(name).value = value ?? "";
  applyFilters();
}

$("#filters").addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
$("#clear-button").addEventListener("click", () => { for (const name of FILTERS) input(name).value = ""; applyFilters(); });
$("#prev-page").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); writeUrl(true); loadEvents(); });
$("#next-page").addEventListener("click", () => { offset += PAGE; writeUrl(true); loadEvents(); });
for (const button of document.querySelectorAll("#events-table th button")) {
  button.addEventListener("click", () => {
    const key = button.dataset.sort;
    sort = sort === key ? `-${key}` : key;
    offset = 0;
    writeUrl(true);
    loadEvents();
  });
}
window.addEventListener("popstate", () => {
  if (readUrl()) { showExploreTab(); loadExplore(); } else $("#tab-code").click();
});

function showExploreTab() {
  for (const button of document.querySelectorAll("header nav button")) button.classList.toggle("active", button.id === "tab-explore");
  $("#view-code").classList.add("hidden");
  $("#view-explore").classList.remove("hidden");
}

// ---- loading -------------------------------------------------------------------------------
async function loadExplore() {
  writeUrl(false);
  let health;
  try { health = await api("/v1/health"); } catch (err) { $("#page-info").textContent = `Error: ${err.message}`; return; }
  if (!health.database) {
    $("#events-table tbody").replaceChildren(el("tr", {}, [el("td", { colspan: "7", class: "muted", text: "No database: start the server with --db FILE to explore stored events." })]));
    return;
  }
  if (!mapData) {
    mapData = await api("/v1/map/countries");
    countryNames = Object.fromEntries(mapData.countries.map((c) => [c.code, c.name]));
  }
  const summary = api(`/v1/stats/summary?${filterParams()}`);
  const parts = [loadEvents(summary), loadSummary(summary), loadTimeline(), loadDyads(), loadMap(summary), loadAlerts()];
  const results = await Promise.allSettled(parts);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) $("#page-info").textContent = `Error: ${failed.reason.message}`;
}

// ---- summary: total, downloads, counts by root code -------------------------------------------
async function loadSummary(summaryPromise) {
  const summary = await summaryPromise;
  $("#total").textContent = count(summary.total, "event");
  const params = filterParams();
  if (sort) params.set("sort", sort);
  params.set("limit", String(DOWNLOAD_LIMIT));
  for (const format of ["csv", "parquet"]) {
    params.set("format", format);
    $(`#download-${format}`).href = `/v1/events?${params}`;
  }
  $("#download-note").textContent = summary.total > DOWNLOAD_LIMIT
    ? `(the first ${fmt(DOWNLOAD_LIMIT)}; \`newsevents query --format csv --limit N\` with these filters gives more)` : "";
  const chips = summary.roots.map((r) => el("button", {
    class: "chip", type: "button", title: `filter to root ${r.root}`, "data-root": r.root || "",
    text: `${r.root || "?"} ${r.name || ""}: ${fmt(r.count)}`, onclick: () => r.root && setFilter({ code: r.root }),
  }));
  $("#roots").replaceChildren(...chips);
}

// ---- the table -------------------------------------------------------------------------------
const actorName = (code, name) => name || (code ? countryNames[code.slice(0, 3)] || "" : "");

function filterLink(text, title, changes) {
  return el("button", { class: "link", type: "button", title, text, onclick: () => setFilter(changes) });
}

function actorCell(code, name) {
  if (!code) return el("td", { text: "—" });
  const shown = actorName(code, name);
  return el("td", {}, [filterLink(code, `filter to actor ${code}`, { actor: code, source: "", target: "" }),
    ...(shown ? [el("span", { class: "name", text: ` ${shown}` })] : [])]);
}

async function loadEvents(summaryPromise) {
  const params = filterParams();
  params.set("limit", String(PAGE)); params.set("offset", String(offset));
  if (sort) params.set("sort", sort);
  const [result, summary] = await Promise.all([api(`/v1/events?${params}`),
    summaryPromise || api(`/v1/stats/summary?${filterParams()}`)]);
  const rows = result.events.map((ev) => el("tr", { "data-event": ev.event_id }, [
    el("td", { text: ev.date || "" }),
    actorCell(ev.source_code, ev.source_name),
    el("td", {}, [filterLink(ev.code, `filter to code ${ev.code}`, { code: ev.code }), el("span", { class: "name", text: ` ${ev.name || ""}` })]),
    actorCell(ev.target_code, ev.target_name),
    el("td", {}, ev.location_name ? [filterLink(`${ev.location_name}, ${ev.location_country || ""}`,
      `filter to events located in ${ev.location_country}`, { country: ev.location_country || "" })] : []),
    el("td", { text: String(ev.num_mentions ?? "") }),
    el("td", {}, [el("button", { class: "link evidence", type: "button", text: "evidence", onclick: (e) => showEvent(ev.event_id, e.target.closest("tr")) })]),
  ]));
  $("#events-table tbody").replaceChildren(...rows);
  const total = summary.total;
  $("#page-info").textContent = result.events.length ? `${fmt(offset + 1)}–${fmt(offset + result.events.length)} of ${fmt(total)}` : "no events";
  $("#next-page").disabled = offset + result.events.length >= total;
  $("#prev-page").disabled = offset === 0;
  for (const button of document.querySelectorAll("#events-table th button")) {
    const key = button.dataset.sort;
    button.dataset.order = sort === key ? "asc" : sort === `-${key}` ? "desc" : "";
    button.parentElement.setAttribute("aria-sort", sort === key ? "ascending" : sort === `-${key}` ? "descending" : "none");
  }
}

// The evidence opens in a row right under the event's row, scrolled into view; it closes when
// the filters change (the table is redrawn) or with its close button.
function closeEvidence() { for (const row of document.querySelectorAll("#events-table .evidence-row")) row.remove(); }

async function showEvent(id, row) {
  closeEvidence();
  const cell = el("td", { colspan: "7" }, [el("div", { id: "event-detail", class: "evidence-panel", text: "loading…" })]);
  const detailRow = el("tr", { class: "evidence-row" }, [cell]);
  row.after(detailRow);
  const box = $("#event-detail");
  try {
    const ev = await api(`/v1/events/${encodeURIComponent(id)}`);
    const items = (ev.mentions || []).map((m) => el("li", {}, [
      el("q", { text: m.sentence }), document.createTextNode(" "),
      // Only an http(s) URL (the API's link) becomes an href; any other URL is shown as text.
      m.link ? el("a", { href: m.link, rel: "noopener noreferrer", target: "_blank", text: m.title || "source" })
        : el("span", { class: "muted", text: m.url || m.doc_id }),
      el("span", { class: "muted", text: ` · trigger “${m.trigger}”, rule ${m.rule}` }),
    ]));
    const counts = countRows(ev.attributes);
    const dl = counts.length ? [el("dl", {}, counts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]))] : [];
    const title = `${ev.source_code || "?"} ${ev.code} ${ev.name || ""} ${ev.target_code || ""} · ${ev.date || "undated"}`;
    box.replaceChildren(
      el("button", { class: "close", type: "button", title: "close", "aria-label": "close the evidence", text: "×", onclick: closeEvidence }),
      el("h3", { text: title }), ...dl, el("ul", {}, items));
  } catch (err) {
    box.replaceChildren(el("p", { class: "error", text: `Error: ${err.message}` }));
  }
  detailRow.scrollIntoView({ block: "nearest" });
}

// ---- the time axis ---------------------------------------------------------------------------
// GET /v1/trends gives every day (or week) of the range, empty ones with count 0. A server
// without it: /v1/stats/timeline, with the empty days filled in here.
async function fetchSeries() {
  const params = filterParams();
  if (params.has("quad")) params.set("quad_class", params.get("quad"));
  params.set("interval", "day");
  const response = await fetch(`/v1/trends?${params}`);
  if (response.status === 404) return { interval: "day", series: fillDays(await api(`/v1/stats/timeline?${filterParams()}`)) };
  let body = await response.json();
  // Over two years of days, weeks read better (and the bars stay wider than a pixel); a range
  // too long to count by day (400) is counted by week.
  if (response.status === 400 || (response.ok && body.series.length > 731)) {
    params.set("interval", "week");
    return api(`/v1/trends?${params}`);
  }
  if (!response.ok) throw new Error((body.error && body.error.message) || response.statusText);
  return body;
}

function fillDays(timeline) {
  const days = timeline.days || [];
  if (!days.length) return [];
  const known = Object.fromEntries(days.map((d) => [d.date, d]));
  const first = parseDay(input("since").value || days[0].date), last = parseDay(input("until").value || days[days.length - 1].date);
  const series = [];
  for (let t = first; t <= last; t += DAY) {
    const d = known[isoDay(t)];
    series.push({ period: isoDay(t), count: d ? d.total : 0, goldstein_mean: d ? d.goldstein ?? null : null });
  }
  return series;
}

// Ticks at whole days, weeks (Mondays), months or years, the finest that leaves room for labels.
function timeTicks(t0, t1, maxTicks) {
  const spanDays = (t1 - t0) / DAY;
  const steps = [[1, "day"], [2, "day"], [7, "day"], [14, "day"], [1, "month"], [2, "month"], [3, "month"], [6, "month"],
    [1, "year"], [2, "year"], [5, "year"], [10, "year"], [50, "year"]];
  const length = { day: 1, month: 30.44, year: 365.25 };
  const [n, unit] = steps.find(([k, u]) => spanDays / (k * length[u]) <= maxTicks) || steps[steps.length - 1];
  const ticks = [];
  const start = new Date(t0);
  if (unit === "day") {
    let t = t0;
    if (n >= 7) while (new Date(t).getUTCDay() !== 1) t += DAY; // weeks start on Monday
    for (; t <= t1; t += n * DAY) ticks.push({ t, unit: n >= 7 ? "week" : "day" });
  } else if (unit === "month") {
    let y = start.getUTCFullYear(), m = start.getUTCMonth();
    for (;;) {
      const t = Date.UTC(y, m, 1);
      if (t > t1) break;
      if (t >= t0 && m % n === 0) ticks.push({ t, unit });
      m += 1; if (m === 12) { m = 0; y += 1; }
    }
  } else {
    for (let y = start.getUTCFullYear(); Date.UTC(y, 0, 1) <= t1; y += 1) {
      const t = Date.UTC(y, 0, 1);
      if (t >= t0 && y % n === 0) ticks.push({ t, unit });
    }
  }
  let lastYear = null;
  for (const tick of ticks) {
    const d = new Date(tick.t), year = d.getUTCFullYear();
    if (tick.unit === "year") tick.label = String(year);
    else if (tick.unit === "month") tick.label = d.getUTCMonth() === 0 || lastYear === null ? `${MONTHS[d.getUTCMonth()]} ${year}` : MONTHS[d.getUTCMonth()];
    else tick.label = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}${lastYear !== year ? ` ${year}` : ""}`;
    lastYear = year;
  }
  return ticks;
}

async function loadTimeline() {
  const { interval, series } = await fetchSeries();
  $("#timeline-interval").textContent = interval;
  drawTimeline($("#timeline"), series, interval);
}

// Drawn at the box's own width in pixels, so its text stays readable on a phone.
let lastTimeline = null;
function drawTimeline(svg, series, interval) {
  lastTimeline = [series, interval];
  svg.replaceChildren();
  const W = Math.max(320, Math.round(svg.parentElement.clientWidth || 900));
  const [H, L, R, T, B] = [W < 600 ? 200 : 240, 40, 40, 24, 40];
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const plotBottom = H - B;
  if (!series.length || !series.some((d) => d.count)) {
    svg.appendChild(svgEl("text", { x: L, y: 40 })).textContent = "no dated events";
    return;
  }
  const step = interval === "week" ? 7 * DAY : DAY;
  const t0 = parseDay(series[0].period), t1 = parseDay(series[series.length - 1].period) + step;
  const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
  const max = Math.max(...series.map((d) => d.count));
  const y = (n) => plotBottom - (n / max) * (plotBottom - T);
  const g = (v) => T + ((10 - v) / 20) * (plotBottom - T);
  const axis = svg.appendChild(svgEl("g", { class: "axis" }));
  // Left axis: events; right axis: mean Goldstein, -10 to +10.
  for (const n of [...new Set([0, Math.round(max / 2), max])]) {
    axis.append(svgEl("line", { x1: L, x2: W - R, y1: y(n), y2: y(n), class: "grid" }));
    axis.appendChild(svgEl("text", { x: L - 6, y: y(n) + 4, "text-anchor": "end" })).textContent = fmt(n);
  }
  for (const v of [-10, -5, 0, 5, 10]) {
    axis.appendChild(svgEl("text", { x: W - R + 6, y: g(v) + 4, class: "goldstein-label" })).textContent = v > 0 ? `+${v}` : String(v);
  }
  axis.append(svgEl("line", { x1: L, x2: W - R, y1: g(0), y2: g(0), class: "zero" }));
  axis.appendChild(svgEl("text", { x: 4, y: 10, class: "axis-title" })).textContent = "events";
  axis.appendChild(svgEl("text", { x: W - 4, y: 10, class: "axis-title goldstein-label", "text-anchor": "end" })).textContent = "mean Goldstein";
  for (const tick of timeTicks(t0, t1 - step, Math.max(3, Math.floor(W / 95)))) {
    axis.append(svgEl("line", { x1: x(tick.t), x2: x(tick.t), y1: plotBottom, y2: plotBottom + 5, class: "tick" }));
    axis.appendChild(svgEl("text", { x: x(tick.t), y: plotBottom + 18, "text-anchor": "middle" })).textContent = tick.label;
  }
  axis.append(svgEl("line", { x1: L, x2: W - R, y1: plotBottom, y2: plotBottom, class: "baseline" }));
  const bars = svg.appendChild(svgEl("g", { class: "bars" }));
  const hits = svgEl("g", { class: "hits" });
  for (const d of series) {
    const t = parseDay(d.period), x0 = x(t), width = x(t + step) - x0;
    const gapless = width > 4 ? width - 1 : width;
    bars.append(svgEl("rect", { class: "bar", x: x0, y: y(d.count), width: gapless, height: plotBottom - y(d.count),
      "data-period": d.period, "data-count": d.count }));
    const hit = svgEl("rect", { x: x0, y: T, width, height: plotBottom - T, class: "hit" });
    const end = interval === "week" ? isoDay(t + 6 * DAY) : d.period;
    const label = interval === "week" ? `week of ${d.period}` : d.period;
    hit.addEventListener("mouseenter", () => showTooltip(hit, [[label, count(d.count, "event")],
      ["mean Goldstein", d.goldstein_mean == null ? "—" : String(Math.round(d.goldstein_mean * 100) / 100)]]));
    hit.addEventListener("mouseleave", () => $("#tooltip").classList.add("hidden"));
    hit.addEventListener("click", () => d.count && setFilter({ since: d.period, until: end }));
    hits.append(hit);
  }
  // The Goldstein line is broken where a period has no events (no mean to draw).
  let path = "";
  let run = [];
  const flush = () => {
    if (run.length === 1) svg.append(svgEl("circle", { cx: run[0][0], cy: run[0][1], r: 2.5, class: "goldstein-dot" }));
    else if (run.length) path += "M" + run.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join("L");
    run = [];
  };
  for (const d of series) {
    if (d.goldstein_mean == null) { flush(); continue; }
    run.push([x(parseDay(d.period) + step / 2), g(d.goldstein_mean)]);
  }
  flush();
  if (path) svg.append(svgEl("path", { d: path, class: "goldstein-line" }));
  svg.append(hits);
}

let resizeTimer = null;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { if (lastTimeline && !$("#view-explore").classList.contains("hidden")) drawTimeline($("#timeline"), ...lastTimeline); }, 150);
});

// ---- the map -------------------------------------------------------------------------------
// Sequential blue scale on log counts: a country with 1 event is visible beside one with 1,000.
function shade(n, max) {
  const f = Math.log1p(n) / Math.log1p(max);
  const [a, b] = [[227, 242, 253], [13, 71, 161]];
  return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * f)).join(",")})`;
}

async function loadMap(summaryPromise) {
  const [summary, places] = await Promise.all([summaryPromise, api(`/v1/stats/places?${filterParams()}&limit=400`)]);
  const svg = $("#map"); svg.replaceChildren();
  const counts = Object.fromEntries(summary.countries.map((c) => [c.country, c.count]));
  const max = Math.max(1, ...Object.values(counts));
  const selected = input("country").value.trim().toUpperCase();
  svg.append(svgEl("rect", { x: 0, y: 0, width: mapData.width, height: mapData.height, class: "sea" }));
  for (const c of mapData.countries) {
    const n = counts[c.code] || 0;
    const shape = svgEl("path", { d: c.path, class: `country${c.code === selected ? " selected" : ""}`, fill: n ? shade(n, max) : "#eceff1",
      "data-code": c.code, "data-count": n });
    shape.appendChild(svgEl("title")).textContent = `${c.name} (${c.code}): ${count(n, "event")}`;
    shape.addEventListener("click", () => setFilter({ country: c.code === selected ? "" : c.code }));
    svg.append(shape);
  }
  const extent = eventExtent(svg, places.places);
  // Dots keep their size on screen whatever the zoom.
  const scale = (mapWorld ? mapData.width : extent[2]) / mapData.width;
  const most = Math.max(1, ...places.places.map((p) => p.count));
  for (const p of places.places) {
    const dot = svgEl("circle", { cx: p.lon + 180, cy: mapData.north - p.lat, r: (1.1 + 2.4 * Math.sqrt(p.count / most)) * scale,
      class: "place", fill: QUAD_COLOURS[p.quad_class] || "#555", "data-country": p.country || "" });
    dot.appendChild(svgEl("title")).textContent = `${p.name || "?"}, ${p.country || "?"}: ${count(p.count, "event")}`;
    dot.addEventListener("click", () => p.country && setFilter({ country: p.country }));
    svg.append(dot);
  }
  lastExtent = extent;
  showExtent();
  const unmapped = summary.countries.filter((c) => !(c.country in countryNames)).length;
  $("#map-legend").replaceChildren(
    el("span", { class: "scale", style: `background:linear-gradient(90deg, ${shade(1, max)}, ${shade(max, max)})` }),
    document.createTextNode(` 1 – ${fmt(max)} events per country · ${count(places.places.length, "place")}`
      + (unmapped ? ` · ${unmapped} too small for this map` : "")));
}

// The map opens on the events: the box around the countries and places that have any (with a
// margin, at the map's own shape), or the whole world at a click on "whole world".
let mapWorld = false;
let lastExtent = null;
function eventExtent(svg, places) {
  const boxes = [...svg.querySelectorAll("path.country")].filter((p) => +p.dataset.count > 0).map((p) => p.getBBox());
  for (const p of places) boxes.push({ x: p.lon + 180, y: mapData.north - p.lat, width: 0, height: 0 });
  const [W, H] = [mapData.width, mapData.height];
  if (!boxes.length || boxes.some((b) => !Number.isFinite(b.x))) return [0, 0, W, H];
  let x0 = Math.min(...boxes.map((b) => b.x)) - 8, x1 = Math.max(...boxes.map((b) => b.x + b.width)) + 8;
  let y0 = Math.min(...boxes.map((b) => b.y)) - 8, y1 = Math.max(...boxes.map((b) => b.y + b.height)) + 8;
  let w = Math.max(x1 - x0, 50), h = Math.max(y1 - y0, 20);
  if (w / h > W / H) h = (w * H) / W; else w = (h * W) / H;
  if (w >= W || h >= H) return [0, 0, W, H];
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  x0 = Math.min(Math.max(0, cx - w / 2), W - w);
  y0 = Math.min(Math.max(0, cy - h / 2), H - h);
  return [x0, y0, w, h];
}

function showExtent() {
  const [x, y, w, h] = mapWorld || !lastExtent ? [0, 0, mapData.width, mapData.height] : lastExtent;
  $("#map").setAttribute("viewBox", `${x.toFixed(1)} ${y.toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}`);
  $("#map-zoom").textContent = mapWorld ? "zoom to the events" : "whole world";
}

$("#map-zoom").addEventListener("click", () => { mapWorld = !mapWorld; loadMap(api(`/v1/stats/summary?${filterParams()}`)); });

// ---- the dyad network ------------------------------------------------------------------------
async function loadDyads() {
  const result = await api(`/v1/stats/dyads?${filterParams()}&limit=15`);
  drawNetwork($("#network"), result.dyads || []);
}

function drawNetwork(svg, dyads) {
  svg.replaceChildren();
  if (!dyads.length) { svg.appendChild(svgEl("text", { x: 10, y: 20 })).textContent = "no dyads"; return; }
  const [W, H] = [520, 480];
  const [cx, cy, R] = [W / 2, H / 2, 145];
  const totals = {};
  for (const d of dyads) for (const code of [d.source, d.target]) totals[code] = (totals[code] || 0) + d.count;
  // Codes in alphabetical order round the circle, so an actor and its sectors (KEN, KENGOV) sit together.
  const nodes = Object.keys(totals).sort();
  const angle = (i) => -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
  const pos = Object.fromEntries(nodes.map((n, i) => [n, [cx + R * Math.cos(angle(i)), cy + R * Math.sin(angle(i))]]));
  const radius = (n) => 4 + 6 * Math.sqrt(totals[n] / Math.max(...Object.values(totals)));
  const defs = svg.appendChild(svgEl("defs"));
  for (const [q, colour] of Object.entries(QUAD_COLOURS)) {
    const marker = defs.appendChild(svgEl("marker", { id: `arrow-q${q}`, viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }));
    marker.append(svgEl("path", { d: "M0,0L10,5L0,10z", fill: colour }));
  }
  const maxCount = Math.max(...dyads.map((d) => d.count));
  const edges = svg.appendChild(svgEl("g", { class: "edges" }));
  const labels = svgEl("g", { class: "edge-labels" });
  for (const d of dyads) {
    const q = d.quad_class || (d.goldstein >= 0 ? 1 : 4);
    const [x1, y1] = pos[d.source], [x2, y2] = pos[d.target];
    let path, mid;
    if (d.source === d.target) { // a loop outside the circle
      const ux = (x1 - cx) / R, uy = (y1 - cy) / R, r0 = radius(d.source);
      const [ax, ay] = [x1 + ux * r0 - uy * 5, y1 + uy * r0 + ux * 5], [bx, by] = [x1 + ux * r0 + uy * 5, y1 + uy * r0 - ux * 5];
      path = `M${ax},${ay}C${ax + ux * 40 - uy * 20},${ay + uy * 40 + ux * 20} ${bx + ux * 40 + uy * 20},${by + uy * 40 - ux * 20} ${bx},${by}`;
      mid = [x1 + ux * (r0 + 30), y1 + uy * (r0 + 30)];
    } else {
      // Pulled toward the centre, away from the nodes and labels on the circle, and bent to the
      // left of its direction, so A→B and B→A are two arcs; ends stop at the node's rim, where
      // the arrow sits.
      const [dx, dy] = [x2 - x1, y2 - y1], len = Math.hypot(dx, dy);
      const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
      const [qx, qy] = [mx + (cx - mx) * 0.35 + dy * 0.12, my + (cy - my) * 0.35 - dx * 0.12];
      const trim = (px, py, r) => { const l = Math.hypot(qx - px, qy - py); return [px + ((qx - px) / l) * r, py + ((qy - py) / l) * r]; };
      const [sx, sy] = trim(x1, y1, radius(d.source) + 1), [ex, ey] = trim(x2, y2, radius(d.target) + 2);
      path = `M${sx.toFixed(1)},${sy.toFixed(1)}Q${qx.toFixed(1)},${qy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
      mid = [0.25 * sx + 0.5 * qx + 0.25 * ex, 0.25 * sy + 0.5 * qy + 0.25 * ey];
    }
    const title = `${d.source} → ${d.target}: ${count(d.count, "event")}, mean Goldstein ${d.goldstein ?? "—"}, mostly QuadClass ${q}`;
    const data = { "data-source": d.source, "data-target": d.target, "data-count": d.count };
    const filter = () => setFilter({ actor: "", source: d.source, target: d.target });
    const edge = svgEl("path", { d: path, class: `edge q${q}`, stroke: QUAD_COLOURS[q], "stroke-width": 1.2 + (5 * d.count) / maxCount,
      "marker-end": `url(#arrow-q${q})`, ...data });
    edge.appendChild(svgEl("title")).textContent = title;
    // A wide transparent copy makes a thin arrow easy to click.
    const hit = svgEl("path", { d: path, class: "edge-hit", ...data });
    hit.appendChild(svgEl("title")).textContent = title;
    for (const target of [edge, hit]) target.addEventListener("click", filter);
    edges.append(edge, hit);
    const label = labels.appendChild(svgEl("g", { class: "edge-label", ...data, transform: `translate(${mid[0].toFixed(1)},${mid[1].toFixed(1)})` }));
    label.append(svgEl("circle", { r: 8, stroke: QUAD_COLOURS[q] }));
    label.appendChild(svgEl("text", { "text-anchor": "middle", y: 3.5 })).textContent = d.count > 999 ? "1k+" : String(d.count);
    label.appendChild(svgEl("title")).textContent = title;
    label.addEventListener("click", filter);
  }
  svg.append(labels);
  nodes.forEach((n, i) => {
    const [x, y] = pos[n], a = angle(i), [c, s] = [Math.cos(a), Math.sin(a)];
    const node = svg.appendChild(svgEl("g", { class: "node", "data-code": n }));
    node.append(svgEl("circle", { cx: x, cy: y, r: radius(n) }));
    // Labels sit outside the circle along their node's radius (turned to read left to right), so
    // they never cross the edges or each other, however many nodes share the circle.
    const r = radius(n) + 4, [lx, ly] = [x + c * r, y + s * r];
    const degrees = (a * 180) / Math.PI + (c < 0 ? 180 : 0);
    const label = node.appendChild(svgEl("text", { x: lx, y: ly, dy: "0.35em", "text-anchor": c < 0 ? "end" : "start",
      transform: `rotate(${degrees.toFixed(1)} ${lx.toFixed(1)} ${ly.toFixed(1)})` }));
    label.textContent = n;
    node.appendChild(svgEl("title")).textContent = `${n}${actorName(n, null) ? ` (${actorName(n, null)})` : ""}: ${count(totals[n], "event")} in these dyads`;
    node.addEventListener("click", () => setFilter({ actor: n, source: "", target: "" }));
  });
}

// ---- alerts --------------------------------------------------------------------------------
async function loadAlerts() {
  const list = $("#alerts");
  const response = await fetch(`/v1/alerts?${filterParams()}`);
  if (response.status === 404) { list.replaceChildren(el("li", { class: "muted", text: "this server has no alerts endpoint" })); return; }
  const body = await response.json();
  if (!response.ok) throw new Error((body.error && body.error.message) || response.statusText);
  const alerts = body.alerts || [];
  if (!alerts.length) { list.replaceChildren(el("li", { class: "muted", text: "no alerts for these filters" })); return; }
  const items = alerts.slice(0, 8).map((a) => {
    const who = a.dyad ? `${a.dyad.source} → ${a.dyad.target}` : a.country ? `in ${a.country}` : "all actors";
    const what = a.kind === "spike" ? `spike: ${count(a.count, "event")} (baseline ${a.baseline})`
      : `Goldstein ${a.goldstein_mean} (baseline ${a.baseline_goldstein})`;
    const changes = { since: a.period, until: (body.interval || "day") === "week" ? isoDay(parseDay(a.period) + 6 * DAY) : a.period };
    if (a.dyad) Object.assign(changes, { actor: "", source: a.dyad.source, target: a.dyad.target });
    if (a.country) changes.country = a.country;
    if (a.root) changes.code = a.root;
    return el("li", {}, [el("button", { class: "link alert", type: "button", "data-period": a.period, "data-country": a.country || "", text: `${a.period} · ${who}${a.root ? ` · root ${a.root}` : ""} · ${what}`,
      onclick: () => setFilter(changes) })]);
  });
  if (alerts.length > items.length) items.push(el("li", { class: "muted", text: `and ${alerts.length - items.length} more (newsevents alerts lists them all)` }));
  list.replaceChildren(...items);
}

if (readUrl()) { showExploreTab(); loadExplore(); }
