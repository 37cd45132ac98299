// The JS API of the packed package (target/npm/package): a document, a stream of entries (one
// session), scanning, redaction and Markdown, against the Rust CLI's answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const api = await import(`${root}target/npm/package/dist/index.js`);
const rust = (...args) => {
  try {
    return execFileSync(`${root}target/release/authlens`, args, { encoding: 'utf8', cwd: root });
  } catch (e) {
    return e.stdout;
  }
};
const fixture = 'tests/fixtures/midtrans_sandbox_key_on_production.har';
const text = readFileSync(root + fixture, 'utf8');

test('analyzeHar: the report of `authlens analyze --format json`, from the text or the object', () => {
  const expected = JSON.parse(rust('analyze', fixture, '--format', 'json'));
  assert.deepEqual(api.analyzeHar(text), expected);
  assert.deepEqual(api.analyzeHar(JSON.parse(text)), expected);
  assert.ok(api.analyzeHar(text).entries.some((e) => e.findings.some((f) => f.id === 'secret_key_exposed')));
});

test('Session: entries streamed one by one give the reports of the whole document', () => {
  for (const f of ['tests/fixtures/expired_jwt.har', fixture, 'tests/corpus/control_busy_healthy_session.har']) {
    const doc = JSON.parse(readFileSync(root + f, 'utf8'));
    const session = new api.Session();
    const streamed = doc.log.entries.map((e) => session.analyze(e));
    assert.equal(session.length, doc.log.entries.length);
    session.free();
    assert.deepEqual(streamed, api.analyzeHar(doc).entries, f);
  }
});

test('analyzeEntries: an async stream of entries, one session', async () => {
  const doc = JSON.parse(readFileSync(root + 'tests/fixtures/expired_jwt.har', 'utf8'));
  async function* slowly() {
    for (const e of doc.log.entries) {
      await new Promise((r) => setTimeout(r, 1));
      yield e;
    }
  }
  const reports = [];
  for await (const r of api.analyzeEntries(slowly())) reports.push(r);
  assert.deepEqual(reports, api.analyzeHar(doc).entries);
  assert.ok(reports.some((r) => r.causes[0]?.id === 'expired_token'));
});

test('a malformed entry is read without its odd field (noted), a non-object throws, and the session goes on', () => {
  const session = new api.Session();
  assert.ok(session.analyze({ request: 3 }).notes.some((n) => n.startsWith('entry.request:')));
  assert.throws(() => session.analyze(3), /authlens: unusable HAR entry/);
  const doc = JSON.parse(text);
  assert.ok(doc.log.entries.map((e) => session.analyze(e)).some((r) => r.findings.some((f) => f.id === 'secret_key_exposed')));
  assert.throws(() => api.analyzeHar('{"log": 1}'), /authlens:/);
  assert.match(api.harError('{"log": 1}'), /log/);
  assert.equal(api.harError(text), null);
});

test('renderMarkdown and renderHar print what the CLI prints', () => {
  const nl = (s) => (s.endsWith('\n') ? s : s + '\n');
  assert.equal(nl(api.renderMarkdown(text)), rust('analyze', fixture, '--format', 'markdown'));
  const entries = JSON.parse(text).log.entries;
  assert.equal(api.renderMarkdown(entries), api.renderMarkdown(text));
  assert.equal(nl(api.renderHar(text, 'sarif', { artifact: fixture })), rust('analyze', fixture, '--format', 'sarif'));
});

test('redactHar and scanText never hand back the key', () => {
  const key = Buffer.from(/Basic ([A-Za-z0-9+/=]+)/.exec(text)[1], 'base64').toString().replace(/:$/, '');
  assert.ok(key.startsWith('SB-Mid-server-'));
  const redacted = JSON.stringify(api.redactHar(text));
  assert.ok(!redacted.includes(key) && !redacted.includes(Buffer.from(key + ':').toString('base64')));
  const findings = api.scanText('app.js', `const serverKey = "${key}";\n`);
  assert.equal(findings[0].provider, 'midtrans');
  assert.equal(findings[0].line, 1);
  assert.ok(!JSON.stringify(findings).includes(key));
  assert.deepEqual(api.scanText('app.js', Buffer.from(`const serverKey = "${key}";\n`)), findings);
  assert.match(api.curlCommand(JSON.parse(text).log.entries[0]), /^curl /);
  assert.equal(api.version(), JSON.parse(rust('analyze', fixture, '--format', 'json')).version);
});

test('scanPaths is `authlens scan`', () => {
  const r = api.scanPaths(['tests/fixtures'].map((d) => root + d));
  assert.ok(r.report.summary.files_scanned > 10);
  assert.equal(r.render('text'), rust('scan', root + 'tests/fixtures'));
});
