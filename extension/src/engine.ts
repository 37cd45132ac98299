// The only module that imports the wasm-bindgen glue. The build maps the specifier
// "authlens-wasm" to ./wasm/authlens_wasm.js, a verbatim copy of target/wasm-bindgen/. The
// documentation texts are not in the module: the build writes them beside it as docs.json.

import init, { Engine, curlCommand, harError, redactHar, renderReport, version } from "authlens-wasm";
import type { EntryReport } from "./report";
import { errorText } from "./browser";

/** One analysis session: entries are analysed in order, each with the earlier ones as context. */
export interface EngineSession {
  /** Analyse one plain HAR entry (with its body filled in). Throws with the engine's message. */
  analyze(entry: object): EntryReport;
  /** Forget earlier entries. */
  clear(): void;
  /** Give the engine's memory back; the session is unusable afterwards. */
  free(): void;
}

/** A loaded engine: the live session plus the engine's stateless functions. */
export interface LoadedEngine extends EngineSession {
  readonly version: string;
  /** A new, separate session (for an imported HAR file). */
  newSession(): EngineSession;
  /** A cURL command reproducing the entry, every credential replaced by an environment variable. */
  curl(entry: object): string;
  /** A redacted copy of a HAR document. */
  redactHar(har: object): unknown;
  /** The entries analysed as one session, rendered as a Markdown or JSON report. */
  renderReport(entries: object[], format: "markdown" | "json"): string;
  /** Why the engine cannot read this HAR text (line, column, path), or null when it can. */
  harError(text: string): string | null;
}

/**
 * Set when the module trapped (a Rust panic is a WebAssembly `unreachable`): its memory may be
 * half-updated and wasm-bindgen refuses further calls ("recursive use of an object detected"),
 * so every later call answers with this sentence instead of a confusing one per request.
 */
let stopped: string | null = null;

/** True for an error that means the module itself failed, not that the input was refused. */
function isTrap(error: unknown): boolean {
  return error instanceof WebAssembly.RuntimeError || /recursive use of an object detected/.test(errorText(error));
}

/** Run an engine call, turning whatever it throws into an Error with the engine's message. */
function call<T>(run: () => T): T {
  if (stopped) throw new Error(stopped);
  try {
    return run();
  } catch (error) {
    if (isTrap(error)) {
      stopped =
        `the analysis engine stopped on an internal error (${errorText(error)}) and cannot analyse more ` +
        "requests in this DevTools session: close and reopen DevTools to restart it (and please report this)";
      console.error("authlens: the engine trapped:", error);
      throw new Error(stopped);
    }
    throw new Error(errorText(error));
  }
}

function session(): EngineSession {
  let engine: Engine | null = new Engine();
  const live = (): Engine => {
    if (!engine) throw new Error("this analysis session was closed");
    return engine;
  };
  return {
    analyze: (entry) => call(() => live().analyzeEntry(entry) as EntryReport),
    clear() {
      try {
        call(() => live().clear());
      } catch {
        // A stopped engine has nothing left to forget; clearing the log must still work.
      }
    },
    free() {
      // After a trap, wasm-bindgen refuses even this; the memory goes with the page.
      try {
        engine?.free();
      } catch {
        // nothing to do
      }
      engine = null;
    },
  };
}

/** Fetch and instantiate the wasm module at `wasmUrl`. Rejects with a readable message. */
export async function loadEngine(wasmUrl: string): Promise<LoadedEngine> {
  try {
    await init({ module_or_path: wasmUrl });
  } catch (error) {
    throw new Error(`could not instantiate ${wasmUrl.split("/").pop() ?? "the module"}: ${errorText(error)}`);
  }
  const main = session();
  return {
    ...main,
    version: version(),
    newSession: session,
    curl: (entry) => call(() => curlCommand(entry)),
    redactHar: (har) => call(() => redactHar(har) as unknown),
    renderReport: (entries, format) =>
      call(() => {
        const out = renderReport(entries, format);
        // The module's JSON is compact; indent it as `authlens analyze --format json` does.
        return format === "json" ? JSON.stringify(JSON.parse(out), null, 2) : out;
      }),
    harError(text) {
      try {
        return call(() => harError(text)) ?? null;
      } catch (error) {
        return errorText(error);
      }
    },
  };
}

/**
 * The documentation of cause, finding and rule ids, from `docsUrl` (docs.json: id → Markdown, as
 * `authlens explain --json` writes it). The file is fetched on the first request and kept; a
 * failed fetch answers null and is tried again on the next request. Unknown ids answer null.
 */
export function docsReader(docsUrl: string): (id: string) => Promise<string | null> {
  let docs: Promise<Map<string, string>> | null = null;
  const load = async (): Promise<Map<string, string>> => {
    const response = await fetch(docsUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data: unknown = await response.json();
    if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error("not a JSON object");
    // Own string values only: an id such as "constructor" must not find Object's.
    return new Map(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === "string"));
  };
  return async (id) => {
    docs ??= load().catch((error: unknown) => {
      docs = null;
      console.error(`authlens: could not read ${docsUrl.split("/").pop() ?? "the documentation"}:`, error);
      return new Map<string, string>();
    });
    return (await docs).get(id) ?? null;
  };
}
