// The event network, readable at scale: the top-N edges by weight, people rolled up to their state
// and states to blocs on a date (knowledge-base memberships), edges coloured by quad class, search,
// zoom and pan. The force layout is written here (no library).

import { api, clearError, facts, h, showError, svg } from "./util.js";

const KIND_COLOURS = { person: "#1f77b4", country: "#2ca02c", organization: "#9467bd", bloc: "#ff7f0e", group: "#8c564b" };
export const QUAD_COLOURS = { "verbal cooperation": "#66bb6a", "material cooperation": "#1b5e20",
  "verbal conflict": "#ef8a62", "material conflict": "#b2182b" };
const DEFAULT_BLOCS = "NATO,CSTO,EU,SCO,AU,ASEAN,GCC";
const NOUN = { actor: ["actor", "actors"], state: ["node", "nodes"], bloc: ["node", "nodes"] };

export function networkView(root, params) {
  const get = (k, d = "") => params.get(k) || d;
  const level = h("select", { id: "net-level", name: "level" },
    h("option", { value: "actor" }, "actors as reported"), h("option", { value: "state" }, "people rolled up to states"),
    h("option", { value: "bloc" }, "states rolled up to blocs"));
  level.value = get("level", "actor");
  const on = h("input", { type: "date", id: "net-on", name: "on", value: get("on"), title: "bloc memberships as of this date" });
  const blocs = h("input", { type: "text", id: "net-blocs", name: "blocs", value: get("blocs", DEFAULT_BLOCS), style: "width:14rem",
    title: "first listed first served: a state in two blocs goes to the first" });
  const from = h("input", { type: "date", id: "net-from", name: "from", value: get("from") });
  const to = h("input", { type: "date", id: "net-to", name: "to", value: get("to") });
  const min = h("input", { type: "number", id: "net-min", name: "min_events", min: 1, value: get("min_events", "1"), style: "width:5rem" });
  const lim = h("input", { type: "number", id: "net-limit", name: "limit", min: 1, max: 1000, value: get("limit", "150"), style: "width:5rem" });
  const find = h("input", { type: "search", id: "net-find", name: "focus", value: get("focus"), placeholder: "name or id" });
  const box = h("div", { id: "net-graph" });
  const side = h("div", { id: "net-details", "aria-live": "polite" }, h("p", { class: "muted" }, "Click a node or an edge."));
  const placed = h("input", { type: "checkbox", id: "net-placed", name: "placed_only", checked: get("placed_only") !== "false" });
  const blocRow = h("span", { class: "bloc-only" }, h("label", {}, "Blocs on", on), h("label", {}, "Blocs (first listed first)", blocs));
  const placedRow = h("span", { class: "bloc-only" }, h("label", { class: "check",
    title: "people and groups whose state is not known cannot be rolled up" }, placed, "only actors with a known state"));
  const showBlocs = () => { blocRow.hidden = level.value !== "bloc"; placedRow.hidden = level.value === "actor"; };
  level.addEventListener("change", () => { showBlocs(); go(); });
  showBlocs();
  const form = h("form", { class: "bar", id: "net-form", onsubmit: ev => { ev.preventDefault(); go(); } },
    h("label", {}, "Level", level), blocRow, placedRow, h("label", {}, "From", from), h("label", {}, "To", to),
    h("label", {}, "Min. events", min), h("label", {}, "Top edges", lim), h("label", {}, "Search", find),
    h("button", { type: "submit" }, "Draw"));
  root.replaceChildren(h("div", { class: "grid2" },
    h("div", { class: "card" }, h("h2", {}, "Event network"),
      h("p", { class: "muted small" }, "The heaviest edges only (top N by number of events). Edges point from source to target; "
        + "width is the number of events, colour the commonest quad class. Scroll to zoom, drag to pan; a search keeps "
        + "the edges that touch what it finds."),
      form, box,
      h("div", { class: "legend-row" },
        Object.entries(QUAD_COLOURS).map(([k, c]) => h("span", {}, h("span", { class: "sw", style: `background:${c}` }), k)),
        Object.entries(KIND_COLOURS).map(([k, c]) => h("span", {}, h("span", { class: "sw", style: `background:${c};border-radius:50%;width:.8rem` }), k)))),
    h("aside", { class: "card sticky" }, side)));

  let asked = 0;
  async function go() {
    const p = { level: level.value, min_events: min.value || 1, limit: lim.value || 150 };
    if (level.value === "bloc") { if (on.value) p.on = on.value; p.blocs = blocs.value; }
    if (level.value !== "actor" && !placed.checked) p.placed_only = "false";
    if (from.value) p.from = from.value;
    if (to.value) p.to = to.value;
    if (find.value.trim()) p.focus = find.value.trim();
    history.replaceState(null, "", `#/network?${new URLSearchParams(p)}`);
    clearError();
    box.replaceChildren(h("p", { class: "empty" }, "Loading…"));
    const mine = ++asked; // only the answer to the latest request is drawn
    try {
      const net = await api("/api/network/rollup", { params: p });
      if (mine !== asked) return;
      drawNetwork(box, side, net, p);
    } catch (err) { box.replaceChildren(); showError(err); }
  }
  go();
}

/** Fruchterman–Reingold with a fixed iteration budget; deterministic start (circle) so it is stable. */
export function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const x = new Float64Array(n), y = new Float64Array(n), dxs = new Float64Array(n), dys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / Math.max(1, n));
    y[i] = H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / Math.max(1, n));
  }
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const links = edges.map(e => [index.get(e.source), index.get(e.target), Math.log2(1 + e.events)]);
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.55, k2 = k * k;
  let temp = W / 8;
  const iters = n > 250 ? 200 : 300;
  // repulsion only nearby (the grid variant), so separate components stay close: nodes are put in
  // cells 3k wide and each is compared with the nodes of its own and the 8 neighbouring cells
  const cell = 3 * k, grid = new Map();
  for (let it = 0; it < iters; it++) {
    dxs.fill(0); dys.fill(0);
    grid.clear();
    for (let i = 0; i < n; i++) {
      const key = Math.floor(x[i] / cell) * 65536 + Math.floor(y[i] / cell);
      const list = grid.get(key);
      if (list) list.push(i); else grid.set(key, [i]);
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(x[i] / cell), cy = Math.floor(y[i] / cell);
      for (let gx = cx - 1; gx <= cx + 1; gx++) for (let gy = cy - 1; gy <= cy + 1; gy++) {
        const list = grid.get(gx * 65536 + gy);
        if (!list) continue;
        for (const j of list) {
          if (j <= i) continue;
          const ddx = x[i] - x[j], ddy = y[i] - y[j];
          const d = Math.max(0.01, Math.sqrt(ddx * ddx + ddy * ddy));
          if (d > cell) continue;
          const f = k2 / d / d;
          dxs[i] += ddx * f; dys[i] += ddy * f; dxs[j] -= ddx * f; dys[j] -= ddy * f;
        }
      }
    }
    for (const [a, b, w] of links) {
      const ddx = x[a] - x[b], ddy = y[a] - y[b];
      const d = Math.max(0.01, Math.sqrt(ddx * ddx + ddy * ddy)), f = (d / k) * (0.5 + w / 4);
      dxs[a] -= ddx * f; dys[a] -= ddy * f; dxs[b] += ddx * f; dys[b] += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      // a pull to the centre keeps unconnected parts close; the drawing is fitted to the canvas after
      dxs[i] += (W / 2 - x[i]) * 0.3; dys[i] += (H / 2 - y[i]) * 0.3;
      const d = Math.max(0.01, Math.sqrt(dxs[i] * dxs[i] + dys[i] * dys[i])), step = Math.min(d, temp) / d;
      x[i] += dxs[i] * step; y[i] += dys[i] * step;
    }
    temp *= 0.985;
  }
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) { x0 = Math.min(x0, x[i]); x1 = Math.max(x1, x[i]); y0 = Math.min(y0, y[i]); y1 = Math.max(y1, y[i]); }
  const sc = Math.min((W - 160) / Math.max(1, x1 - x0), (H - 60) / Math.max(1, y1 - y0), 3);
  const ox = (W - 110 - (x1 - x0) * sc) / 2, oy = (H - (y1 - y0) * sc) / 2;
  return nodes.map((_, i) => ({ x: 50 + ox + (x[i] - x0) * sc, y: oy + (y[i] - y0) * sc }));
}

/** Wheel zoom about the pointer, drag to pan, and buttons; the view is the SVG's viewBox. */
function zoomable(root, W, H, controls) {
  let vb = { x: 0, y: 0, w: W, h: H };
  const set = () => {
    root.setAttribute("viewBox", `${vb.x} ${vb.y} ${vb.w} ${vb.h}`);
    root.dataset.zoom = (W / vb.w).toFixed(2);
    root.classList.toggle("zoomed", W / vb.w > 1.8);
  };
  const zoomAt = (f, cx, cy) => {
    const w = Math.min(W * 2, Math.max(W / 20, vb.w / f)), hh = (w / W) * H;
    vb = { x: cx - ((cx - vb.x) * w) / vb.w, y: cy - ((cy - vb.y) * hh) / vb.h, w, h: hh };
    set();
  };
  const toView = (ev) => {
    const r = root.getBoundingClientRect();
    return [vb.x + ((ev.clientX - r.left) / r.width) * vb.w, vb.y + ((ev.clientY - r.top) / r.height) * vb.h];
  };
  root.addEventListener("wheel", ev => { ev.preventDefault(); const [x, y] = toView(ev); zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, x, y); },
    { passive: false });
  let drag = null;
  root.addEventListener("pointerdown", ev => {
    if (ev.target.closest(".node, .edge")) return;
    drag = { x: ev.clientX, y: ev.clientY, vb: { ...vb } };
    root.setPointerCapture(ev.pointerId);
  });
  root.addEventListener("pointermove", ev => {
    if (!drag) return;
    const r = root.getBoundingClientRect();
    vb = { ...drag.vb, x: drag.vb.x - ((ev.clientX - drag.x) / r.width) * vb.w, y: drag.vb.y - ((ev.clientY - drag.y) / r.height) * vb.h };
    set();
  });
  root.addEventListener("pointerup", () => { drag = null; });
  controls.append(
    h("button", { type: "button", class: "secondary", id: "net-zoom-in", "aria-label": "Zoom in",
      onclick: () => zoomAt(1.5, vb.x + vb.w / 2, vb.y + vb.h / 2) }, "+"),
    h("button", { type: "button", class: "secondary", id: "net-zoom-out", "aria-label": "Zoom out",
      onclick: () => zoomAt(1 / 1.5, vb.x + vb.w / 2, vb.y + vb.h / 2) }, "−"),
    h("button", { type: "button", class: "secondary", id: "net-zoom-reset", onclick: () => { vb = { x: 0, y: 0, w: W, h: H }; set(); } }, "Reset view"));
  set();
  return {
    centre(x, y, f = 2.5) { const w = W / f, hh = H / f; vb = { x: x - w / 2, y: y - hh / 2, w, h: hh }; set(); },
  };
}

export function drawNetwork(box, side, net, p = {}) {
  const { nodes, edges } = net;
  const [one, many] = NOUN[net.level] || NOUN.actor;
  if (!nodes.length) {
    box.replaceChildren(h("p", { class: "empty", id: "net-summary" },
      p.focus ? `Nothing in the network matches “${p.focus}”.` : "No events in this range, so no network to draw."));
    return;
  }
  const W = 900, H = 600;
  const pos = layout(nodes, edges, W, H);
  const at = new Map(nodes.map((d, i) => [d.id, pos[i]]));
  const name = new Map(nodes.map(d => [d.id, d.name || d.id]));
  const maxW = Math.max(1, ...edges.map(e => e.events));
  const root = svg("svg", { class: "net", viewBox: `0 0 ${W} ${H}`, role: "group",
    "aria-label": `Event network: ${nodes.length} ${nodes.length === 1 ? one : many}, ${edges.length} edges` });
  const defs = svg("defs", {});
  const mkId = q => `arrow-${q.replace(/ /g, "-")}`;
  for (const [q, c] of [...Object.entries(QUAD_COLOURS), ["none", "#9aa3ae"]]) {
    defs.append(svg("marker", { id: mkId(q), viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
      markerUnits: "userSpaceOnUse", orient: "auto" }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: c })));
  }
  root.append(defs);
  const radius = d => 4 + Math.min(14, Math.sqrt(d.events) * 2.5);
  const r = new Map(nodes.map(d => [d.id, radius(d)]));
  const labelled = new Set([...nodes].sort((a, b) => b.events - a.events).slice(0, 30).map(d => d.id));
  const gEdges = svg("g", {}), gNodes = svg("g", {});
  for (const e of edges) {
    const a = at.get(e.source), b = at.get(e.target);
    const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, len = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
    const cx = mx - ((b.y - a.y) / len) * len * 0.12, cy = my + ((b.x - a.x) / len) * len * 0.12;
    const dx = b.x - cx, dy = b.y - cy, d = Math.max(1, Math.hypot(dx, dy));
    const rb = r.get(e.target) + 2;
    const q = e.quad || "none";
    const line = svg("path", { class: "edge", d: `M ${a.x} ${a.y} Q ${cx} ${cy} ${b.x - (dx / d) * rb} ${b.y - (dy / d) * rb}`,
      fill: "none", stroke: QUAD_COLOURS[q] || "#9aa3ae", "stroke-width": 1 + 5 * (e.events / maxW), "stroke-opacity": 0.8,
      "marker-end": `url(#${mkId(q)})`, "data-source": e.source, "data-target": e.target, "data-quad": q, tabindex: 0, role: "button",
      "aria-label": `${name.get(e.source)} to ${name.get(e.target)}: ${e.events} events, mostly ${q}` },
      svg("title", {}, `${name.get(e.source)} → ${name.get(e.target)}: ${e.events} events, mostly ${q}; Goldstein sum ${e.goldstein_sum}`));
    line.addEventListener("click", () => showEdge(e));
    line.addEventListener("keydown", ev => { if (ev.key === "Enter") showEdge(e); });
    gEdges.append(line);
  }
  for (const d of nodes) {
    const pt = at.get(d.id);
    const g = svg("g", { class: `node${labelled.has(d.id) ? " labelled" : ""}`, transform: `translate(${pt.x},${pt.y})`, tabindex: 0,
      role: "button", "data-id": d.id, "data-kind": d.kind || "", "aria-label": `${d.name || d.id}: ${d.events} events` },
      svg("circle", { r: r.get(d.id), fill: KIND_COLOURS[d.kind] || "#7f7f7f" }),
      svg("text", { x: r.get(d.id) + 3, y: 4 }, d.name || d.id),
      svg("title", {}, `${d.name || d.id} (${d.kind || "actor"}): ${d.events} events`));
    g.addEventListener("click", () => showNode(d));
    g.addEventListener("keydown", ev => { if (ev.key === "Enter") showNode(d); });
    gNodes.append(g);
  }
  root.append(gEdges, gNodes);
  const controls = h("div", { class: "bar zoom" });
  const view = zoomable(root, W, H, controls);
  const cut = net.total_edges > edges.length ? ` (the ${edges.length} heaviest of ${net.total_edges})` : "";
  const roll = net.rollup ? h("p", { class: "small muted", id: "net-rollup" },
    `Blocs on ${net.rollup.on}: ` + net.rollup.blocs.map(b => `${b.name} (${b.members.length} members)`).join(", ")
    + (net.rollup.unknown.length ? `; not known to the knowledge base: ${net.rollup.unknown.join(", ")}` : "")) : null;
  box.replaceChildren(h("p", { id: "net-summary", class: "small" },
    `${nodes.length} ${nodes.length === 1 ? one : many}, ${edges.length} edges${cut}.`), roll || "", controls, root);

  if (p.focus) {
    const needle = p.focus.toLowerCase();
    const hits = nodes.filter(d => d.id.toLowerCase().includes(needle) || (d.name || "").toLowerCase().includes(needle));
    if (hits.length) {
      focus(new Set(hits.map(d => d.id)), hits.map(d => d.id));
      if (nodes.length > 40) { const pt = at.get(hits[0].id); view.centre(pt.x, pt.y, 1.6); }
    }
  }

  function focus(ids, selected = []) {
    root.querySelectorAll(".node").forEach(n => n.classList.toggle("dim", ids && !ids.has(n.dataset.id)));
    root.querySelectorAll(".node").forEach(n => n.classList.toggle("sel", selected.includes(n.dataset.id)));
    root.querySelectorAll(".edge").forEach(l => l.classList.toggle("dim", ids && !(ids.has(l.dataset.source) || ids.has(l.dataset.target))));
  }

  function explorerLink(d) {
    if (d.kind === "bloc") return null;
    const q = net.level === "actor" ? { actor: d.id } : /^[A-Z]{3}$/.test(d.id) ? { country: d.id } : { actor: d.id };
    return h("a", { href: `#/events?${new URLSearchParams(q)}` }, "Its events in the explorer");
  }

  function showNode(d) {
    const mine = edges.filter(e => e.source === d.id || e.target === d.id);
    focus(new Set([d.id, ...mine.flatMap(e => [e.source, e.target])]), [d.id]);
    const bloc = net.rollup && net.rollup.blocs.find(b => b.id === d.id);
    side.replaceChildren(h("h3", {}, d.name || d.id),
      facts([["id", d.id], ["kind", d.kind], ["country", d.country], ["events (drawn edges)", String(d.events)],
        ["events within", d.internal ? String(d.internal) : null]]),
      bloc ? h("p", { class: "small", id: "net-members" }, `Members on ${net.rollup.on} (${bloc.members.length}): ${bloc.members.join(", ")}`) : "",
      h("h4", {}, `Edges (${mine.length})`),
      h("ul", { class: "small" }, mine.map(e => h("li", {}, `${name.get(e.source)} → ${name.get(e.target)}: ${e.events} events, mostly ${e.quad || "uncoded"}`))),
      h("p", {}, explorerLink(d), " ",
        mine[0] ? h("a", { href: `#/timeline?source=${encodeURIComponent(d.id)}&target=${encodeURIComponent(mine[0].source === d.id ? mine[0].target : mine[0].source)}&symmetric=true` },
          "Timeline with its strongest partner") : null));
  }

  function showEdge(e) {
    focus(new Set([e.source, e.target]), [e.source, e.target]);
    side.replaceChildren(h("h3", {}, `${name.get(e.source)} → ${name.get(e.target)}`),
      facts([["events", String(e.events)], ...Object.keys(QUAD_COLOURS).map(q => [q, String(e[q.replace(" ", "_")])]),
        ["Goldstein sum", String(e.goldstein_sum)]]),
      h("p", {}, h("a", { href: `#/timeline?source=${encodeURIComponent(e.source)}&target=${encodeURIComponent(e.target)}&symmetric=false` }, "Open as a timeline")));
  }
}
