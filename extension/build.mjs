#!/usr/bin/env node
// Builds the authlens DevTools extension for Chromium and Firefox.
//
//   node extension/build.mjs            dist/chrome/, dist/firefox/ and their zips
//   node extension/build.mjs --e2e      the same, plus dist/e2e-chrome/ and dist/e2e-firefox/ with
//                                       the E2E reporter compiled in (never zipped, never shipped)
//   --wasm-dir=DIR                      engine glue to use (default target/wasm-bindgen/)
//
// Each build directory holds: manifest.json (written here from manifest.base.json), devtools.html
// + devtools.js (capture and engine), panel.html + panel.js + panel.css (the view), icons/,
// wasm/ (a verbatim copy of the wasm-bindgen --target web output), and docs.json (the "Learn
// more" texts, id → Markdown, from `target/release/authlens explain --json`: the wasm module is
// built without them).

import * as esbuild from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { iconPng } from "./tools/icon.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const DIST = join(ROOT, "dist");

const args = process.argv.slice(2);
const e2e = args.includes("--e2e");
const wasmArg = args.find((a) => a.startsWith("--wasm-dir="));
const WASM_DIR = resolve(ROOT, wasmArg ? wasmArg.slice("--wasm-dir=".length) : "target/wasm-bindgen");
const unknown = args.filter((a) => a !== "--e2e" && !a.startsWith("--wasm-dir="));
if (unknown.length) fail(`unknown argument ${unknown.join(" ")}\nusage: node extension/build.mjs [--e2e] [--wasm-dir=DIR]`);

const GLUE = "authlens_wasm.js";
const WASM = "authlens_wasm_bg.wasm";
const CLI = join(ROOT, "target/release", process.platform === "win32" ? "authlens.exe" : "authlens");
const DOCS = "docs.json";
const ICON_SIZES = [16, 32, 48, 128];

/** A path relative to the repository when it is inside it, absolute otherwise. */
function shown(path) {
  const rel = relative(ROOT, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

function fail(text) {
  console.error(`extension build: ${text}`);
  process.exit(1);
}

// ---- manifest ----------------------------------------------------------------------------------

/** The crate version is the product version; the manifest takes it from Cargo.toml. */
function productVersion() {
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
  const section = cargo.split(/^\[workspace\.package\]\s*$/m)[1] ?? "";
  const match = section.split(/^\[/m)[0].match(/^version\s*=\s*"(\d+\.\d+\.\d+)[^"]*"/m);
  if (!match) fail("no [workspace.package] version in Cargo.toml");
  return match[1];
}

/**
 * One manifest source, adjusted per browser. Permissions: none. The devtools APIs need no
 * permission, reading response bodies goes through devtools.network, and the E2E reporter's POST
 * to the loopback test server is a CORS-simple request that needs no host permission either.
 * There is no background script: the devtools page does the work while DevTools is open.
 */
function manifestFor(browser) {
  const manifest = JSON.parse(readFileSync(join(HERE, "manifest.base.json"), "utf8"));
  manifest.version = productVersion();
  // 'wasm-unsafe-eval' is what lets an MV3 extension page instantiate WebAssembly (both browsers).
  const csp = manifest.content_security_policy?.extension_pages ?? "";
  if (!csp.includes("'wasm-unsafe-eval'")) fail("manifest.base.json: the CSP must allow 'wasm-unsafe-eval'");
  if (manifest.permissions || manifest.host_permissions || manifest.background) {
    fail("manifest.base.json: authlens asks for no permissions and has no background script");
  }
  if (browser === "chrome") {
    manifest.minimum_chrome_version = "120";
  } else {
    manifest.browser_specific_settings = {
      gecko: {
        // Firefox requires an add-on id for MV3.
        id: "authlens@authlens.dev",
        // data_collection_permissions is understood from 140 on (web-ext lint wants the minimum).
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["none"] },
      },
    };
  }
  return manifest;
}

// ---- bundling ----------------------------------------------------------------------------------

/** The glue is not bundled: engine.ts imports it as ./wasm/authlens_wasm.js at run time. */
const wasmGlueExternal = {
  name: "authlens-wasm-external",
  setup(build) {
    build.onResolve({ filter: /^authlens-wasm$/ }, () => ({ path: `./wasm/${GLUE}`, external: true }));
    // The same glue under another URL is another module instance, with a wasm instance of its
    // own: how the devtools page gets a fresh engine after a trap (engine.ts).
    build.onResolve({ filter: /^authlens-wasm\?instance=\d+$/ }, (args) => ({
      path: `./wasm/${GLUE}${args.path.slice("authlens-wasm".length)}`,
      external: true,
    }));
  },
};

async function bundle(outDir, withReporter) {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { devtools: join(HERE, "src/devtools.ts"), panel: join(HERE, "src/panel.ts") },
    outdir: outDir,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome120", "firefox140"],
    // Readable output: add-on reviewers read it, and it is small.
    minify: false,
    sourcemap: false,
    legalComments: "none",
    charset: "utf8",
    define: { __AUTHLENS_E2E__: withReporter ? "true" : "false" },
    plugins: [wasmGlueExternal],
    logLevel: "warning",
  });
}

/** Checks on the output that catch mistakes the type checker cannot. */
function checkBundle(outDir, withReporter) {
  for (const name of ["devtools.js", "panel.js"]) {
    const code = readFileSync(join(outDir, name), "utf8");
    // Everything from the inspected page is rendered as text, never parsed as HTML.
    const sinks = [/\binnerHTML\b/, /\bouterHTML\b/, /\binsertAdjacentHTML\b/, /\bdocument\.write/, /(^|[^.\w])eval\(/m, /\bnew Function\(/];
    for (const sink of sinks) {
      if (sink.test(code)) fail(`${relative(ROOT, join(outDir, name))} matches ${sink}: no HTML parsing or eval`);
    }
    // Shipped builds must not contain the E2E reporter or the panel's test probe.
    if (!withReporter && /__report|__authlensProbe|e2e/i.test(code)) {
      fail(`${relative(ROOT, join(outDir, name))} contains E2E reporter code in a shipped build`);
    }
  }
  const panel = readFileSync(join(outDir, "panel.js"), "utf8");
  if (panel.includes(GLUE)) fail("panel.js imports the engine; only the devtools page may");
}

// ---- assembling a build --------------------------------------------------------------------------

function copyStatic(outDir) {
  for (const name of readdirSync(join(HERE, "static"))) copyFileSync(join(HERE, "static", name), join(outDir, name));
  mkdirSync(join(outDir, "wasm"));
  for (const name of [GLUE, WASM]) copyFileSync(join(WASM_DIR, name), join(outDir, "wasm", name));
  // JS the bindings import (crates/authlens-wasm/src/entry.js), which the glue loads from snippets/.
  if (existsSync(join(WASM_DIR, "snippets"))) cpSync(join(WASM_DIR, "snippets"), join(outDir, "wasm", "snippets"), { recursive: true });
  mkdirSync(join(outDir, "icons"));
  for (const [size, png] of icons) writeFileSync(join(outDir, "icons", `icon-${size}.png`), png);
  writeFileSync(join(outDir, DOCS), docsJson);
}

/** The documentation of every id, as the CLI prints it (`authlens explain --json`). */
function readDocs() {
  if (!existsSync(CLI)) {
    fail(
      `${shown(CLI)} is missing.\n` +
        `The CLI has not been built: run ./build.sh (cargo build --release -p authlens-cli), then build the\n` +
        `extension again. The extension's ${DOCS} (the "Learn more" texts) comes from \`authlens explain --json\`.`,
    );
  }
  let text;
  try {
    text = execFileSync(CLI, ["explain", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    fail(`\`${shown(CLI)} explain --json\` failed (${String(error.stderr || error.message).trim()}); an older CLI? run ./build.sh`);
  }
  let docs;
  try {
    docs = JSON.parse(text);
  } catch (error) {
    fail(`\`${shown(CLI)} explain --json\` did not print JSON: ${error.message}`);
  }
  const ids = docs && typeof docs === "object" && !Array.isArray(docs) ? Object.keys(docs) : [];
  if (ids.length === 0 || ids.some((id) => typeof docs[id] !== "string")) {
    fail(`\`${shown(CLI)} explain --json\` did not print an object of id → Markdown`);
  }
  return `${JSON.stringify(docs)}\n`;
}

async function buildOne(browser, withReporter) {
  const name = withReporter ? `e2e-${browser}` : browser;
  const outDir = join(DIST, name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await bundle(outDir, withReporter);
  checkBundle(outDir, withReporter);
  copyStatic(outDir);
  writeFileSync(join(outDir, "manifest.json"), `${JSON.stringify(manifestFor(browser), null, 2)}\n`);
  return outDir;
}

function zipDir(dir, zipPath) {
  rmSync(zipPath, { force: true });
  try {
    // -X: no extra file attributes, -D: no directory entries; paths are relative to the build.
    execFileSync("zip", ["-q", "-r", "-X", "-D", zipPath, "."], { cwd: dir, stdio: ["ignore", "inherit", "inherit"] });
  } catch (error) {
    fail(`zip failed (${error.message}); install the "zip" package`);
  }
}

// ---- main --------------------------------------------------------------------------------------

for (const name of [GLUE, WASM]) {
  if (!existsSync(join(WASM_DIR, name))) {
    fail(
      `${shown(join(WASM_DIR, name))} is missing.\n` +
        "The engine has not been built: run ./build.sh (cargo build --target wasm32-unknown-unknown, then\n" +
        "wasm-bindgen --target web --out-dir target/wasm-bindgen), then build the extension again.",
    );
  }
}

const docsJson = readDocs();
const icons = ICON_SIZES.map((size) => [size, iconPng(size)]);
mkdirSync(DIST, { recursive: true });

const built = [];
for (const browser of ["chrome", "firefox"]) {
  const dir = await buildOne(browser, false);
  const zip = join(DIST, `authlens-${browser}.zip`);
  zipDir(dir, zip);
  built.push(relative(ROOT, dir) + "/", relative(ROOT, zip));
}
if (e2e) {
  for (const browser of ["chrome", "firefox"]) built.push(relative(ROOT, await buildOne(browser, true)) + "/");
}
console.log(`extension build: ${built.join(", ")}`);
