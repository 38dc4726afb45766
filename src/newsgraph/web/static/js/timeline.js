// Dyad and bloc timelines: cooperation above the line, conflict below, mean Goldstein as a line;
// click a period to list the events behind it.

import { actorSuggest, api, clearError, h, quadClass, showError, svg } from "./util.js";

const PRESETS = [["CSTO", "NATO"], ["RUS", "UKR"], ["RUS", "NATO"], ["USA", "RUS"]];
const COLOURS = { material_cooperation: "#2e7d32", verbal_cooperation: "#81c784", verbal_conflict: "#ef9a9a", material_conflict: "#c62828" };

export function timelineView(root, params) {
  const side = (id, name, ph) => {
    const list = h("datalist", { id: `${id}-list` });
    const input = h("input", { type: "text", id, name, list: `${id}-list`, value: params.get(name) || "", placeholder: ph });
    actorSuggest(input, list);
    return [input, list];
  };
  const [src, srcList] = side("tl-source", "source", "e.g. RUS, Putin");
  const [tgt, tgtList] = side("tl-target", "target", "e.g. UKR");
  const [src2, src2List] = side("tl-source2", "source2", "e.g. CSTO");
  const [tgt2, tgt2List] = side("tl-target2", "target2", "e.g. NATO");
  src.required = true; tgt.required = true;
  const by = h("select", { id: "tl-by", name: "by" }, ["week", "month", "day"].map(v => h("option", { value: v, selected: params.get("by") === v }, v)));
  const sym = h("input", { type: "checkbox", id: "tl-sym", name: "symmetric", checked: params.get("symmetric") !== "false" });
  const clip = h("input", { type: "checkbox", id: "tl-clip", name: "clip", checked: params.get("clip") !== "false" });
  const from = h("input", { type: "date", id: "tl-from", name: "from", value: params.get("from") || "" });
  const to = h("input", { type: "date", id: "tl-to", name: "to", value: params.get("to") || "" });
  const chart = h("div", { id: "tl-chart" }, h("p", { class: "empty" }, "Pick two sides and press Draw."));
  const chart2 = h("div", { id: "tl-chart2" });
  const list = h("div", { id: "tl-events", "aria-live": "polite" });
  const form = h("form", { class: "bar", onsubmit: ev => { ev.preventDefault(); go(); } },
    h("label", {}, "Side A (source)", src), srcList, h("label", {}, "Side B (target)", tgt), tgtList,
    h("label", {}, "Beside it: side C", src2), src2List, h("label", {}, "side D", tgt2), tgt2List,
    h("label", {}, "Period", by), h("label", {}, "From", from), h("label", {}, "To", to),
    h("label", { class: "check" }, sym, "both directions"),
    h("label", { class: "check", title: "dates far outside the bulk of the events (more than 3 interquartile ranges) are left out of the axis and marked at its ends" }, clip, "clip outlier dates"),
    h("button", { type: "submit" }, "Draw"));
  const pick = (a, b, c = "", d = "") => () => { src.value = a; tgt.value = b; src2.value = c; tgt2.value = d; go(); };
  const presets = h("p", { class: "small" }, "Try: ",
    [...PRESETS.map(([a, b]) => h("button", { type: "button", class: "secondary", onclick: pick(a, b) }, `${a} vs ${b}`)),
      h("button", { type: "button", class: "secondary", onclick: pick("RUS", "UKR", "CSTO", "NATO") }, "RUS–UKR beside CSTO–NATO")]
      .flatMap((b, i) => i ? [" ", b] : [b]));
  root.replaceChildren(h("div", { class: "card" },
    h("h2", {}, "Dyad and bloc timelines"),
    h("p", { class: "muted small" }, "Each side may be an actor, a country (ISO code) or an organisation or bloc (members counted "
      + "while they were members); give sides C and D to draw a second series beside the first on the same time axis. "
      + "Cooperation above the line, conflict below."),
    form, presets, chart, chart2, list));

  function go() {
    if (!src.value.trim() || !tgt.value.trim()) return;
    const p = new URLSearchParams({ source: src.value.trim(), target: tgt.value.trim(), by: by.value, symmetric: sym.checked });
    if (src2.value.trim() && tgt2.value.trim()) { p.set("source2", src2.value.trim()); p.set("target2", tgt2.value.trim()); }
    if (from.value) p.set("from", from.value);
    if (to.value) p.set("to", to.value);
    if (!clip.checked) p.set("clip", "false");
    history.replaceState(null, "", `#/timeline?${p}`);
    draw(Object.fromEntries(p));
  }

  let asked = 0;
  async function draw(q) {
    clearError();
    list.replaceChildren();
    chart.replaceChildren(h("p", { class: "empty" }, "Loading…"));
    chart2.replaceChildren();
    const base = { by: q.by, symmetric: q.symmetric, from: q.from, to: q.to };
    const q1 = { ...base, source: q.source, target: q.target };
    const q2 = q.source2 ? { ...base, source: q.source2, target: q.target2 } : null;
    const mine = ++asked; // only the answer to the latest request is drawn
    try {
      const [s1, s2] = await Promise.all([api("/api/series", { params: q1 }), q2 ? api("/api/series", { params: q2 }) : null]);
      if (mine !== asked) return;
      const domain = axisDomain([...s1.points, ...(s2 ? s2.points : [])], q.by, q.clip !== "false");
      renderChart(chart, s1, point => showPoint(q1, point), { domain, id: "tl" });
      if (s2) renderChart(chart2, s2, point => showPoint(q2, point), { domain, id: "tl2" });
    } catch (err) { chart.replaceChildren(); showError(err); }
  }

  async function showPoint(q, point) {
    list.replaceChildren(h("p", { class: "muted" }, "Loading events…"));
    try {
      const page = await api("/api/series/events", { params: { source: q.source, target: q.target, by: q.by, symmetric: q.symmetric,
        period: point.period, limit: 200 } });
      list.replaceChildren(h("h3", {}, `Events in the ${q.by} of ${point.period} (${page.items.length})`), eventTable(page.items));
    } catch (err) { list.replaceChildren(); showError(err); }
  }

  if (src.value && tgt.value) go();
}

const DAY = 864e5;
const UNIT = { day: 1, week: 7, month: 30.4 };

/**
 * The periods the time axis spans: all of them, or, with ``clip``, those within 3 interquartile
 * ranges of the middle half of the events (weighted by events; the range is at least 8 periods
 * wide), so one misdated event does not stretch the axis over decades. Returns {first, last}.
 */
export function axisDomain(points, by, clip = true) {
  const pts = [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  if (!pts.length) return null;
  const all = { first: pts[0].period, last: pts[pts.length - 1].period, clipped: false };
  if (!clip || pts.length < 4) return all;
  const day = p => Date.parse(p.period + "T00:00:00Z") / DAY;
  const total = pts.reduce((n, p) => n + p.events, 0);
  const quantile = f => { let acc = 0; for (const p of pts) { acc += p.events; if (acc >= f * total) return day(p); } return day(pts[pts.length - 1]); };
  const q1 = quantile(0.25), q3 = quantile(0.75);
  const iqr = Math.max(q3 - q1, 8 * UNIT[by]);
  const lo = q1 - 3 * iqr, hi = q3 + 3 * iqr;
  const kept = pts.filter(p => day(p) >= lo && day(p) <= hi);
  if (kept.length === pts.length || !kept.length) return all;
  return { first: kept[0].period, last: kept[kept.length - 1].period, clipped: true };
}

export function eventTable(items) {
  if (!items.length) return h("p", { class: "muted" }, "No events.");
  return h("table", { class: "rows" },
    h("thead", {}, h("tr", {}, ["Date", "Source → target", "Type", "Goldstein", "Evidence"].map(x => h("th", { scope: "col" }, x)))),
    h("tbody", {}, items.map(e => h("tr", {},
      h("td", {}, e.date || "?"),
      h("td", {}, `${(e.source || []).join(", ")} → ${(e.target || []).join(", ")}`),
      h("td", {}, h("span", { class: `badge ${quadClass(e.quad)}` }, e.plover || "?"), " ", h("span", { class: "small muted" }, `CAMEO ${e.cameo || "?"}`)),
      h("td", {}, e.goldstein ?? ""),
      h("td", {}, h("a", { href: `#/article/${encodeURIComponent(e.article_id)}` }, e.evidence || "(open article)"))))));
}

function periods(first, last, by) {
  // every period between the first and the last, so gaps show as gaps
  const out = [];
  const step = d => {
    const x = new Date(d + "T00:00:00Z");
    if (by === "month") x.setUTCMonth(x.getUTCMonth() + 1); else x.setUTCDate(x.getUTCDate() + (by === "week" ? 7 : 1));
    return x.toISOString().slice(0, 10);
  };
  for (let d = first; d <= last && out.length < 1500; d = step(d)) out.push(d);
  return out;
}

export function renderChart(box, s, onPick, { domain = null, id = "tl" } = {}) {
  const all = s.points;
  const total = all.reduce((n, p) => n + p.events, 0);
  const dir = s.symmetric ? "both directions" : "source → target";
  if (!all.length) {
    box.replaceChildren(h("p", { class: "empty", id: `${id}-summary` }, `No events between ${s.source} and ${s.target} in the store (${dir}).`));
    return;
  }
  const dom = domain || axisDomain(all, s.by, false);
  const before = all.filter(p => p.period < dom.first), after = all.filter(p => p.period > dom.last);
  const pts = all.filter(p => p.period >= dom.first && p.period <= dom.last);
  const byPeriod = new Map(pts.map(p => [p.period, p]));
  const xs = periods(dom.first, dom.last, s.by);
  const W = 960, H = 360, L = 48, R = 52, T = 24, B = 56;
  const iw = W - L - R, ih = H - T - B, mid = T + ih / 2;
  const coop = p => p.verbal_cooperation + p.material_cooperation;
  const conf = p => p.verbal_conflict + p.material_conflict;
  const maxN = Math.max(1, ...pts.map(p => Math.max(coop(p), conf(p), p.events - coop(p) - conf(p))));
  const y = n => (ih / 2) * (n / maxN);
  const gy = g => mid - (ih / 2) * (g / 10);
  const bw = Math.min(iw / Math.max(1, xs.length), 80); // few periods: narrow slots, centred
  const x0 = L + (iw - bw * xs.length) / 2;
  const root = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc` });
  const nCoop = all.reduce((n, p) => n + coop(p), 0), nConf = all.reduce((n, p) => n + conf(p), 0);
  root.append(svg("title", { id: `${id}-title` }, `${s.source} and ${s.target} by ${s.by}`),
    svg("desc", { id: `${id}-desc` }, `${total} events: ${nCoop} cooperation, ${nConf} conflict`));
  const grid = svg("g", { class: "grid" });
  for (const f of [-1, -0.5, 0.5, 1]) grid.append(svg("line", { x1: L, x2: W - R, y1: mid - f * ih / 2, y2: mid - f * ih / 2 }));
  root.append(grid);
  const axis = svg("g", { class: "axis" },
    svg("line", { x1: L, x2: W - R, y1: mid, y2: mid }),
    svg("line", { x1: L, x2: L, y1: T, y2: T + ih }), svg("line", { x1: W - R, x2: W - R, y1: T, y2: T + ih }),
    svg("text", { x: L - 6, y: T + 4, "text-anchor": "end" }, String(maxN)),
    svg("text", { x: L - 6, y: mid + 4, "text-anchor": "end" }, "0"),
    svg("text", { x: L - 6, y: T + ih + 4, "text-anchor": "end" }, String(maxN)),
    svg("text", { x: W - R + 6, y: T + 4 }, "+10"), svg("text", { x: W - R + 6, y: T + ih + 4 }, "−10"),
    svg("text", { x: 12, y: T + ih / 4, transform: `rotate(-90 12 ${T + ih / 4})`, "text-anchor": "middle" }, "cooperation"),
    svg("text", { x: 12, y: T + 3 * ih / 4, transform: `rotate(-90 12 ${T + 3 * ih / 4})`, "text-anchor": "middle" }, "conflict"),
    svg("text", { x: W - 10, y: mid, transform: `rotate(90 ${W - 10} ${mid})`, "text-anchor": "middle" }, "mean Goldstein"));
  root.append(axis);
  const every = Math.max(1, Math.ceil(xs.length / 12));
  const line = [];
  xs.forEach((d, i) => {
    const x = x0 + i * bw;
    if (i % every === 0) root.append(svg("text", { x: x + bw / 2, y: T + ih + 16, "text-anchor": "middle" }, d));
    const p = byPeriod.get(d);
    if (!p) return;
    const g = svg("g", { class: "pt", tabindex: 0, role: "button", "data-period": d,
      "aria-label": `${s.by} of ${d}: ${p.events} events, ${coop(p)} cooperation, ${conf(p)} conflict, mean Goldstein ${p.goldstein_mean ?? "none"}` });
    g.append(svg("rect", { class: "hit", x: x + 1, y: T, width: Math.max(1, bw - 2), height: ih, fill: "transparent" }));
    const bar = Math.max(2, Math.min(bw * 0.7, 40)), bx = x + (bw - bar) / 2;
    let up = mid;
    for (const k of ["material_cooperation", "verbal_cooperation"]) {
      if (!p[k]) continue;
      g.append(svg("rect", { x: bx, y: up - y(p[k]), width: bar, height: y(p[k]), fill: COLOURS[k] }));
      up -= y(p[k]);
    }
    let down = mid;
    for (const k of ["material_conflict", "verbal_conflict"]) {
      if (!p[k]) continue;
      g.append(svg("rect", { x: bx, y: down, width: bar, height: y(p[k]), fill: COLOURS[k] }));
      down += y(p[k]);
    }
    const other = p.events - coop(p) - conf(p);
    if (other > 0) g.append(svg("rect", { x: bx + bar / 4, y: up - y(other), width: bar / 2, height: y(other), fill: "#b0b7c1" }));
    g.append(svg("title", {}, `${d}: ${p.events} events (${coop(p)} cooperation, ${conf(p)} conflict), mean Goldstein ${p.goldstein_mean ?? "–"}`));
    const pick = () => { root.querySelectorAll(".pt.sel").forEach(n => n.classList.remove("sel")); g.classList.add("sel"); onPick(p); };
    g.addEventListener("click", pick);
    g.addEventListener("keydown", ev => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
    root.append(g);
    if (p.goldstein_mean !== null && p.goldstein_mean !== undefined) line.push([x + bw / 2, gy(p.goldstein_mean)]);
  });
  if (line.length) {
    root.append(svg("polyline", { points: line.map(p => p.join(",")).join(" "), fill: "none", stroke: "#1f5fa8", "stroke-width": 2, "pointer-events": "none" }));
    for (const [cx, cy] of line) root.append(svg("circle", { cx, cy, r: 3.5, fill: "#1f5fa8", "pointer-events": "none" }));
  }
  // events whose dates fall outside the drawn axis: a marker at that end says how many and when
  const outliers = [];
  for (const [side, group] of [["before", before], ["after", after]]) {
    if (!group.length) continue;
    const n = group.reduce((a, p) => a + p.events, 0);
    const span = group.length === 1 ? group[0].period : `${group[0].period} to ${group[group.length - 1].period}`;
    const text = `${n} event${n === 1 ? "" : "s"} ${side} the axis (${span})`;
    outliers.push(text);
    const x = side === "before" ? L + 4 : W - R - 4;
    root.append(svg("g", { class: `clip ${side}`, "data-events": n, "data-points": group.length },
      svg("path", { d: side === "before" ? `M ${x} ${mid} l 10 -8 l 0 16 z` : `M ${x} ${mid} l -10 -8 l 0 16 z`, fill: "#b35c00" }),
      svg("text", { x: side === "before" ? x + 14 : x - 14, y: mid - 12, "text-anchor": side === "before" ? "start" : "end", fill: "#b35c00" },
        `${n} ${side === "before" ? "earlier" : "later"}`),
      svg("title", {}, `${text}, left out of the axis as outlier dates`)));
  }
  const legend = h("div", { class: "legend-row" },
    Object.entries(COLOURS).map(([k, c]) => h("span", {}, h("span", { class: "sw", style: `background:${c}` }), k.replace("_", " "))),
    h("span", {}, h("span", { class: "sw", style: "background:#1f5fa8;height:3px" }), "mean Goldstein (right axis)"));
  const mean = all.filter(p => p.goldstein_sum !== null).reduce((a, p) => a + p.goldstein_sum, 0) / Math.max(1, total);
  box.replaceChildren(
    h("p", { id: `${id}-summary` }, `${total} event${total === 1 ? "" : "s"} between ${s.source} and ${s.target} in ${all.length} ${s.by}${all.length === 1 ? "" : "s"}: `
      + `${nCoop} cooperation, ${nConf} conflict; mean Goldstein ${mean.toFixed(2)}. Click a ${s.by} to list its events.`),
    outliers.length ? h("p", { class: "small clip-note", id: `${id}-clipped` }, `Outlier dates clipped: ${outliers.join("; ")}. `
      + "Untick “clip outlier dates” to draw every date.") : "",
    root, legend);
}
