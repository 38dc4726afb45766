// Shared helpers: API calls with the one error shape, escaping, small DOM builders.

export class ApiError extends Error {
  constructor(code, message, status) { super(message); this.code = code; this.status = status; }
}

/** GET/POST the API; throws ApiError carrying the server's {error: {code, message, status}}. */
export async function api(path, { method = "GET", body = null, params = null } = {}) {
  let url = path;
  if (params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
    const s = q.toString();
    if (s) url += (url.includes("?") ? "&" : "?") + s;
  }
  const init = { method, headers: { Accept: "application/json" } };
  if (body !== null) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
  let res;
  try { res = await fetch(url, init); } catch (e) { throw new ApiError("NET", `the server did not answer (${e.message})`, 0); }
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const err = data && data.error ? data.error : { code: "HTTP", message: res.statusText, status: res.status };
    throw new ApiError(err.code, err.message, err.status);
  }
  return data;
}

export function showError(err) {
  const box = document.getElementById("alert");
  box.textContent = err instanceof ApiError ? `${err.message} [${err.code}]` : String(err && err.message || err);
  box.hidden = false;
}

export function clearError() { const box = document.getElementById("alert"); box.hidden = true; box.textContent = ""; }

export function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

/**
 * An absolute http(s) URL as given, else null: article URLs come from the input, and a
 * javascript:, data: or any other scheme must never become a link.
 */
export function safeUrl(u) {
  if (typeof u !== "string" || !u.trim()) return null;
  try {
    const url = new URL(u.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch { return null; }
}

/** A link target the dashboard may use: its own routes ("#/...", "/api/...") or an http(s) URL. */
function safeHref(v) {
  const s = String(v);
  if (s.startsWith("#") || (s.startsWith("/") && !s.startsWith("//"))) return s;
  return safeUrl(s);
}

/** Build an element: h("div", {class: "x"}, child, "text"). Text children are text nodes (never
 * parsed as HTML); href and src take only the dashboard's own routes and http(s) URLs. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "href" || k === "src") { const safe = safeHref(v); if (safe !== null) el.setAttribute(k, safe); }
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c.nodeType ? c : String(c));
  return el;
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v); else el.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c.nodeType ? c : document.createTextNode(String(c)));
  return el;
}

export function facts(pairs) {
  const dl = h("dl", { class: "facts" });
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) continue;
    dl.append(h("dt", {}, k), h("dd", {}, v));
  }
  return dl;
}

// a palette that stays readable as a 20% tint and as a dot (Tableau 10, colour-blind aware order)
export const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f"];

export function colourFor(ids) {
  const map = new Map();
  ids.forEach((id, i) => map.set(id, PALETTE[i % PALETTE.length]));
  return map;
}

export function quadClass(quad) { return quad && quad.includes("cooperation") ? "coop" : quad && quad.includes("conflict") ? "conf" : ""; }

export function debounce(fn, ms = 250) {
  let t = null;
  return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
}

/** Fill a <datalist> with actor suggestions as the user types. */
export function actorSuggest(input, datalist) {
  const fill = debounce(async () => {
    const q = input.value.trim();
    if (q.length < 2) return;
    try {
      const page = await api("/api/actors", { params: { q, limit: 15 } });
      datalist.replaceChildren(...page.items.map(a => h("option", { value: a.id }, `${a.name} (${a.kind || "actor"})`)));
    } catch { /* suggestions are optional */ }
  });
  input.addEventListener("input", fill);
}
