// "What changed since it worked": a failing request next to the last request to the same endpoint
// (or, failing that, the same path on another host, or the same API) that succeeded, in this list
// or in the other one (an imported HAR against the live session). Pure: no DOM. Every value here
// is one the engine already redacted, or a header/cookie name; no credential value is compared
// beyond its redacted form.

import type { Item, ReportItem } from "./capture";
import type { Source } from "./messages";
import type { Credential } from "./report";
import { claimTime, credentialLabel, endpointOf, formatUtc, hostOf, isAuthFailure, requestTime } from "./view-model";

/** How a baseline matches the failing request. */
export type Match = "endpoint" | "path" | "api";

export interface Baseline {
  item: ReportItem;
  source: Source;
  match: Match;
}

const MATCH_WORDS: Record<Match, string> = {
  endpoint: "the same endpoint",
  path: "the same path on another host",
  api: "the same API host",
};

export function matchWords(match: Match): string {
  return MATCH_WORDS[match];
}

/** A request that worked: a 2xx/3xx answer to anything but a CORS preflight. */
export function succeeded(item: Item): item is ReportItem {
  if (item.kind !== "report") return false;
  const { status, method } = item.report;
  return status >= 200 && status < 400 && method.toUpperCase() !== "OPTIONS" && !isAuthFailure(item);
}

function pathTemplate(item: Item): string {
  const endpoint = endpointOf(item);
  const slash = endpoint.indexOf("/");
  return slash < 0 ? "" : endpoint.slice(slash);
}

function methodOf(item: Item): string {
  return (item.kind === "report" ? item.report.method : item.method).toUpperCase();
}

/**
 * The latest request in `items` that succeeded and matches `failing`, best match first: same
 * endpoint and method, then the same path and method on another host, then the same host.
 * With `before`, only requests listed before it (by sequence number) count.
 */
export function lastSuccess(failing: Item, items: readonly Item[], before?: number): { item: ReportItem; match: Match } | null {
  const endpoint = endpointOf(failing);
  const path = pathTemplate(failing);
  const host = hostOf(failing);
  const method = methodOf(failing);
  let best: { item: ReportItem; match: Match; rank: number } | null = null;
  for (const item of items) {
    if (before !== undefined && item.seq >= before) break;
    if (item === failing || !succeeded(item)) continue;
    const sameMethod = methodOf(item) === method;
    const rank =
      sameMethod && endpointOf(item) === endpoint ? 3 : sameMethod && path !== "" && pathTemplate(item) === path ? 2 : host !== "" && hostOf(item) === host ? 1 : 0;
    // Later items of the same rank replace earlier ones: the last success is the closest.
    if (rank > 0 && (!best || rank >= best.rank)) best = { item, match: rank === 3 ? "endpoint" : rank === 2 ? "path" : "api", rank };
  }
  return best ? { item: best.item, match: best.match } : null;
}

/**
 * Baselines for a failing request of list `source`: the last success in its own list before it,
 * then the last success in the other list (the live session for an imported HAR, and the reverse).
 */
export function baselines(failing: Item, source: Source, own: readonly Item[], other: readonly Item[] | null): Baseline[] {
  const out: Baseline[] = [];
  const mine = lastSuccess(failing, own, failing.seq);
  if (mine) out.push({ ...mine, source });
  if (other && other.length) {
    const theirs = lastSuccess(failing, other);
    if (theirs) out.push({ ...theirs, source: source === "live" ? "import" : "live" });
  }
  return out;
}

export interface CompareRow {
  label: string;
  failing: string;
  working: string;
  differs: boolean;
}

export interface NameDiff {
  label: string;
  /** Names in both requests. */
  both: string[];
  /** Only in the failing request. */
  onlyFailing: string[];
  /** Only in the request that worked (missing from the failing one). */
  onlyWorking: string[];
}

export interface Comparison {
  rows: CompareRow[];
  names: NameDiff[];
  /** How many facts differ (rows and name lists). */
  differences: number;
}

/** The credential a request is about: the Authorization header's, else the first one. */
export function primaryCredential(item: ReportItem): Credential | null {
  const credentials = item.report.credentials ?? [];
  return credentials.find((c) => /authorization/i.test(c.location ?? "")) ?? credentials[0] ?? null;
}

const NONE = "—";

function expiry(credential: Credential | null, item: ReportItem): string {
  const exp = credential?.jwt?.exp;
  if (!exp) return NONE;
  const read = claimTime("exp", exp, requestTime(item) ?? Date.now());
  return read ? `${read.relative} (${read.absolute})` : NONE;
}

function expiryState(credential: Credential | null, item: ReportItem): string {
  const exp = credential?.jwt?.exp;
  if (!exp) return "";
  return claimTime("exp", exp, requestTime(item) ?? Date.now())?.tone ?? "";
}

function list(values: readonly string[] | undefined | null): string {
  return values && values.length ? [...values].sort().join(" ") : NONE;
}

function nameDiff(label: string, failing: readonly string[], working: readonly string[]): NameDiff {
  const a = new Set(failing);
  const b = new Set(working);
  return {
    label,
    both: [...a].filter((n) => b.has(n)).sort(),
    onlyFailing: [...a].filter((n) => !b.has(n)).sort(),
    onlyWorking: [...b].filter((n) => !a.has(n)).sort(),
  };
}

/** Credential headers and cookies are compared by name; their values never reach the panel. */
export function compareRequests(failing: ReportItem, working: ReportItem): Comparison {
  const f = failing.report;
  const w = working.report;
  const fc = primaryCredential(failing);
  const wc = primaryCredential(working);
  const at = (item: ReportItem): string => {
    const t = requestTime(item);
    return t === null ? NONE : formatUtc(t);
  };
  const rows: CompareRow[] = [];
  const row = (label: string, a: string, b: string, differs = a !== b): void => {
    rows.push({ label, failing: a, working: b, differs });
  };
  row("Status", String(f.status), String(w.status));
  row("Request", `${f.method} ${endpointOf(failing)}`, `${w.method} ${endpointOf(working)}`);
  row("Host", hostOf(failing) || NONE, hostOf(working) || NONE);
  row("Environment", f.environment ?? NONE, w.environment ?? NONE);
  row("Credential", fc ? credentialLabel(fc) : "none sent", wc ? credentialLabel(wc) : "none sent");
  row("Sent in", fc?.location ?? NONE, wc?.location ?? NONE);
  if (fc?.scheme || wc?.scheme) row("Scheme", fc?.scheme ?? NONE, wc?.scheme ?? NONE);
  // The redacted form keeps a known prefix and the length: a different one is another credential.
  row("Value (redacted)", fc?.redacted ?? NONE, wc?.redacted ?? NONE);
  row("Credential environment", fc?.environment ?? NONE, wc?.environment ?? NONE);
  if (fc?.jwt || wc?.jwt) {
    row("JWT exp", expiry(fc, failing), expiry(wc, working), expiryState(fc, failing) !== expiryState(wc, working) || fc?.jwt?.exp !== wc?.jwt?.exp);
    row("JWT aud", list(fc?.jwt?.aud), list(wc?.jwt?.aud));
    row("JWT iss", fc?.jwt?.iss ?? NONE, wc?.jwt?.iss ?? NONE);
    row("JWT scope", list(fc?.jwt?.scopes), list(wc?.jwt?.scopes));
  }
  row("Sent at", at(failing), at(working), false);
  const names: NameDiff[] = [];
  if (failing.shape && working.shape) {
    names.push(nameDiff("Headers", failing.shape.headers, working.shape.headers));
    names.push(nameDiff("Cookies", failing.shape.cookies, working.shape.cookies));
  }
  const differences =
    rows.filter((r) => r.differs && r.label !== "Status").length +
    names.filter((n) => n.onlyFailing.length || n.onlyWorking.length).length;
  return { rows, names, differences };
}
