// A/B of wasm boundary variants (crates/authlens-wasm/README.md, "How values cross"), in headless
// Chromium, on the corpus HARs as one live session:
//   node tests/bench/boundary.mjs NAME=DIR NAME=DIR ... [--runs 5] [--rounds 15] [--json OUT]
// Each DIR is a wasm-bindgen output folder (authlens_wasm.js, _bg.wasm, snippets/), e.g. one built
// by build.sh's build_wasm with an experiment feature into its own folder. Every variant is
// loaded in the same page as its own module instance; rounds alternate between them (A B C A B C
// ...) so that the load other processes put on the machine falls on all of them alike. A round:
// a new Engine analyses every entry of tests/corpus/*.har in order (592 exchanges, bodies
// included, as the panel receives them), one performance.now() around the loop. Per variant and
// run: the median round, as µs per exchange. Several runs, each a fresh browser. Before timing,
// every variant's reports are checked to be the same JSON as the first variant's.
import http from 'node:http';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsSources } from './data.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('--runs', 5));
const ROUNDS = Number(arg('--rounds', 15));
const OUT = arg('--json', null);
const variants = process.argv.slice(2).filter((a) => /^[A-Za-z0-9_-]+=/.test(a)).map((a) => {
  const [name, dir] = a.split(/=(.*)/s);
  if (!existsSync(join(dir, 'authlens_wasm_bg.wasm'))) throw new Error(`${dir}: no authlens_wasm_bg.wasm`);
  return { name, dir };
});
if (variants.length < 1) {
  console.error('usage: node tests/bench/boundary.mjs NAME=DIR [NAME=DIR ...] [--runs N] [--rounds N] [--json OUT]');
  process.exit(2);
}

const corpusDir = join(ROOT, 'tests/corpus');
const entries = readdirSync(corpusDir).filter((f) => f.endsWith('.har')).sort()
  .flatMap((f) => JSON.parse(readFileSync(join(corpusDir, f), 'utf8')).log.entries);

// The bundle wasm.mjs scans: the largest real JS file in node_modules, cut to 2 MiB.
const bundle = readFileSync(jsSources()[0].path, 'utf8').slice(0, 2 * 1024 * 1024 - 1024);

const PAGE = `<!doctype html><meta charset="utf-8"><title>authlens boundary A/B</title>
<script type="module">
window.bench = async ({ names, rounds }) => {
  const entries = await (await fetch('/entries.json')).json();
  const glues = {};
  for (const n of names) {
    const g = await import('/v/' + n + '/authlens_wasm.js');
    await g.default({ module_or_path: '/v/' + n + '/authlens_wasm_bg.wasm' });
    glues[n] = g;
  }
  const session = (g, keep) => {
    const e = new g.Engine();
    const out = keep ? [] : null;
    const t = performance.now();
    for (const x of entries) {
      let r;
      try { r = e.analyzeEntry(x); } catch (err) { r = { error: String(err.message) }; }
      if (keep) out.push(r);
    }
    const ms = performance.now() - t;
    e.free();
    return { ms, out };
  };
  // Same reports from every variant, key order included.
  const ref = session(glues[names[0]], true).out.map((r) => JSON.stringify(r));
  const mismatches = {};
  for (const n of names.slice(1)) {
    const got = session(glues[n], true).out.map((r) => JSON.stringify(r));
    const bad = got.map((s, i) => (s === ref[i] ? -1 : i)).filter((i) => i >= 0);
    mismatches[n] = { count: bad.length, first: bad.length ? { i: bad[0], ref: ref[bad[0]].slice(0, 400), got: got[bad[0]].slice(0, 400) } : null };
  }
  // Warm-up: JIT tiers, wasm tier-up, allocator.
  for (let i = 0; i < 3; i++) for (const n of names) session(glues[n], false);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    // Rotate the order each round so that no variant always runs first.
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length];
      times[n].push(session(glues[n], false).ms);
    }
  }
  // Large text in: scanText over a real 2 MB JS bundle held as a JS string (the text crossing
  // is the part that differs; the scan is the same code), interleaved, median of 11 each.
  const bundle = await (await fetch('/bundle.js')).text();
  const scan = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < 3; i++) for (const n of names) glues[n].scanText('bundle.js', bundle);
  for (let i = 0; i < 11; i++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(i + k) % names.length];
      const t = performance.now();
      glues[n].scanText('bundle.js', bundle);
      scan[n].push(performance.now() - t);
    }
  }
  // The crossings alone, where the variants export them (feature exp-bench): a report converted
  // to a JS value K times against 0 times (the analysis around it cancels out), and each body's
  // text brought in K times; per exchange of the corpus. Interleaved rounds, median of 11.
  let cross = null;
  if (names.every((n) => typeof glues[n].benchReport === 'function')) {
    const K = 20;
    const bodies = entries.flatMap((x) => [x.response?.content?.text, x.request?.postData?.text]).filter((t) => typeof t === 'string');
    const reportUs = (g) => {
      let t = performance.now();
      for (const x of entries) g.benchReport(x, 0);
      const t0 = performance.now() - t;
      t = performance.now();
      for (const x of entries) g.benchReport(x, K);
      const tk = performance.now() - t;
      return ((tk - t0) / (entries.length * K)) * 1000;
    };
    const textUs = (g) => {
      let t = performance.now();
      for (const b of bodies) g.benchText(b, 0);
      const t0 = performance.now() - t;
      t = performance.now();
      for (const b of bodies) g.benchText(b, K);
      const tk = performance.now() - t;
      return ((tk - t0) / (entries.length * K)) * 1000;
    };
    const bigMs = (g) => {
      const t = performance.now();
      g.benchText(bundle, 5);
      return (performance.now() - t) / 5;
    };
    cross = Object.fromEntries(names.map((n) => [n, { report_us: [], text_us: [], big_text_ms: [] }]));
    for (let i = 0; i < 2; i++) for (const n of names) { reportUs(glues[n]); textUs(glues[n]); bigMs(glues[n]); }
    for (let i = 0; i < 11; i++) {
      for (let k = 0; k < names.length; k++) {
        const n = names[(i + k) % names.length];
        cross[n].report_us.push(reportUs(glues[n]));
        cross[n].text_us.push(textUs(glues[n]));
        cross[n].big_text_ms.push(bigMs(glues[n]));
      }
    }
  }
  return { n: entries.length, times, scan, cross, mismatches, isolated: self.crossOriginIsolated };
};
window.ready = true;
</script>`;

const server = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  let body = null;
  let type = 'text/javascript';
  if (path === '/') [body, type] = [PAGE, 'text/html; charset=utf-8'];
  else if (path === '/entries.json') [body, type] = [JSON.stringify(entries), 'application/json'];
  else if (path === '/bundle.js') body = bundle;
  else {
    const m = /^\/v\/([A-Za-z0-9_-]+)\/(.+)$/.exec(path);
    const v = m && variants.find((x) => x.name === m[1]);
    if (v && !m[2].includes('..') && existsSync(join(v.dir, m[2]))) {
      body = readFileSync(join(v.dir, m[2]));
      if (m[2].endsWith('.wasm')) type = 'application/wasm';
    }
  }
  if (body === null) return void res.writeHead(404).end();
  res.writeHead(200, {
    'content-type': type,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cache-control': 'no-store',
  });
  res.end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const puppeteer = require('puppeteer-core');
const names = variants.map((v) => v.name);
const perRun = Object.fromEntries(names.map((n) => [n, []]));
// Paired: each round's time over the first variant's time in the same round (adjacent in time,
// so the machine's load mostly cancels out).
const ratios = Object.fromEntries(names.map((n) => [n, []]));
const scanMs = Object.fromEntries(names.map((n) => [n, []]));
const crossRuns = Object.fromEntries(names.map((n) => [n, { report_us: [], text_us: [], big_text_ms: [] }]));
let browserVersion = '';
let code = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const userDataDir = mkdtempSync(join(tmpdir(), 'authlens-boundary-'));
    let browser;
    try {
      browser = await puppeteer.launch({
        executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
        headless: true,
        userDataDir,
        protocolTimeout: 600_000,
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
      });
      browserVersion = await browser.version();
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      await page.goto(url);
      await page.waitForFunction('window.ready === true', { timeout: 30_000 });
      const r = await page.evaluate((names, rounds) => window.bench({ names, rounds }), names, ROUNDS);
      if (run === 0) {
        for (const [n, m] of Object.entries(r.mismatches)) {
          console.log(`reports of ${n} vs ${names[0]}: ${m.count} of ${r.n} differ`);
          if (m.first) { console.log(JSON.stringify(m.first, null, 1)); code = 1; }
        }
      }
      for (const n of names) {
        r.times[n].forEach((t, i) => ratios[n].push(t / r.times[names[0]][i]));
        scanMs[n].push(median(r.scan[n]));
        if (r.cross) for (const k of Object.keys(crossRuns[n])) crossRuns[n][k].push(median(r.cross[n][k]));
      }
      if (r.cross) {
        console.log(`run ${run + 1}: crossing alone, per exchange: ${names.map((n) => `${n} report ${median(r.cross[n].report_us).toFixed(2)} µs + bodies ${median(r.cross[n].text_us).toFixed(2)} µs; 2 MB text ${median(r.cross[n].big_text_ms).toFixed(2)} ms`).join('; ')}`);
      }
      const line = names.map((n) => {
        const us = (median(r.times[n]) / r.n) * 1000;
        perRun[n].push(us);
        return `${n} ${us.toFixed(2)} µs`;
      });
      console.log(`run ${run + 1}: per exchange (median of ${ROUNDS} rounds × ${r.n} exchanges): ${line.join(', ')}; scanText 2 MB: ${names.map((n) => `${n} ${median(r.scan[n]).toFixed(2)} ms`).join(', ')}`);
    } finally {
      await browser?.close().catch(() => browser?.process()?.kill('SIGKILL'));
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }
} catch (e) {
  console.error('boundary bench failed:', e.message);
  code = 1;
} finally {
  server.close();
}
const summary = {};
console.log(`\n${browserVersion}; ${RUNS} runs`);
for (const v of variants) {
  const w = readFileSync(join(v.dir, 'authlens_wasm_bg.wasm'));
  const js = readFileSync(join(v.dir, 'authlens_wasm.js'));
  const xs = perRun[v.name];
  const q = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))];
  const rs = ratios[v.name];
  summary[v.name] = {
    dir: v.dir, wasm_bytes: w.length, wasm_gzip_bytes: gzipSync(w, { level: 9 }).length, glue_js_bytes: js.length,
    per_exchange_us: { median: xs.length ? median(xs) : null, min: Math.min(...xs), max: Math.max(...xs), runs: xs },
    paired_ratio: { median: median(rs), p25: q(rs, 0.25), p75: q(rs, 0.75), n: rs.length },
    scan_text_2mb_ms: { median: median(scanMs[v.name]), runs: scanMs[v.name] },
  };
  const s = summary[v.name];
  const c = crossRuns[v.name];
  if (c.report_us.length) {
    s.crossing = Object.fromEntries(Object.entries(c).map(([k, xs]) => [k, { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs }]));
  }
  if (s.crossing) {
    const f = (o, d = 2) => `${o.median.toFixed(d)} (${o.min.toFixed(d)}–${o.max.toFixed(d)})`;
    console.log(`${v.name.padEnd(12)} crossing alone per exchange: report ${f(s.crossing.report_us)} µs, bodies ${f(s.crossing.text_us, 3)} µs; 2 MB text in ${f(s.crossing.big_text_ms)} ms`);
  }
  console.log(`${v.name.padEnd(12)} wasm ${w.length} B (gzip ${s.wasm_gzip_bytes} B), glue ${js.length} B; per exchange median ${s.per_exchange_us.median?.toFixed(2)} µs (runs ${xs.map((x) => x.toFixed(2)).join(' ')}); paired ratio to ${names[0]} ${s.paired_ratio.median.toFixed(3)} (IQR ${s.paired_ratio.p25.toFixed(3)}–${s.paired_ratio.p75.toFixed(3)}, ${rs.length} rounds); scanText 2 MB ${s.scan_text_2mb_ms.median.toFixed(2)} ms`);
}
if (OUT) writeFileSync(OUT, JSON.stringify({ browser: browserVersion, runs: RUNS, rounds: ROUNDS, exchanges: entries.length, summary }, null, 1));
process.exit(code);
