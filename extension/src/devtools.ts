// The devtools page: loaded whenever DevTools opens on a tab, and alive until it closes. It owns
// capture and analysis (so nothing is missed while the panel is closed) and serves the panel.

import * as browser from "./browser";
import type { BodyContent, HarEntry } from "./browser";
import { EngineTrap, docsReader, loadEngine, type EngineSession, type LoadedEngine } from "./engine";
import {
  IMPORT_LIMIT,
  ItemLog,
  entryKey,
  exportFileName,
  harDocument,
  hasInlineBody,
  isMediaType,
  blockedByPreflight,
  failureOf,
  prepareEntry,
  requestShape,
  resourceTypeOf,
  startedAt,
  urlWithoutQuery,
  type Item,
  type NewItem,
} from "./capture";
import { causeIndex } from "./markdown";
import { readHarText } from "./intake";
import { createReporter, type Reporter } from "./e2e-reporter";
import {
  MAX_NAME,
  MAX_NAVIGATIONS,
  isToDevtools,
  message,
  type ExportFormat,
  type ImportInfo,
  type Source,
  type Status,
  type ToDevtools,
  type ToPanel,
} from "./messages";

declare const __AUTHLENS_E2E__: boolean;

const PANEL_TITLE = "authlens";
const PRESERVE_KEY = "authlens.preserveLog";

/** A captured entry as handed to the engine; kept in the devtools page for cURL and exports. */
type RawEntry = Record<string, unknown>;

const itemLog = new ItemLog<RawEntry>();
const status: Status = {
  browser: browser.browserName(),
  theme: browser.themeName(),
  engine: "loading",
  engineError: null,
  engineVersion: null,
  preserveLog: readPreserveLog(),
  harEntries: null,
  liveEntries: 0,
  dropped: 0,
  firstSeq: 0,
  imported: null,
  engineRestarts: 0,
  lateStart: false,
  canOpenResource: browser.canOpenResource(),
  navigations: [],
};

const reporter: Reporter | null = __AUTHLENS_E2E__
  ? createReporter({ readOrigin: () => browser.evalInInspectedPage("location.origin") })
  : null;

let engine: LoadedEngine | null = null;
const engineReady: Promise<LoadedEngine | null> = loadEngine(browser.extensionUrl("wasm/authlens_wasm_bg.wasm")).then(
  (loaded) => {
    engine = loaded;
    status.engine = "ready";
    status.engineVersion = loaded.version;
    return loaded;
  },
  (error: unknown) => {
    status.engine = "failed";
    status.engineError = browser.errorText(error);
    console.error("authlens: the analysis engine failed to load:", error);
    return null;
  },
);

/** "Learn more" texts: docs.json beside the engine, read on the first request. */
const explain = docsReader(browser.extensionUrl("docs.json"));

// ---- analysis pipeline -----------------------------------------------------------------------
// Bodies are fetched as soon as an entry arrives; analysis runs strictly in arrival order because
// each entry is analysed with the earlier ones as context.

let generation = 0; // bumped when the log is cleared; queued entries of an older one are dropped
let queue: Promise<void> = Promise.resolve();

function fetchBody(raw: HarEntry): Promise<BodyContent | null> {
  if (hasInlineBody(raw)) return Promise.resolve(null);
  if (isMediaType(raw.response?.content?.mimeType)) return Promise.resolve(null);
  if (typeof raw.getContent !== "function") return Promise.resolve(null);
  return browser.readContent(raw);
}

function enqueue(raw: HarEntry): void {
  const born = generation;
  const body = fetchBody(raw);
  queue = queue.then(async () => {
    const loaded = await engineReady;
    if (!loaded || born !== generation || status.engine === "failed") return;
    analyse(loaded, raw, await body);
    if (loaded.broken) await recover(loaded);
    // Test builds only: a request to this path restarts the engine as a trap would, so the browser
    // tests see a real second instance of the module load and go on analysing.
    else if (__AUTHLENS_E2E__ && String(raw.request?.url ?? "").endsWith(E2E_RESTART_PATH)) await recover(loaded);
  });
}

/** Test builds only (see enqueue). */
const E2E_RESTART_PATH = "/__e2e-restart-engine";

/** Restarts after internal errors before the engine is given up for the DevTools session (engine.ts has as many fresh instances). */
const MAX_RESTARTS = 5;

/**
 * After a trap: a fresh engine, given the entries kept so far again so that later analyses have
 * their context (their items stay as they were). If the module cannot be made again, the engine
 * is marked failed and the panel says so.
 */
async function recover(loaded: LoadedEngine): Promise<void> {
  try {
    if (loaded.restarts >= MAX_RESTARTS) throw new Error(`it failed ${MAX_RESTARTS + 1} times in this DevTools session`);
    await loaded.restart();
  } catch (error) {
    status.engine = "failed";
    status.engineError = `the analysis engine failed on an internal error and could not be restarted: ${browser.errorText(error)}`;
    publishStatus();
    return;
  }
  status.engineRestarts = loaded.restarts;
  for (const entry of itemLog.attachments()) {
    try {
      loaded.analyze(entry);
    } catch {
      if (loaded.broken) return recover(loaded);
    }
  }
  publishStatus();
}

function analyse(loaded: LoadedEngine, raw: HarEntry, body: BodyContent | null): void {
  let item: Item;
  try {
    const prepared = prepareEntry(raw, body);
    try {
      const report = loaded.analyze(prepared.entry);
      item = itemLog.add(
        { kind: "report", report, notes: prepared.notes, started: startedAt(prepared.entry), ...facts(raw) },
        prepared.entry,
        prepared.size,
      );
      reporter?.report(report);
      if (status.browser === "firefox") {
        const blocked = blockedItem(item, raw);
        if (blocked) {
          publishItem(item);
          item = itemLog.add(blocked);
        }
      }
    } catch (error) {
      item = itemLog.add(rejected(raw, error, prepared.notes));
      reporter?.entryError(browser.errorText(error));
    }
  } catch (error) {
    item = itemLog.add(rejected(raw, error, []));
    reporter?.entryError(browser.errorText(error));
  }
  publishItem(item);
}

/** What the panel is told of a request besides its report: its kind, header/cookie names, failure. */
function facts(raw: unknown): { resourceType: string; shape: ReturnType<typeof requestShape>; failure?: string } {
  const failure = failureOf(raw);
  return { resourceType: resourceTypeOf(raw), shape: requestShape(raw), ...(failure ? { failure } : {}) };
}

/**
 * Firefox lists only the preflight of a request whose CORS preflight was refused, never the
 * request itself: it is listed here, right after its preflight, from what the preflight says.
 */
function blockedItem(preflight: Item, raw: unknown): NewItem | null {
  const blocked = blockedByPreflight(raw);
  if (!blocked || preflight.kind !== "report") return null;
  const started = startedAt(raw as HarEntry);
  return {
    kind: "error",
    method: blocked.method,
    url: blocked.url,
    status: 0,
    message:
      `blocked by the browser: its CORS preflight (OPTIONS, status ${preflight.report.status || "none"}) was refused, ` +
      "so the request was never sent (Firefox does not list it; this row stands for it)",
    notes: [],
    resourceType: "fetch",
    blockedBy: preflight.seq,
    ...(started ? { started } : {}),
  };
}

/** What is kept of an entry the engine rejected: method, status, the query-less URL, the message. */
function rejected(raw: HarEntry, error: unknown, notes: string[]): Omit<Item & { kind: "error" }, "seq"> {
  const started = startedAt(raw);
  const message =
    error instanceof EngineTrap
      ? `${error.message} on this request; the engine was restarted and goes on with the next ones (please report this)`
      : browser.errorText(error);
  return {
    kind: "error",
    method: String(raw.request?.method ?? "").slice(0, 32),
    url: urlWithoutQuery(String(raw.request?.url ?? "")),
    status: Number(raw.response?.status ?? 0) || 0,
    message,
    notes,
    ...facts(raw),
    ...(started ? { started } : {}),
  };
}

function clearLog(): void {
  generation += 1;
  itemLog.clear();
  status.navigations = [];
  engine?.clear();
  publishSnapshot(true);
}

// ---- an imported HAR file --------------------------------------------------------------------
// A file dropped on the panel is analysed here, in a session of its own, in slices so that the
// panel stays responsive and shows progress. Live capture goes on meanwhile.

interface Imported {
  info: ImportInfo;
  log: ItemLog<RawEntry>;
}

let imported: Imported | null = null;
/** Entries analysed per slice before yielding to the event loop. */
const IMPORT_SLICE = 200;

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function importHar(name: string, text: string): Promise<void> {
  const info: ImportInfo = {
    id: newId(),
    name: name.slice(0, MAX_NAME),
    entries: 0,
    analysed: 0,
    done: false,
    leftOut: 0,
    error: null,
  };
  const current: Imported = { info, log: new ItemLog<RawEntry>(IMPORT_LIMIT, Infinity) };
  imported = current;
  publishImport(true, []);
  const stillCurrent = (): boolean => imported === current;
  const fail = (why: string): void => {
    info.error = why;
    info.done = true;
    publishStatus();
  };

  const loaded = await engineReady;
  if (!stillCurrent()) return;
  if (!loaded) return fail(`the analysis engine is not loaded (${status.engineError ?? "unknown error"})`);

  let entries: unknown[];
  /** A HAR saved by Firefox: requests blocked by a refused preflight are missing from it too. */
  let firefoxFile = false;
  const intake = readHarText(text, (t) => loaded.harError(t));
  if ("error" in intake) return fail(intake.error);
  entries = intake.entries;
  firefoxFile = intake.creator !== null && /firefox/i.test(intake.creator);
  info.entries = entries.length;
  info.leftOut = Math.max(0, entries.length - IMPORT_LIMIT);
  publishStatus();

  let session: EngineSession | null = loaded.newSession();
  try {
    const count = Math.min(entries.length, IMPORT_LIMIT);
    for (let start = 0; start < count; start += IMPORT_SLICE) {
      const slice: Item[] = [];
      for (let i = start; i < Math.min(count, start + IMPORT_SLICE); i++) {
        const item = analyseImported(session, current.log, entries[i]);
        slice.push(item);
        const blocked = firefoxFile ? blockedItem(item, entries[i]) : null;
        if (blocked) slice.push(current.log.add(blocked));
        if (loaded.broken) {
          // The trapped entry is listed as not analysed; the rest of the file goes on with a fresh
          // engine that is given the file's entries so far again, for context.
          if (loaded.restarts >= MAX_RESTARTS) return fail("the analysis engine failed on internal errors too often");
          try {
            await loaded.restart();
          } catch (error) {
            return fail(`the analysis engine failed on an internal error and could not be restarted: ${browser.errorText(error)}`);
          }
          status.engineRestarts = loaded.restarts;
          for (const entry of current.log.attachments()) {
            try {
              session.analyze(entry);
            } catch {
              // its item stays as it was
            }
          }
        }
      }
      info.analysed = Math.min(count, start + IMPORT_SLICE);
      publishImport(false, slice);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!stillCurrent()) return;
    }
    info.done = true;
    publishStatus();
  } finally {
    session?.free();
    session = null;
  }
}

function analyseImported(session: EngineSession, log: ItemLog<RawEntry>, raw: unknown): Item {
  if (!isRecord(raw)) {
    return log.add({ kind: "error", method: "", url: "", status: 0, message: "this entry is not an object", notes: [] });
  }
  const started = startedAt(raw);
  try {
    const report = session.analyze(raw);
    return log.add({ kind: "report", report, notes: [], ...facts(raw), ...(started ? { started } : {}) }, raw);
  } catch (error) {
    return log.add(rejected(raw as HarEntry, error, []));
  }
}

function closeImport(): void {
  if (!imported) return;
  imported = null;
  publishStatus();
}

function publishImport(reset: boolean, items: Item[]): void {
  if (!imported) return;
  send(message({ kind: "import-items", id: imported.info.id, reset, items, status: currentStatus() }));
}

// ---- cURL and exports --------------------------------------------------------------------------

function logOf(source: Source): ItemLog<RawEntry> | null {
  return source === "live" ? itemLog : (imported?.log ?? null);
}

function curlFor(loaded: LoadedEngine | null, source: Source, seq: number): { text: string | null; error: string | null } {
  if (!loaded) return { text: null, error: "the analysis engine is not loaded" };
  const raw = logOf(source)?.attachment(seq);
  if (!raw) return { text: null, error: "this request is no longer kept" };
  try {
    return { text: loaded.curl(raw), error: null };
  } catch (error) {
    return { text: null, error: browser.errorText(error) };
  }
}

function exportFor(loaded: LoadedEngine | null, source: Source, format: ExportFormat): ToPanel {
  const { filename, mime } = exportFileName(format, source === "import" ? (imported?.info.name ?? null) : null, new Date());
  const answer = (text: string | null, error: string | null): ToPanel =>
    message({ kind: "export", source, format, filename, mime, text, error });
  if (!loaded) return answer(null, "the analysis engine is not loaded");
  const entries = logOf(source)?.attachments() ?? [];
  if (entries.length === 0) return answer(null, "there are no analysed requests to export yet");
  try {
    switch (format) {
      case "markdown":
        return answer(loaded.renderReport(entries, "markdown"), null);
      case "json":
        return answer(loaded.renderReport(entries, "json"), null);
      case "har":
        return answer(`${JSON.stringify(harDocument(loaded.redactHar({ log: { entries } }), loaded.version), null, 2)}\n`, null);
    }
  } catch (error) {
    return answer(null, browser.errorText(error));
  }
}

// ---- capture -----------------------------------------------------------------------------------

async function startCapture(): Promise<void> {
  // Listen first, then ask for the history, so nothing falls between the two. Events that arrive
  // while getHAR runs wait, and are dropped if getHAR already listed them.
  let held: HarEntry[] | null = [];
  browser.onRequestFinished((raw) => {
    status.liveEntries += 1;
    if (held) held.push(raw);
    else enqueue(raw);
  });
  browser.onNavigated((url) => {
    reporter?.navigated(url);
    // A page loaded while DevTools is open is captured from its start.
    status.lateStart = false;
    if (!status.preserveLog) {
      clearLog();
      return;
    }
    // With "Preserve log", the panel draws a separator where the page changed.
    status.navigations = [...status.navigations, { beforeSeq: itemLog.nextSeq, url: urlWithoutQuery(url), at: Date.now() }].slice(
      -MAX_NAVIGATIONS,
    );
    publishStatus();
  });

  let history: HarEntry[] = [];
  try {
    history = await browser.getHarEntries();
  } catch (error) {
    console.warn("authlens: getHAR failed:", error);
  }
  status.harEntries = history.length;
  status.lateStart = await openedLate(history);
  const known = new Set(history.map(entryKey));
  for (const raw of history) enqueue(raw);
  for (const raw of held) if (!known.has(entryKey(raw))) enqueue(raw);
  held = null;
  publishStatus();
}

/**
 * Whether DevTools opened after the inspected page had loaded, so that its first requests were
 * never recorded: the page finished loading more than a few seconds ago and getHAR does not list
 * its document. (Firefox's getHAR is empty until the Network panel has been shown; the time test
 * keeps a page opened together with DevTools from being called late.)
 */
async function openedLate(history: HarEntry[]): Promise<boolean> {
  try {
    const answer = await browser.evalInInspectedPage(
      "JSON.stringify([document.readyState, location.href, Math.round(performance.now())])",
    );
    const [readyState, href, age] = JSON.parse(String(answer)) as [unknown, unknown, unknown];
    if (readyState !== "complete" || typeof href !== "string" || typeof age !== "number") return false;
    const page = urlWithoutQuery(href);
    const listed = history.some((entry) => urlWithoutQuery(String(entry.request?.url ?? "")) === page);
    return !listed && age > LATE_AFTER_MS;
  } catch {
    return false;
  }
}

/** How long after its navigation a loaded page counts as "loaded before DevTools opened". */
const LATE_AFTER_MS = 4000;

// ---- the panel -------------------------------------------------------------------------------

let port: MessagePort | null = null;
let pendingConnect: { channel: MessageChannel; timer: ReturnType<typeof setTimeout> } | null = null;

function send(msg: ToPanel): void {
  if (!port) return;
  try {
    port.postMessage(msg);
  } catch (error) {
    console.warn("authlens: could not reach the panel:", error);
  }
}

function currentStatus(): Status {
  status.dropped = itemLog.dropped;
  status.firstSeq = itemLog.firstSeq;
  status.imported = imported ? { ...imported.info } : null;
  return { ...status };
}

function publishItem(item: Item): void {
  send(message({ kind: "item", session: itemLog.session, item, status: currentStatus() }));
}

function publishStatus(): void {
  send(message({ kind: "status", status: currentStatus() }));
}

function publishSnapshot(reset: boolean, after = -1): void {
  const items = reset ? itemLog.items.slice() : itemLog.after(after);
  send(message({ kind: "snapshot", session: itemLog.session, reset, items, status: currentStatus() }));
}

function onPanelMessage(data: unknown): void {
  if (!isToDevtools(data)) return;
  const msg: ToDevtools = data;
  switch (msg.kind) {
    case "ready": {
      // The panel says which log it holds: send only what it lacks, or everything if its copy is
      // of a log that has been cleared since (it trims dropped items itself from status.firstSeq).
      publishSnapshot(msg.session !== itemLog.session, msg.lastSeq);
      if (imported && msg.importId !== imported.info.id) publishImport(true, imported.log.items.slice());
      break;
    }
    case "explain":
      void explain(msg.id).then((text) => send(message({ kind: "explanation", id: msg.id, text })));
      break;
    case "clear":
      clearLog();
      break;
    case "preserve-log":
      status.preserveLog = msg.value;
      writePreserveLog(msg.value);
      publishStatus();
      break;
    case "import":
      void importHar(msg.name, msg.text).catch((error: unknown) => console.error("authlens: import failed:", error));
      break;
    case "close-import":
      closeImport();
      break;
    case "curl":
      void engineReady.then((loaded) =>
        send(message({ kind: "curl", source: msg.source, seq: msg.seq, ...curlFor(loaded, msg.source, msg.seq) })),
      );
      break;
    case "export":
      void engineReady.then((loaded) => send(exportFor(loaded, msg.source, msg.format)));
      break;
    case "checks":
      void explain.all().then((docs) => send(message({ kind: "checks", causes: causeIndex(Object.fromEntries(docs)) })));
      break;
    case "reload":
      status.lateStart = false;
      browser.reloadInspectedPage();
      publishStatus();
      break;
    case "open-resource":
      void browser.openResource(msg.url, msg.line, msg.column).then(
        () => send(message({ kind: "opened", ok: true, error: null })),
        (error: unknown) => send(message({ kind: "opened", ok: false, error: browser.errorText(error) })),
      );
      break;
  }
}

/**
 * Hand the panel window a fresh channel. The panel answers "ready" on it; until it does (its script
 * may still be loading) the offer is repeated for a while.
 */
function connectPanel(panelWindow: Window, attempt = 0): void {
  if (pendingConnect) {
    clearTimeout(pendingConnect.timer);
    pendingConnect.channel.port1.close();
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent) => {
    if (pendingConnect?.channel === channel) {
      clearTimeout(pendingConnect.timer);
      pendingConnect = null;
      if (port && port !== channel.port1) port.close();
      port = channel.port1;
    }
    if (port === channel.port1) onPanelMessage(event.data);
  };
  const timer = setTimeout(() => {
    if (attempt < 50) connectPanel(panelWindow, attempt + 1);
    else console.warn("authlens: the panel never answered");
  }, 200);
  pendingConnect = { channel, timer };
  try {
    panelWindow.postMessage(message({ kind: "connect" }), location.origin, [channel.port2]);
  } catch (error) {
    console.warn("authlens: could not post to the panel:", error);
  }
}

// ---- settings ----------------------------------------------------------------------------------
// sessionStorage: it survives a reload of DevTools but goes when DevTools closes, like everything
// else authlens holds (nothing is written to disk).

function readPreserveLog(): boolean {
  try {
    return sessionStorage.getItem(PRESERVE_KEY) === "true";
  } catch {
    return false;
  }
}

function writePreserveLog(value: boolean): void {
  try {
    sessionStorage.setItem(PRESERVE_KEY, String(value));
  } catch {
    // settings are best effort
  }
}

// ---- start -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const capturing = startCapture();

  try {
    const panel = await browser.createPanel(PANEL_TITLE, "icons/icon-32.png", "panel.html");
    panel.onShown((panelWindow) => {
      if (panelWindow) connectPanel(panelWindow);
      else console.warn("authlens: DevTools showed the panel without its window");
    });
  } catch (error) {
    console.error("authlens: could not create the panel:", error);
  }
  try {
    browser.onThemeChanged((theme) => {
      status.theme = theme;
      publishStatus();
    });
  } catch {
    // no theme events in this browser
  }

  const loaded = await engineReady;
  if (loaded) reporter?.up(status.browser);
  else reporter?.engineError(status.engineError ?? "unknown error");
  publishStatus();
  await capturing;
}

main().catch((error: unknown) => console.error("authlens: devtools page failed:", error));
