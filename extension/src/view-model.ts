// Pure logic of the panel: which rows to show, what a row says, counts and selection.

import type { Item } from "./capture";
import type { Status } from "./messages";
import type { Severity } from "./report";

/** A 401, or a 403 the engine found an authentication cause for. */
export function isAuthFailure(item: Item): boolean {
  if (item.kind === "error") return item.status === 401;
  const { status, causes } = item.report;
  return status === 401 || (status === 403 && (causes?.length ?? 0) > 0);
}

/** Rows shown when "show all" is off: auth failures, entries with causes or with findings. */
export function matters(item: Item): boolean {
  if (item.kind === "error") return item.status === 401 || item.status === 403;
  const { status, causes, findings } = item.report;
  return status === 401 || (causes?.length ?? 0) > 0 || (findings?.length ?? 0) > 0;
}

export function visibleItems(items: readonly Item[], showAll: boolean): Item[] {
  return showAll ? items.slice() : items.filter(matters);
}

export interface Counts {
  total: number;
  authFailures: number;
  /** Findings of secrets (all severities). */
  exposedKeys: number;
  critical: number;
  high: number;
  engineErrors: number;
}

export function countItems(items: readonly Item[]): Counts {
  const counts: Counts = { total: 0, authFailures: 0, exposedKeys: 0, critical: 0, high: 0, engineErrors: 0 };
  for (const item of items) {
    counts.total += 1;
    if (isAuthFailure(item)) counts.authFailures += 1;
    if (item.kind === "error") {
      counts.engineErrors += 1;
      continue;
    }
    for (const finding of item.report.findings ?? []) {
      counts.exposedKeys += 1;
      if (finding.severity === "critical") counts.critical += 1;
      if (finding.severity === "high") counts.high += 1;
    }
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
    return {
      method: item.method,
      path: displayPath(item.url),
      url: item.url,
      status: item.status,
      provider: "",
      id: "not analysed",
      text: item.message,
      tone: "error",
      alsoFinding: null,
    };
  }
  const report = item.report;
  const provider = [report.provider, report.environment].filter(Boolean).join(" · ");
  const base = { method: report.method, path: displayPath(report.url), url: report.url, status: report.status, provider };
  const worst = [...(report.findings ?? [])].sort(
    (a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0),
  )[0];
  const cause = report.causes?.[0];
  if (cause) return { ...base, id: cause.id, text: cause.title, tone: "cause", alsoFinding: worst?.severity ?? null };
  if (worst) return { ...base, id: worst.id, text: worst.severity, tone: worst.severity, alsoFinding: null };
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

export type PanelState =
  | { kind: "connecting" }
  | { kind: "engine-loading" }
  | { kind: "engine-failed"; message: string }
  | { kind: "empty"; firefoxHint: boolean }
  | { kind: "nothing-relevant"; total: number }
  | { kind: "rows" };

/** What the list area shows, in priority order. */
export function panelState(status: Status | null, items: readonly Item[], visibleCount: number): PanelState {
  if (!status) return { kind: "connecting" };
  if (status.engine === "failed") return { kind: "engine-failed", message: status.engineError ?? "unknown error" };
  if (items.length === 0) {
    if (status.engine === "loading") return { kind: "engine-loading" };
    const firefoxHint = status.browser === "firefox" && status.harEntries === 0 && status.liveEntries === 0;
    return { kind: "empty", firefoxHint };
  }
  if (visibleCount === 0) return { kind: "nothing-relevant", total: items.length };
  return { kind: "rows" };
}
