// The devtools page: loaded whenever DevTools opens on a tab, and alive until it closes. It owns
// capture and analysis (so nothing is missed while the panel is closed) and serves the panel.

import * as browser from "./browser";
import type { BodyContent, HarEntry } from "./browser";
import { loadEngine, type LoadedEngine } from "./engine";
import {
  ItemLog,
  entryKey,
  hasInlineBody,
  isMediaType,
  prepareEntry,
  urlWithoutQuery,
  type Item,
} from "./capture";
import { createReporter, type Reporter } from "./e2e-reporter";
import { isToDevtools, message, type Status, type ToDevtools, type ToPanel } from "./messages";

declare const __AUTHLENS_E2E__: boolean;

const PANEL_TITLE = "authlens";
const PRESERVE_KEY = "authlens.preserveLog";

const itemLog = new ItemLog();
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
    if (!loaded || born !== generation) return;
    analyse(loaded, raw, await body);
  });
}

function analyse(loaded: LoadedEngine, raw: HarEntry, body: BodyContent | null): void {
  let item: Item;
  try {
    const prepared = prepareEntry(raw, body);
    try {
      const report = loaded.analyze(prepared.entry);
      item = itemLog.add({ kind: "report", report, notes: prepared.notes });
      reporter?.report(report);
    } catch (error) {
      item = rejected(raw, error, prepared.notes);
    }
  } catch (error) {
    item = rejected(raw, error, []);
  }
  publishItem(item);
}

function rejected(raw: HarEntry, error: unknown, notes: string[]): Item {
  const text = browser.errorText(error);
  reporter?.entryError(text);
  return itemLog.add({
    kind: "error",
    method: String(raw.request?.method ?? ""),
    url: urlWithoutQuery(String(raw.request?.url ?? "")),
    status: Number(raw.response?.status ?? 0) || 0,
    message: text,
    notes,
  });
}

function clearLog(): void {
  generation += 1;
  itemLog.clear();
  engine?.clear();
  publishSnapshot(true);
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
    if (!status.preserveLog) clearLog();
  });

  let history: HarEntry[] = [];
  try {
    history = await browser.getHarEntries();
  } catch (error) {
    console.warn("authlens: getHAR failed:", error);
  }
  status.harEntries = history.length;
  const known = new Set(history.map(entryKey));
  for (const raw of history) enqueue(raw);
  for (const raw of held) if (!known.has(entryKey(raw))) enqueue(raw);
  held = null;
  publishStatus();
}

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
      break;
    }
    case "explain":
      void engineReady.then((loaded) =>
        send(message({ kind: "explanation", id: msg.id, text: loaded ? loaded.explain(msg.id) : null })),
      );
      break;
    case "clear":
      clearLog();
      break;
    case "preserve-log":
      status.preserveLog = msg.value;
      writePreserveLog(msg.value);
      publishStatus();
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
// Extension-origin localStorage needs no permission and is shared by all DevTools windows.

function readPreserveLog(): boolean {
  try {
    return localStorage.getItem(PRESERVE_KEY) === "true";
  } catch {
    return false;
  }
}

function writePreserveLog(value: boolean): void {
  try {
    localStorage.setItem(PRESERVE_KEY, String(value));
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
