// Test helper: bundle one TypeScript module of extension/src with esbuild and import it, so the
// unit tests exercise the real sources without a separate compile step. Each call gives a fresh
// module instance (modules with start-up side effects, like devtools.ts, need that).

import * as esbuild from "esbuild";
import { fileURLToPath, pathToFileURL } from "node:url";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
let counter = 0;

/**
 * @param {string} name      file under extension/src, e.g. "capture.ts"
 * @param {object} [options]
 * @param {Record<string,string>} [options.define]   esbuild defines (e.g. __AUTHLENS_E2E__)
 * @param {string} [options.engine]                  module to use for the "authlens-wasm" glue
 */
export async function loadTs(name, { define = {}, engine } = {}) {
  const result = await esbuild.build({
    entryPoints: [SRC + name],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "node20",
    write: false,
    logLevel: "silent",
    define: { __AUTHLENS_E2E__: "false", ...define },
    plugins: [
      {
        name: "authlens-wasm-for-tests",
        setup(build) {
          build.onResolve({ filter: /^authlens-wasm$/ }, () =>
            engine ? { path: engine } : { errors: [{ text: "this test gave no engine module" }] },
          );
          // A fresh instance of the glue (after a trap): the engine module again, under another URL.
          build.onResolve({ filter: /^authlens-wasm\?instance=\d+$/ }, (args) =>
            engine
              ? { path: `${pathToFileURL(engine).href}${args.path.slice("authlens-wasm".length)}`, external: true }
              : { errors: [{ text: "this test gave no engine module" }] },
          );
        },
      },
    ],
  });
  const code = `${result.outputFiles[0].text}\n// instance ${counter++}\n`;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}
