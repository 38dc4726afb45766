// The dashboard's router and the smaller views (articles list, quotes, analyse, API reference).

import { explorerView } from "./explorer.js";
import { mapView } from "./map.js";
import { networkView } from "./network.js";
import { renderDocument, trim } from "./reader.js";
import { timelineView } from "./timeline.js";
import { actorSuggest, api, clearError, debounce, h, showError } from "./util.js";

const view = document.getElementById("view");

function route() {
  clearError();
  const hash = location.hash.replace(/^#/, "") || "/articles";
  const [path, query = ""] = hash.split("?");
  const params = new URLSearchParams(query);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const name = parts[0] || "articles";
  document.querySelectorAll("header nav a").forEach(a => {
    const on = a.dataset.view === name || (name === "article" && a.dataset.view === "articles");
    if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  if (name === "article") articlesView(params, parts[1]);
  else if (name === "events") explorerView(view, params);
  else if (name === "map") mapView(view, params);
  else if (name === "timeline") timelineView(view, params);
  else if (name === "network") networkView(view, params);
  else if (name === "quotes") quotesView(params);
  else if (name === "analyze") analyzeView();
  else if (name === "api") apiView();
  else articlesView(params, null);
}

// ---- articles: a searchable list beside the reader -------------------------------------------
async function articlesView(params, articleId) {
  const search = h("input", { type: "search", id: "article-search", placeholder: "Search articles", "aria-label": "Search articles",
    value: params.get("q") || "" });
  const list = h("ul", { class: "list", id: "article-list", "aria-label": "Articles" });
  const reader = h("div", { id: "reader" }, h("div", { class: "card" }, h("p", { class: "muted" }, "Choose an article on the left.")));
  view.replaceChildren(h("div", { class: "grid3", style: "grid-template-columns: 270px minmax(0,1fr)" },
    h("nav", { class: "card sticky", "aria-label": "Article list" }, h("h2", {}, "Articles"), search, list), reader));
  const item = a => h("li", {}, h("a", { href: `#/article/${encodeURIComponent(a.id)}`,
    "aria-current": a.id === articleId ? "true" : null }, a.title || a.id,
    h("span", { class: "meta" }, `${a.published || "undated"} · ${a.n_quotes} quotes · ${a.n_events} events`)));
  let asked = 0;
  const load = async (offset = 0) => {
    const mine = ++asked;
    try {
      const page = await api("/api/articles", { params: { q: search.value.trim(), limit: 100, offset } });
      if (mine !== asked) return; // a newer search has started
      if (!offset) list.replaceChildren();
      list.querySelector(".more")?.remove();
      list.append(...page.items.map(item));
      if (page.next !== null) {
        list.append(h("li", { class: "more" }, h("button", { type: "button", class: "secondary", onclick: () => load(page.next) },
          "More articles")));
      }
      if (!offset && !page.items.length) list.replaceChildren(h("li", { class: "muted small" }, "No articles match."));
    } catch (err) { showError(err); }
  };
  search.addEventListener("input", debounce(() => load(0)));
  load(0);
  if (articleId) {
    try {
      const doc = await api(`/api/articles/${encodeURIComponent(articleId)}`);
      renderDocument(reader, doc, { stored: true, focusQuote: params.get("quote") });
      document.title = `${doc.article.title || "article"} · newsgraph`;
    } catch (err) { showError(err); }
  }
}

// ---- quotes: who said what about whom ---------------------------------------------------------
function quotesView(params) {
  const q = h("input", { type: "search", id: "quote-q", name: "q", value: params.get("q") || "", placeholder: "words in the quote" });
  const speaker = h("input", { type: "text", id: "quote-speaker", name: "speaker", list: "quote-speakers", value: params.get("speaker") || "",
    placeholder: "e.g. Putin" });
  const about = h("input", { type: "text", id: "quote-about", name: "about", list: "quote-abouts", value: params.get("about") || "",
    placeholder: "e.g. NATO" });
  const dl1 = h("datalist", { id: "quote-speakers" }), dl2 = h("datalist", { id: "quote-abouts" });
  actorSuggest(speaker, dl1);
  actorSuggest(about, dl2);
  const sure = h("input", { type: "checkbox", id: "quote-sure", name: "sure" });
  sure.checked = params.get("min_confidence") !== null;
  const out = h("div", { id: "quote-results", "aria-live": "polite" });
  const form = h("form", { class: "bar", onsubmit: ev => { ev.preventDefault(); go(); } },
    h("label", {}, "Text", q), h("label", {}, "Speaker", speaker), dl1, h("label", {}, "About", about), dl2,
    h("label", { title: "Leave out quotes below confidence 0.6: noun-phrase contents such as 'denied the allegations'" },
      sure, " Quotes and reported clauses only"),
    h("button", { type: "submit" }, "Search"));
  view.replaceChildren(h("div", { class: "card" }, h("h2", {}, "Quote explorer"),
    h("p", { class: "muted small" }, "Who said what about whom: search the quote text, the speaker, or an actor the quote mentions."),
    form, out));

  let latest = 0; // only the answer to the latest search is shown
  async function go() {
    const p = { q: q.value.trim(), speaker: speaker.value.trim(), about: about.value.trim(), limit: 200 };
    if (sure.checked) p.min_confidence = 0.6;
    history.replaceState(null, "", `#/quotes?${new URLSearchParams(Object.entries(p).filter(([, v]) => v))}`);
    clearError();
    const mine = ++latest;
    out.replaceChildren(h("p", { class: "muted" }, "Searching…"));
    try {
      const page = await api("/api/quotes", { params: p });
      if (mine !== latest) return;
      out.replaceChildren(h("p", { class: "small", id: "quote-count" }, `${page.items.length}${page.next ? "+" : ""} quotes`),
        page.items.length ? h("table", { class: "rows" },
          h("thead", {}, h("tr", {}, ["Speaker", "Quote", "About", "Date"].map(x => h("th", { scope: "col" }, x)))),
          h("tbody", {}, page.items.map(r => h("tr", {},
            h("td", {}, r.speaker_name || r.speaker || h("span", { class: "muted" }, "unattributed")),
            h("td", {}, h("a", { href: `#/article/${encodeURIComponent(r.article_id)}?quote=${encodeURIComponent(r.quote_id)}` },
              `“${trim(r.text, 220)}”`), h("span", { class: "small muted", title: r.rule ? `rule ${r.rule}` : "" },
              ` ${r.kind}${r.cue ? ", " + r.cue : ""}${r.confidence != null ? ", " + r.confidence.toFixed(2) : ""}`)),
            h("td", {}, [...new Set(r.about.map(a => a.name || a.id))].join(", ")),
            h("td", { class: "small" }, r.published || ""))))) : h("p", { class: "muted" }, "No quotes match."));
    } catch (err) { showError(err); }
  }
  go();
}

// ---- analyse a pasted article on the spot ------------------------------------------------------
function analyzeView() {
  const text = h("textarea", { id: "analyze-text", name: "text", required: true,
    placeholder: "Paste the text (or HTML) of a news article here." });
  const title = h("input", { type: "text", id: "analyze-title", name: "title", placeholder: "optional" });
  const date = h("input", { type: "date", id: "analyze-date", name: "published" });
  const status = h("p", { class: "muted small", "aria-live": "polite" });
  const out = h("div", { id: "analyze-result" });
  const form = h("form", { onsubmit: async ev => {
    ev.preventDefault();
    clearError();
    status.textContent = "Analysing…";
    try {
      const doc = await api("/api/analyze", { method: "POST", body: { text: text.value, title: title.value || null, published: date.value || null } });
      status.textContent = "";
      renderDocument(out, doc, { stored: false });
    } catch (err) { status.textContent = ""; showError(err); }
  } },
  h("label", { for: "analyze-text" }, "Article text"), text,
  h("div", { class: "bar", style: "margin-top:.5rem" }, h("label", {}, "Title", title), h("label", {}, "Published", date),
    h("button", { type: "submit" }, "Analyse")), status);
  view.replaceChildren(h("div", { class: "card", style: "margin-bottom:1rem" }, h("h2", {}, "Analyse an article"),
    h("p", { class: "muted small" }, "The text is analysed on the server and shown in the reader below; nothing is stored."), form), out);
}

// ---- the API reference, from the server's own OpenAPI document (offline) ----------------------
async function apiView() {
  const box = h("div", { class: "card" }, h("h2", {}, "REST API"),
    h("p", { class: "small" }, "Machine-readable: ", h("a", { href: "/api/openapi.json" }, "/api/openapi.json"),
      ". Every error is ", h("code", {}, '{"error": {"code", "message", "status"}}'), "."));
  view.replaceChildren(box);
  try {
    const spec = await fetch("/api/openapi.json").then(r => r.json());
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const params = (op.parameters || []).map(p => h("li", {}, h("code", {}, p.name), ` (${p.in}${p.required ? ", required" : ""}): `,
          p.description || ""));
        box.append(h("div", { class: "api-ep" },
          h("h3", {}, h("code", { class: `method ${method}` }, method.toUpperCase()), " ", h("code", {}, path), " — ", op.summary || ""),
          op.description ? h("p", { class: "small" }, op.description) : null,
          params.length ? h("ul", { class: "small" }, params) : null));
      }
    }
  } catch (err) { showError(err); }
}

async function storeInfo() {
  try {
    const info = await api("/api/info");
    document.getElementById("store-info").textContent =
      `${info.store}: ${info.counts.articles} articles · ${info.counts.actors} actor rows · ${info.counts.quotes} quotes · ${info.counts.events} events`;
  } catch { /* the header line is optional */ }
}

window.addEventListener("hashchange", route);
storeInfo();
route();
