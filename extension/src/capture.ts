// Pure helpers of the devtools page: turning a captured HAR entry into the plain object the engine
// reads, capping bodies, and the bounded log of results. No browser globals here.

import type { BodyContent, HarContent, HarEntry } from "./browser";
import type { EntryReport } from "./report";

/** Body bytes the engine inspects (authlens-core `limits::MAX_BODY_BYTES`); more is cut and noted. */
export const BODY_LIMIT = 2 * 1024 * 1024;
/** Results kept per DevTools session; the oldest go first. */
export const LOG_LIMIT = 5000;
/**
 * Characters of captured entries (headers and bodies, kept for cURL and exports) held at most; the
 * oldest results go first when a session holds more. Keeps memory bounded with large bodies.
 */
export const RAW_BUDGET = 128 * 1024 * 1024;
/** Entries analysed from one imported HAR; the rest of a bigger file is left out, and said so. */
export const IMPORT_LIMIT = 20_000;

export interface CappedBody {
  text: string;
  /** Original length in characters when the body was cut. */
  cutFrom?: number;
}

/**
 * Cut a body to about `limit` bytes. Text is cut by UTF-16 units without splitting a surrogate
 * pair; base64 is cut on a 4-character boundary so that it still decodes (to at most `limit`).
 */
export function capBody(text: string, encoding: string | null | undefined, limit = BODY_LIMIT): CappedBody {
  if (encoding === "base64") {
    const max = Math.floor(limit / 3) * 4;
    return text.length <= max ? { text } : { text: text.slice(0, max), cutFrom: text.length };
  }
  if (text.length <= limit) return { text };
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), cutFrom: text.length };
}

/** Media bodies say nothing about authentication; their bodies are not read. */
export function isMediaType(mimeType: string | undefined): boolean {
  const type = (mimeType ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
  return (
    /^(image|audio|video|font)\//.test(type) ||
    /^application\/(font-|x-font-|wasm$|pdf$|zip$|gzip$|x-protobuf$|vnd\.ms-fontobject$)/.test(type)
  );
}

/** Whether the entry already carries its body (Firefox's getHAR does when the Network panel ran). */
export function hasInlineBody(entry: HarEntry): boolean {
  const text = entry.response?.content?.text;
  return typeof text === "string" && text.length > 0;
}

/** A deep, plain copy: no prototype (Chromium hangs `getContent` there), no functions. */
export function plainClone(entry: HarEntry): Record<string, unknown> {
  return JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
}

export interface PreparedEntry {
  entry: Record<string, unknown>;
  /** What the capture did to the entry, in words, shown with its report. */
  notes: string[];
  /** About how many characters the entry holds (its weight against RAW_BUDGET). */
  size: number;
}

/**
 * The plain entry handed to the engine, with `response.content.text` / `.encoding` filled from
 * `body` (when given) and capped at `limit`.
 */
export function prepareEntry(raw: HarEntry, body: BodyContent | null, limit = BODY_LIMIT): PreparedEntry {
  const entry = plainClone(raw);
  const notes: string[] = [];
  const response = ensureObject(entry, "response");
  const content = ensureObject(response, "content") as HarContent;

  if (body && body.text !== null) {
    content.text = body.text;
    if (body.encoding) content.encoding = body.encoding;
    else delete content.encoding;
    // Firefox marks entries from events "Response bodies are not included."; now one is.
    delete content.comment;
  } else if (body?.error) {
    notes.push(`Response body not available: ${body.error}.`);
  }

  if (typeof content.text === "string") {
    const capped = capBody(content.text, content.encoding, limit);
    if (capped.cutFrom !== undefined) {
      content.text = capped.text;
      notes.push(
        `Response body cut to its first ${formatSize(capped.text.length)} of ${formatSize(capped.cutFrom)} for analysis.`,
      );
    }
  }
  return { entry, notes, size: entrySize(entry) };
}

/** About how many characters an entry holds: its bodies plus a little for everything else. */
export function entrySize(entry: Record<string, unknown>): number {
  const request = entry.request as { postData?: { text?: unknown }; headers?: unknown[]; url?: unknown } | undefined;
  const response = entry.response as { content?: { text?: unknown }; headers?: unknown[] } | undefined;
  const text = (value: unknown): number => (typeof value === "string" ? value.length : 0);
  const headers = (list: unknown[] | undefined): number => (Array.isArray(list) ? list.length * 64 : 0);
  return (
    1024 +
    text(request?.url) +
    text(request?.postData?.text) +
    text(response?.content?.text) +
    headers(request?.headers) +
    headers(response?.headers)
  );
}

/** The request time of an entry (`startedDateTime`), when it has a usable one. */
export function startedAt(entry: { startedDateTime?: unknown }): string | undefined {
  const value = entry.startedDateTime;
  return typeof value === "string" && value.length <= 64 && Number.isFinite(Date.parse(value)) ? value : undefined;
}

function ensureObject(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key];
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  parent[key] = fresh;
  return fresh;
}

export function formatSize(units: number): string {
  if (units >= 1024 * 1024) return `${(units / (1024 * 1024)).toFixed(1)} MB`;
  if (units >= 1024) return `${Math.round(units / 1024)} KB`;
  return `${units} B`;
}

/**
 * What kind of request an entry was. Chromium says it (`_resourceType`: "fetch", "xhr",
 * "document", "script", "preflight", …); Firefox does not, so it is guessed from the method, the
 * CORS request headers and the response type, and an unknown kind counts as "fetch".
 */
export function resourceTypeOf(entry: unknown): string {
  const e = (entry ?? {}) as {
    _resourceType?: unknown;
    request?: { method?: unknown; headers?: unknown };
    response?: { content?: { mimeType?: unknown } };
  };
  if (typeof e._resourceType === "string" && e._resourceType) return e._resourceType.toLowerCase().slice(0, 32);
  const headers = Array.isArray(e.request?.headers) ? (e.request.headers as { name?: unknown }[]) : [];
  const has = (name: string): boolean => headers.some((h) => typeof h?.name === "string" && h.name.toLowerCase() === name);
  if (String(e.request?.method ?? "").toUpperCase() === "OPTIONS" && has("access-control-request-method")) return "preflight";
  const mime = String(e.response?.content?.mimeType ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
  if (mime === "text/html" || mime === "application/xhtml+xml") return "document";
  if (/(java|ecma)script/.test(mime)) return "script";
  if (mime === "text/css") return "stylesheet";
  if (/^image\//.test(mime)) return "image";
  if (/^font\/|font-/.test(mime)) return "font";
  if (/^(audio|video)\//.test(mime)) return "media";
  return "fetch";
}

const MAX_NAMES = 64;

/** Header and cookie names of a request (lower-cased headers, sorted, at most 64 of each, clipped). */
export function requestShape(entry: unknown): RequestShape {
  const request = ((entry ?? {}) as { request?: { headers?: unknown; cookies?: unknown } }).request ?? {};
  const names = (list: unknown, lower: boolean): string[] => {
    if (!Array.isArray(list)) return [];
    const out = new Set<string>();
    for (const pair of list as { name?: unknown }[]) {
      if (typeof pair?.name !== "string" || !pair.name) continue;
      out.add((lower ? pair.name.toLowerCase() : pair.name).slice(0, 64));
      if (out.size >= MAX_NAMES) break;
    }
    return [...out].sort();
  };
  const headers = names(request.headers, true);
  let cookies = names(request.cookies, false);
  if (cookies.length === 0 && Array.isArray(request.headers)) {
    // Firefox's entries from events may list cookies only in the header.
    const header = (request.headers as { name?: unknown; value?: unknown }[]).find(
      (h) => typeof h?.name === "string" && h.name.toLowerCase() === "cookie",
    );
    if (typeof header?.value === "string") {
      cookies = names(
        header.value.split(";").map((part) => ({ name: part.split("=")[0]?.trim() ?? "" })),
        false,
      );
    }
  }
  return { headers, cookies };
}

/** Chromium's reason for a request without a response (`_error`), when there is one. */
export function failureOf(entry: unknown): string | undefined {
  const error = (entry as { _error?: unknown } | null)?._error;
  return typeof error === "string" && error ? error.slice(0, 200) : undefined;
}

/**
 * For a refused CORS preflight in a browser that does not list the request it guarded (Firefox),
 * the request that was blocked: its method (from Access-Control-Request-Method) and the URL.
 */
export function blockedByPreflight(entry: unknown): { method: string; url: string } | null {
  const e = (entry ?? {}) as { request?: { method?: unknown; url?: unknown; headers?: unknown }; response?: { status?: unknown } };
  if (String(e.request?.method ?? "").toUpperCase() !== "OPTIONS") return null;
  const status = Number(e.response?.status ?? 0);
  if (status >= 200 && status < 300) return null;
  const headers = Array.isArray(e.request?.headers) ? (e.request.headers as { name?: unknown; value?: unknown }[]) : [];
  const acrm = headers.find((h) => typeof h?.name === "string" && h.name.toLowerCase() === "access-control-request-method");
  if (typeof acrm?.value !== "string" || !/^[A-Za-z]{1,16}$/.test(acrm.value)) return null;
  return { method: acrm.value.toUpperCase(), url: urlWithoutQuery(String(e.request?.url ?? "")) };
}

/** Identity of an entry, to merge getHAR's list with events that arrived while it ran. */
export function entryKey(entry: HarEntry): string {
  return [entry.startedDateTime ?? "", entry.request?.method ?? "", entry.request?.url ?? "", entry.response?.status ?? ""].join(
    " ",
  );
}

/** The URL without query and fragment, for entries the engine could not redact for us. */
export function urlWithoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin + parsed.pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? "";
  }
}

// ---- the log of results ----------------------------------------------------------------------

export interface ReportItem {
  seq: number;
  kind: "report";
  report: EntryReport;
  /** Notes of the capture (body cut, body missing). */
  notes: string[];
  /** When the request started (the HAR's `startedDateTime`); JWT times are shown relative to it. */
  started?: string;
  /** What kind of request it was: "fetch", "xhr", "document", "script", "preflight", … */
  resourceType?: string;
  /** Names (never values) of the request's headers and cookies, for "what changed". */
  shape?: RequestShape;
  /** Why there was no response (Chromium's `_error`, e.g. "net::ERR_FAILED"). */
  failure?: string;
}

/** Names of what a request carried; values are never kept. */
export interface RequestShape {
  headers: string[];
  cookies: string[];
}

/** An entry the engine rejected. Only method, status and the query-less URL are kept. */
export interface ErrorItem {
  seq: number;
  kind: "error";
  method: string;
  url: string;
  status: number;
  message: string;
  notes: string[];
  started?: string;
  resourceType?: string;
  shape?: RequestShape;
  failure?: string;
  /**
   * Set on a request the browser never listed because its CORS preflight was refused (Firefox):
   * the sequence number of that preflight. Method and URL come from the preflight.
   */
  blockedBy?: number;
}

export type Item = ReportItem | ErrorItem;
export type NewItem = Omit<ReportItem, "seq"> | Omit<ErrorItem, "seq">;

/**
 * A bounded, append-only list of items with increasing sequence numbers. Each item may carry an
 * attachment that never leaves the devtools page (the captured entry, for cURL and exports) and a
 * weight (its size); the oldest items go first when there are more than `limit` of them or their
 * weights add up to more than `weightLimit`.
 */
export class ItemLog<A = unknown> {
  private list: Item[] = [];
  private extras: (A | undefined)[] = [];
  private weights: number[] = [];
  private totalWeight = 0;
  private next = 0;
  private droppedCount = 0;
  private sessionId = newSessionId();

  constructor(
    readonly limit = LOG_LIMIT,
    readonly weightLimit = RAW_BUDGET,
  ) {}

  /** Changes whenever the log is cleared, so a panel can tell its copy is stale. */
  get session(): string {
    return this.sessionId;
  }
  get items(): readonly Item[] {
    return this.list;
  }
  /** Items dropped (oldest first) to stay within the limits since the last clear. */
  get dropped(): number {
    return this.droppedCount;
  }
  /** The lowest sequence number still kept (equals `nextSeq` when empty). */
  get firstSeq(): number {
    return this.list[0]?.seq ?? this.next;
  }
  get nextSeq(): number {
    return this.next;
  }
  /** Sum of the weights of the items kept. */
  get weight(): number {
    return this.totalWeight;
  }

  add(item: NewItem, attachment?: A, weight = 0): Item {
    const stored = { ...item, seq: this.next++ } as Item;
    this.list.push(stored);
    this.extras.push(attachment);
    this.weights.push(weight);
    this.totalWeight += weight;
    let excess = Math.max(0, this.list.length - this.limit);
    let heavy = this.totalWeight;
    for (let i = 0; i < excess; i++) heavy -= this.weights[i] ?? 0;
    // The newest item always stays, however heavy it is.
    while (heavy > this.weightLimit && excess < this.list.length - 1) {
      heavy -= this.weights[excess] ?? 0;
      excess += 1;
    }
    if (excess > 0) {
      this.list.splice(0, excess);
      this.extras.splice(0, excess);
      this.weights.splice(0, excess);
      this.totalWeight = heavy;
      this.droppedCount += excess;
    }
    return stored;
  }

  /** Items with a sequence number above `seq`. */
  after(seq: number): Item[] {
    const start = this.list.findIndex((item) => item.seq > seq);
    return start < 0 ? [] : this.list.slice(start);
  }

  /** The attachment of the item numbered `seq`, while it is kept. */
  attachment(seq: number): A | undefined {
    const index = seq - this.firstSeq;
    return this.list[index]?.seq === seq ? this.extras[index] : undefined;
  }

  /** Every attachment kept, oldest first (items without one are skipped). */
  attachments(): A[] {
    return this.extras.filter((extra): extra is A => extra !== undefined);
  }

  clear(): void {
    this.list = [];
    this.extras = [];
    this.weights = [];
    this.totalWeight = 0;
    this.droppedCount = 0;
    this.sessionId = newSessionId();
  }
}

function newSessionId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

// ---- exports ---------------------------------------------------------------------------------

export type ExportKind = "markdown" | "json" | "har";

const EXPORT_SUFFIX: Record<ExportKind, { suffix: string; mime: string }> = {
  markdown: { suffix: "-report.md", mime: "text/markdown" },
  json: { suffix: "-report.json", mime: "application/json" },
  har: { suffix: "-redacted.har", mime: "application/json" },
};

/**
 * The download name of an export: from the imported file's name (`ticket-42.har` →
 * `ticket-42-redacted.har`), or `authlens-YYYYMMDD-HHMMSS` (local time) for live traffic. Only
 * letters, digits, `.`, `_` and `-` are kept, so a hostile file name cannot make a strange path.
 */
export function exportFileName(kind: ExportKind, importName: string | null, now: Date): { filename: string; mime: string } {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  let base = `authlens-${stamp}`;
  if (importName !== null) {
    const cleaned = importName
      .replace(/\.(har|json)$/i, "")
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .replace(/^[._-]+/, "")
      .slice(0, 80);
    if (cleaned) base = cleaned;
  }
  const { suffix, mime } = EXPORT_SUFFIX[kind];
  return { filename: base + suffix, mime };
}

/** A HAR document around exported entries (what `redactHar` returned), readable by HAR viewers. */
export function harDocument(redacted: unknown, version: string): Record<string, unknown> {
  const log = (redacted as { log?: unknown } | null)?.log;
  const entries = (log as { entries?: unknown } | null)?.entries;
  return {
    log: {
      version: "1.2",
      creator: { name: "authlens", version, comment: "credentials redacted by authlens" },
      entries: Array.isArray(entries) ? entries : [],
    },
  };
}
