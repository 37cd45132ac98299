// The only module that imports the wasm-bindgen glue. The build maps the specifier
// "authlens-wasm" to ./wasm/authlens_wasm.js, a verbatim copy of target/wasm-bindgen/.

import init, { Engine, explain, version } from "authlens-wasm";
import type { EntryReport } from "./report";
import { errorText } from "./browser";

/** A loaded engine: one analysis session plus the id documentation. */
export interface LoadedEngine {
  readonly version: string;
  /** Analyse one plain HAR entry (with its body filled in). Throws with the engine's message. */
  analyze(entry: object): EntryReport;
  /** Forget earlier entries (they are the context of later ones). */
  clear(): void;
  /** The Markdown documentation of a cause or finding id, or null for an unknown id. */
  explain(id: string): string | null;
}

/** Fetch and instantiate the wasm module at `wasmUrl`. Rejects with a readable message. */
export async function loadEngine(wasmUrl: string): Promise<LoadedEngine> {
  try {
    await init({ module_or_path: wasmUrl });
  } catch (error) {
    throw new Error(`could not instantiate ${wasmUrl.split("/").pop() ?? "the module"}: ${errorText(error)}`);
  }
  const session = new Engine();
  const engineVersion = version();
  return {
    version: engineVersion,
    analyze(entry) {
      try {
        return session.analyzeEntry(entry) as EntryReport;
      } catch (error) {
        throw new Error(errorText(error));
      }
    },
    clear() {
      session.clear();
    },
    explain(id) {
      try {
        return explain(id) ?? null;
      } catch {
        return null;
      }
    },
  };
}
