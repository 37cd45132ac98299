// The one module that touches the `chrome` / `browser` extension globals.
//
// Chromium and Firefox disagree on the shape of the devtools APIs: Chromium takes callbacks,
// Firefox returns promises, and Chromium *also* defines `globalThis.browser`, so the namespace says
// nothing about which convention a function follows. Every asynchronous call below therefore goes
// through `settle`, which passes a callback and also accepts a returned promise.
//
// Nothing here reads a global at import time, so the module can be imported by unit tests, which
// install a fake `globalThis.chrome` when they need one.

/** The response body part of a HAR entry, as far as authlens reads it. */
export interface HarContent {
  size?: number;
  mimeType?: string;
  text?: string;
  encoding?: string;
  comment?: string;
  [key: string]: unknown;
}

/** A HAR entry as `devtools.network` hands it over (Chromium adds `getContent` on its prototype). */
export interface HarEntry {
  startedDateTime?: string;
  request?: { method?: string; url?: string; [key: string]: unknown };
  response?: { status?: number; content?: HarContent; [key: string]: unknown };
  getContent?: (callback?: (content: unknown, encoding: unknown) => void) => unknown;
  [key: string]: unknown;
}

/** A response body read with `getContent`, the same in both browsers. */
export interface BodyContent {
  /** The body; `null` when the browser gave none. */
  text: string | null;
  /** `"base64"` for a binary body in Chromium; Firefox never says. */
  encoding: "base64" | null;
  /** Why there is no body, in words. */
  error?: string;
}

export type BrowserName = "chrome" | "firefox";
export type ThemeName = "dark" | "light";

interface EventLike<F> {
  addListener(listener: F): void;
}

interface ExtensionPanelApi {
  onShown: EventLike<(window?: Window) => void>;
  onHidden: EventLike<() => void>;
}

interface ExtensionApi {
  runtime: { getURL(path: string): string; lastError?: { message?: string } | undefined };
  devtools: {
    inspectedWindow: {
      tabId?: number;
      eval(expression: string, callback?: (...args: unknown[]) => void): unknown;
      reload?(options?: object): unknown;
    };
    network: {
      getHAR(callback?: (...args: unknown[]) => void): unknown;
      onRequestFinished: EventLike<(entry: HarEntry) => void>;
      onNavigated: EventLike<(url: string) => void>;
    };
    panels: {
      themeName?: string;
      onThemeChanged?: EventLike<(themeName: string) => void>;
      create(title: string, iconPath: string, pagePath: string, callback?: (...args: unknown[]) => void): unknown;
      openResource?(url: string, lineNumber: number, columnNumber?: number, callback?: (...args: unknown[]) => void): unknown;
    };
  };
}

function api(): ExtensionApi {
  const g = globalThis as { chrome?: Partial<ExtensionApi>; browser?: Partial<ExtensionApi> };
  // Firefox defines `chrome` too (with callback support), so `chrome` is the first choice in both.
  const found = g.chrome?.devtools ? g.chrome : g.browser?.devtools ? g.browser : undefined;
  if (!found) throw new Error("no devtools extension API here (this is not a DevTools page)");
  return found as ExtensionApi;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** The text of an error-like value, for display. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === "string") return message;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * Call a devtools function that either takes a callback (Chromium) or returns a promise (Firefox).
 * `fromCallback` turns the callback arguments into the result, `fromPromise` the resolved value.
 * With `timeoutMs`, a call that never answers rejects instead of hanging.
 */
export function settle<T>(
  invoke: (callback: (...args: unknown[]) => void) => unknown,
  fromCallback: (args: unknown[]) => T,
  fromPromise: (value: unknown) => T,
  timeoutMs?: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (fn: () => void): void => {
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      fn();
    };
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => finish(() => reject(new Error(`no answer after ${timeoutMs} ms`))), timeoutMs);
    }
    try {
      const returned = invoke((...args) => {
        const lastError = lastErrorMessage();
        finish(() => (lastError ? reject(new Error(lastError)) : resolve(fromCallback(args))));
      });
      if (isThenable(returned)) {
        returned.then(
          (value) => finish(() => resolve(fromPromise(value))),
          (error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(errorText(error)))),
        );
      }
    } catch (error) {
      finish(() => reject(error instanceof Error ? error : new Error(errorText(error))));
    }
  });
}

function lastErrorMessage(): string | undefined {
  try {
    const g = globalThis as { chrome?: { runtime?: { lastError?: { message?: string } } } };
    const lastError = g.chrome?.runtime?.lastError;
    return lastError ? lastError.message || "unknown error" : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turn what `getContent` gave into a `BodyContent`. Chromium calls back `(content, encoding)` with
 * encoding `"base64"` or `""`, and `content: null` on failure. Firefox resolves `[text, mimeType]`:
 * the second value is a MIME type there, never an encoding.
 */
export function normaliseContent(content: unknown, second: unknown): BodyContent {
  const encoding = second === "base64" ? "base64" : null;
  if (typeof content === "string") return { text: content, encoding };
  return { text: null, encoding: null, error: "the browser returned no response body" };
}

/** Read the response body of an entry, in either browser. Never rejects. */
export async function readContent(entry: HarEntry, timeoutMs = 10_000): Promise<BodyContent> {
  const getContent = entry.getContent;
  if (typeof getContent !== "function") {
    return { text: null, encoding: null, error: "this entry has no getContent" };
  }
  try {
    return await settle<BodyContent>(
      (callback) => getContent.call(entry, callback),
      ([content, encoding]) => normaliseContent(content, encoding),
      (value) =>
        Array.isArray(value) ? normaliseContent(value[0], value[1]) : normaliseContent(value, undefined),
      timeoutMs,
    );
  } catch (error) {
    return { text: null, encoding: null, error: `reading the response body failed: ${errorText(error)}` };
  }
}

/** The HAR entries DevTools recorded so far. */
export async function getHarEntries(timeoutMs = 10_000): Promise<HarEntry[]> {
  const network = api().devtools.network;
  const log = await settle<unknown>(
    (callback) => network.getHAR(callback),
    ([harLog]) => harLog,
    (harLog) => harLog,
    timeoutMs,
  );
  const entries = (log as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) ? (entries as HarEntry[]) : [];
}

export function onRequestFinished(listener: (entry: HarEntry) => void): void {
  api().devtools.network.onRequestFinished.addListener(listener);
}

export function onNavigated(listener: (url: string) => void): void {
  api().devtools.network.onNavigated.addListener(listener);
}

/** A DevTools panel: `onShown` gives the panel's window in both browsers. */
export interface Panel {
  onShown(listener: (panelWindow: Window | undefined) => void): void;
}

export async function createPanel(title: string, iconPath: string, pagePath: string): Promise<Panel> {
  const panels = api().devtools.panels;
  const panel = await settle<ExtensionPanelApi>(
    (callback) => panels.create(title, iconPath, pagePath, callback),
    ([created]) => created as ExtensionPanelApi,
    (created) => created as ExtensionPanelApi,
  );
  return {
    onShown(listener) {
      panel.onShown.addListener((panelWindow) => listener(panelWindow ?? undefined));
    },
  };
}

/** DevTools' theme: Chromium says "default" or "dark", Firefox "light" or "dark". */
export function themeName(): ThemeName {
  try {
    return api().devtools.panels.themeName === "dark" ? "dark" : "light";
  } catch {
    return "light";
  }
}

/** Firefox reports theme changes; Chromium has no such event (DevTools reloads panels instead). */
export function onThemeChanged(listener: (theme: ThemeName) => void): void {
  const event = api().devtools.panels.onThemeChanged;
  event?.addListener((name) => listener(name === "dark" ? "dark" : "light"));
}

/**
 * Evaluate an expression in the inspected page. Chromium calls back `(result, exceptionInfo)`;
 * Firefox resolves `[result, exceptionInfo]`. Rejects when the page threw or could not be reached.
 */
export async function evalInInspectedPage(expression: string, timeoutMs = 5_000): Promise<unknown> {
  const inspected = api().devtools.inspectedWindow;
  const [result, exception] = await settle<[unknown, unknown]>(
    (callback) => inspected.eval(expression, callback),
    ([result, exception]) => [result, exception],
    (value) => (Array.isArray(value) ? [value[0], value[1]] : [value, undefined]),
    timeoutMs,
  );
  if (exception && typeof exception === "object") {
    const info = exception as { isError?: boolean; isException?: boolean; value?: unknown; description?: unknown };
    if (info.isError || info.isException) {
      throw new Error(errorText(info.value ?? info.description ?? "evaluation failed"));
    }
  }
  return result;
}

/** Absolute URL of a file inside the extension. */
export function extensionUrl(path: string): string {
  return api().runtime.getURL(path);
}

/** Which browser runs us, from the extension's own URL scheme (not from the globals). */
export function browserName(): BrowserName {
  return extensionUrl("").startsWith("moz-extension:") ? "firefox" : "chrome";
}

/** Reload the inspected page (the same as the browser's reload, with DevTools staying open). */
export function reloadInspectedPage(): void {
  const inspected = api().devtools.inspectedWindow;
  if (typeof inspected.reload !== "function") throw new Error("this browser cannot reload the inspected page from an extension");
  void inspected.reload({});
}

/** Whether this browser can show a resource in its Sources/Debugger panel (Chromium can). */
export function canOpenResource(): boolean {
  try {
    return typeof api().devtools.panels.openResource === "function";
  } catch {
    return false;
  }
}

/**
 * Show `url` in the Sources panel at `line` and `column` (1-based, as the engine reports them;
 * Chromium's API counts from 0). Rejects where the browser has no `openResource` (Firefox).
 */
export async function openResource(url: string, line: number, column: number, timeoutMs = 5_000): Promise<void> {
  const panels = api().devtools.panels;
  const open = panels.openResource;
  if (typeof open !== "function") throw new Error("this browser's extension API cannot open a script in the debugger");
  await settle<void>(
    (callback) => open.call(panels, url, Math.max(0, line - 1), Math.max(0, column - 1), callback),
    () => undefined,
    () => undefined,
    timeoutMs,
  );
}
