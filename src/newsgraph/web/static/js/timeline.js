// Dyad and bloc timelines: cooperation above the line, conflict below, mean Goldstein as a line;
// click a period to list the events behind it.

import { actorSuggest, api, clearError, h, quadClass, showError, svg } from "./util.js";

const PRESETS = [["CSTO", "NATO"], ["RUS", "UKR"], ["RUS", "NATO"], ["USA", "RUS"]];
const COLOURS = { material_cooperation: "#2e7d32", verbal_cooperation: "#81c784", verbal_conflict: "#ef9a9a", material_conflict: "#c62828" };

export function timelineView(root, params) {
  const srcList = h("datalist", { id: "tl-src-list" });
  const tgtList = h("datalist", { id: "tl-tgt-list" });
  const src = h("input", { type: "text", id: "tl-source", name: "source", list: "tl-src-list", required: true, value: params.get("source") || "",
    placeholder: "e.g. CSTO, RUS, Putin" });
  const tgt = h("input", { type: "text", id: "tl-target", name: "target", list: "tl-tgt-list", required: true, value: params.get("target") || "",
    placeholder: "e.g. NATO, UKR" });
  const by = h("select", { id: "tl-by", name: "by" }, ["week", "month", "day"].map(v => h("option", { value: v, selected: params.get("by") === v }, v)));
  const sym = h("input", { type: "checkbox", id: "tl-sym", name: "symmetric", checked: params.get("symmetric") !== "false" });
  const from = h("input", { type: "date", id: "tl-from", name: "from", value: params.get("from") || "" });
  const to = h("input", { type: "date", id: "tl-to", name: "to", value: params.get("to") || "" });
  actorSuggest(src, srcList);
  actorSuggest(tgt, tgtList);
  const chart = h("div", { id: "tl-chart" }, h("p", { class: "empty" }, "Pick two sides and press Draw."));
  const list = h("div", { id: "tl-events", "aria-live": "polite" });
  const form = h("form", { class: "bar", onsubmit: ev => { ev.preventDefault(); go(); } },
    h("label", {}, "Side A (source)", src), srcList, h("label", {}, "Side B (target)", tgt), tgtList,
    h("label", {}, "Period", by), h("label", {}, "From", from), h("label", {}, "To", to),
    h("label", { class: "check" }, sym, "both directions"),
    h("button", { type: "submit" }, "Draw"));
  const presets = h("p", { class: "small" }, "Try: ", PRESETS.map(([a, b]) => h("button", { type: "button", class: "secondary",
    onclick: () => { src.value = a; tgt.value = b; go(); } }, `${a} vs ${b}`)).flatMap((b, i) => i ? [" ", b] : [b]));
  root.replaceChildren(h("div", { class: "card" },
    h("h2", {}, "Dyad and bloc timelines"),
    h("p", { class: "muted small" }, "Each side may be an actor, a country (ISO code) or an organisation or bloc; "
      + "events are counted per period, cooperation above the line and conflict below."),
    form, presets, chart, list));

  function go() {
    if (!src.value.trim() || !tgt.value.trim()) return;
    const p = new URLSearchParams({ source: src.value.trim(), target: tgt.value.trim(), by: by.value, symmetric: sym.checked });
    if (from.value) p.set("from", from.value);
    if (to.value) p.set("to", to.value);
    history.replaceState(null, "", `#/timeline?${p}`);
    draw(Object.fromEntries(p));
  }

  async function draw(q) {
    clearError();
    list.replaceChildren();
    chart.replaceChildren(h("p", { class: "empty" }, "Loading…"));
    try {
      const s = await api("/api/series", { params: q });
      renderChart(chart, s, point => showPoint(q, point));
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

function periods(points, by) {
  // every period between the first and the last point, so gaps show as gaps
  if (!points.length) return [];
  const out = [];
  const step = d => {
    const x = new Date(d + "T00:00:00Z");
    if (by === "month") x.setUTCMonth(x.getUTCMonth() + 1); else x.setUTCDate(x.getUTCDate() + (by === "week" ? 7 : 1));
    return x.toISOString().slice(0, 10);
  };
  const last = points[points.length - 1].period;
  for (let d = points[0].period; d <= last && out.length < 600; d = step(d)) out.push(d);
  return out;
}

export function renderChart(box, s, onPick) {
  const pts = s.points;
  const total = pts.reduce((n, p) => n + p.events, 0);
  if (!pts.length) {
    box.replaceChildren(h("p", { class: "empty", id: "tl-summary" },
      `No events between ${s.source} and ${s.target} in the store (${s.symmetric ? "both directions" : "source → target"}).`));
    return;
  }
  const byPeriod = new Map(pts.map(p => [p.period, p]));
  const xs = periods(pts, s.by);
  const W = 960, H = 360, L = 48, R = 52, T = 24, B = 56;
  const iw = W - L - R, ih = H - T - B, mid = T + ih / 2;
  const coop = p => p.verbal_cooperation + p.material_cooperation;
  const conf = p => p.verbal_conflict + p.material_conflict;
  const maxN = Math.max(1, ...pts.map(p => Math.max(coop(p), conf(p), p.events - coop(p) - conf(p))));
  const y = n => (ih / 2) * (n / maxN);
  const gy = g => mid - (ih / 2) * (g / 10);
  const bw = Math.min(iw / xs.length, 80); // few periods: narrow slots, centred
  const x0 = L + (iw - bw * xs.length) / 2;
  const root = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "tl-title tl-desc" });
  const nCoop = pts.reduce((n, p) => n + coop(p), 0), nConf = pts.reduce((n, p) => n + conf(p), 0);
  root.append(svg("title", { id: "tl-title" }, `${s.source} and ${s.target} by ${s.by}`),
    svg("desc", { id: "tl-desc" }, `${total} events: ${nCoop} cooperation, ${nConf} conflict`));
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
  const legend = h("div", { class: "legend-row" },
    Object.entries(COLOURS).map(([k, c]) => h("span", {}, h("span", { class: "sw", style: `background:${c}` }), k.replace("_", " "))),
    h("span", {}, h("span", { class: "sw", style: "background:#1f5fa8;height:3px" }), "mean Goldstein (right axis)"));
  const mean = pts.filter(p => p.goldstein_sum !== null).reduce((a, p) => a + p.goldstein_sum, 0) / Math.max(1, total);
  box.replaceChildren(
    h("p", { id: "tl-summary" }, `${total} event${total === 1 ? "" : "s"} between ${s.source} and ${s.target} in ${pts.length} ${s.by}${pts.length === 1 ? "" : "s"}: `
      + `${nCoop} cooperation, ${nConf} conflict; mean Goldstein ${mean.toFixed(2)}. Click a ${s.by} to list its events.`),
    root, legend);
}
