// Where events happen: a choropleth of events per country over the bundled Natural Earth
// boundaries (static/world-110m.json; no tiles, no network), geocoded places as dots, and a click on
// a country opening the events explorer filtered to it. TopoJSON decoding and the Equal Earth
// projection are written here.

import { api, clearError, h, showError, svg } from "./util.js";

let world = null;
async function loadWorld() {
  if (!world) {
    const res = await fetch("/static/world-110m.json");
    if (!res.ok) throw new Error(`the map file did not load (${res.status})`);
    world = decodeTopo(await res.json());
  }
  return world;
}

/** TopoJSON (quantized arcs) to [{id, name, rings: [[[lon, lat], ...], ...]}] (polygons flattened to rings). */
export function decodeTopo(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = ids => {
    const pts = [];
    for (const i of ids) {
      const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    return pts;
  };
  // a ring that crosses the antimeridian (eastern Russia, Fiji) is made continuous, then clamped to
  // the map's edge, so no stripe runs across the whole map
  const unwrap = pts => {
    let shift = 0;
    const out = pts.map(([x, y], i) => {
      if (i) { const d = x + shift - (pts[i - 1][0] + shift); if (d > 180) shift -= 360; else if (d < -180) shift += 360; }
      return [x + shift, y];
    });
    return out.map(([x, y]) => [Math.max(-180, Math.min(180, x)), y]);
  };
  const ringOf = ids => unwrap(ring(ids));
  return topo.objects.countries.geometries.map(g => ({
    id: g.id, name: g.properties.name,
    rings: g.type === "Polygon" ? g.arcs.map(ringOf) : g.type === "MultiPolygon" ? g.arcs.flatMap(p => p.map(ringOf)) : [],
  }));
}

// Equal Earth (Šavrič, Patterson and Jenny 2018), in radians, unscaled
const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
function equalEarth(lon, lat) {
  const l = (lon * Math.PI) / 180, p = (lat * Math.PI) / 180;
  const t = Math.asin(M * Math.sin(p)), t2 = t * t, t6 = t2 * t2 * t2;
  return [(l * Math.cos(t)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2))), t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))];
}
const W = 960, H = 470;
const XMAX = equalEarth(180, 0)[0], YMAX = equalEarth(0, 90)[1];
const SCALE = Math.min((W - 10) / (2 * XMAX), (H - 10) / (2 * YMAX * 0.86));
export function project(lon, lat) {
  const [x, y] = equalEarth(lon, lat);
  return [W / 2 + x * SCALE, H / 2 + 22 - y * SCALE];
}

const BINS = ["#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#f2855d", "#ef6a4c", "#c0392b"];

export function mapView(root, params) {
  const get = k => params.get(k) || "";
  const where = h("select", { id: "map-where", name: "where" },
    h("option", { value: "involved" }, "countries taking part (source or target actor)"),
    h("option", { value: "place" }, "countries where events happened (geocoded place)"));
  where.value = get("where") || "involved";
  const type = h("select", { id: "map-type", name: "type" }, h("option", { value: "" }, "any type"));
  const from = h("input", { type: "date", id: "map-from", name: "from", value: get("from") });
  const to = h("input", { type: "date", id: "map-to", name: "to", value: get("to") });
  const places = h("input", { type: "checkbox", id: "map-places", name: "places", checked: get("places") !== "0" });
  const box = h("div", { id: "map-box" }, h("p", { class: "empty" }, "Loading the map…"));
  const side = h("div", { id: "map-side" });
  const form = h("form", { class: "bar", onsubmit: ev => { ev.preventDefault(); go(); } },
    h("label", {}, "Count events by", where), h("label", {}, "Event type", type), h("label", {}, "From", from),
    h("label", {}, "To", to), h("label", { class: "check" }, places, "show places"), h("button", { type: "submit" }, "Draw"));
  root.replaceChildren(h("div", { class: "grid2" },
    h("div", { class: "card" }, h("h2", {}, "Where events happen"),
      h("p", { class: "muted small" }, "Colour: events per country. Click a country to list its events in the explorer; "
        + "dots are geocoded places. Boundaries: Natural Earth 1:110m (public domain), bundled."),
      form, box),
    h("aside", { class: "card sticky" }, side)));
  api("/api/explore/facets").then(fc => {
    type.append(...fc.all_types.map(t => h("option", { value: t }, t)));
    type.value = get("type");
  }).catch(showError);

  function filters() {
    const p = { where: where.value, type: type.value, from: from.value, to: to.value };
    return Object.fromEntries(Object.entries(p).filter(([, v]) => v));
  }

  async function go() {
    const p = filters();
    history.replaceState(null, "", `#/map?${new URLSearchParams({ ...p, places: places.checked ? "1" : "0" })}`);
    clearError();
    try {
      const [shapes, counts, spots] = await Promise.all([loadWorld(), api("/api/map/countries", { params: p }),
        places.checked ? api("/api/map/places", { params: { type: p.type, from: p.from, to: p.to } }) : { items: [] }]);
      draw(shapes, counts.items, spots.items, p);
    } catch (err) { box.replaceChildren(); showError(err); }
  }

  function draw(shapes, items, spots, p) {
    const n = new Map(items.map(c => [c.country, c]));
    const max = Math.max(1, ...items.map(c => c.events));
    const bin = v => BINS[Math.min(BINS.length - 1, Math.floor((Math.log(v) / Math.log(max + 1)) * BINS.length))];
    const open = code => {
      const q = new URLSearchParams({ country: code });
      if (p.where && p.where !== "involved") q.set("where", p.where);
      for (const k of ["type", "from", "to"]) if (p[k]) q.set(k, p[k]);
      location.hash = `#/events?${q}`;
    };
    const root = svg("svg", { class: "map", viewBox: `0 0 ${W} ${H}`, role: "group",
      "aria-label": `Events per country: ${items.length} countries with events` });
    const drawn = new Set();
    const gC = svg("g", { class: "countries" });
    for (const c of shapes) {
      if (c.id === "ATA") continue;
      const d = c.rings.map(r => "M" + r.map(([x, y]) => project(x, y).map(v => v.toFixed(1)).join(",")).join("L") + "Z").join("");
      const info = n.get(c.id);
      const el = svg("path", { d, class: info ? "country has" : "country", fill: info ? bin(info.events) : "#e4e7eb",
        "data-id": c.id, "data-events": info ? info.events : 0 },
        svg("title", {}, `${c.name} (${c.id}): ${info ? info.events : 0} events`));
      if (info) {
        drawn.add(c.id);
        el.setAttribute("tabindex", 0);
        el.setAttribute("role", "button");
        el.setAttribute("aria-label", `${c.name}: ${info.events} events; open them in the explorer`);
        el.addEventListener("click", () => open(c.id));
        el.addEventListener("keydown", ev => { if (ev.key === "Enter") open(c.id); });
      }
      gC.append(el);
    }
    root.append(gC);
    // states too small for the 1:110m shapes (Singapore, Bahrain ...) are drawn as a ringed dot
    const gS = svg("g", { class: "small-states" });
    for (const c of items) {
      if (drawn.has(c.country) || c.lat == null || c.lon == null) continue;
      const [x, y] = project(c.lon, c.lat);
      const el = svg("circle", { cx: x, cy: y, r: 5, class: "country has", fill: bin(c.events), "data-id": c.country,
        "data-events": c.events, tabindex: 0, role: "button", "aria-label": `${c.name || c.country}: ${c.events} events` },
        svg("title", {}, `${c.name || c.country} (${c.country}): ${c.events} events`));
      el.addEventListener("click", () => open(c.country));
      gS.append(el);
    }
    root.append(gS);
    const gP = svg("g", { class: "places" });
    const pmax = Math.max(1, ...spots.map(s => s.events));
    for (const s of spots) {
      const [x, y] = project(s.lon, s.lat);
      gP.append(svg("circle", { cx: x, cy: y, r: 2 + 8 * Math.sqrt(s.events / pmax), class: "place", "data-id": s.id },
        svg("title", {}, `${s.name}${s.country ? ` (${s.country})` : ""}: ${s.events} events`)));
    }
    root.append(gP);
    const total = items.reduce((a, c) => a + c.events, 0);
    box.replaceChildren(
      h("p", { id: "map-summary", class: "small" }, items.length
        ? `${items.length} countries, ${spots.length} places. Darkest: ${max} events.`
        : "No events with a country under these filters."),
      root,
      h("div", { class: "legend-row" }, h("span", {}, "fewer"), BINS.map(c => h("span", { class: "sw", style: `background:${c}` })),
        h("span", {}, `more (log scale, up to ${max})`), h("span", {}, h("span", { class: "sw dot" }), "place")));
    side.replaceChildren(h("h3", {}, "Countries"),
      h("p", { class: "small muted" }, p.where === "place" ? "Events said to have happened in the country."
        : "Events with an actor of the country on either side (an event between two countries counts for both)."),
      items.length ? h("table", { class: "rows", id: "map-table" },
        h("thead", {}, h("tr", {}, h("th", {}, "Country"), h("th", { class: "num" }, "Events"))),
        h("tbody", {}, items.slice(0, 40).map(c => h("tr", {},
          h("td", {}, h("a", { href: `#/events?${new URLSearchParams({ country: c.country, ...(p.where === "place" ? { where: "place" } : {}) })}` },
            `${c.name || c.country} (${c.country})`)),
          h("td", { class: "num" }, String(c.events)))))) : h("p", { class: "muted" }, "None."),
      items.length > 40 ? h("p", { class: "small muted" }, `and ${items.length - 40} more; ${total} country-event pairs in all.`) : "");
  }

  go();
}
