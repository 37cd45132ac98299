// The npm CLI against the Rust CLI: the same stdout, stderr and exit code for `analyze` over every
// HAR in tests/fixtures and tests/corpus in every format, `scan` over the test folders, unusable
// input and usage errors; `redact` against `authlens redact` once the Rust CLI has that command.
// The big matrix calls the npm CLI's `run` (dist/run.js, what the bin calls) in this process:
// 800 Node start-ups would take minutes on CI's two cores; the bin itself is spawned for the
// fixtures, the error cases and every scan. Needs target/release/authlens and target/npm/package
// (./build.sh builds both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// AUTHLENS_RUST_CLI: another Rust CLI binary to compare with (default: the release build).
const rust = process.env.AUTHLENS_RUST_CLI ?? `${root}target/release/authlens`;
const node = `${root}target/npm/package/dist/cli.js`;
for (const f of [rust, node]) if (!existsSync(f)) throw new Error(`${f} is missing: run ./build.sh first`);

function run(cmd, args) {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: root, maxBuffer: 256 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}
const both = (args) => Promise.all([run(rust, args), run(process.execPath, [node, ...args])]);
const { run: cliRun } = await import(`${root}target/npm/package/dist/run.js`);
/** The npm CLI in this process (cwd: the repository, as the spawned runs). */
function inProcess(args) {
  let stdout = '';
  let stderr = '';
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const code = cliRun(args, { out: (s) => { stdout += s; }, err: (s) => { stderr += s; } });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}
const bothInProcess = async (args) => [await run(rust, args), inProcess(args)];

/** Runs `jobs` two at a time (CI has two cores). */
async function pool(jobs, width = 2) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
}

const hars = ['tests/fixtures', 'tests/corpus'].flatMap((d) =>
  readdirSync(root + d).filter((f) => f.endsWith('.har')).sort().map((f) => `${d}/${f}`));
const ran = [];

test('analyze (the npm bin, spawned): every fixture, JSON with --fail-on and text', async () => {
  const fixtures = hars.filter((h) => h.startsWith('tests/fixtures/'));
  assert.ok(fixtures.length > 10);
  const jobs = fixtures.flatMap((har) => [['analyze', har, '--format', 'json', '--fail-on', 'high'], ['analyze', har]].map((args) => async () => {
    const [r, n] = await both(args);
    assert.equal(n.stdout, r.stdout, `stdout of ${args.join(' ')}`);
    assert.equal(n.stderr, r.stderr, `stderr of ${args.join(' ')}`);
    assert.equal(n.code, r.code, `exit code of ${args.join(' ')}`);
  }));
  await pool(jobs);
  ran.push(`analyze, npm bin spawned: ${jobs.length} runs over ${fixtures.length} fixtures (json --fail-on high, text)`);
});

test('analyze: every fixture and corpus HAR, every format, byte for byte with exit codes', async () => {
  assert.ok(hars.length > 100, `expected the fixtures and the corpus, found ${hars.length} HAR files`);
  const mismatches = [];
  let compared = 0;
  const jobs = [];
  for (const har of hars) {
    for (const args of [
      ['analyze', har, '--format', 'json', '--fail-on', 'high'],
      ['analyze', har, '--format', 'text'],
      ['analyze', har, '--format', 'markdown', '--fail-on', 'medium'],
      ['analyze', har, '--format', 'sarif'],
    ]) {
      jobs.push(async () => {
        const [r, n] = await bothInProcess(args);
        compared++;
        if (r.code !== n.code || r.stdout !== n.stdout || r.stderr !== n.stderr) mismatches.push({ args: args.join(' '), rust: r, node: n });
      });
    }
  }
  await pool(jobs);
  ran.push(`analyze, npm CLI in process: ${compared} runs over ${hars.length} HAR files (json, text, markdown, sarif)`);
  for (const m of mismatches.slice(0, 3)) {
    assert.equal(m.node.stdout, m.rust.stdout, `stdout of ${m.args}`);
    assert.equal(m.node.stderr, m.rust.stderr, `stderr of ${m.args}`);
    assert.equal(m.node.code, m.rust.code, `exit code of ${m.args}`);
  }
  assert.equal(mismatches.length, 0);
});

test('analyze: at least one fixture fails --fail-on high, so exit code 1 is compared', async () => {
  const [r, n] = await both(['analyze', 'tests/fixtures/midtrans_sandbox_key_on_production.har', '--format', 'json', '--fail-on', 'high']);
  assert.equal(r.code, 1);
  assert.equal(n.code, 1);
  assert.equal(n.stderr, r.stderr);
});

test('analyze: unusable input and usage errors exit as the Rust CLI does', async () => {
  const dir = mkdtempSync(`${tmpdir()}/authlens-cli-`);
  try {
    writeFileSync(`${dir}/latin1.har`, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    writeFileSync(`${dir}/notjson.har`, '{"log": {"entries": [ {"request": 3} ]}}');
    writeFileSync(`${dir}/empty.har`, '');
    const cases = [
      ['analyze', `${dir}/latin1.har`],
      ['analyze', `${dir}/notjson.har`],
      ['analyze', `${dir}/empty.har`, '--format', 'json'],
      ['analyze', `${dir}/missing.har`],
      ['analyze', 'tests/corpus/README.md'],
      ['analyze', 'tests/fixtures/expired_jwt.har', '--format', 'yaml'],
      ['analyze', 'tests/fixtures/expired_jwt.har', '--fail-on', 'severe'],
      ['analyze', 'tests/fixtures/expired_jwt.har', '--fail-on', 'HIGH'],
      ['scan', `${dir}/missing`],
    ];
    for (const args of cases) {
      const [r, n] = await both(args);
      assert.equal(n.code, r.code, `exit code of ${args.join(' ')}`);
      assert.equal(n.stdout, r.stdout, `stdout of ${args.join(' ')}`);
      // clap's own wording for usage errors is not reproduced; authlens' messages are.
      if (r.code !== 2 || r.stderr.startsWith('authlens:')) assert.equal(n.stderr, r.stderr, `stderr of ${args.join(' ')}`);
    }
    ran.push(`errors: ${cases.length} cases`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze -: standard input, as the Rust CLI reads it', () => {
  const input = readFileSync(`${root}tests/fixtures/expired_jwt.har`);
  for (const format of ['json', 'sarif']) {
    const args = ['analyze', '-', '--format', format];
    const r = spawnSync(rust, args, { cwd: root, input, encoding: 'utf8' });
    const n = spawnSync(process.execPath, [node, ...args], { cwd: root, input, encoding: 'utf8' });
    assert.equal(n.stdout, r.stdout, `stdout of ${args.join(' ')}`);
    assert.equal(n.status, r.status);
  }
  ran.push('analyze -: 2 runs on standard input');
});

test('scan: the test folders and single files, every format, with exit codes', async () => {
  const dir = mkdtempSync(`${tmpdir()}/authlens-scan-`);
  try {
    // A folder with what the walker skips or notes: a binary file, node_modules, a symbolic link.
    writeFileSync(`${dir}/bin.js`, Buffer.from([0x61, 0, 0x62]));
    writeFileSync(`${dir}/app.js`, `const k = "${['sk', 'live', '51Hx9Qz2Lm8Np4Rt6Vw1Yb3Cd5Ef7Gh9Jk2Mn4Pq6St8Uv0Wx'].join('_')}";\n`);
    const sets = [['tests/fixtures', 'tests/corpus'], ['tests/secrets'], [dir], ['tests/fixtures/midtrans_sandbox_key_on_production.har', `${dir}/app.js`]];
    let runs = 0;
    for (const paths of sets) {
      for (const [format, extra] of [['json', ['--fail-on', 'high']], ['text', []], ['markdown', ['--fail-on', 'low']], ['sarif', []]]) {
        const args = ['scan', ...paths, '--format', format, ...extra];
        const [r, n] = await both(args);
        runs++;
        assert.equal(n.stdout, r.stdout, `stdout of ${args.join(' ')}`);
        assert.equal(n.stderr, r.stderr, `stderr of ${args.join(' ')}`);
        assert.equal(n.code, r.code, `exit code of ${args.join(' ')}`);
      }
    }
    const [r, n] = await both(['scan', dir, '--max-file-size', '0', '--format', 'json']);
    assert.equal(n.stdout, r.stdout);
    ran.push(`scan: ${runs + 1} runs`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('redact: the same redacted HAR as `authlens redact` (when the Rust CLI has it)', async (t) => {
  const probe = await run(rust, ['redact', '--help']);
  if (probe.code !== 0) {
    const why = 'redact comparison NOT RUN: target/release/authlens has no `redact` subcommand yet; it runs as soon as it has';
    ran.push(why);
    t.diagnostic(why);
    // The npm side alone: every fixture redacts, and no fixture's Authorization value survives.
    for (const har of hars.slice(0, 40)) {
      const n = await run(process.execPath, [node, 'redact', har]);
      assert.equal(n.code, 0, `${har}: ${n.stderr}`);
      assert.ok(JSON.parse(n.stdout).log.entries, har);
    }
    return;
  }
  let compared = 0;
  const dir = mkdtempSync(`${tmpdir()}/authlens-redact-`);
  try {
    for (const har of hars) {
      const [r, n] = await both(['redact', har]);
      assert.equal(n.code, r.code, `exit code of redact ${har}`);
      // Compared as JSON documents: the Rust command's indentation is its own choice.
      if (r.code === 0) assert.deepEqual(JSON.parse(n.stdout), JSON.parse(r.stdout), `redact ${har}`);
      compared++;
    }
    const [r, n] = await Promise.all([run(rust, ['redact', hars[0], '-o', `${dir}/r.har`]), run(process.execPath, [node, 'redact', hars[0], '-o', `${dir}/n.har`])]);
    assert.equal(n.code, r.code);
    assert.deepEqual(JSON.parse(readFileSync(`${dir}/n.har`, 'utf8')), JSON.parse(readFileSync(`${dir}/r.har`, 'utf8')), 'redact -o');
    ran.push(`redact: ${compared + 1} runs compared with authlens redact (stdout and -o)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.after(() => {
  console.log(`comparisons run against the Rust CLI:\n  ${ran.join('\n  ')}`);
});
