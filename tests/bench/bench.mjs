// The benchmark suite: every figure in one run, on the same inputs, printed and written to
// docs/bench.md (with date and machine). Run through ./build.sh bench (builds first) or
// tests/bench/run.sh (installs the comparison tools, then runs this).
//
//   node tests/bench/bench.mjs [--quick]      --quick: fewer repetitions, 20 MB corpus
//
// Figures are reported against their targets (PASS/MISS); a MISS does not fail the run.
// Units: MB = 10^6 bytes, kB = 10^3 bytes. Times are wall-clock medians of repeated runs.
import { spawnSync, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const WORK = process.env.BENCH_DIR || join(ROOT, 'target/bench');
const TOOLS = join(ROOT, 'tests/bench/.tools');
const AUTHLENS = join(ROOT, 'target/release/authlens');
const HELPER = join(ROOT, 'target/release/examples/bench_helper');
const REPS = QUICK ? 3 : 5;
const t0 = Date.now();

const log = (...a) => console.log(...a);
const MB = (bytes) => bytes / 1e6;
const fmt = (x, d = 1) => (x == null || Number.isNaN(x) ? 'n/a' : x.toFixed(d));

function dirBytes(d) {
  let n = 0;
  for (const e of readdirSync(d, { withFileTypes: true })) n += e.isDirectory() ? dirBytes(join(d, e.name)) : statSync(join(d, e.name)).size;
  return n;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const CPU_FILE = join(os.tmpdir(), `authlens-bench-cpu-${process.pid}`);

/** Run a command once: wall seconds, CPU seconds (user + system, when GNU time is there), exit code, stdout (when kept). */
function run1(cmd, args, { keep = false, env, cwd = WORK, ok = [0] } = {}) {
  const [c, a] = GNU_TIME ? [GNU_TIME, ['-f', '%U %S', '-o', CPU_FILE, cmd, ...args]] : [cmd, args];
  const t = process.hrtime.bigint();
  const r = spawnSync(c, a, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', keep ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 30, encoding: keep ? 'utf8' : undefined });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.error || !ok.includes(r.status)) {
    throw new Error(`${cmd} ${args.join(' ')}: ${r.error?.message || `exit ${r.status}`}\n${String(r.stderr || '').slice(0, 2000)}`);
  }
  let cpu = null;
  if (GNU_TIME) {
    const [u, sy] = readFileSync(CPU_FILE, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpu = u + sy;
  }
  return { s, cpu, out: keep ? r.stdout : '' };
}

/** Median wall and CPU time of `reps` runs after one warm-up run. */
function time(cmd, args, { reps = REPS, warm = true, ...o } = {}) {
  if (warm) run1(cmd, args, o);
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(run1(cmd, args, o));
  const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const walls = runs.map((r) => r.s).sort((a, b) => a - b);
  return { median: med(walls), min: walls[0], max: walls[walls.length - 1], cpu: GNU_TIME ? med(runs.map((r) => r.cpu)) : null, runs: runs.length };
}

function tryVersion(cmd, args = ['--version']) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    return null;
  }
}

function which(...cands) {
  for (const c of cands) {
    if (c.includes('/')) {
      if (existsSync(c)) return c;
    } else {
      const r = spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' });
      if (r.status === 0) return r.stdout.trim();
    }
  }
  return null;
}

const results = { date: new Date().toISOString(), quick: QUICK, figures: {}, notes: [] };
const rows = []; // [area, figure, value, target, verdict]
const verdict = (ok) => (ok == null ? 'n/a' : ok ? 'PASS' : 'MISS');

// ---------------------------------------------------------------------------------------------
// Machine.
const cpus = os.cpus();
const machine = {
  cpu: `${cpus[0]?.model?.trim() || 'unknown'} × ${cpus.length} (${os.availableParallelism?.() ?? cpus.length} usable)`,
  memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  rustc: tryVersion('rustc'),
  node: process.version,
  chromium: tryVersion(process.env.CHROMIUM_BIN || '/usr/bin/chromium'),
  load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
};
results.machine = machine;
log(`machine: ${machine.cpu}, ${machine.memory}, ${machine.os}; load ${machine.load}`);

// ---------------------------------------------------------------------------------------------
// Inputs.
mkdirSync(WORK, { recursive: true });
log(`\n== inputs (in ${WORK})`);
execFileSync(process.execPath, [join(ROOT, 'tests/bench/data.mjs'), WORK, QUICK ? '20' : '100'], { stdio: 'inherit' });
const meta = JSON.parse(readFileSync(join(WORK, 'corpus.json'), 'utf8'));
const HAR = join(WORK, 'session-10k.har');
const harBytes = statSync(HAR).size;
const corpus = { dir: join(WORK, 'corpus'), bytes: dirBytes(join(WORK, 'corpus')) };
const subset = { dir: join(WORK, 'subset'), bytes: dirBytes(join(WORK, 'subset')) };
results.inputs = { har_bytes: harBytes, har_entries: 10000, corpus_bytes: corpus.bytes, corpus_files: meta.files, subset_bytes: subset.bytes, subset_files: meta.subsetFiles, planted: meta.planted.length };

// ---------------------------------------------------------------------------------------------
// The wasm file.
log('\n== wasm size');
const wasmPath = join(ROOT, 'target/wasm-bindgen/authlens_wasm_bg.wasm');
if (existsSync(wasmPath)) {
  const w = readFileSync(wasmPath);
  const gz = gzipSync(w, { level: 9 }).length;
  results.figures.wasm_bytes = w.length;
  results.figures.wasm_gzip_bytes = gz;
  log(`authlens_wasm_bg.wasm ${fmt(w.length / 1e3)} kB raw, ${fmt(gz / 1e3)} kB gzip -9`);
  rows.push(['wasm', 'authlens_wasm_bg.wasm after wasm-opt (gzip -9)', `${fmt(w.length / 1e3)} kB (${fmt(gz / 1e3)} kB)`, '≤ 560 kB', verdict(w.length <= 560_000)]);
} else {
  rows.push(['wasm', 'authlens_wasm_bg.wasm', 'not built', '≤ 560 kB', 'n/a']);
}

// ---------------------------------------------------------------------------------------------
// HAR analysis vs plain JSON parsing.
log(`\n== ${fmt(MB(harBytes))} MB HAR, 10,000 entries: authlens analyze --format json vs parsing`);
const analyze = time(AUTHLENS, ['analyze', HAR, '--format', 'json']);
const parse = time(HELPER, ['parse', HAR]);
const nodeParse = time(process.execPath, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(HAR)}, 'utf8'))`]);
results.figures.har = { analyze_s: analyze.median, serde_json_value_s: parse.median, node_json_parse_s: nodeParse.median };
// Both are single-threaded: on a shared machine their CPU time (user + system) is the steadier
// measure, and the one the verdict uses; wall time is shown beside it.
const byCpu = analyze.cpu != null && parse.cpu != null;
const ratio = byCpu ? analyze.cpu / parse.cpu : analyze.median / parse.median;
const cpuNote = (t) => (t.cpu != null ? `, CPU ${fmt(t.cpu, 3)} s` : '');
log(`authlens analyze --format json  wall ${fmt(analyze.median, 3)} s (min ${fmt(analyze.min, 3)})${cpuNote(analyze)}`);
log(`serde_json::from_str::<Value>   wall ${fmt(parse.median, 3)} s (min ${fmt(parse.min, 3)})${cpuNote(parse)}   ratio ${fmt(ratio, 2)}× (${byCpu ? 'CPU' : 'wall'} time)`);
log(`node JSON.parse (reference)     wall ${fmt(nodeParse.median, 3)} s${cpuNote(nodeParse)}`);
results.figures.har.ratio = ratio;
results.figures.har.by = byCpu ? 'cpu' : 'wall';
Object.assign(results.figures.har, { analyze_cpu_s: analyze.cpu, serde_json_value_cpu_s: parse.cpu });
rows.push(['HAR', `\`authlens analyze --format json\`, 10,000 entries (${fmt(MB(harBytes))} MB)`, byCpu ? `${fmt(analyze.cpu, 3)} s CPU = ${fmt(ratio, 2)}× parsing (${fmt(parse.cpu, 3)} s)` : `${fmt(analyze.median, 3)} s = ${fmt(ratio, 2)}× parsing (${fmt(parse.median, 3)} s)`, '< 2× parsing', verdict(ratio < 2)]);

// ---------------------------------------------------------------------------------------------
// Secret scanning.
log(`\n== secret scanning: corpus ${fmt(MB(corpus.bytes))} MB (${meta.files} files), subset ${fmt(MB(subset.bytes))} MB (${meta.subsetFiles} files)`);
const scanHelp = spawnSync(AUTHLENS, ['scan', '--help'], { encoding: 'utf8' });
const hasScan = scanHelp.status === 0;
const patterns = join(WORK, 'patterns.txt');
writeFileSync(patterns, execFileSync(HELPER, ['patterns'], { encoding: 'utf8' }));
const nPatterns = readFileSync(patterns, 'utf8').trim().split('\n').length;
const rg = which('rg', join(TOOLS, 'bin/rg'));
const secretlint = which(join(TOOLS, 'npm/node_modules/.bin/secretlint'));
const detectSecrets = which(join(TOOLS, 'venv/bin/detect-secrets'));
const secretlintrc = join(WORK, 'secretlintrc.json');
writeFileSync(secretlintrc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));

const scan = {};
const mbps = (bytes, s) => MB(bytes) / s;
// Each tool: how to run it on a directory, and on which inputs (slow tools: the subset only).
const tools = [
  hasScan && { id: 'authlens', label: '`authlens scan`', version: tryVersion(AUTHLENS), cmd: AUTHLENS, args: (d) => ['scan', d], ok: [0, 1], full: true,
    count: (out) => Number(/(\d+) exposed secrets?/.exec(out)?.[1] ?? NaN) },
  rg && { id: 'rg', label: `ripgrep, ${nPatterns} literals (all rules)`, version: tryVersion(rg), cmd: rg, args: (d) => ['-c', '-f', patterns, d], ok: [0, 1], full: true,
    count: (out) => out.trim().split('\n').filter(Boolean).reduce((a, l) => a + Number(l.slice(l.lastIndexOf(':') + 1)), 0), countWhat: 'matching lines' },
  rg && { id: 'rg1', label: 'ripgrep -j1 (one thread)', version: tryVersion(rg), cmd: rg, args: (d) => ['-j1', '-c', '-f', patterns, d], ok: [0, 1], full: true },
  secretlint && { id: 'secretlint', label: 'secretlint + preset-recommend', version: tryVersion(secretlint), cmd: secretlint, args: (d) => ['--secretlintrc', secretlintrc, '--format', 'compact', '--maskSecrets', `${d}/**/*`], ok: [0, 1], full: !QUICK, env: { NODE_PATH: join(TOOLS, 'npm/node_modules') },
    count: (out) => out.split('\n').filter((l) => /: line \d+, col \d+/.test(l)).length },
  detectSecrets && { id: 'detect-secrets', label: 'detect-secrets scan --all-files', version: tryVersion(detectSecrets), cmd: detectSecrets, args: (d) => ['scan', '--all-files', d], ok: [0], full: false, reps: 1,
    count: (out) => Object.values(JSON.parse(out).results).reduce((a, l) => a + l.length, 0) },
].filter(Boolean);
for (const t of tools) {
  const r = { label: t.label, version: t.version };
  try {
    let sub;
    let subOut = null;
    if (t.reps === 1) {
      // One run only (a slow tool): its output is also what gets counted.
      const one = run1(t.cmd, t.args(subset.dir), { keep: true, ok: t.ok, env: t.env });
      sub = { median: one.s };
      subOut = one.out;
    } else {
      sub = time(t.cmd, t.args(subset.dir), { reps: t.reps ?? 3, ok: t.ok, env: t.env });
    }
    r.subset_s = sub.median;
    r.subset_mbps = mbps(subset.bytes, sub.median);
    if (t.full) {
      const full = time(t.cmd, t.args(corpus.dir), { reps: t.id === 'secretlint' ? 1 : 3, warm: t.id !== 'secretlint', ok: t.ok, env: t.env });
      r.full_s = full.median;
      r.full_mbps = mbps(corpus.bytes, full.median);
    }
    r.mbps = r.full_mbps ?? r.subset_mbps;
    // What it reported on the subset (one more run, output kept): a sanity check, not a comparison
    // of detection: each tool has its own rules, and the subset holds meta.subsetPlanted planted keys.
    if (t.count) r.subset_found = t.count(subOut ?? run1(t.cmd, t.args(subset.dir), { keep: true, ok: t.ok, env: t.env }).out);
    r.measured_on = r.full_mbps != null ? 'corpus' : 'subset';
    log(`${t.id.padEnd(15)} subset ${fmt(r.subset_s, 2)} s = ${fmt(r.subset_mbps)} MB/s` + (r.full_s != null ? `;  corpus ${fmt(r.full_s, 2)} s = ${fmt(r.full_mbps)} MB/s` : ';  corpus: not run (extrapolated from the subset)'));
  } catch (e) {
    r.error = e.message.split('\n')[0];
    log(`${t.id}: failed: ${r.error}`);
  }
  scan[t.id] = r;
}
results.figures.scan = scan;
const missing = [!hasScan && '`authlens scan` (not in this build yet)', !rg && 'ripgrep', !secretlint && 'secretlint', !detectSecrets && 'detect-secrets'].filter(Boolean);
if (missing.length) results.notes.push(`not measured: ${missing.join(', ')}`);
const a = scan.authlens?.mbps;
for (const [other, want] of [['secretlint', 100], ['detect-secrets', 10]]) {
  const o = scan[other]?.mbps;
  rows.push(['scan', `\`authlens scan\` vs ${other}`, a && o ? `${fmt(a)} vs ${fmt(o, o < 10 ? 2 : 1)} MB/s = ${fmt(a / o, 0)}×` : 'n/a', `≥ ${want}× faster`, verdict(a && o ? a / o >= want : null)]);
}
// Detection on the corpus: its bundles and bodies are benign but for the planted keys, so every
// finding beyond them (per file) is a false one, and a planted key not reported is a miss.
if (hasScan) {
  const out = run1(AUTHLENS, ['scan', corpus.dir], { keep: true, ok: [0, 1] }).out;
  const perFile = new Map();
  for (const line of out.split('\n')) {
    const m = /^(.*?):\d+:\d+: /.exec(line);
    if (m) { const f = relative(corpus.dir, resolve(WORK, m[1])); perFile.set(f, (perFile.get(f) ?? 0) + 1); }
  }
  const planted = new Map();
  for (const p of meta.planted) planted.set(p.file, (planted.get(p.file) ?? 0) + 1);
  let extra = 0, missed = 0;
  for (const f of new Set([...perFile.keys(), ...planted.keys()])) {
    const d = (perFile.get(f) ?? 0) - (planted.get(f) ?? 0);
    if (d > 0) extra += d; else missed -= d;
  }
  results.figures.scan_detection = { planted: meta.planted.length, missed, extra };
  log(`authlens scan on the corpus: ${meta.planted.length - missed} of ${meta.planted.length} planted keys found, ${extra} findings beyond them`);
  rows.push(['scan', `\`authlens scan\` on the ${fmt(MB(corpus.bytes), 0)} MB corpus: findings beyond its ${meta.planted.length} planted keys (planted keys found)`, `${extra} (${meta.planted.length - missed} of ${meta.planted.length})`, '0 (all)', verdict(extra === 0 && missed === 0)]);
}
if (scan.rg?.mbps) {
  rows.push(['scan', '`authlens scan` vs ripgrep (every literal of every rule)', a ? `${fmt(a)} vs ${fmt(scan.rg.mbps)} MB/s = ${scan.rg.mbps > a ? `${fmt(scan.rg.mbps / a, 2)}× slower` : `${fmt(a / scan.rg.mbps, 2)}× faster`}` : 'n/a', 'within 1.5×', verdict(a ? scan.rg.mbps / a <= 1.5 : null)]);
}

// ---------------------------------------------------------------------------------------------
// WebAssembly in headless Chromium.
log('\n== WebAssembly in headless Chromium');
const wasmJson = join(WORK, 'wasm.json');
const w = spawnSync(process.execPath, [join(ROOT, 'tests/bench/wasm.mjs'), '--calls', QUICK ? '2000' : '5000', '--json', wasmJson], { stdio: 'inherit', timeout: 300_000 });
// The same exchanges natively (bench_helper exchanges): what the engine costs without wasm and the JS boundary.
const typical = join(WORK, 'typical.json');
writeFileSync(typical, execFileSync(process.execPath, ['--input-type=module', '-e', `import { typicalEntries } from ${JSON.stringify(join(ROOT, 'tests/bench/data.mjs'))}; process.stdout.write(JSON.stringify(typicalEntries()));`]));
const native = {};
for (const line of execFileSync(HELPER, ['exchanges', typical, QUICK ? '2000' : '5000'], { encoding: 'utf8' }).trim().split('\n')) {
  const [name, , median, , p99] = line.split(' ');
  native[name] = { median_us: Number(median), p99_us: Number(p99) };
  log(`native ${name.padEnd(10)} median ${fmt(Number(median))} µs  p99 ${fmt(Number(p99))} µs`);
}
results.figures.native_exchange = native;
// The scanner natively on the bundle wasm.mjs scans (one thread): what wasm costs on top.
const bundleFile = join(WORK, 'bundle.js');
writeFileSync(bundleFile, execFileSync(process.execPath, ['--input-type=module', '-e', `import { jsSources } from ${JSON.stringify(join(ROOT, 'tests/bench/data.mjs'))}; import { readFileSync } from 'node:fs'; process.stdout.write(readFileSync(jsSources()[0].path, 'utf8').slice(0, 2 * 1024 * 1024 - 1024));`], { maxBuffer: 64 << 20 }));
const nativeScanLine = execFileSync(HELPER, ['scan', bundleFile, QUICK ? '10' : '30'], { encoding: 'utf8' }).trim();
const nativeScan = Number(nativeScanLine.split(' ')[1]);
results.figures.native_scan_mb_per_s = nativeScan;
log(`native scan ${fmt(nativeScan)} MB/s (one thread, the same bundle)`);
if (w.status === 0 && existsSync(wasmJson)) {
  const r = JSON.parse(readFileSync(wasmJson, 'utf8'));
  results.figures.wasm = r;
  for (const [k, label] of [['basic401', 'a 401 with Basic auth and a JSON body'], ['bearer200', 'a 200 with a Bearer JWT']]) {
    const v = r.kinds[k];
    rows.push(['wasm', `\`Engine.analyzeEntry\`: ${label} — median (p99)`, `${fmt(v.median_us)} µs (${fmt(v.p99_us)} µs)`, 'median < 50 µs', verdict(v.median_us < 50)]);
  }
  rows.push(['wasm', `scanning inside wasm (${r.scan.via})`, `${fmt(r.scan.mb_per_s)} MB/s`, '≥ 500 MB/s', verdict(r.scan.mb_per_s >= 500)]);
  if (r.scan_text_ms) {
    const viaText = r.scan.mb / (r.scan_text_ms / 1000);
    rows.push(['wasm', 'the same from a JS string (scanText(name, text), conversion included)', `${fmt(viaText)} MB/s`, '≥ 500 MB/s', verdict(viaText >= 500)]);
  }
} else {
  rows.push(['wasm', 'per-exchange latency', 'failed', 'median < 50 µs', 'n/a']);
  results.notes.push('the wasm bench failed: see its output');
}

// ---------------------------------------------------------------------------------------------
// Report.
const elapsed = (Date.now() - t0) / 1000;
results.elapsed_s = elapsed;
writeFileSync(join(WORK, 'results.json'), JSON.stringify(results, null, 1));
const table = ['| | figure | measured | target | |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
log(`\n== summary (${fmt(elapsed, 0)} s)\n`);
for (const r of rows) log(`${r[4].padEnd(5)} ${r[0].padEnd(5)} ${r[1].replaceAll('`', '')}: ${r[2]}  (target ${r[3]})`);

const scanRows = Object.values(scan).map((r) =>
  `| ${r.label} | ${r.version ?? ''} | ${r.subset_found ?? ''} | ${r.subset_mbps != null ? `${fmt(r.subset_s, 2)} s, ${fmt(r.subset_mbps, r.subset_mbps < 10 ? 2 : 1)} MB/s` : r.error ?? 'n/a'} | ${r.full_mbps != null ? `${fmt(r.full_s, 2)} s, ${fmt(r.full_mbps, r.full_mbps < 10 ? 2 : 1)} MB/s` : 'not run: MB/s extrapolated from the subset'} |`);
const wr = results.figures.wasm;
const md = `# Benchmarks

Generated by \`./build.sh bench\` (\`tests/bench/run.sh\`) on ${results.date.slice(0, 16).replace('T', ' ')} UTC${QUICK ? ' (quick mode: 20 MB corpus, fewer repetitions)' : ''}; do not edit by hand.

Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}; ${machine.rustc}; node ${machine.node}; ${machine.chromium ?? 'no chromium'}. Load average at start: ${machine.load} (the machine is shared: figures move by ±10–20 %).
Units: MB = 10^6 bytes, kB = 10^3 bytes. Times are medians of repeated runs (one warm-up run first), wall clock unless CPU time is named.

## Against the targets

${table}

## Inputs

Made at bench time in \`target/bench/\` by \`tests/bench/data.mjs\` (deterministic; nothing large is committed):

- **HAR**: ${fmt(MB(harBytes))} MB, 10,000 entries shaped like a shop session in Chromium: API calls with Bearer JWTs and cookies, JSON posts, a token endpoint, preflights, redirects, script entries carrying slices of real bundles, base64 images, and ~10 % 401/403s of several causes.
- **Scan corpus**: ${fmt(MB(corpus.bytes))} MB in ${meta.files} files: every JS file ≥ 4 kB in \`node_modules\` (typescript, binaryen, esbuild, puppeteer-core, chromium-bidi, zod, …) copied until ~70 %, and generated JSON API bodies for the rest; ${meta.planted.length} keys planted (Stripe, GitHub, SendGrid, Slack, OpenAI, AWS, Midtrans, PEM), assembled at run time.
- **Subset**: ${fmt(MB(subset.bytes))} MB in ${meta.subsetFiles} of the same files (bundles and bodies in the same proportion), for tools too slow for the whole corpus; their MB/s on the subset stands for the corpus.

## Secret scanning

| tool | version | reported on the subset¹ | subset (${fmt(MB(subset.bytes))} MB) | corpus (${fmt(MB(corpus.bytes))} MB) |
|---|---|---|---|---|
${scanRows.join('\n') || '| (nothing measured) | | | |'}

Commands (in \`target/bench/\`): \`authlens scan DIR\`; \`rg -c -f patterns.txt DIR\` where \`patterns.txt\` is printed by
\`bench_helper patterns\`: every literal the scanner's matcher searches for (all rules' prefixes and keywords, the base64
forms of distinctive prefixes, the secret-field keywords, PEM and AWS markers; keywords case-insensitive): the practical
upper bound for a search of the same set; \`secretlint --secretlintrc
{preset-recommend} --format compact --maskSecrets 'DIR/**/*'\`; \`detect-secrets scan --all-files DIR\`. ripgrep uses every core
by default; the \`-j1\` row is one thread. \`authlens scan\` also scans files on every core (up to 8 threads).

¹ What each tool reported on the subset, which holds ${meta.subsetPlanted} planted keys: findings for authlens,
secretlint and detect-secrets (each has its own rules; detect-secrets also reports high-entropy strings and keywords),
matching lines for ripgrep. A sanity check that every tool did its work, not a comparison of detection.${hasScan ? '' : '\n\n`authlens scan` does not exist in this build yet: the comparison rows are n/a.'}

## HAR analysis

| command | wall time | CPU time |
|---|---|---|
| \`authlens analyze session-10k.har --format json > /dev/null\` | ${fmt(analyze.median, 3)} s (min ${fmt(analyze.min, 3)}, max ${fmt(analyze.max, 3)}) | ${fmt(analyze.cpu, 3)} s |
| \`bench_helper parse session-10k.har\`: read + \`serde_json::from_str::<serde_json::Value>\` (the baseline) | ${fmt(parse.median, 3)} s (min ${fmt(parse.min, 3)}) | ${fmt(parse.cpu, 3)} s |
| \`node -e 'JSON.parse(fs.readFileSync(…))'\` (reference only) | ${fmt(nodeParse.median, 3)} s | ${fmt(nodeParse.cpu, 3)} s |

Both authlens and the baseline run on one thread; the verdict compares ${byCpu ? 'CPU time (user + system, GNU time), which other load on the machine disturbs less than wall time' : 'wall time'}.

## WebAssembly in headless Chromium

${wr ? `\`tests/bench/wasm.mjs\`: \`target/wasm-bindgen/authlens_wasm.js\` + \`_bg.wasm\` served from 127.0.0.1 to ${wr.browser} (headless, puppeteer-core), page cross-origin isolated (performance.now() resolution 5 µs: crossOriginIsolated=${wr.isolated}). One \`Engine\` (a live session, history filled with 2,000 entries first) analyses each exchange ${wr.calls} times; every call is timed with performance.now(); "mean" is one timer around the loop. Module instantiation: ${fmt(wr.init_ms)} ms.

| exchange | median | p99 | mean |
|---|---|---|---|
| a 401 with Basic auth (Midtrans sandbox server key) and a JSON body | ${fmt(wr.kinds.basic401.median_us)} µs | ${fmt(wr.kinds.basic401.p99_us)} µs | ${fmt(wr.kinds.basic401.mean_loop_us)} µs |
| a 200 with a Bearer JWT and a 6-product JSON body | ${fmt(wr.kinds.bearer200.median_us)} µs | ${fmt(wr.kinds.bearer200.p99_us)} µs | ${fmt(wr.kinds.bearer200.mean_loop_us)} µs |

Natively (\`bench_helper exchanges\`, the same exchanges and session shape, no JS boundary): 401 Basic ${fmt(native.basic401?.median_us)} µs median (p99 ${fmt(native.basic401?.p99_us)} µs), 200 Bearer ${fmt(native.bearer200?.median_us)} µs (p99 ${fmt(native.bearer200?.p99_us)} µs). p99 inside the browser also holds garbage collection and the machine's other load.

Scanning inside wasm: ${fmt(wr.scan.mb_per_s)} MB/s over ${fmt(wr.scan.mb, 2)} MB of real minified JS, via ${wr.scan.via} (median of 10; natively, one thread, \`bench_helper scan\` on the same text: ${fmt(nativeScan)} MB/s)${wr.scan_text_ms ? `. From a JS string (\`scanText\`, the text copied in with \`TextEncoder.encodeInto\`, which alone takes ${fmt(wr.encode_ms, 2)} ms here): ${fmt(wr.scan.mb / (wr.scan_text_ms / 1000))} MB/s` : ''}${/^scan/i.test(wr.scan.via) ? '' : '; the module has no export that scans text alone, so this is the whole analysis of an entry whose response body is the bundle (the secret scan of the body, provider error texts in its first 64 KiB, the JS↔wasm copy)'}.` : 'The wasm bench failed.'}

wasm file: ${results.figures.wasm_bytes ? `${results.figures.wasm_bytes} bytes raw, ${results.figures.wasm_gzip_bytes} bytes gzip -9` : 'not built'}.
${results.notes.length ? '\nNotes: ' + results.notes.join('; ') + '.\n' : ''}
The whole run took ${fmt(elapsed / 60, 1)} minutes.
`;
if (!process.env.BENCH_NO_DOCS) {
  writeFileSync(join(ROOT, 'docs/bench.md'), md);
  log('\nwrote docs/bench.md and target/bench/results.json');
}
