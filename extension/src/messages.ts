// Messages between the devtools page (capture + engine) and the panel (view).
//
// Transport: when DevTools shows the panel, `ExtensionPanel.onShown` hands the devtools page the
// panel's window (both browsers). The devtools page posts a `connect` message to that window with
// one end of a MessageChannel; all further traffic goes over that port, as structured clones.
// Every message is checked with the guards below before use.

import type { Item } from "./capture";
import type { BrowserName, ThemeName } from "./browser";

export const PROTOCOL = "authlens/1";

export type EngineState = "loading" | "ready" | "failed";

/** Which list a request belongs to: live traffic, or the HAR file the user imported. */
export type Source = "live" | "import";
export type ExportFormat = "markdown" | "json" | "har";

/** The imported HAR file, while there is one. */
export interface ImportInfo {
  /** Changes with every import, so late answers about an older file are ignored. */
  id: string;
  /** The file name, as the user's system gave it. */
  name: string;
  /** Entries in the file (0 until it is parsed). */
  entries: number;
  /** Entries analysed so far. */
  analysed: number;
  done: boolean;
  /** Entries beyond IMPORT_LIMIT that were not analysed. */
  leftOut: number;
  /** Why the file could not be read, or null. */
  error: string | null;
}

/** Everything the panel shows besides the items. */
export interface Status {
  browser: BrowserName;
  theme: ThemeName;
  engine: EngineState;
  engineError: string | null;
  engineVersion: string | null;
  preserveLog: boolean;
  /** Entries getHAR returned at start; null until it answered. */
  harEntries: number | null;
  /** onRequestFinished events seen since start. */
  liveEntries: number;
  /** Items dropped to keep the log bounded, since the last clear. */
  dropped: number;
  /** Lowest sequence number the devtools page still keeps. */
  firstSeq: number;
  /** The imported HAR file, or null. */
  imported: ImportInfo | null;
}

/** devtools page → panel window (window.postMessage, carries the port). */
export interface ConnectMessage {
  protocol: typeof PROTOCOL;
  kind: "connect";
}

/** devtools page → panel (port). */
export type ToPanel =
  | { protocol: typeof PROTOCOL; kind: "snapshot"; session: string; reset: boolean; items: Item[]; status: Status }
  | { protocol: typeof PROTOCOL; kind: "item"; session: string; item: Item; status: Status }
  | { protocol: typeof PROTOCOL; kind: "status"; status: Status }
  | { protocol: typeof PROTOCOL; kind: "explanation"; id: string; text: string | null }
  | { protocol: typeof PROTOCOL; kind: "import-items"; id: string; reset: boolean; items: Item[]; status: Status }
  | { protocol: typeof PROTOCOL; kind: "curl"; source: Source; seq: number; text: string | null; error: string | null }
  | {
      protocol: typeof PROTOCOL;
      kind: "export";
      source: Source;
      format: ExportFormat;
      filename: string;
      mime: string;
      text: string | null;
      error: string | null;
    };

/** panel → devtools page (port). */
export type ToDevtools =
  | { protocol: typeof PROTOCOL; kind: "ready"; session: string | null; lastSeq: number; importId: string | null }
  | { protocol: typeof PROTOCOL; kind: "explain"; id: string }
  | { protocol: typeof PROTOCOL; kind: "clear" }
  | { protocol: typeof PROTOCOL; kind: "preserve-log"; value: boolean }
  | { protocol: typeof PROTOCOL; kind: "import"; name: string; text: string }
  | { protocol: typeof PROTOCOL; kind: "close-import" }
  | { protocol: typeof PROTOCOL; kind: "curl"; source: Source; seq: number }
  | { protocol: typeof PROTOCOL; kind: "export"; source: Source; format: ExportFormat };

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ours(value: unknown): value is Loose {
  return isRecord(value) && value.protocol === PROTOCOL && typeof value.kind === "string";
}

const isString = (value: unknown): value is string => typeof value === "string";
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isStringOrNull = (value: unknown): boolean => value === null || isString(value);
const isOptionalString = (value: unknown): boolean => value === undefined || isString(value);
const isSource = (value: unknown): value is Source => value === "live" || value === "import";
const isFormat = (value: unknown): value is ExportFormat => value === "markdown" || value === "json" || value === "har";

/** Longest file name kept from an import (it is shown, and used for export names). */
export const MAX_NAME = 200;

export function isImportInfo(value: unknown): value is ImportInfo {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isNumber(value.entries) &&
    isNumber(value.analysed) &&
    typeof value.done === "boolean" &&
    isNumber(value.leftOut) &&
    isStringOrNull(value.error)
  );
}

export function isConnect(value: unknown): value is ConnectMessage {
  return ours(value) && value.kind === "connect";
}

export function isStatus(value: unknown): value is Status {
  return (
    isRecord(value) &&
    (value.browser === "chrome" || value.browser === "firefox") &&
    (value.theme === "dark" || value.theme === "light") &&
    (value.engine === "loading" || value.engine === "ready" || value.engine === "failed") &&
    isStringOrNull(value.engineError) &&
    isStringOrNull(value.engineVersion) &&
    typeof value.preserveLog === "boolean" &&
    (value.harEntries === null || isNumber(value.harEntries)) &&
    isNumber(value.liveEntries) &&
    isNumber(value.dropped) &&
    isNumber(value.firstSeq) &&
    (value.imported === null || isImportInfo(value.imported))
  );
}

/** Shape check of an item; report contents are the engine's and are read defensively by the view. */
export function isItem(value: unknown): value is Item {
  if (!isRecord(value) || !isNumber(value.seq) || !Array.isArray(value.notes) || !isOptionalString(value.started)) return false;
  if (value.kind === "report") {
    const report = value.report;
    return (
      isRecord(report) &&
      isString(report.method) &&
      isString(report.url) &&
      isNumber(report.status) &&
      Array.isArray(report.causes) &&
      Array.isArray(report.findings)
    );
  }
  if (value.kind === "error") {
    return isString(value.method) && isString(value.url) && isNumber(value.status) && isString(value.message);
  }
  return false;
}

export function isToPanel(value: unknown): value is ToPanel {
  if (!ours(value)) return false;
  switch (value.kind) {
    case "snapshot":
      return (
        isString(value.session) &&
        typeof value.reset === "boolean" &&
        Array.isArray(value.items) &&
        value.items.every(isItem) &&
        isStatus(value.status)
      );
    case "item":
      return isString(value.session) && isItem(value.item) && isStatus(value.status);
    case "status":
      return isStatus(value.status);
    case "explanation":
      return isString(value.id) && isStringOrNull(value.text);
    case "import-items":
      return (
        isString(value.id) &&
        typeof value.reset === "boolean" &&
        Array.isArray(value.items) &&
        value.items.every(isItem) &&
        isStatus(value.status)
      );
    case "curl":
      return isSource(value.source) && isNumber(value.seq) && isStringOrNull(value.text) && isStringOrNull(value.error);
    case "export":
      return (
        isSource(value.source) &&
        isFormat(value.format) &&
        isString(value.filename) &&
        isString(value.mime) &&
        isStringOrNull(value.text) &&
        isStringOrNull(value.error)
      );
    default:
      return false;
  }
}

export function isToDevtools(value: unknown): value is ToDevtools {
  if (!ours(value)) return false;
  switch (value.kind) {
    case "ready":
      return isStringOrNull(value.session) && isNumber(value.lastSeq) && isStringOrNull(value.importId ?? null);
    case "explain":
      return isString(value.id) && value.id.length > 0 && value.id.length <= 200;
    case "clear":
      return true;
    case "preserve-log":
      return typeof value.value === "boolean";
    case "import":
      return isString(value.name) && isString(value.text);
    case "close-import":
      return true;
    case "curl":
      return isSource(value.source) && isNumber(value.seq);
    case "export":
      return isSource(value.source) && isFormat(value.format);
    default:
      return false;
  }
}

/** Build a message with the protocol tag filled in. */
export function message<T extends { kind: string }>(body: T): T & { protocol: typeof PROTOCOL } {
  return { protocol: PROTOCOL, ...body };
}
