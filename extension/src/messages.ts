// Messages between the devtools page (capture + engine) and the panel (view).
//
// Transport: when DevTools shows the panel, `ExtensionPanel.onShown` hands the devtools page the
// panel's window (both browsers). The devtools page posts a `connect` message to that window with
// one end of a MessageChannel; all further traffic goes over that port, as structured clones.
// Every message is checked with the guards below before use.

import type { Item } from "./capture";
import type { BrowserName, ThemeName } from "./browser";

export const PROTOCOL = "authlens/1";

// ---- the schema ----------------------------------------------------------------------------------
// Every message type below is inferred from its check, so a type and its guard cannot disagree.

/** A guard that also carries its type. */
export type Check<T> = (value: unknown) => value is T;
export type Infer<C> = C extends Check<infer T> ? T : never;

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const str: Check<string> = (value): value is string => typeof value === "string";
const num: Check<number> = (value): value is number => typeof value === "number" && Number.isFinite(value);
const bool: Check<boolean> = (value): value is boolean => typeof value === "boolean";

function oneOf<const T extends readonly string[]>(...values: T): Check<T[number]> {
  return (value): value is T[number] => typeof value === "string" && values.includes(value);
}

function nullable<T>(check: Check<T>): Check<T | null> {
  return (value): value is T | null => value === null || check(value);
}

/** Absent (undefined) or valid; the key stays in the type, as `T | undefined`. */
function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value): value is T | undefined => value === undefined || check(value);
}

function arrayOf<T>(check: Check<T>, max = Infinity): Check<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.length <= max && value.every(check);
}

function sized(min: number, max: number): Check<string> {
  return (value): value is string => typeof value === "string" && value.length >= min && value.length <= max;
}

type Shape = Record<string, Check<unknown>>;
type FromShape<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

function record<S extends Shape>(shape: S): Check<FromShape<S>> {
  const keys = Object.keys(shape);
  return (value): value is FromShape<S> => isRecord(value) && keys.every((key) => shape[key]?.(value[key]) ?? false);
}

// ---- shared values -------------------------------------------------------------------------------

const engineState = oneOf("loading", "ready", "failed");
export type EngineState = Infer<typeof engineState>;

/** Which list a request belongs to: live traffic, or the HAR file the user imported. */
const source = oneOf("live", "import");
export type Source = Infer<typeof source>;
const exportFormat = oneOf("markdown", "json", "har");
export type ExportFormat = Infer<typeof exportFormat>;

/** The imported HAR file, while there is one. */
export const isImportInfo = record({
  /** Changes with every import, so late answers about an older file are ignored. */
  id: str,
  /** The file name, as the user's system gave it. */
  name: str,
  /** Entries in the file (0 until it is parsed). */
  entries: num,
  /** Entries analysed so far. */
  analysed: num,
  done: bool,
  /** Entries beyond IMPORT_LIMIT that were not analysed. */
  leftOut: num,
  /** Why the file could not be read, or null. */
  error: nullable(str),
});
export type ImportInfo = Infer<typeof isImportInfo>;

/** A navigation of the inspected page while "Preserve log" kept the list. */
export const isNavigation = record({
  /** Items with a lower sequence number came before it. */
  beforeSeq: num,
  /** The new page's URL, without query and fragment. */
  url: str,
  /** When the devtools page saw it (ms since the epoch). */
  at: num,
});
export type Navigation = Infer<typeof isNavigation>;

/** Navigations the devtools page remembers (the oldest go first). */
export const MAX_NAVIGATIONS = 200;

/** Everything the panel shows besides the items. */
export const isStatus = record({
  browser: oneOf("chrome", "firefox") as Check<BrowserName>,
  theme: oneOf("dark", "light") as Check<ThemeName>,
  engine: engineState,
  engineError: nullable(str),
  engineVersion: nullable(str),
  /** Times the engine was re-created after an internal error (a wasm trap). */
  engineRestarts: num,
  preserveLog: bool,
  /** Entries getHAR returned at start; null until it answered. */
  harEntries: nullable(num),
  /** onRequestFinished events seen since start. */
  liveEntries: num,
  /** Items dropped to keep the log bounded, since the last clear. */
  dropped: num,
  /** Lowest sequence number the devtools page still keeps. */
  firstSeq: num,
  /** The imported HAR file, or null. */
  imported: nullable(isImportInfo),
  /** DevTools opened after the page had loaded: the start of the page's traffic was not seen. */
  lateStart: bool,
  /** The browser's extension API can show a script in its Sources/Debugger panel (openResource). */
  canOpenResource: bool,
  navigations: arrayOf(isNavigation, MAX_NAVIGATIONS),
});
export type Status = Infer<typeof isStatus>;

const isShape = record({ headers: arrayOf(str, 64), cookies: arrayOf(str, 64) });

/** Shape check of an item; report contents are the engine's and are read defensively by the view. */
export function isItem(value: unknown): value is Item {
  if (!isRecord(value) || !num(value.seq) || !Array.isArray(value.notes) || !optional(str)(value.started)) return false;
  if (!optional(str)(value.resourceType) || !optional(str)(value.failure) || !optional(num)(value.blockedBy)) return false;
  if (value.shape !== undefined && !isShape(value.shape)) return false;
  if (value.kind === "report") {
    const report = value.report;
    return (
      isRecord(report) &&
      str(report.method) &&
      str(report.url) &&
      num(report.status) &&
      Array.isArray(report.causes) &&
      Array.isArray(report.findings)
    );
  }
  if (value.kind === "error") {
    return str(value.method) && str(value.url) && num(value.status) && str(value.message);
  }
  return false;
}
const item: Check<Item> = isItem;

/** Longest file name kept from an import (it is shown, and used for export names). */
export const MAX_NAME = 200;

// ---- the messages ----------------------------------------------------------------------------------

/** devtools page → panel (port). */
const toPanel = {
  snapshot: { session: str, reset: bool, items: arrayOf(item), status: isStatus },
  item: { session: str, item, status: isStatus },
  status: { status: isStatus },
  explanation: { id: str, text: nullable(str) },
  "import-items": { id: str, reset: bool, items: arrayOf(item), status: isStatus },
  curl: { source, seq: num, text: nullable(str), error: nullable(str) },
  export: { source, format: exportFormat, filename: str, mime: str, text: nullable(str), error: nullable(str) },
  /** What became of an "Open in Sources" request. */
  opened: { ok: bool, error: nullable(str) },
  /** The causes the engine checks (id and title), for a failure none of them explained. */
  checks: { causes: arrayOf(record({ id: str, title: str }), 500) },
} satisfies Record<string, Shape>;

/** panel → devtools page (port). */
const toDevtools = {
  ready: { session: nullable(str), lastSeq: num, importId: optional(nullable(str)) },
  explain: { id: sized(1, 200) },
  clear: {},
  "preserve-log": { value: bool },
  import: { name: str, text: str },
  "close-import": {},
  curl: { source, seq: num },
  export: { source, format: exportFormat },
  /** Reload the inspected page (the "DevTools opened late" notice). */
  reload: {},
  checks: {},
  /** Show a script in the Sources panel at a line and column (both 1-based). */
  "open-resource": { url: sized(1, 8192), line: num, column: num },
} satisfies Record<string, Shape>;

type Tagged<Table extends Record<string, Shape>> = {
  [K in keyof Table & string]: { protocol: typeof PROTOCOL; kind: K } & FromShape<Table[K]>;
}[keyof Table & string];

export type ToPanel = Tagged<typeof toPanel>;
export type ToDevtools = Tagged<typeof toDevtools>;
export type ToPanelKind = ToPanel["kind"];

/** devtools page → panel window (window.postMessage, carries the port). */
export interface ConnectMessage {
  protocol: typeof PROTOCOL;
  kind: "connect";
}

function ours(value: unknown): value is Loose & { kind: string } {
  return isRecord(value) && value.protocol === PROTOCOL && typeof value.kind === "string";
}

function guard<Table extends Record<string, Shape>>(table: Table): Check<Tagged<Table>> {
  const checks = new Map(Object.entries(table).map(([kind, shape]) => [kind, record(shape)]));
  return (value): value is Tagged<Table> => ours(value) && (checks.get(value.kind)?.(value) ?? false);
}

export const isToPanel: Check<ToPanel> = guard(toPanel);
export const isToDevtools: Check<ToDevtools> = guard(toDevtools);

export function isConnect(value: unknown): value is ConnectMessage {
  return ours(value) && value.kind === "connect";
}

/** Build a message with the protocol tag filled in. */
export function message<T extends { kind: string }>(body: T): T & { protocol: typeof PROTOCOL } {
  return { protocol: PROTOCOL, ...body };
}
