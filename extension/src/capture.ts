// Pure helpers of the devtools page: turning a captured HAR entry into the plain object the engine
// reads, capping bodies, and the bounded log of results. No browser globals here.

import type { BodyContent, HarContent, HarEntry } from "./browser";
import type { EntryReport } from "./report";

/** Body bytes the engine inspects (authlens-core `limits::MAX_BODY_BYTES`); more is cut and noted. */
export const BODY_LIMIT = 2 * 1024 * 1024;
/** Results kept per DevTools session; the oldest go first. */
export const LOG_LIMIT = 5000;

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
  return { entry, notes };
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
}

export type Item = ReportItem | ErrorItem;
export type NewItem = Omit<ReportItem, "seq"> | Omit<ErrorItem, "seq">;

/** A bounded, append-only list of items with increasing sequence numbers. */
export class ItemLog {
  private list: Item[] = [];
  private next = 0;
  private droppedCount = 0;
  private sessionId = newSessionId();

  constructor(readonly limit = LOG_LIMIT) {}

  /** Changes whenever the log is cleared, so a panel can tell its copy is stale. */
  get session(): string {
    return this.sessionId;
  }
  get items(): readonly Item[] {
    return this.list;
  }
  /** Items dropped (oldest first) to stay within the limit since the last clear. */
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

  add(item: NewItem): Item {
    const stored = { ...item, seq: this.next++ } as Item;
    this.list.push(stored);
    const excess = this.list.length - this.limit;
    if (excess > 0) {
      this.list.splice(0, excess);
      this.droppedCount += excess;
    }
    return stored;
  }

  /** Items with a sequence number above `seq`. */
  after(seq: number): Item[] {
    const start = this.list.findIndex((item) => item.seq > seq);
    return start < 0 ? [] : this.list.slice(start);
  }

  clear(): void {
    this.list = [];
    this.droppedCount = 0;
    this.sessionId = newSessionId();
  }
}

function newSessionId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
