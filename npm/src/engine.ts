// The only module that touches the wasm-bindgen glue (`--target web` output, the same module the
// extension ships, copied into dist/wasm/ by build.mjs). Node cannot fetch a file: URL, so the
// module's bytes are read from the package and instantiated synchronously on first use.

import { readFileSync } from "node:fs";
import * as glue from "./wasm/authlens_wasm.js";

let loaded = false;
let stopped: string | null = null;

/** The initialised glue. */
export function wasm(): typeof glue {
  if (!loaded) {
    glue.initSync({ module: readFileSync(new URL("./wasm/authlens_wasm_bg.wasm", import.meta.url)) });
    loaded = true;
  }
  return glue;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Run an engine call. A trap (a Rust panic is a WebAssembly `unreachable`) leaves the module's
 * memory half-updated: every later call then throws one clear sentence instead of garbage.
 */
export function call<T>(run: (g: typeof glue) => T): T {
  if (stopped) throw new Error(stopped);
  const g = wasm();
  try {
    return run(g);
  } catch (error) {
    if ((error instanceof Error && error.name === "RuntimeError") || /recursive use of an object detected/.test(message(error))) {
      stopped = `authlens: the analysis engine stopped on an internal error (${message(error)}); please report this`;
      throw new Error(stopped);
    }
    throw error instanceof Error ? error : new Error(message(error));
  }
}
