// The actor network: a force layout written here (no library), edges signed and weighted.

import { api, clearError, facts, h, showError, svg } from "./util.js";

const KIND_COLOURS = { person: "#1f77b4", country: "#2ca02c", organization: "#9467bd", bloc: "#ff7f0e", group: "#8c564b" };

export function networkView(root, params) {
  const from = h("input", { type: "date", id: "net-from", name: "from", value: params.get("from") || "" });
  const to = h("input", { type: "date", id: "net-to", name: "to", value: params.get("to") || "" });
  const min = h("input", { type: "number", id: "net-min", name: "min_events", min: 1, value: params.get("min_events") || 1, style: "width:5rem" });
  const lim = h("input", { type: "number", id: "net-limit", name: "limit", min: 1, max: 500, value: params.get("limit") || 150, style: "width:5rem" });
  const box = h("div", { id: "net-graph" });
  const side = h("div", { id: "net-details", "aria-live": "polite" }, h("p", { class: "muted" }, "Click an actor or an edge."));
  const form = h("form", { class: "bar", onsubmit: ev => { ev.preventDefault(); go(); } },
    h("label", {}, "From", from), h("label", {}, "To", to), h("label", {}, "Min. events", min), h("label", {}, "Max. edges", lim),
    h("button", { type: "submit" }, "Draw"));
  root.replaceChildren(h("div", { class: "grid2" },
    h("div", { class: "card" }, h("h2", {}, "Actor network"),
      h("p", { class: "muted small" }, "Edges point from source to target; width is the number of events, colour the sign of the Goldstein sum."),
      form, box,
      h("div", { class: "legend-row" },
        h("span", {}, h("span", { class: "sw", style: "background:#2e7d32" }), "cooperation"),
        h("span", {}, h("span", { class: "sw", style: "background:#c62828" }), "conflict"),
        h("span", {}, h("span", { class: "sw", style: "background:#9aa3ae" }), "neutral"),
        Object.entries(KIND_COLOURS).map(([k, c]) => h("span", {}, h("span", { class: "sw", style: `background:${c};border-radius:50%;width:.8rem` }), k)))),
    h("aside", { class: "card sticky" }, side)));

  async function go() {
    const p = new URLSearchParams({ min_events: min.value || 1, limit: lim.value || 150 });
    if (from.value) p.set("from", from.value);
    if (to.value) p.set("to", to.value);
    history.replaceState(null, "", `#/network?${p}`);
    clearError();
    box.replaceChildren(h("p", { class: "empty" }, "Loading…"));
    try {
      const net = await api("/api/network", { params: Object.fromEntries(p) });
      drawNetwork(box, side, net);
    } catch (err) { box.replaceChildren(); showError(err); }
  }
  go();
}

/** Fruchterman–Reingold with a fixed iteration budget; deterministic start (circle) so it is stable. */
export function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({ x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / Math.max(1, n)),
    y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / Math.max(1, n)) }));
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const links = edges.map(e => [index.get(e.source), index.get(e.target), Math.log2(1 + e.events)]);
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.4;
  let temp = W / 8;
  for (let it = 0; it < 300; it++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      if (d > 3 * k) continue; // repulsion only nearby, so separate components stay close (the grid variant)
      const f = (k * k) / d;
      disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f; disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
    }
    for (const [a, b, w] of links) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(0.01, Math.hypot(dx, dy)), f = ((d * d) / k) * (0.5 + w / 4);
      disp[a].x -= (dx / d) * f; disp[a].y -= (dy / d) * f; disp[b].x += (dx / d) * f; disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // a pull to the centre keeps unconnected parts close; the drawing is fitted to the canvas after
      disp[i].x += (W / 2 - pos[i].x) * 0.6; disp[i].y += (H / 2 - pos[i].y) * 0.6;
      const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y));
      pos[i].x += (disp[i].x / d) * Math.min(d, temp);
      pos[i].y += (disp[i].y / d) * Math.min(d, temp);
    }
    temp *= 0.985;
  }
  // fit the drawing to the canvas (components drift apart; scaling keeps everything visible)
  const xs = pos.map(p => p.x), ys = pos.map(p => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sc = Math.min((W - 160) / Math.max(1, x1 - x0), (H - 60) / Math.max(1, y1 - y0), 3);
  const ox = (W - 110 - (x1 - x0) * sc) / 2, oy = (H - (y1 - y0) * sc) / 2;
  return pos.map(p => ({ x: 50 + ox + (p.x - x0) * sc, y: oy + (p.y - y0) * sc }));
}

export function drawNetwork(box, side, net) {
  const { nodes, edges } = net;
  if (!nodes.length) {
    box.replaceChildren(h("p", { class: "empty", id: "net-summary" }, "No events in this range, so no network to draw."));
    return;
  }
  const W = 900, H = 600;
  const pos = layout(nodes, edges, W, H);
  const at = new Map(nodes.map((d, i) => [d.id, pos[i]]));
  const name = new Map(nodes.map(d => [d.id, d.name || d.id]));
  const maxW = Math.max(1, ...edges.map(e => e.events));
  const root = svg("svg", { class: "net", viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": `Actor network: ${nodes.length} actors, ${edges.length} edges` });
  const defs = svg("defs", {});
  for (const [id, c] of [["pos", "#2e7d32"], ["neg", "#c62828"], ["zero", "#9aa3ae"]]) {
    defs.append(svg("marker", { id: `arrow-${id}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
      markerUnits: "userSpaceOnUse", orient: "auto" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: c })));
  }
  root.append(defs);
  const radius = d => 5 + Math.min(18, Math.sqrt(d.events) * 3);
  const r = new Map(nodes.map(d => [d.id, radius(d)]));
  const gEdges = svg("g", {}), gNodes = svg("g", {});
  for (const e of edges) {
    const a = at.get(e.source), b = at.get(e.target);
    // a gentle curve, so A→B and B→A do not overlap; the arrow stops at the target's rim
    const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, len = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
    const cx = mx - ((b.y - a.y) / len) * len * 0.12, cy = my + ((b.x - a.x) / len) * len * 0.12;
    const dx = b.x - cx, dy = b.y - cy, d = Math.max(1, Math.hypot(dx, dy));
    const rb = r.get(e.target) + 2;
    const colour = e.sign > 0 ? "#2e7d32" : e.sign < 0 ? "#c62828" : "#9aa3ae";
    const mk = e.sign > 0 ? "pos" : e.sign < 0 ? "neg" : "zero";
    const line = svg("path", { class: "edge", d: `M ${a.x} ${a.y} Q ${cx} ${cy} ${b.x - (dx / d) * rb} ${b.y - (dy / d) * rb}`,
      fill: "none", stroke: colour,
      "stroke-width": 1 + 5 * (e.events / maxW), "stroke-opacity": 0.75, "marker-end": `url(#arrow-${mk})`,
      "data-source": e.source, "data-target": e.target, tabindex: 0, role: "button",
      "aria-label": `${name.get(e.source)} to ${name.get(e.target)}: ${e.events} events` },
      svg("title", {}, `${name.get(e.source)} → ${name.get(e.target)}: ${e.events} events, Goldstein sum ${e.goldstein_sum}`));
    line.addEventListener("click", () => showEdge(e));
    line.addEventListener("keydown", ev => { if (ev.key === "Enter") showEdge(e); });
    gEdges.append(line);
  }
  for (const d of nodes) {
    const p = at.get(d.id);
    const g = svg("g", { class: "node", transform: `translate(${p.x},${p.y})`, tabindex: 0, role: "button", "data-id": d.id,
      "aria-label": `${d.name || d.id}: ${d.events} events` },
      svg("circle", { r: r.get(d.id), fill: KIND_COLOURS[d.kind] || "#7f7f7f" }),
      svg("text", { x: r.get(d.id) + 3, y: 4 }, d.name || d.id),
      svg("title", {}, `${d.name || d.id} (${d.kind || "actor"}): ${d.events} events`));
    g.addEventListener("click", () => showNode(d));
    g.addEventListener("keydown", ev => { if (ev.key === "Enter") showNode(d); });
    gNodes.append(g);
  }
  root.append(gEdges, gNodes);
  box.replaceChildren(h("p", { id: "net-summary", class: "small" }, `${nodes.length} actors, ${edges.length} edges.`), root);

  function focus(ids) {
    root.querySelectorAll(".node").forEach(n => n.classList.toggle("dim", ids && !ids.has(n.dataset.id)));
    root.querySelectorAll(".node").forEach(n => n.classList.toggle("sel", ids && n.dataset.id === [...ids][0]));
    root.querySelectorAll(".edge").forEach(l => l.classList.toggle("dim", ids && !(ids.has(l.dataset.source) && ids.has(l.dataset.target))));
  }

  function showNode(d) {
    const mine = edges.filter(e => e.source === d.id || e.target === d.id);
    focus(new Set([d.id, ...mine.flatMap(e => [e.source, e.target])]));
    side.replaceChildren(h("h3", {}, d.name || d.id),
      facts([["id", d.id], ["kind", d.kind], ["country", d.country], ["events", String(d.events)]]),
      h("h4", {}, `Edges (${mine.length})`),
      h("ul", { class: "small" }, mine.map(e => h("li", {}, `${name.get(e.source)} → ${name.get(e.target)}: ${e.events} events, `
        + `Goldstein ${e.goldstein_sum}`))),
      h("p", {}, h("a", { href: `#/timeline?source=${encodeURIComponent(d.id)}&target=${encodeURIComponent(mine[0] ? (mine[0].source === d.id ? mine[0].target : mine[0].source) : "")}&symmetric=true` },
        "Timeline with its strongest partner")));
  }

  async function showEdge(e) {
    focus(new Set([e.source, e.target]));
    side.replaceChildren(h("h3", {}, `${name.get(e.source)} → ${name.get(e.target)}`),
      facts([["events", String(e.events)], ["cooperation", String(e.cooperation)], ["conflict", String(e.conflict)],
        ["Goldstein sum", String(e.goldstein_sum)], ["Goldstein mean", String(e.goldstein_mean)]]),
      h("p", {}, h("a", { href: `#/timeline?source=${encodeURIComponent(e.source)}&target=${encodeURIComponent(e.target)}&symmetric=false` }, "Open as a timeline")));
  }
}
