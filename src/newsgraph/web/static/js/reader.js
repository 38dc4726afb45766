// The article reader: the text with actors, quotes (coloured by speaker) and events highlighted;
// clicking one shows who/what it is in the details panel.

import { api, colourFor, esc, facts, h, quadClass, safeUrl } from "./util.js";

// why a mention was linked to its actor, in words (Mention.rule in the document)
const RULES = {
  "ner": "recognised as a named entity by the language model",
  "ner-person": "a person the language model recognised (not in the knowledge base)",
  "ner-org": "an organisation the language model recognised (not in the knowledge base)",
  "surname": "a surname: the person named in full earlier in the article",
  "surname-of-full-name": "a surname: the person named in full earlier in the article",
  "title": "a title (e.g. “the president”) resolved to the person holding it on the article's date",
  "title-kb": "a title resolved, through the knowledge base, to the person holding that office on the article's date",
  "title-country": "a title with a country (e.g. “the Russian president”) resolved to the office holder on that date",
  "title-coref": "a bare title (e.g. “the president”) resolved to the office holder named earlier",
  "title-appos": "a title next to the name it describes (apposition)",
  "title-unnamed": "an office holder the article names only by title",
  "role-description": "a description of a role (e.g. “a spokesman for …”) attached to a person",
  "role-description-kb": "a description of a role matched to the office holder in the knowledge base",
  "demonym": "a nationality word standing for its country",
  "demonym-title": "a nationality and a title (e.g. “the Russian leader”) resolved to the office holder",
  "pronoun": "a pronoun resolved to an earlier mention",
  "capital": "a capital city standing for its government (metonymy)",
  "seat": "a seat of government standing for its government (metonymy)",
  "seat-metonym": "a seat of government (e.g. “the Kremlin”) standing for its government",
  "org-generic": "a generic phrase (e.g. “the alliance”) resolved to the organisation it refers to",
  "org-generic-sentence": "a generic phrase (e.g. “the alliance”) resolved to the organisation named in the same sentence",
  "org-generic-chain": "a generic phrase resolved through an earlier generic phrase for the same organisation",
  "org-generic-salience": "a generic phrase resolved to the most prominent organisation of the article",
  "coref": "a repeated reference resolved to an earlier mention",
};
const KB_ATTRS = { name: "name", alias: "alias", acronym: "acronym", adjective: "adjective (e.g. “Russian”)",
  demonym: "demonym", capital: "capital", seat: "seat of government", surname: "surname", full_name: "full name" };

export function ruleText(rule) {
  if (!rule) return "no rule recorded";
  if (RULES[rule]) return RULES[rule];
  if (rule.startsWith("kb-")) return `matched the knowledge base by ${KB_ATTRS[rule.slice(3)] || rule.slice(3)}`;
  return `rule “${rule}”`;
}

/** Render an analysis document into `root`. `stored` says whether the store holds it (profiles). */
export function renderDocument(root, doc, { stored = true, focusQuote = null } = {}) {
  const art = doc.article;
  const actors = new Map(doc.actors.map(a => [a.id, a]));
  const places = new Map((doc.places || []).map(p => [p.id, p]));
  const speakers = [...new Set(doc.quotes.map(q => q.speaker).filter(Boolean))];
  const colours = colourFor(speakers);
  const name = id => (actors.get(id) || {}).name || id;

  const details = h("div", { class: "details", id: "details", "aria-live": "polite" },
    h("p", { class: "muted" }, "Click a highlighted actor, quote or event in the text to see what newsgraph found."));
  const textBox = h("div", { class: "article-text", id: "article-text" });
  textBox.innerHTML = highlight(art.text, doc, colours);

  const legend = h("div", { class: "legend", "aria-label": "Speakers" },
    speakers.map(id => h("button", { type: "button", class: "chip", style: `--c:${colours.get(id)}`, "data-speaker": id,
      onclick: () => showActor(id, null) }, h("span", { class: "dot" }), name(id))));
  const key = h("div", { class: "key" },
    h("span", {}, h("span", { class: "ann a" }, "Actor"), " mention"),
    h("span", {}, h("span", { class: "ann q", style: "--c:#1f77b4" }, "Quote"), " coloured by speaker"),
    h("span", {}, h("span", { class: "ann q", style: "--c:#888" }, "grey"), " when no speaker was found"),
    h("span", {}, h("span", { class: "ann ev" }, "Event"), " evidence"));

  const meta = [art.published && `published ${art.published}`, art.dateline && `dateline ${art.dateline}`,
    `id ${art.id}`].filter(Boolean).join(" · ");
  // only an http(s) URL becomes a link; any other (javascript:, data: ...) is shown as text, never followed
  const url = safeUrl(art.url);
  const source = url ? [" · ", h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", id: "article-source" }, "source")]
    : art.url ? [" · ", h("span", { class: "muted", id: "article-source", title: "not an http(s) address: not linked" },
      `source: ${trim(art.url, 80)}`)] : null;
  const head = h("div", {},
    h("h2", { id: "article-title" }, art.title || "(untitled article)"),
    h("p", { class: "muted small" }, meta, source,
      stored ? null : h("strong", {}, " · analysed on the spot, not stored")),
    h("p", { class: "small" }, `${doc.actors.length} actors · ${doc.quotes.length} quotes · ${doc.events.length} events · `
      + `${(doc.relations || []).length} relations`),
    key, speakers.length ? legend : null);

  const lists = h("div", {},
    listSection("Quotes", doc.quotes, q => h("li", {}, h("a", { href: "#", onclick: ev => { ev.preventDefault(); showQuote(q.id, true); } },
      h("span", { class: "dot", style: `--c:${q.speaker ? colours.get(q.speaker) : "#888"}` }), " ",
      `${q.speaker ? name(q.speaker) : "unattributed"}: “${trim(q.text, 120)}”`))),
    listSection("Events", doc.events, e => h("li", {}, h("a", { href: "#", onclick: ev => { ev.preventDefault(); showEvents([e.id], true); } },
      `${e.source.map(name).join(", ") || "?"} → ${e.target.map(name).join(", ") || "?"}: ${e.plover || "?"}`,
      h("span", { class: "meta" }, `CAMEO ${e.cameo || "?"} · Goldstein ${e.goldstein ?? "?"} · ${e.date || "no date"}`)))),
    listSection("Actors", [...doc.actors].sort((a, b) => b.mentions.length - a.mentions.length),
      a => h("li", {}, h("a", { href: "#", onclick: ev => { ev.preventDefault(); showActor(a.id, null); } },
        a.name, h("span", { class: "meta" }, `${a.kind}${a.country ? " · " + a.country : ""} · ${a.mentions.length} mention(s)`)))),
    (doc.relations || []).length ? listSection("Relations", doc.relations, r => h("li", { class: "small" },
      `${name(r.subject)} ${r.type.replace(/_/g, " ")} ${name(r.object)} (${r.source === "kb" ? "knowledge base" : "stated in the text"})`)) : null);

  root.replaceChildren(h("div", { class: "grid2" },
    h("article", { class: "card", "aria-labelledby": "article-title" }, head, textBox, lists),
    h("aside", { class: "card sticky", "aria-label": "Details" }, details)));

  textBox.addEventListener("click", ev => onPick(ev.target.closest(".ann")));
  textBox.addEventListener("keydown", ev => {
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.classList.contains("ann")) { ev.preventDefault(); onPick(ev.target); }
  });

  function onPick(span) {
    if (!span) return;
    const s = Number(span.dataset.s);
    details.replaceChildren();
    select(span);
    if (span.dataset.a) details.append(actorSection(span.dataset.a, s));
    if (span.dataset.q) details.append(quoteSection(span.dataset.q));
    if (span.dataset.e) for (const id of span.dataset.e.split(" ")) details.append(eventSection(id));
  }

  function select(spanOrNull, filter) {
    textBox.querySelectorAll(".sel, .sel-speaker").forEach(el => el.classList.remove("sel", "sel-speaker"));
    if (filter) textBox.querySelectorAll(filter).forEach(el => el.classList.add("sel"));
    else if (spanOrNull) spanOrNull.classList.add("sel");
  }

  function scrollTo(sel) {
    const el = textBox.querySelector(sel);
    if (el) { el.scrollIntoView({ block: "center", behavior: "smooth" }); el.focus({ preventScroll: true }); }
  }

  function showActor(id, at) {
    details.replaceChildren(actorSection(id, at));
    select(null, `[data-a="${CSS.escape(id)}"]`);
  }

  function showQuote(id, scroll) {
    details.replaceChildren(quoteSection(id));
    select(null, `[data-q="${CSS.escape(id)}"]`);
    const q = doc.quotes.find(x => x.id === id);
    if (q && q.speaker_mention) markRange(q.speaker_mention.start, q.speaker_mention.end);
    if (scroll) scrollTo(`[data-q="${CSS.escape(id)}"]`);
  }

  function showEvents(ids, scroll) {
    details.replaceChildren(...ids.map(eventSection));
    select(null, ids.map(id => `[data-e~="${CSS.escape(id)}"]`).join(","));
    if (scroll) scrollTo(`[data-e~="${CSS.escape(ids[0])}"]`);
  }

  function markRange(start, end) {
    textBox.querySelectorAll(".ann").forEach(el => {
      const s = Number(el.dataset.s);
      if (s >= start && s < end) el.classList.add("sel-speaker");
    });
  }

  function actorSection(id, at) {
    const a = actors.get(id);
    if (!a) return h("section", {}, h("h3", {}, id));
    const m = at === null ? null : a.mentions.find(x => x.start <= at && at < x.end);
    const roles = (a.roles || []).map(r => `${r.title}${r.of ? " of " + r.of : ""}${r.start ? ` (since ${r.start})` : ""}`);
    const why = m ? h("div", {},
      h("h4", {}, "Why this mention is " + a.name),
      h("p", {}, `“${m.text}”: ${ruleText(m.rule)}.`),
      m.antecedent ? h("p", {}, "Resolved through “", h("strong", {}, art.text.slice(m.antecedent.start, m.antecedent.end)),
        `” (characters ${m.antecedent.start}–${m.antecedent.end}).`) : null,
      m.confidence !== undefined ? h("p", { class: "small muted" }, `confidence ${m.confidence}`) : null) : null;
    const profile = h("div", {});
    const section = h("section", { "data-kind": "actor" },
      h("h3", {}, "Actor: ", a.name),
      facts([["kind", a.kind], ["country", a.country], ["code", a.code], ["KB id", a.kb_id], ["roles", roles.join("; ")],
        ["members", (a.members || []).map(name).join(", ")]]),
      why,
      h("h4", {}, `Mentions (${a.mentions.length})`),
      h("ul", { class: "small" }, a.mentions.map(x => h("li", {}, `“${x.text}” — ${x.rule || "?"}`
        + (x.antecedent ? ` via “${art.text.slice(x.antecedent.start, x.antecedent.end)}”` : "")))),
      stored ? h("button", { type: "button", class: "secondary", onclick: () => loadProfile(a.id, profile) }, "Profile across the store") : null,
      profile);
    return section;
  }

  function quoteSection(id) {
    const q = doc.quotes.find(x => x.id === id);
    if (!q) return h("section", {}, id);
    const c = q.speaker ? colours.get(q.speaker) : "#888";
    return h("section", { "data-kind": "quote" },
      h("h3", {}, "Quote"),
      h("blockquote", { style: `--c:${c}` }, q.text),
      facts([["speaker", q.speaker ? name(q.speaker) : "no speaker found"],
        ["named as", q.speaker_mention ? `“${q.speaker_mention.text}”` : null],
        ["cue", q.cue ? q.cue.text : null], ["kind", q.kind], ["rule", q.rule], ["confidence", q.confidence]]),
      q.speaker ? h("button", { type: "button", class: "secondary", onclick: () => showActor(q.speaker, null) }, `Who is ${name(q.speaker)}?`) : null);
  }

  function eventSection(id) {
    const e = doc.events.find(x => x.id === id);
    if (!e) return h("section", {}, id);
    const place = e.place ? (places.get(e.place) || {}).name || e.place : null;
    return h("section", { "data-kind": "event" },
      h("h3", {}, "Event: ", h("span", { class: `badge ${quadClass(e.quad)}` }, e.plover || "?")),
      h("p", {}, `${e.source.map(name).join(", ") || "?"} → ${e.target.map(name).join(", ") || "?"}`),
      facts([["PLOVER", e.plover], ["CAMEO", e.cameo], ["Goldstein", e.goldstein === null ? null : String(e.goldstein)],
        ["quad class", e.quad], ["mode", e.mode], ["negated", e.negated ? "yes" : null],
        ["date", e.date ? `${e.date}${e.date_precision ? ` (${e.date_precision})` : ""}` : "unknown"],
        ["place", place], ["confidence", e.confidence], ["rule", e.rule]]),
      h("h4", {}, "Evidence"),
      h("blockquote", { style: "--c:#6a3fb5" }, e.evidence.text));
  }

  if (focusQuote) showQuote(focusQuote, true);
  return { showActor, showQuote, showEvents };
}

async function loadProfile(id, box) {
  box.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  try {
    const p = await api(`/api/actors/${encodeURIComponent(id)}`);
    box.replaceChildren(
      h("h4", {}, "Across the store"),
      facts([["articles", String(p.articles)], ["mentions", String(p.mentions)],
        ["roles", p.roles.map(r => `${r.title}${r.of ? " of " + r.of : ""}${r.start ? ` (${r.start}–${r.end || ""})` : ""}`).join("; ")],
        ["member of", p.memberships.map(m => `${m.object_name || m.object}${m.start ? ` (since ${m.start})` : ""}`).join(", ")],
        ["members", p.members.map(m => m.object_name || m.object).join(", ")]]),
      p.quotes.length ? h("h4", {}, `Quotes (${p.quotes.length})`) : null,
      h("ul", { class: "small" }, p.quotes.slice(0, 8).map(q => h("li", {},
        h("a", { href: `#/article/${encodeURIComponent(q.article_id)}?quote=${encodeURIComponent(q.quote_id)}` }, `“${trim(q.text, 100)}”`)))),
      p.events.length ? h("h4", {}, `Events (${p.events.length})`) : null,
      h("ul", { class: "small" }, p.events.slice(0, 8).map(e => h("li", {},
        h("a", { href: `#/article/${encodeURIComponent(e.article_id)}` }, `${e.date || "?"} ${e.plover}: ${trim(e.evidence, 80)}`)))));
  } catch (err) {
    box.replaceChildren(h("p", { class: "muted" }, err.status === 404 ? "Not in the store." : err.message));
  }
}

function listSection(title, items, row) {
  if (!items.length) return h("div", {}, h("h3", {}, `${title} (0)`), h("p", { class: "muted small" }, "none found"));
  return h("div", {}, h("h3", {}, `${title} (${items.length})`), h("ul", { class: "list small" }, items.map(row)));
}

export function trim(s, n) { s = String(s || ""); return s.length > n ? s.slice(0, n - 1) + "…" : s; }

/**
 * The text as HTML with every annotation wrapped: the text is cut at every annotation boundary and
 * each piece carries the annotations that cover it (actor = tightest mention, quote, events).
 */
export function highlight(text, doc, colours) {
  const anns = [];
  for (const a of doc.actors) for (const m of a.mentions) anns.push({ s: m.start, e: m.end, t: "a", id: a.id });
  for (const q of doc.quotes) {
    anns.push({ s: q.start, e: q.end, t: "q", id: q.id, c: q.speaker ? colours.get(q.speaker) : "#888" });
    if (q.cue) anns.push({ s: q.cue.start, e: q.cue.end, t: "cue", id: q.id });
  }
  for (const ev of doc.events) if (ev.evidence) anns.push({ s: ev.evidence.start, e: ev.evidence.end, t: "e", id: ev.id });
  const cuts = new Set([0, text.length]);
  for (const x of anns) { if (x.s >= 0 && x.e <= text.length && x.s < x.e) { cuts.add(x.s); cuts.add(x.e); } }
  const bounds = [...cuts].sort((a, b) => a - b);
  const firsts = new Set();
  let out = "";
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i], e = bounds[i + 1];
    const piece = esc(text.slice(s, e));
    const cover = anns.filter(x => x.s <= s && x.e >= e);
    if (!cover.length) { out += piece; continue; }
    const actor = cover.filter(x => x.t === "a").sort((x, y) => (x.e - x.s) - (y.e - y.s))[0];
    const quote = cover.filter(x => x.t === "q").sort((x, y) => (x.e - x.s) - (y.e - y.s))[0];
    const events = cover.filter(x => x.t === "e").map(x => x.id);
    const cue = cover.some(x => x.t === "cue");
    const cls = ["ann", actor && "a", quote && "q", events.length && "ev", cue && "cue"].filter(Boolean).join(" ");
    const style = [quote ? `--c:${quote.c}` : "", actor && colours.has(actor.id) ? `--ac:${colours.get(actor.id)}` : ""].filter(Boolean).join(";");
    const keyFor = [actor && "a" + actor.id, quote && "q" + quote.id, ...events.map(x => "e" + x)].filter(Boolean);
    const first = keyFor.some(k => !firsts.has(k));
    keyFor.forEach(k => firsts.add(k));
    const label = [actor && `actor ${actorName(doc, actor.id)}`, quote && "quote", events.length && "event"].filter(Boolean).join(", ");
    out += `<span class="${cls}" data-s="${s}"${actor ? ` data-a="${esc(actor.id)}"` : ""}${quote ? ` data-q="${esc(quote.id)}"` : ""}`
      + `${events.length ? ` data-e="${esc(events.join(" "))}"` : ""}${style ? ` style="${style}"` : ""}`
      + `${first ? ` tabindex="0" role="button" aria-label="${esc(label)}: ${esc(text.slice(s, e))}"` : ""}>${piece}</span>`;
  }
  return out;
}

function actorName(doc, id) { const a = doc.actors.find(x => x.id === id); return a ? a.name : id; }
