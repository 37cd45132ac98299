// The only module that imports the wasm-bindgen glue. The build maps the specifier
// "authlens-wasm" to ./wasm/authlens_wasm.js, a verbatim copy of target/wasm-bindgen/. The
// documentation texts are not in the module: the build writes them beside it as docs.json.

import * as firstGlue from "authlens-wasm";
import type { EntryReport } from "./report";
import { errorText } from "./browser";

/** The wasm-bindgen glue: one module instance owns one instance of the wasm module. */
export type Glue = typeof firstGlue;

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
  /**
   * Set after the module trapped (a Rust panic is a WebAssembly `unreachable`): its memory may be
   * half-updated and wasm-bindgen refuses further calls, so no call reaches it until `restart`.
   */
  readonly broken: boolean;
  /** Times the module was re-created after a trap. */
  readonly restarts: number;
  /**
   * A fresh instance of the module (a new glue module, a new wasm instance, new memory). Sessions
   * go on with a new, empty engine: context from before the trap is gone unless replayed.
   */
  restart(): Promise<void>;
}

/** Thrown by a call that trapped the module (the caller may `restart` the engine). */
export class EngineTrap extends Error {
  constructor(readonly detail: string) {
    super(`the analysis engine failed on an internal error (${detail})`);
    this.name = "EngineTrap";
  }
}

/** True for an error that means the module itself failed, not that the input was refused. */
export function isTrap(error: unknown): boolean {
  return error instanceof WebAssembly.RuntimeError || /recursive use of an object detected/.test(errorText(error));
}

async function instantiate(glue: Glue, wasmUrl: string): Promise<void> {
  try {
    await glue.default({ module_or_path: wasmUrl });
  } catch (error) {
    throw new Error(`could not instantiate ${wasmUrl.split("/").pop() ?? "the module"}: ${errorText(error)}`);
  }
}

/**
 * New instances of the glue module: the same file under another URL is another module, with a
 * wasm instance of its own. Written out (not built from a variable) so that the build maps each
 * to ./wasm/authlens_wasm.js?instance=N and no import takes a computed URL.
 */
const FRESH_GLUES: readonly (() => Promise<Glue>)[] = [
  () => import("authlens-wasm?instance=1"),
  () => import("authlens-wasm?instance=2"),
  () => import("authlens-wasm?instance=3"),
  () => import("authlens-wasm?instance=4"),
  () => import("authlens-wasm?instance=5"),
];

/** The n-th fresh instance of the glue (1-based); rejects past the last one there is. */
export function freshGlue(instance: number): Promise<Glue> {
  const load = FRESH_GLUES[instance - 1];
  return load ? load() : Promise.reject(new Error(`no more than ${FRESH_GLUES.length} restarts`));
}

/**
 * Fetch and instantiate the wasm module at `wasmUrl`. Rejects with a readable message.
 * `fresh(n)` gives the n-th new instance of the glue module, for a restart after a trap.
 */
export async function loadEngine(wasmUrl: string, fresh: (instance: number) => Promise<Glue> = freshGlue): Promise<LoadedEngine> {
  let glue: Glue = firstGlue;
  await instantiate(glue, wasmUrl);
  /** Bumped by every restart: sessions make a new Engine when theirs is of an older one. */
  let generation = 0;
  let broken: string | null = null;
  let restarts = 0;
  let restarting: Promise<void> | null = null;

  /** Run an engine call, turning whatever it throws into an Error with the engine's message. */
  const call = <T>(run: (g: Glue) => T): T => {
    if (broken) throw new Error(`the analysis engine is restarting after an internal error (${broken})`);
    try {
      return run(glue);
    } catch (error) {
      if (isTrap(error)) {
        broken = errorText(error);
        console.error("authlens: the engine trapped:", error);
        throw new EngineTrap(broken);
      }
      throw new Error(errorText(error));
    }
  };

  const session = (): EngineSession => {
    let engine: InstanceType<Glue["Engine"]> | null = null;
    let engineGeneration = -1;
    let closed = false;
    const live = (g: Glue): InstanceType<Glue["Engine"]> => {
      if (closed) throw new Error("this analysis session was closed");
      if (!engine || engineGeneration !== generation) {
        // An Engine of a trapped module cannot even be freed; its memory went with the module.
        engine = new g.Engine();
        engineGeneration = generation;
      }
      return engine;
    };
    return {
      analyze: (entry) => call((g) => live(g).analyzeEntry(entry) as EntryReport),
      clear() {
        try {
          call((g) => live(g).clear());
        } catch {
          // A broken engine has nothing left to forget; clearing the log must still work.
        }
      },
      free() {
        try {
          if (engine && engineGeneration === generation && !broken) engine.free();
        } catch {
          // nothing to do
        }
        engine = null;
        closed = true;
      },
    };
  };

  const main = session();
  return {
    ...main,
    version: glue.version(),
    newSession: session,
    curl: (entry) => call((g) => g.curlCommand(entry)),
    redactHar: (har) => call((g) => g.redactHar(har) as unknown),
    renderReport: (entries, format) =>
      call((g) => {
        const out = g.renderReport(entries, format);
        // The module's JSON is compact; indent it as `authlens analyze --format json` does.
        return format === "json" ? JSON.stringify(JSON.parse(out), null, 2) : out;
      }),
    harError(text) {
      try {
        return call((g) => g.harError(text)) ?? null;
      } catch (error) {
        return errorText(error);
      }
    },
    get broken() {
      return broken !== null;
    },
    get restarts() {
      return restarts;
    },
    restart() {
      restarting ??= (async () => {
        const next = await fresh(restarts + 1);
        await instantiate(next, wasmUrl);
        glue = next;
        generation += 1;
        restarts += 1;
        broken = null;
      })().finally(() => {
        restarting = null;
      });
      return restarting;
    },
  };
}

/**
 * The documentation of cause, finding and rule ids, from `docsUrl` (docs.json: id → Markdown, as
 * `authlens explain --json` writes it). The file is fetched on the first request and kept; a
 * failed fetch answers null and is tried again on the next request. Unknown ids answer null.
 */
export function docsReader(docsUrl: string): ((id: string) => Promise<string | null>) & { all(): Promise<Map<string, string>> } {
  let docs: Promise<Map<string, string>> | null = null;
  const load = async (): Promise<Map<string, string>> => {
    const response = await fetch(docsUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data: unknown = await response.json();
    if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error("not a JSON object");
    // Own string values only: an id such as "constructor" must not find Object's.
    return new Map(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === "string"));
  };
  const all = (): Promise<Map<string, string>> =>
    (docs ??= load().catch((error: unknown) => {
      docs = null;
      console.error(`authlens: could not read ${docsUrl.split("/").pop() ?? "the documentation"}:`, error);
      return new Map<string, string>();
    }));
  return Object.assign(async (id: string) => (await all()).get(id) ?? null, { all });
}
