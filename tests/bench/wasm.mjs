// The engine inside WebAssembly, in headless Chromium, as the extension runs it.
//   node tests/bench/wasm.mjs [--calls N] [--json OUT.json]
//
// A throwaway node server on 127.0.0.1 serves a page, target/wasm-bindgen/authlens_wasm.js and
// _bg.wasm; puppeteer-core drives Debian's Chromium. In the page, one Engine (a live session, as
// the panel keeps it) analyses the typical exchanges of tests/bench/data.mjs thousands of times,
// timing every call with performance.now(). The page is cross-origin isolated (COOP/COEP), which
// gives performance.now() 5 µs resolution instead of 100 µs; the mean of each run is also taken
// from one timer around the whole loop. Scanning throughput: scanBytes over a real JS bundle's
// UTF-8 bytes (the scan inside wasm plus one copy in), and scanText over the same text as a JS
// string (adds the browser's string-to-UTF-8 conversion, also timed alone); older builds
// without those exports fall back to analysing an entry whose response body is the bundle.
import http from 'node:http';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { typicalEntries, jsSources } from './data.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WB = process.env.AUTHLENS_WASM_DIR || join(ROOT, 'target/wasm-bindgen'); // override: A/B comparisons
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const CALLS = Number(arg('--calls', 5000));
const OUT = arg('--json', null);

if (!existsSync(join(WB, 'authlens_wasm_bg.wasm'))) {
  console.error('target/wasm-bindgen/ is missing: run ./build.sh first');
  process.exit(2);
}

// The bundle scanned: the largest real JS file, cut to the engine's body limit (2 MiB).
const bundle = readFileSync(jsSources()[0].path, 'utf8').slice(0, 2 * 1024 * 1024 - 1024);

const PAGE = `<!doctype html><meta charset="utf-8"><title>authlens wasm bench</title>
<script type="module">
import init, * as glue from '/authlens_wasm.js';
window.bench = async ({ calls, bundle }) => {
  const t0 = performance.now();
  await init({ module_or_path: '/authlens_wasm_bg.wasm' });
  const initMs = performance.now() - t0;
  const { basic401, bearer200 } = await (await fetch('/entries.json')).json();
  const stats = (xs) => {
    const s = Float64Array.from(xs).sort();
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    // Rounded to 0.1 µs: performance.now() steps are 5 µs, and 0.04999999 ms is 50 µs.
    const us = (ms) => Math.round(ms * 1e4) / 10;
    return { n: s.length, median_us: us(q(0.5)), p99_us: us(q(0.99)), min_us: us(s[0]) };
  };
  const engine = new glue.Engine();
  // Warm up (JIT tiers, allocator) and fill the session history as a long capture would.
  for (let i = 0; i < 2000; i++) engine.analyzeEntry(i % 2 ? basic401 : bearer200);
  const out = { init_ms: initMs, isolated: self.crossOriginIsolated, kinds: {} };
  for (const [name, entry] of [['basic401', basic401], ['bearer200', bearer200]]) {
    const times = new Array(calls);
    const start = performance.now();
    for (let i = 0; i < calls; i++) {
      const a = performance.now();
      engine.analyzeEntry(entry);
      times[i] = performance.now() - a;
    }
    const total = performance.now() - start;
    out.kinds[name] = { ...stats(times), mean_loop_us: (total / calls) * 1000 };
  }
  // Scanning throughput. The target figure is the scan inside wasm: the bundle's UTF-8 bytes go
  // in with one copy (scanBytes). scanText also pays the string-to-UTF-8 conversion
  // (TextEncoder.encodeInto, timed apart), as a caller holding a JS string does.
  const mb = new TextEncoder().encode(bundle).length / 1e6; // MB = 10^6 bytes
  const median = (f) => {
    for (let i = 0; i < 5; i++) f(); // V8 compiles wasm lazily and tiers hot functions up
    const xs = [];
    for (let i = 0; i < 10; i++) {
      const a = performance.now();
      f();
      xs.push(performance.now() - a);
    }
    return xs.sort((a, b) => a - b)[5];
  };
  const runs = [];
  if (typeof glue.scanBytes === 'function') {
    const bytes = new TextEncoder().encode(bundle);
    runs.push(median(() => glue.scanBytes('bundle.js', bytes)));
    out.scan = { via: 'scanBytes(name, bytes)', mb };
    out.scan_text_ms = median(() => glue.scanText('bundle.js', bundle));
    const scratch = new Uint8Array(bundle.length * 3);
    out.encode_ms = median(() => new TextEncoder().encodeInto(bundle, scratch));
  } else if (typeof glue.scanText === 'function') {
    runs.push(median(() => glue.scanText('bundle.js', bundle)));
    out.scan = { via: 'scanText(name, text)', mb };
  } else {
    const entry = structuredClone(bearer200);
    entry.request.url = 'https://cdn.shop.example/assets/app.js';
    entry.response.content = { size: bundle.length, mimeType: 'application/javascript', text: bundle };
    entry._resourceType = 'script';
    const e = new glue.Engine();
    runs.push(median(() => e.analyzeEntry(entry)));
    out.scan = { via: 'Engine.analyzeEntry(entry with a JS bundle as response body)', mb };
  }
  out.scan.median_ms = runs[0];
  out.scan.mb_per_s = mb / (out.scan.median_ms / 1000);
  return out;
};
window.ready = true;
</script>`;

const files = {
  '/': [PAGE, 'text/html; charset=utf-8'],
  '/authlens_wasm.js': [readFileSync(join(WB, 'authlens_wasm.js')), 'text/javascript'],
  '/authlens_wasm_bg.wasm': [readFileSync(join(WB, 'authlens_wasm_bg.wasm')), 'application/wasm'],
  '/entries.json': [JSON.stringify(typicalEntries()), 'application/json'],
};

const server = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  // wasm-bindgen's snippets/ (JS the bindings import) are served from the glue's folder.
  const snippet = path.startsWith('/snippets/') && !path.includes('..') && existsSync(join(WB, path))
    ? [readFileSync(join(WB, path)), 'text/javascript'] : null;
  const f = files[path] ?? snippet;
  if (!f) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': f[1],
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cache-control': 'no-store',
  });
  res.end(f[0]);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const puppeteer = require('puppeteer-core');
const userDataDir = mkdtempSync(join(tmpdir(), 'authlens-bench-'));
let browser;
let code = 0;
try {
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    userDataDir,
    protocolTimeout: 300_000,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const version = await browser.version();
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction('window.ready === true', { timeout: 30_000 });
  const r = await page.evaluate((calls, bundle) => window.bench({ calls, bundle }), CALLS, bundle);
  r.browser = version;
  r.calls = CALLS;
  for (const [k, v] of Object.entries(r.kinds)) {
    console.log(`wasm ${k.padEnd(10)} median ${v.median_us.toFixed(1)} µs  p99 ${v.p99_us.toFixed(1)} µs  mean ${v.mean_loop_us.toFixed(1)} µs  (${v.n} calls)`);
  }
  console.log(`wasm scan  ${r.scan.mb_per_s.toFixed(1)} MB/s (${r.scan.mb.toFixed(2)} MB, median ${r.scan.median_ms.toFixed(2)} ms, via ${r.scan.via})`);
  if (r.scan_text_ms) console.log(`wasm scanText (string in) ${(r.scan.mb / (r.scan_text_ms / 1000)).toFixed(1)} MB/s; TextEncoder.encodeInto alone ${r.encode_ms.toFixed(2)} ms`);
  console.log(`wasm init ${r.init_ms.toFixed(1)} ms; ${version}; crossOriginIsolated=${r.isolated}`);
  if (OUT) writeFileSync(OUT, JSON.stringify(r, null, 1));
} catch (e) {
  console.error('wasm bench failed:', e.message);
  code = 1;
} finally {
  await browser?.close().catch(() => browser?.process()?.kill('SIGKILL'));
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(code);
