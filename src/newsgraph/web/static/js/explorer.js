// The events explorer: filter events by actor, type, quad class, country, dates and confidence;
// a row opens onto its evidence sentence with the source, target and trigger marked; the CSV link
// downloads exactly the filtered rows (the server streams them with the same filters).

import { actorSuggest, api, clearError, h, quadClass, showError } from "./util.js";

const FIELDS = ["actor", "type", "quad", "country", "where", "from", "to", "min_confidence", "q"];
const PAGE = 50;

let facetCache = null;
async function facets() {
  if (!facetCache) facetCache = await api("/api/explore/facets");
  return facetCache;
}

/** The filters in the URL (only those with a value). */
function current(params) {
  const out = {};
  for (const k of FIELDS) { const v = (params.get(k) || "").trim(); if (v) out[k] = v; }
  if (out.where === "involved") delete out.where;
  return out;
}

export function explorerView(root, params) {
  const f = current(params);
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const actorList = h("datalist", { id: "ex-actor-list" });
  const actor = h("input", { type: "search", id: "ex-actor", name: "actor", list: "ex-actor-list", value: f.actor || "",
    placeholder: "name or id, e.g. Putin" });
  actorSuggest(actor, actorList);
  const type = h("select", { id: "ex-type", name: "type" }, h("option", { value: "" }, "any type"));
  const quad = h("select", { id: "ex-quad", name: "quad" }, h("option", { value: "" }, "any quad class"));
  const country = h("select", { id: "ex-country", name: "country" }, h("option", { value: "" }, "any country"));
  const where = h("select", { id: "ex-where", name: "where", title: "What the country means" },
    h("option", { value: "involved" }, "an actor of it takes part"), h("option", { value: "place" }, "it happened there"));
  where.value = f.where || "involved";
  const from = h("input", { type: "date", id: "ex-from", name: "from", value: f.from || "" });
  const to = h("input", { type: "date", id: "ex-to", name: "to", value: f.to || "" });
  const conf = h("input", { type: "number", id: "ex-conf", name: "min_confidence", min: 0, max: 1, step: 0.05,
    value: f.min_confidence || "", placeholder: "0-1", style: "width:5rem" });
  const text = h("input", { type: "search", id: "ex-q", name: "q", value: f.q || "", placeholder: "words in the sentence" });
  const download = h("a", { id: "ex-csv", class: "button secondary", download: "newsgraph-events.csv",
    href: `/api/explore/events.csv?${new URLSearchParams(f)}` }, "Download CSV");
  const count = h("p", { id: "ex-count", class: "small", "aria-live": "polite" }, "Loading…");
  const out = h("div", { id: "ex-results" });
  const form = h("form", { class: "bar", id: "ex-form", onsubmit: ev => { ev.preventDefault(); apply(); } },
    h("label", {}, "Actor", actor), actorList, h("label", {}, "Event type", type), h("label", {}, "Quad class", quad),
    h("label", {}, "Country", country), h("label", {}, "Country means", where),
    h("label", {}, "From", from), h("label", {}, "To", to), h("label", {}, "Min. confidence", conf),
    h("label", {}, "Text", text), h("button", { type: "submit" }, "Filter"),
    h("button", { type: "button", class: "secondary", onclick: () => { location.hash = "#/events"; } }, "Clear"));
  root.replaceChildren(h("div", { class: "card" }, h("h2", {}, "Events explorer"),
    h("p", { class: "muted small" }, "Every coded event in the store, newest first. Open a row to read its sentence with "
      + "the source, target and trigger marked; the CSV holds every row that matches, not only this page."),
    form, h("div", { class: "bar", style: "justify-content:space-between;align-items:center" }, count, download), out));

  function apply() {
    const p = { actor: actor.value.trim(), type: type.value, quad: quad.value, country: country.value,
      where: country.value ? where.value : "", from: from.value, to: to.value, min_confidence: conf.value, q: text.value.trim() };
    const q = new URLSearchParams(Object.entries(p).filter(([k, v]) => v && !(k === "where" && v === "involved")));
    location.hash = `#/events${q.toString() ? "?" + q : ""}`;
  }

  facets().then(fc => {
    type.append(...fc.all_types.map(t => {
      const n = fc.types.find(x => x.value === t);
      return h("option", { value: t }, `${t}${n ? ` (${n.events})` : " (0)"}`);
    }));
    quad.append(...fc.quads.map(x => h("option", { value: x.value }, `${x.value} (${x.events})`)));
    const have = new Set(fc.countries.map(c => c.value));
    country.append(...fc.countries.map(c => h("option", { value: c.value }, `${c.name || c.value} (${c.value}, ${c.events})`)));
    if (f.country && !have.has(f.country)) country.append(h("option", { value: f.country }, f.country));
    type.value = f.type || ""; quad.value = f.quad || ""; country.value = f.country || "";
    if (fc.date_min && !from.value) from.placeholder = fc.date_min;
  }).catch(showError);

  load();

  async function load() {
    clearError();
    try {
      const page = await api("/api/explore/events", { params: { ...f, limit: PAGE, offset } });
      count.textContent = `${page.total.toLocaleString("en")} event${page.total === 1 ? "" : "s"} match`
        + (page.total ? `; rows ${offset + 1}–${offset + page.items.length}` : "") + ".";
      count.dataset.total = String(page.total);
      if (!page.items.length) { out.replaceChildren(h("p", { class: "muted" }, "No events match these filters.")); return; }
      const pager = h("div", { class: "bar", style: "margin-top:.5rem" },
        offset > 0 ? h("a", { href: hashWith(Math.max(0, offset - PAGE)), id: "ex-prev" }, "← newer") : null,
        page.next !== null ? h("a", { href: hashWith(page.next), id: "ex-next" }, "older →") : null);
      out.replaceChildren(table(page.items), pager);
    } catch (err) { count.textContent = ""; showError(err); }
  }

  function hashWith(off) {
    const q = new URLSearchParams(f);
    if (off) q.set("offset", off);
    return `#/events?${q}`;
  }
}

function names(ids, label) {
  return label || (ids || []).join(", ") || "–";
}

function table(items) {
  const body = h("tbody", {});
  for (const e of items) {
    const open = h("button", { type: "button", class: "linkish", "aria-expanded": "false",
      "aria-label": `Show the evidence of event ${e.event_id}` }, "▸");
    const row = h("tr", { class: "ev-row", "data-article": e.article_id, "data-event": e.event_id },
      h("td", {}, open),
      h("td", { class: "nowrap" }, e.date || h("span", { class: "muted" }, "undated")),
      h("td", {}, names(e.source, e.source_names), h("span", { class: "muted" }, " → "), names(e.target, e.target_names)),
      h("td", {}, h("span", { class: `badge ${quadClass(e.quad)}` }, e.plover || "?"),
        h("span", { class: "small muted" }, ` ${e.quad || ""}`)),
      h("td", { class: "num" }, e.goldstein ?? ""),
      h("td", { class: "num" }, e.confidence != null ? e.confidence.toFixed(2) : ""),
      h("td", {}, e.place_name ? `${e.place_name}${e.place_country ? ` (${e.place_country})` : ""}` : ""),
      h("td", { class: "ev-text" }, e.evidence || ""));
    const detail = h("tr", { class: "ev-detail", hidden: true }, h("td", { colspan: 8 }));
    open.addEventListener("click", () => toggle(e, open, detail));
    body.append(row, detail);
  }
  return h("table", { class: "rows", id: "ex-table" },
    h("thead", {}, h("tr", {}, ["", "Date", "Source → target", "Type", "Goldstein", "Conf.", "Place", "Evidence"]
      .map(x => h("th", { scope: "col" }, x)))), body);
}

async function toggle(e, button, detail) {
  const opening = detail.hidden;
  detail.hidden = !opening;
  button.textContent = opening ? "▾" : "▸";
  button.setAttribute("aria-expanded", String(opening));
  if (!opening || detail.dataset.loaded) return;
  const cell = detail.firstChild;
  cell.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  try {
    const ev = await api(`/api/explore/evidence/${encodeURIComponent(e.article_id)}/${encodeURIComponent(e.event_id)}`);
    detail.dataset.loaded = "1";
    cell.replaceChildren(evidenceBlock(ev));
  } catch (err) { cell.replaceChildren(); showError(err); }
}

/** The sentence as text nodes and <mark>s: nothing from the article is parsed as HTML. */
export function evidenceBlock(ev) {
  const parts = [];
  let at = 0;
  for (const s of ev.spans) {
    if (s.start < at) continue;
    if (s.start > at) parts.push(ev.text.slice(at, s.start));
    parts.push(h("mark", { class: `sp ${s.role}`, title: s.role === "trigger" ? "trigger" : `${s.role}: ${s.name || s.actor}` },
      ev.text.slice(s.start, s.end)));
    at = s.end;
  }
  if (at < ev.text.length) parts.push(ev.text.slice(at));
  const x = ev.event;
  return h("div", { class: "evidence" },
    h("blockquote", { class: "ev-sentence" }, parts),
    h("p", { class: "legend-row" },
      h("span", {}, h("mark", { class: "sp source" }, "source")), h("span", {}, h("mark", { class: "sp target" }, "target")),
      h("span", {}, h("mark", { class: "sp trigger" }, "trigger"))),
    h("p", { class: "small" },
      `${x.plover || "?"} (CAMEO ${x.cameo || "?"}, ${x.quad || "no quad"}, Goldstein ${x.goldstein ?? "–"}); `
      + `${x.modality || "asserted"}${x.negated ? ", negated" : ""}; dated ${x.date || "–"} (${x.date_precision || "no precision"}); `
      + `confidence ${x.confidence ?? "–"}. `,
      h("a", { href: `#/article/${encodeURIComponent(ev.article_id)}` }, `Open the article: ${ev.title || ev.article_id}`)));
}
