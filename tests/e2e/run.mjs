// Real-browser end-to-end tests of the authlens extension.
//
//   node tests/e2e/run.mjs               Chromium, then Firefox
//   node tests/e2e/run.mjs chromium      one browser (or: firefox)
//
// Needs the E2E builds (`./build.sh`, which runs `node extension/build.mjs --e2e`):
// dist/e2e-chrome/ and dist/e2e-firefox/. Other builds can be tested with
// AUTHLENS_E2E_CHROME_DIR / AUTHLENS_E2E_FIREFOX_DIR; other binaries with CHROMIUM_BIN / FIREFOX_BIN.
// Each browser gets AUTHLENS_E2E_TIMEOUT_S seconds (default 180) in all. Logs of the last run are
// in tests/e2e/out/<browser>/, the panel screenshots in tests/e2e/out/panel-{light,dark}.png
// (AUTHLENS_E2E_UPDATE_DOCS=1 also refreshes docs/panel-{light,dark}.png). Prints one ok/FAIL line
// per check, then "N passed, N failed".

import { existsSync } from 'node:fs';
import path from 'node:path';
import { Checks, OUT_DIR } from './checks.mjs';
import { CHROMIUM_DIST, runChromium } from './chromium.mjs';
import { FIREFOX_DIST, runFirefox } from './firefox.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const BROWSERS = {
  chromium: { dist: CHROMIUM_DIST, run: runChromium },
  firefox: { dist: FIREFOX_DIST, run: runFirefox },
};

function print(check) {
  const detail = check.detail ? ` — ${check.detail}` : '';
  if (check.info) console.log(`info ${check.name}${detail}`);
  else if (check.ok) console.log(`ok   ${check.name}`);
  else console.log(`FAIL ${check.name}${detail}`);
}

async function runOne(name, timeoutS) {
  const { dist, run } = BROWSERS[name];
  if (!existsSync(path.join(dist, 'manifest.json'))) {
    const checks = new Checks(name);
    checks.add(`E2E build present (${dist.startsWith(ROOT + '/') ? path.relative(ROOT, dist) : dist})`, false,
      `${dist}/manifest.json is missing: run ./build.sh first (it runs node extension/build.mjs --e2e)`);
    return checks;
  }
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new Error(`overall time limit of ${timeoutS} s reached`)), timeoutS * 1000);
  const started = Date.now();
  try {
    // The run's own waits end 10 s before the hard limit so it can report what it saw.
    const checks = await run({ extDir: dist, signal: ac.signal, budgetMs: Math.max(20_000, (timeoutS - 10) * 1000) });
    checks.info(`took ${((Date.now() - started) / 1000).toFixed(1)} s`, `logs in ${path.relative(ROOT, path.join(OUT_DIR, name))}/`);
    return checks;
  } catch (e) {
    const checks = new Checks(name);
    checks.add('run completed', false, (e && e.stack) || String(e));
    return checks;
  } finally {
    clearTimeout(timer);
  }
}

/** Run the named browsers (all when none); print the checks; resolve to the exit code. */
export async function main(argv = process.argv.slice(2)) {
  const wanted = argv.length ? argv : Object.keys(BROWSERS);
  const unknown = wanted.filter((b) => !BROWSERS[b]);
  if (unknown.length) {
    console.error(`unknown browser ${unknown.join(', ')}; use: ${Object.keys(BROWSERS).join(', ')}`);
    return 2;
  }
  const timeoutS = Number(process.env.AUTHLENS_E2E_TIMEOUT_S) || 180;
  let passed = 0;
  let failed = 0;
  for (const name of wanted) {
    console.log(`# ${name}`);
    const checks = await runOne(name, timeoutS);
    for (const c of checks.list) {
      print(c);
      if (c.info) continue;
      if (c.ok) passed++;
      else failed++;
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main();
}
