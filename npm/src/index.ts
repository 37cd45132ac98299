// authlens for Node: the engine of the DevTools extension and of the `authlens` CLI, compiled to
// WebAssembly. Every value it returns is redacted: no credential leaves the engine whole.

import { readFile } from "node:fs/promises";
import { call } from "./engine.js";
import { docsJson, withRuleDocs } from "./sarif.js";
import type { EntryReport, FileFinding, Report } from "./report.js";

export type * from "./report.js";
export { scanPaths, type ScanOptions, type ScanResult } from "./scan.js";

/** A HAR document (`{ log: { entries: [...] } }`), as Playwright, browsers and proxies write it. */
export interface HarDocument {
  log: { entries: HarEntry[]; [key: string]: unknown };
  [key: string]: unknown;
}

/** One HAR entry; only the fields the engine reads are typed. */
export interface HarEntry {
  startedDateTime?: string;
  request: {
    method: string;
    url: string;
    headers: { name: string; value: string }[];
    queryString?: { name: string; value: string }[];
    postData?: { mimeType?: string; text?: string; params?: { name: string; value?: string }[] };
    [key: string]: unknown;
  };
  response: {
    status: number;
    statusText?: string;
    headers: { name: string; value: string }[];
    content?: { size?: number; mimeType?: string; text?: string; encoding?: string };
    redirectURL?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Report formats, as `authlens analyze --format` names them. */
export type Format = "text" | "json" | "markdown" | "sarif";

/** Severities, lowest first. */
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;

/** The engine version (the workspace version of the Rust crates). */
export function version(): string {
  return call((g) => g.version());
}

/**
 * A live session: entries analysed in order, each with the earlier ones as context (a token that
 * worked a minute ago, the clock skew the server showed, …), as in the DevTools panel.
 */
export class Session {
  #engine = call((g) => new g.Engine());

  /** Analyse one HAR entry (body in `response.content.text`). A malformed entry throws; the session goes on. */
  analyze(entry: HarEntry | object): EntryReport {
    return call(() => this.#engine.analyzeEntry(entry) as EntryReport);
  }

  /** Entries analysed so far. */
  get length(): number {
    return call(() => this.#engine.length);
  }

  /** Forget every entry. */
  clear(): void {
    call(() => this.#engine.clear());
  }

  /** Give the engine's memory back; the session is unusable afterwards. */
  free(): void {
    this.#engine.free();
  }

  [Symbol.dispose](): void {
    this.free();
  }
}

/**
 * Analyse a stream of entries in order, as one session (a proxy's log, a HAR read entry by
 * entry): yields each entry's report as it is analysed. An entry the engine cannot read throws.
 */
export async function* analyzeEntries(entries: Iterable<HarEntry | object> | AsyncIterable<HarEntry | object>): AsyncGenerator<EntryReport> {
  const session = new Session();
  try {
    for await (const entry of entries) yield session.analyze(entry);
  } finally {
    session.free();
  }
}

function harText(har: string | HarDocument): string {
  return typeof har === "string" ? har : JSON.stringify(har);
}

/** Analyse a whole HAR document (its text or its object) as one session. Throws for a text that is not a HAR. */
export function analyzeHar(har: string | HarDocument): Report {
  return JSON.parse(renderHar(har, "json")) as Report;
}

/**
 * A HAR document's report as `authlens analyze --format FORMAT` prints it (without the CLI's
 * final newline when the renderer leaves none). `artifact` is the file name SARIF refers to.
 */
export function renderHar(har: string | HarDocument, format: Format, options: { artifact?: string } = {}): string {
  const text = harText(har);
  return call((g) => {
    try {
      const out = g.renderHar(text, format, options.artifact ?? "report.har");
      return format === "sarif" ? withRuleDocs(out) : out;
    } catch (error) {
      const m = error instanceof Error ? error.message : String(error);
      throw new Error(m.startsWith("authlens:") ? m : `authlens: not a readable HAR: ${m}`);
    }
  });
}

/** The Markdown report of a HAR document or of a list of entries (one session), for a ticket. */
export function renderMarkdown(har: string | HarDocument | (HarEntry | object)[]): string {
  if (Array.isArray(har)) return call((g) => g.renderReport(har, "markdown"));
  return renderHar(har, "markdown");
}

/** A redacted copy of a HAR document, safe to attach to a ticket: each entry's `comment` says which bodies were cut. */
export function redactHar(har: string | HarDocument): HarDocument {
  const doc: unknown = typeof har === "string" ? JSON.parse(har) : har;
  return call((g) => g.redactHar(doc) as HarDocument);
}

/** Why a text is not a readable HAR document (line, column, HAR path; never the text), or null. */
export function harError(text: string): string | null {
  return call((g) => g.harError(text)) ?? null;
}

/** A cURL command reproducing an entry, every credential replaced by `${ENV_VAR}`. */
export function curlCommand(entry: HarEntry | object): string {
  return call((g) => g.curlCommand(entry));
}

/** The server-side secrets in one file's text (a bundle, a source map, a JSON body). */
export function scanText(name: string, text: string | Uint8Array): FileFinding[] {
  return call((g) => (typeof text === "string" ? g.scanText(name, text) : g.scanBytes(name, text)) as FileFinding[]);
}

/** `scanText` over a file read from disk. */
export async function scanFile(path: string): Promise<FileFinding[]> {
  return scanText(path, await readFile(path));
}

/** The documentation of a cause, finding or secret rule id (Markdown, as `authlens explain ID` prints it), or null. */
export function explain(id: string): string | null {
  const docs = docsJson();
  return Object.hasOwn(docs, id) ? (docs[id] ?? null) : null;
}

/** True when `severity` is at least `min`. */
export function atLeast(severity: string, min: string): boolean {
  return SEVERITIES.indexOf(severity as never) >= SEVERITIES.indexOf(min as never) && SEVERITIES.includes(min as never);
}
