// Pure logic of the panel: which rows to show, what a row says, counts, selection, keyboard,
// the virtual list window, the 401-rate table, JWT times and links. No DOM here.

import type { Item } from "./capture";
import type { Navigation, Status } from "./messages";
import type { Credential, Finding, Severity } from "./report";

/**
 * An authentication failure: what the engine says (`auth_failure`, set for every 401 and every
 * 403 about credentials, with or without a recognised cause); from an engine that does not say,
 * a 401, or a 403 it found an authentication cause for.
 */
export function isAuthFailure(item: Item): boolean {
  if (item.kind === "error") return item.status === 401;
  const report = item.report;
  if (typeof report.auth_failure === "boolean") return report.auth_failure;
  return report.status === 401 || (report.status === 403 && (report.causes?.length ?? 0) > 0);
}

/** An authentication failure for which the engine recognised no cause. */
export function isUnexplainedFailure(item: Item): boolean {
  return item.kind === "report" && isAuthFailure(item) && (item.report.causes?.length ?? 0) === 0;
}

/** Rows of the "Problems" view: auth failures, entries with causes or with findings, blocked requests. */
export function matters(item: Item): boolean {
  if (item.kind === "error") return item.status === 401 || item.status === 403 || item.blockedBy !== undefined;
  const { causes, findings } = item.report;
  return isAuthFailure(item) || (causes?.length ?? 0) > 0 || (findings?.length ?? 0) > 0;
}

export function visibleItems(items: readonly Item[], showAll: boolean): Item[] {
  return showAll ? items.slice() : items.filter(matters);
}

export interface Counts {
  total: number;
  /** Responses with status 401. */
  unauthorized: number;
  /** Authentication failures (401s and auth-related 403s), explained or not. */
  authFailures: number;
  /** Authentication failures with no recognised cause. */
  unexplained: number;
  /** Distinct secrets found (all severities), however often each was seen. */
  exposedKeys: number;
  /** Distinct secrets of critical / high severity. */
  critical: number;
  high: number;
  /** Places secrets were seen (a secret in three requests counts three times here). */
  occurrences: number;
  engineErrors: number;
}

export function countItems(items: readonly Item[]): Counts {
  const counts: Counts = {
    total: 0,
    unauthorized: 0,
    authFailures: 0,
    unexplained: 0,
    exposedKeys: 0,
    critical: 0,
    high: 0,
    occurrences: 0,
    engineErrors: 0,
  };
  for (const item of items) {
    counts.total += 1;
    if (statusOf(item) === 401) counts.unauthorized += 1;
    if (isAuthFailure(item)) counts.authFailures += 1;
    if (isUnexplainedFailure(item)) counts.unexplained += 1;
    if (item.kind === "error" && item.blockedBy === undefined) counts.engineErrors += 1;
  }
  for (const group of secretGroups(items)) {
    counts.exposedKeys += 1;
    counts.occurrences += group.places.length;
    if (group.severity === "critical") counts.critical += 1;
    if (group.severity === "high") counts.high += 1;
  }
  return counts;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The header line, e.g. "2 auth failures · 1 exposed key (1 critical)". */
export function countsText(counts: Counts): string {
  const parts = [plural(counts.authFailures, "auth failure", "auth failures")];
  let keys = plural(counts.exposedKeys, "exposed key", "exposed keys");
  const severe = [counts.critical && `${counts.critical} critical`, counts.high && `${counts.high} high`].filter(Boolean);
  if (severe.length) keys += ` (${severe.join(", ")})`;
  parts.push(keys);
  if (counts.engineErrors) parts.push(plural(counts.engineErrors, "entry not analysed", "entries not analysed"));
  return parts.join(" · ");
}

/** Path, query and fragment of a URL (the engine's URL is already redacted). */
export function displayPath(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return url;
  }
}

/** Confidence as a whole percentage; the engine gives a fraction (a value above 1 is a percent). */
export function percent(confidence: number): string {
  if (!Number.isFinite(confidence)) return "?%";
  const value = confidence <= 1 ? confidence * 100 : confidence;
  return `${Math.round(Math.min(100, Math.max(0, value)))}%`;
}

export type Tone = "cause" | Severity | "error" | "none";

export interface RowSummary {
  method: string;
  path: string;
  url: string;
  status: number;
  /** "stripe · production", or "" */
  provider: string;
  /** The provider alone ("stripe"), or "". */
  providerName: string;
  /** "production", "sandbox" or "". */
  environment: string;
  /** Top cause or finding id. */
  id: string;
  /** Its title, severity or the engine's message. */
  text: string;
  tone: Tone;
  /** The worst finding's severity when the row leads with a cause (so a leaked key still shows). */
  alsoFinding: Severity | null;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export function rowSummary(item: Item): RowSummary {
  if (item.kind === "error") {
    const blocked = item.blockedBy !== undefined;
    return {
      method: item.method,
      path: displayPath(item.url),
      url: item.url,
      status: item.status,
      provider: "",
      providerName: "",
      environment: "",
      id: blocked ? "preflight_rejected" : "not analysed",
      text: item.message,
      tone: blocked ? "cause" : "error",
      alsoFinding: null,
    };
  }
  const report = item.report;
  const provider = [report.provider, report.environment].filter(Boolean).join(" · ");
  const base = {
    method: report.method,
    path: displayPath(report.url),
    url: report.url,
    status: report.status,
    provider,
    providerName: report.provider ?? "",
    environment: report.environment ?? "",
  };
  const worst = [...(report.findings ?? [])].sort(
    (a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0),
  )[0];
  const cause = report.causes?.[0];
  if (cause) return { ...base, id: cause.id, text: cause.title, tone: "cause", alsoFinding: worst?.severity ?? null };
  if (worst) return { ...base, id: providerLabel(worst.provider) || worst.severity, text: findingLine(worst, report.url), tone: worst.severity, alsoFinding: null };
  if (isAuthFailure(item)) return { ...base, id: "", text: NO_CAUSE, tone: "cause", alsoFinding: null };
  return { ...base, id: "", text: "", tone: "none", alsoFinding: null };
}

/** Keep the selection if its row is still visible, otherwise select nothing. */
export function keepSelection(visible: readonly Item[], selected: number | null): number | null {
  if (selected === null) return null;
  return visible.some((item) => item.seq === selected) ? selected : null;
}

/**
 * Move the selection by `delta` rows (arrow keys). With nothing selected, down selects the first
 * row and up the last; the ends do not wrap.
 */
export function moveSelection(visible: readonly Item[], selected: number | null, delta: number): number | null {
  if (visible.length === 0) return null;
  const index = selected === null ? -1 : visible.findIndex((item) => item.seq === selected);
  if (index < 0) return (delta >= 0 ? visible[0] : visible[visible.length - 1])?.seq ?? null;
  const next = Math.min(visible.length - 1, Math.max(0, index + delta));
  return visible[next]?.seq ?? null;
}

/** Items the panel keeps after the devtools page dropped everything below `firstSeq`. */
export function trimItems(items: readonly Item[], firstSeq: number): Item[] {
  return items[0] && items[0].seq < firstSeq ? items.filter((item) => item.seq >= firstSeq) : items.slice();
}

/** What the list says of an authentication failure the engine recognised no cause for. */
export const NO_CAUSE = "no specific cause recognised";

export type ListState =
  | { kind: "connecting" }
  | { kind: "engine-loading" }
  | { kind: "engine-failed"; message: string }
  | { kind: "empty"; firefoxHint: boolean }
  | { kind: "nothing-relevant"; total: number; filtered: boolean }
  | { kind: "rows" };

/**
 * What the list area shows, in priority order. `filtered` says whether filters beyond the default
 * "problems" view hide rows (the empty state then offers to clear them).
 */
export function listState(status: Status | null, items: readonly Item[], visibleCount: number, filtered = false): ListState {
  if (!status) return { kind: "connecting" };
  if (status.engine === "failed") return { kind: "engine-failed", message: status.engineError ?? "unknown error" };
  if (items.length === 0) {
    if (status.engine === "loading") return { kind: "engine-loading" };
    const firefoxHint = status.browser === "firefox" && status.harEntries === 0 && status.liveEntries === 0;
    return { kind: "empty", firefoxHint };
  }
  if (visibleCount === 0) return { kind: "nothing-relevant", total: items.length, filtered };
  return { kind: "rows" };
}

/** The notice shown when the devtools page dropped old results to bound its memory, or "". */
export function droppedNotice(dropped: number, limit = 5000): string {
  if (dropped <= 0) return "";
  const n = dropped.toLocaleString("en-US");
  return (
    `Memory limit: the ${n} oldest ${dropped === 1 ? "request was" : "requests were"} dropped. ` +
    `authlens keeps the latest ${limit.toLocaleString("en-US")} (and about 128 MB of captured data); Clear to start over.`
  );
}

// ---- text from the page ------------------------------------------------------------------------

/** Longest string put in a list cell; the rest is cut (cells ellipsize anyway). */
export const CELL_MAX = 1000;
/** Longest string put in the details pane. */
export const DETAIL_MAX = 20_000;

// C0/C1 controls (but tab and newline) and the invisible bidi controls that can reorder text.
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Text safe to show as text: control and bidi-override characters made visible as `[U+202E]`, and
 * cut at `max` characters with an ellipsis. With `multiline` false, newlines and tabs become spaces.
 */
export function visibleText(value: unknown, max = CELL_MAX, multiline = false): string {
  let text = typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
  if (text.length > max) text = `${text.slice(0, max)}…`;
  text = text.replace(HIDDEN, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}]`);
  return multiline ? text : text.replace(/[\t\n]/g, " ");
}

// ---- filters -------------------------------------------------------------------------------------

/** The quick status filters above the list (a "show all" toggle of old is the "all" mode). */
export type Mode = "problems" | "auth" | "findings" | "all";

export const MODES: readonly { id: Mode; label: string; title: string }[] = [
  { id: "problems", label: "Problems", title: "Authentication failures and exposed secrets" },
  { id: "auth", label: "401/403", title: "Only responses with status 401 or 403" },
  { id: "findings", label: "Exposed keys", title: "Only requests that sent a secret" },
  { id: "all", label: "All", title: "Every request" },
];

export function isMode(value: unknown): value is Mode {
  return MODES.some((mode) => mode.id === value);
}

/** Environment filter values: any, one of the two, or "none" (the engine could not tell). */
export type EnvironmentFilter = "" | "production" | "sandbox" | "none";

export interface Filter {
  mode: Mode;
  /** Words that must all appear (a leading `-` excludes), case-insensitive. */
  text: string;
  /** Exact host, or "" for any. */
  host: string;
  environment: EnvironmentFilter;
  /**
   * An endpoint of the 401-rate table ("" for any): its requests, counted as the table counts
   * them (successful CORS preflights left out).
   */
  endpoint: string;
}

export function defaultFilter(): Filter {
  return { mode: "problems", text: "", host: "", environment: "", endpoint: "" };
}

/** Whether anything besides the default "problems" mode narrows the list. */
export function isNarrowed(filter: Filter): boolean {
  return (
    filter.mode !== "problems" ||
    filter.text.trim() !== "" ||
    filter.host !== "" ||
    filter.environment !== "" ||
    filter.endpoint !== ""
  );
}

function statusOf(item: Item): number {
  return item.kind === "error" ? item.status : item.report.status;
}

export function matchesMode(item: Item, mode: Mode): boolean {
  switch (mode) {
    case "problems":
      return matters(item);
    case "auth": {
      const status = statusOf(item);
      return status === 401 || status === 403;
    }
    case "findings":
      return item.kind === "report" && (item.report.findings?.length ?? 0) > 0;
    case "all":
      return true;
  }
}

const hostCache = new WeakMap<Item, string>();

/** The host of a request ("" when its URL does not parse). */
export function hostOf(item: Item): string {
  let host = hostCache.get(item);
  if (host !== undefined) return host;
  const url = item.kind === "error" ? item.url : item.report.url;
  try {
    host = new URL(url).host;
  } catch {
    host = "";
  }
  hostCache.set(item, host);
  return host;
}

export function environmentOf(item: Item): "production" | "sandbox" | null {
  return item.kind === "report" ? (item.report.environment ?? null) : null;
}

const searchCache = new WeakMap<Item, string>();

/** Everything a text filter looks at, lower-cased: request line, provider, causes, findings. */
export function searchText(item: Item): string {
  const cached = searchCache.get(item);
  if (cached !== undefined) return cached;
  let parts: unknown[];
  if (item.kind === "error") {
    parts = [item.method, item.url, item.status, item.message, "not analysed"];
  } else {
    const r = item.report;
    parts = [
      r.method,
      r.url,
      r.status,
      r.endpoint,
      r.provider,
      r.environment,
      ...(r.causes ?? []).flatMap((c) => [c.id, c.title]),
      ...(r.findings ?? []).flatMap((f) => [f.id, f.title, f.severity, f.provider]),
    ];
  }
  const text = parts
    .filter((part) => part !== null && part !== undefined)
    .map(String)
    .join("\n")
    .toLowerCase();
  searchCache.set(item, text);
  return text;
}

export interface Query {
  include: string[];
  exclude: string[];
}

export function parseQuery(text: string): Query {
  const query: Query = { include: [], exclude: [] };
  for (const word of text.toLowerCase().split(/\s+/)) {
    if (word.length > 1 && word.startsWith("-")) query.exclude.push(word.slice(1));
    else if (word && word !== "-") query.include.push(word);
  }
  return query;
}

export function matchesFilter(item: Item, filter: Filter, query: Query = parseQuery(filter.text)): boolean {
  if (!matchesMode(item, filter.mode)) return false;
  if (filter.host && hostOf(item) !== filter.host) return false;
  if (filter.endpoint && (endpointOf(item) !== filter.endpoint || isSuccessfulPreflight(item))) return false;
  if (filter.environment) {
    const env = environmentOf(item);
    if (filter.environment === "none" ? env !== null : env !== filter.environment) return false;
  }
  if (query.include.length || query.exclude.length) {
    const text = searchText(item);
    if (!query.include.every((word) => text.includes(word))) return false;
    if (query.exclude.some((word) => text.includes(word))) return false;
  }
  return true;
}

export function filterItems(items: readonly Item[], filter: Filter): Item[] {
  const query = parseQuery(filter.text);
  return items.filter((item) => matchesFilter(item, filter, query));
}

export interface Option {
  value: string;
  count: number;
}

/** Hosts seen, most requests first (then by name). */
export function hostOptions(items: readonly Item[]): Option[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const host = hostOf(item);
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

// ---- keyboard ------------------------------------------------------------------------------------

export type KeyCommand =
  | { kind: "move"; delta: number }
  | { kind: "first" }
  | { kind: "last" }
  | { kind: "open" }
  | { kind: "close" }
  | { kind: "focus-filter" }
  | { kind: "leave-filter" };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export type KeyPlace = "filter" | "text" | "control" | "list";

/**
 * What a key does. `where` is the focused area: the filter box, another text field (or the
 * details pane, which scrolls), a button or link, or the list (anywhere else counts as the list).
 * `pageRows` is how many rows PageUp/Down move.
 */
export function keyCommand(event: KeyInput, where: KeyPlace, pageRows = 10): KeyCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (where === "filter") {
    if (event.key === "Escape" || event.key === "ArrowDown" || event.key === "Enter") return { kind: "leave-filter" };
    return null;
  }
  if (where === "text") return null;
  if (where === "control") {
    if (event.key === "/") return { kind: "focus-filter" };
    if (event.key === "Escape") return { kind: "close" };
    return null;
  }
  switch (event.key) {
    case "/":
      return { kind: "focus-filter" };
    case "ArrowDown":
      return { kind: "move", delta: 1 };
    case "ArrowUp":
      return { kind: "move", delta: -1 };
    case "PageDown":
      return { kind: "move", delta: Math.max(1, pageRows) };
    case "PageUp":
      return { kind: "move", delta: -Math.max(1, pageRows) };
    case "Home":
      return { kind: "first" };
    case "End":
      return { kind: "last" };
    case "Enter":
      return { kind: "open" };
    case "Escape":
      return { kind: "close" };
    default:
      return null;
  }
}

/** The first or last visible row. */
export function edgeSelection(visible: readonly Item[], edge: "first" | "last"): number | null {
  const item = edge === "first" ? visible[0] : visible[visible.length - 1];
  return item?.seq ?? null;
}

// ---- virtual list --------------------------------------------------------------------------------

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

/** The rows to render for a scroll position: those in view plus `overscan` on each side. */
export function virtualWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 8): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  // A scroll position past the end (the list just shrank) shows the last screenful.
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), Math.max(0, count - inView));
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + inView + overscan);
  return { start, end: Math.max(start + 1, end) };
}

/** The scroll position that brings row `index` into view, moving as little as possible. */
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

// ---- 401 rate by endpoint and environment --------------------------------------------------------

export interface RateRow {
  /** Host and path with ids collapsed, as the engine gives it. */
  endpoint: string;
  environment: "production" | "sandbox" | null;
  requests: number;
  unauthorized: number;
  forbidden: number;
  /** unauthorized / requests, 0..1. */
  rate: number;
}

/** The endpoint an item counts under (the engine's template; host + path for rejected entries). */
export function endpointOf(item: Item): string {
  if (item.kind === "report" && item.report.endpoint) return item.report.endpoint;
  const url = item.kind === "error" ? item.url : item.report.url;
  try {
    const parsed = new URL(url);
    return parsed.host + parsed.pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? "";
  }
}

/** A CORS preflight that passed: the browser's request, not the app's. */
export function isSuccessfulPreflight(item: Item): boolean {
  const method = item.kind === "error" ? item.method : item.report.method;
  const status = statusOf(item);
  return method.toUpperCase() === "OPTIONS" && status > 0 && status < 400;
}

/** Fetch and XHR requests (the app's API calls), as opposed to documents, scripts, images… */
export function isApiRequest(item: Item): boolean {
  const type = item.resourceType;
  // Items from before resource types were recorded count as API requests.
  return type === undefined || type === "fetch" || type === "xhr" || type === "preflight";
}

export interface RateOptions {
  /** Only fetch/XHR requests (the default of the table). */
  apiOnly?: boolean;
  /**
   * Endpoints listed: those with at least one request this accepts (the status filter). Counts
   * always cover every request to a listed endpoint, so a rate stays a rate.
   */
  listed?: (item: Item) => boolean;
}

/**
 * Requests, 401s and 403s per endpoint and environment, most 401s first (then most 403s, most
 * requests, name). Successful CORS preflights are left out: they are the browser's, not the app's.
 */
export function rateTable(items: readonly Item[], options: RateOptions = {}): RateRow[] {
  const rows = new Map<string, RateRow>();
  const listed = new Set<string>();
  for (const item of items) {
    if (isSuccessfulPreflight(item)) continue;
    if (options.apiOnly && !isApiRequest(item)) continue;
    if (!options.listed || options.listed(item)) listed.add(`${environmentOf(item) ?? ""} ${endpointOf(item)}`);
  }
  for (const item of items) {
    if (isSuccessfulPreflight(item)) continue;
    if (options.apiOnly && !isApiRequest(item)) continue;
    const status = statusOf(item);
    const endpoint = endpointOf(item);
    const environment = environmentOf(item);
    const key = `${environment ?? ""} ${endpoint}`;
    if (!listed.has(key)) continue;
    let row = rows.get(key);
    if (!row) {
      row = { endpoint, environment, requests: 0, unauthorized: 0, forbidden: 0, rate: 0 };
      rows.set(key, row);
    }
    row.requests += 1;
    if (status === 401) row.unauthorized += 1;
    if (status === 403) row.forbidden += 1;
  }
  const list = [...rows.values()];
  for (const row of list) row.rate = row.requests ? row.unauthorized / row.requests : 0;
  return list.sort(
    (a, b) =>
      b.unauthorized - a.unauthorized ||
      b.forbidden - a.forbidden ||
      b.requests - a.requests ||
      a.endpoint.localeCompare(b.endpoint) ||
      String(a.environment).localeCompare(String(b.environment)),
  );
}

/** A rate as a percentage: whole numbers, one decimal below 10 %. */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return "0%";
  const pct = rate * 100;
  if (pct >= 10 || Number.isInteger(pct)) return `${Math.round(pct)}%`;
  return `${pct.toFixed(1).replace(/\.0$/, "")}%`;
}

// ---- times ---------------------------------------------------------------------------------------

/** A duration in words, two units at most: "45 s", "12 min", "3 h 2 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  if (d < 365) return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
  const y = Math.floor(d / 365);
  return `${y} y`;
}

/** "2026-10-14 06:28:00 UTC". */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export type Claim = "exp" | "iat" | "nbf";

export interface ClaimTime {
  absolute: string;
  /** Relative to the reference time, e.g. "expired 3 h ago". */
  relative: string;
  /** "bad" for an expired or not-yet-valid token at the reference time. */
  tone: "bad" | "ok" | "neutral";
}

/**
 * A JWT time claim read relative to `reference` (the request time, in ms): "expired 3 h ago",
 * "expires in 55 min", "issued 4 h ago", "valid since 4 h ago", "not valid for another 5 min".
 */
export function claimTime(claim: Claim, iso: string | null | undefined, reference: number): ClaimTime | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return null;
  const absolute = formatUtc(at);
  const delta = at - reference;
  const span = formatDuration(delta);
  const past = delta <= 0;
  switch (claim) {
    case "exp":
      return past ? { absolute, relative: `expired ${span} ago`, tone: "bad" } : { absolute, relative: `expires in ${span}`, tone: "ok" };
    case "iat":
      return past
        ? { absolute, relative: `issued ${span} ago`, tone: "neutral" }
        : { absolute, relative: `issued ${span} in the future (clock skew?)`, tone: "bad" };
    case "nbf":
      return past
        ? { absolute, relative: `valid since ${span} ago`, tone: "neutral" }
        : { absolute, relative: `not valid for another ${span}`, tone: "bad" };
  }
}

/** The reference time for an item: when its request started, or null when unknown. */
export function requestTime(item: Item): number | null {
  const at = item.started ? Date.parse(item.started) : Number.NaN;
  return Number.isFinite(at) ? at : null;
}

// ---- links ---------------------------------------------------------------------------------------

export interface TextPart {
  text: string;
  /** Set when the part is a web link that may be opened. */
  href?: string;
}

/** The URL as a link target when it is an absolute http(s) URL, else null. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/**
 * Split engine text into plain parts and http(s) links. Trailing punctuation stays text, and so
 * does a closing bracket without its opening one. Nothing else (no `javascript:`) becomes a link.
 */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let candidate = match[0];
    const start = match.index ?? 0;
    for (;;) {
      const tail = candidate.slice(-1);
      if (/[.,;:!?'"]/.test(tail)) candidate = candidate.slice(0, -1);
      else if (tail === ")" && count(candidate, "(") < count(candidate, ")")) candidate = candidate.slice(0, -1);
      else if (tail === "]" && count(candidate, "[") < count(candidate, "]")) candidate = candidate.slice(0, -1);
      else break;
    }
    const href = safeHref(candidate);
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

// ---- credentials ---------------------------------------------------------------------------------

const PROVIDER_NAMES: Record<string, string> = {
  aws: "AWS",
  github: "GitHub",
  gitlab: "GitLab",
  openai: "OpenAI",
  sendgrid: "SendGrid",
  paypal: "PayPal",
  mailgun: "Mailgun",
  checkout: "Checkout.com",
  supabase: "Supabase",
  firebase: "Firebase",
  google: "Google",
};

/** A provider id as a name: "stripe" → "Stripe", "github" → "GitHub"; "" for none. */
export function providerLabel(provider: string | null | undefined): string {
  if (!provider) return "";
  const known = PROVIDER_NAMES[provider.toLowerCase()];
  if (known) return known;
  return provider
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

/**
 * What a credential is, in a few words, from the engine's machine fields only (`kind`, `jwt`):
 * "secret key", "publishable key", "access token (JWT)", "credential".
 */
export function credentialType(credential: Credential): string {
  switch (credential.kind) {
    case "secret":
      return "secret key";
    case "publishable":
      return "publishable key";
    case "token":
      return credential.jwt ? "access token (JWT)" : "access token";
    default:
      return credential.jwt ? "JWT" : "credential";
  }
}

/** "Stripe production secret key", "Midtrans sandbox publishable key", "access token (JWT)". */
export function credentialLabel(credential: Credential): string {
  return [providerLabel(credential.provider), credential.environment ?? "", credentialType(credential)].filter(Boolean).join(" ");
}

/** Whether a credential of this kind may be sent from a page ("secret" never may). */
export function credentialTone(credential: Credential): "bad" | "ok" | "neutral" {
  if (credential.kind === "secret") return "bad";
  if (credential.kind === "publishable") return "ok";
  return "neutral";
}

// ---- exposed secrets, by secret -------------------------------------------------------------------

/** Where a secret was seen: one finding in one request. */
export interface SecretPlace {
  seq: number;
  url: string;
  location: string;
  /** "main.4e1f.js:45:269", "header Authorization · /v1/charges". */
  place: string;
  /** Line and column in a response body (a script), when the engine gave them. */
  position: { line: number; column: number } | null;
}

export interface SecretGroup {
  key: string;
  provider: string | null;
  rule: string;
  id: string;
  title: string;
  /** The worst severity any of its findings had. */
  severity: Severity;
  redacted: string;
  /** The first place it was seen (lowest sequence number). */
  first: SecretPlace;
  places: SecretPlace[];
}

/**
 * Which secret a finding is: the engine's fingerprint when it gives one, else its rule, provider
 * and redacted form (which keeps a known prefix and the length: two keys of one rule with the
 * same length count as one).
 */
export function secretKey(finding: Finding): string {
  if (typeof finding.fingerprint === "string" && finding.fingerprint) return `fp:${finding.fingerprint}`;
  return `${finding.rule ?? ""}\u0000${finding.provider ?? ""}\u0000${finding.redacted ?? ""}`;
}

const BODY_POSITION = /^response\.body line (\d+) col(?:umn)? (\d+)/;

/** Line and column of a finding in a response body ("response.body line 45 col 269"). */
export function bodyPosition(location: string): { line: number; column: number } | null {
  const match = BODY_POSITION.exec(location ?? "");
  if (!match) return null;
  const line = Number(match[1]);
  const column = Number(match[2]);
  return line > 0 && column > 0 ? { line, column } : null;
}

/** The last path segment of a URL ("main.4e1f.js"), or its host when the path is "/". */
export function fileName(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split("/").filter(Boolean).pop();
    return last ? decodeURIComponentSafe(last) : parsed.host;
  } catch {
    return url.split(/[?#]/)[0]?.split("/").pop() ?? url;
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Where a finding was, in a few words: "main.4e1f.js:45:269", "header X-Api-Key · /v1/pay". */
export function placeOf(location: string, url: string): string {
  const position = bodyPosition(location);
  if (position) return `${fileName(url)}:${position.line}:${position.column}`;
  if (location.startsWith("response.body")) return `${fileName(url)} ${location.slice("response.body".length).trim()}`.trim();
  const where = location
    .replace(/^request\.header\./, "header ")
    .replace(/^request\.query\./, "query ")
    .replace(/^request\.body/, "body")
    .replace(/^request\./, "");
  return `${where} · ${displayPath(url)}`;
}

/** A finding in one line: "Stripe live secret key · main.4e1f.js:45:269". */
export function findingLine(finding: Finding, url: string): string {
  return `${finding.title || finding.rule || finding.id} · ${placeOf(finding.location ?? "", url)}`;
}

const groupCache = new WeakMap<readonly Item[], SecretGroup[]>();

/** Secrets found in the items, one group per distinct secret, the most severe first (then first seen). */
export function secretGroups(items: readonly Item[]): SecretGroup[] {
  const cached = groupCache.get(items);
  if (cached) return cached;
  const groups = new Map<string, SecretGroup>();
  for (const item of items) {
    if (item.kind !== "report") continue;
    for (const finding of item.report.findings ?? []) {
      const key = secretKey(finding);
      const place: SecretPlace = {
        seq: item.seq,
        url: item.report.url,
        location: finding.location ?? "",
        place: placeOf(finding.location ?? "", item.report.url),
        position: bodyPosition(finding.location ?? ""),
      };
      const group = groups.get(key);
      if (!group) {
        groups.set(key, {
          key,
          provider: finding.provider ?? null,
          rule: finding.rule ?? "",
          id: finding.id,
          title: finding.title || finding.rule || finding.id,
          severity: finding.severity,
          redacted: finding.redacted ?? "",
          first: place,
          places: [place],
        });
        continue;
      }
      if ((SEVERITY_RANK[finding.severity] ?? 0) > (SEVERITY_RANK[group.severity] ?? 0)) group.severity = finding.severity;
      if (!group.places.some((p) => p.seq === place.seq && p.location === place.location)) group.places.push(place);
      if (place.seq < group.first.seq) group.first = place;
    }
  }
  const list = [...groups.values()].sort(
    (a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || a.first.seq - b.first.seq,
  );
  groupCache.set(items, list);
  return list;
}

// ---- order, time and rows --------------------------------------------------------------------------

/**
 * Items in request start order (the log is in completion order). An item without a start time
 * keeps its place after the item that arrived before it; ties go by arrival.
 */
export function byStart(items: readonly Item[]): Item[] {
  let last = Number.NEGATIVE_INFINITY;
  const keyed = items.map((item, index) => {
    const at = requestTime(item);
    if (at !== null) last = at;
    return { item, index, at: at ?? last };
  });
  keyed.sort((a, b) => a.at - b.at || a.index - b.index);
  return keyed.map((k) => k.item);
}

/** The earliest request start among the items (the zero of the time column), or null. */
export function firstStart(items: readonly Item[]): number | null {
  let first: number | null = null;
  for (const item of items) {
    const at = requestTime(item);
    if (at !== null && (first === null || at < first)) first = at;
  }
  return first;
}

/** A time since the first request: "0 ms", "850 ms", "12.3 s", "4 min 05 s". */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const s = Math.floor(ms / 1000);
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ${String(s % 60).padStart(2, "0")} s`;
  return formatDuration(ms);
}

export type ListRow =
  /** An item; under a secret's heading, `place` says where in it that secret was. */
  | { kind: "item"; item: Item; key: string; group?: SecretGroup; place?: SecretPlace }
  | { kind: "navigation"; url: string; at: number; key: string }
  | { kind: "group"; group: SecretGroup; key: string };

/**
 * The rows of the list: the visible items, with a separator before the first item of each page
 * when "Preserve log" kept several pages, or (in the "Exposed keys" view) grouped by secret, each
 * group under a heading row.
 */
export function listRows(
  visible: readonly Item[],
  options: { navigations?: readonly Navigation[]; groups?: readonly SecretGroup[] | null } = {},
): ListRow[] {
  if (options.groups) {
    const bySeq = new Map(visible.map((item) => [item.seq, item]));
    const rows: ListRow[] = [];
    for (const group of options.groups) {
      const members = group.places.filter((p) => bySeq.has(p.seq));
      if (members.length === 0) continue;
      rows.push({ kind: "group", group, key: `g:${group.key}` });
      for (const place of members) {
        const item = bySeq.get(place.seq);
        if (item) rows.push({ kind: "item", item, key: `i:${group.key}:${place.seq}:${place.location}`, group, place });
      }
    }
    return rows;
  }
  const navigations = [...(options.navigations ?? [])].sort((a, b) => a.beforeSeq - b.beforeSeq);
  if (navigations.length === 0) return visible.map((item) => ({ kind: "item", item, key: `i:${item.seq}` }));
  const rows: ListRow[] = [];
  let next = 0;
  for (const item of visible) {
    let nav: Navigation | undefined;
    while ((nav = navigations[next]) && item.seq >= nav.beforeSeq) {
      // Only the latest navigation before this item gets a separator (empty pages are skipped).
      const following = navigations[next + 1];
      if (!following || item.seq < following.beforeSeq) rows.push({ kind: "navigation", url: nav.url, at: nav.at, key: `n:${nav.beforeSeq}:${nav.at}` });
      next += 1;
    }
    rows.push({ kind: "item", item, key: `i:${item.seq}` });
  }
  return rows;
}

/** "12 of 60" when a filter hides rows, "" when every item is shown. */
export function shownOf(visible: number, total: number): string {
  if (visible >= total) return "";
  return `${visible.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`;
}

/** The tooltip of a status cell: what the status means, and why there was none. */
export function statusTitle(item: Item): string {
  const status = statusOf(item);
  if (item.kind === "error" && item.blockedBy !== undefined) {
    return "Never sent: its CORS preflight was refused, so the browser blocked the request (Firefox lists only the preflight)";
  }
  if (status !== 0) return `HTTP ${status}`;
  const failure = item.failure ? ` (${item.failure})` : "";
  return `(failed) No response${failure}: the request was blocked (CORS, mixed content, an extension), cancelled, or the network failed`;
}

// ---- cURL --------------------------------------------------------------------------------------------

const CURL_VAR = /(?<!\\)\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * A cURL command whose credential variables fail loudly when unset: `${ACCESS_TOKEN}` becomes
 * `${ACCESS_TOKEN:?set ACCESS_TOKEN}` (POSIX shells stop with that message instead of sending an
 * empty credential). Escaped `\${` from the page's own text is left alone.
 */
export function strictCurl(text: string): string {
  return text.replace(CURL_VAR, (_all, name: string) => `\${${name}:?set ${name}}`);
}

/** Whether a cURL command reads credentials from environment variables. */
export function curlHasVariables(text: string): boolean {
  CURL_VAR.lastIndex = 0;
  return /(?<!\\)\$\{[A-Za-z_][A-Za-z0-9_]*(:\?[^}]*)?\}/.test(text);
}

// ---- references to other entries in evidence ----------------------------------------------------------

export interface EvidencePart {
  text: string;
  /** The engine's entry index the text refers to ("entry #15"). */
  entry?: number;
}

/** Split evidence text at the engine's references to other entries ("entry #15"). */
export function evidenceParts(text: string): EvidencePart[] {
  const parts: EvidencePart[] = [];
  let last = 0;
  for (const match of text.matchAll(/\bentry #(\d{1,7})\b/g)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: match[0], entry: Number(match[1]) });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * The item an engine index refers to in a list: the item of the same session with that index,
 * the latest one at or before `before` (an index restarts when the list is cleared).
 */
export function itemByIndex(items: readonly Item[], index: number, before?: number): Item | null {
  let found: Item | null = null;
  for (const item of items) {
    if (before !== undefined && item.seq > before) break;
    if (item.kind === "report" && item.report.index === index) found = item;
  }
  return found;
}

// ---- an authentication failure without a cause ----------------------------------------------------

export interface UnexplainedView {
  summary: string;
  /** What the engine checked for this request (empty from engines that do not say). */
  checked: string[];
  /** Steps to try, specialised to the request. */
  checklist: string[];
}

/** What to show for a failure no cause explains, read defensively from the engine's `unexplained`. */
export function unexplainedView(item: Item): UnexplainedView | null {
  if (!isUnexplainedFailure(item) || item.kind !== "report") return null;
  const raw = (item.report as { unexplained?: unknown }).unexplained;
  const u = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.length > 0).slice(0, 100) : [];
  const summary = typeof u.summary === "string" && u.summary ? u.summary : `Authentication failed, with ${NO_CAUSE}.`;
  return { summary, checked: strings(u.checked), checklist: strings(u.checklist) };
}
