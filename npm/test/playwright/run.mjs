// A real Playwright run of `authlens/playwright`: a fresh project installs the packed tarball
// (dist/authlens-<version>.tgz) and @playwright/test, then runs app.spec.mjs with Debian's
// Chromium against a loopback server whose pages (a) send a Midtrans sandbox server key and
// (b) get a 401 for an expired token. The inner run's JSON report must show (a) failed with the
// finding named and (b) failed carrying the authlens report with `expired_token`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const started = Date.now();
const chromium = process.env.AUTHLENS_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) throw new Error(`${chromium} is missing (apt-get install chromium; ./build.sh test does)`);
const tarball = readdirSync(`${root}dist`).filter((f) => /^authlens-\d.*\.tgz$/.test(f)).sort().pop();
if (!tarball) throw new Error('dist/authlens-<version>.tgz is missing: run ./build.sh first');
const playwrightVersion = JSON.parse(readFileSync(`${root}npm/package.json`, 'utf8')).devDependencies['@playwright/test'];

// Built at run time: no secret-shaped literal in the repository. The shape of a Midtrans sandbox
// server key (tests/fixtures/midtrans_sandbox_key_on_production.har).
const serverKey = ['SB', 'Mid', 'server', 'kT3vQ9xLm2Wp7RzB4nYc8HdF'].join('-');
const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const expiredJwt = [b64url({ alg: 'HS256', typ: 'JWT' }), b64url({ sub: 'user_42', iat: now - 3600, exp: now - 3 }), 'c2lnbmF0dXJlLW5vdC1jaGVja2Vk'].join('.');

const page = (title, script) => `<!doctype html><meta charset="utf-8"><title>${title}</title><p id="status">…</p><p id="name"></p><script>${script}</script>`;
const pages = {
  '/checkout': page('Checkout', `fetch('/api/charge', { method: 'POST', headers: { 'Authorization': 'Basic ' + btoa(${JSON.stringify(serverKey + ':')}), 'Content-Type': 'application/json' }, body: JSON.stringify({ gross_amount: 10000 }) })
    .then((r) => r.json()).then((j) => { document.getElementById('status').textContent = j.status; });`),
  '/profile': page('Profile', `fetch('/api/me', { headers: { 'Authorization': 'Bearer ' + ${JSON.stringify(expiredJwt)} } })
    .then((r) => r.ok ? r.json() : { name: '' }).then((j) => { document.getElementById('name').textContent = j.name; });`),
  '/shop': '<!doctype html><meta charset="utf-8"><title>Shop</title><p id="status">…</p><script src="/static/app.js"></script>',
  '/healthy': page('Healthy', `fetch('/api/health').then((r) => r.json()).then((j) => { document.getElementById('status').textContent = j.status; });`),
};
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (pages[path]) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(pages[path]);
  }
  if (path === '/static/app.js') {
    // A bundle with the server key in its config: found in the script's body, never sent.
    res.writeHead(200, { 'content-type': 'text/javascript' });
    return res.end(`const config = { midtransServerKey: ${JSON.stringify(serverKey)} };\ndocument.getElementById('status').textContent = 'ready';\n`);
  }
  if (path === '/api/charge') {
    res.writeHead(201, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ status: 'paid' }));
  }
  if (path === '/api/me') {
    // RFC 6750 section 3 error for an expired token.
    res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' });
    return res.end(JSON.stringify({ error: 'invalid_token', error_description: 'The access token expired' }));
  }
  if (path === '/api/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ status: 'ok' }));
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const baseURL = `http://127.0.0.1:${server.address().port}`;

const spawnSyncStatus = (cmd, args, cwd) => spawnSync(cmd, args, { cwd, encoding: 'utf8' });

const project = mkdtempSync(`${tmpdir()}/authlens-qa-`);
try {
  writeFileSync(`${project}/package.json`, JSON.stringify({ name: 'qa-project', private: true, type: 'module' }, null, 2));
  for (const f of ['app.spec.mjs', 'playwright.config.mjs', 'consumer.ts']) copyFileSync(here + f, `${project}/${f}`);
  console.log(`installing ${tarball} and @playwright/test@${playwrightVersion} into a fresh project`);
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `${root}dist/${tarball}`, `@playwright/test@${playwrightVersion}`], {
    cwd: project,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });

  // The bin, as `npx authlens` finds it in the project.
  const npx = (args) => spawnSyncStatus('npx', ['--no-install', 'authlens', ...args], project);
  const fixture = `${root}tests/fixtures/midtrans_sandbox_key_on_production.har`;
  const gate = npx(['analyze', fixture, '--fail-on', 'high', '--format', 'json']);
  assert.equal(gate.status, 1, `npx authlens analyze --fail-on high exits 1 on the fixture: ${gate.stderr}`);
  assert.equal(JSON.parse(gate.stdout).summary.high, 1);
  const md = npx(['analyze', fixture, '--format', 'markdown']);
  assert.equal(md.status, 0);
  assert.match(md.stdout, /secret_key_exposed/);
  console.log('npx authlens analyze works from the installed tarball (exit 1 at --fail-on high)');

  // The types, as a user's editor sees them.
  writeFileSync(`${project}/tsconfig.json`, JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['consumer.ts'] }));
  execFileSync(`${root}node_modules/.bin/tsc`, ['-p', `${project}/tsconfig.json`], { cwd: project, stdio: 'inherit' });
  console.log('consumer.ts type-checks against the installed package');

  // Not spawnSync: the loopback server runs in this process and must keep answering.
  const run = await new Promise((resolve) => {
    const child = spawn(process.execPath, [`${project}/node_modules/@playwright/test/cli.js`, 'test'], {
      cwd: project,
      env: { ...process.env, AUTHLENS_BASE_URL: baseURL, AUTHLENS_CHROMIUM: chromium, CI: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  process.stdout.write(run.stdout.replaceAll(serverKey, '<THE SERVER KEY>'));
  process.stderr.write(run.stderr.replaceAll(serverKey, '<THE SERVER KEY>'));
  assert.equal(run.status, 1, 'the inner run fails (three of its tests must)');
  const raw = readFileSync(`${project}/results.json`, 'utf8');

  const tests = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests) tests.set(spec.title, t.results.at(-1));
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of JSON.parse(raw).suites) walk(s);
  const result = (title) => {
    const r = tests.get(title);
    assert.ok(r, `no result for "${title}" in the inner run`);
    return r;
  };
  const errors = (r) => r.errors.map((e) => e.message ?? '').join('\n');
  const attachment = (r, name) => r.attachments.find((a) => a.name === name);
  const body = (a) => Buffer.from(a.body ?? '', 'base64').toString('utf8');

  // Nothing the inner run wrote holds the key whole: not the errors, not an attachment.
  assert.ok(!raw.includes(serverKey), 'the raw key is in the inner JSON report');
  for (const r of tests.values()) for (const a of r.attachments) assert.ok(!body(a).includes(serverKey), `the raw key is in attachment ${a.name}`);

  // (a) A Midtrans sandbox server key sent by the page fails the test, the finding named.
  const a = result('checkout sends a Midtrans server key');
  assert.equal(a.status, 'failed', 'the checkout test must fail on the exposed key');
  for (const word of ['secret_key_exposed', 'midtrans', 'SB-Mid-server-', '/api/charge', '[high]']) {
    assert.ok(errors(a).includes(word), `the failure names ${word}:\n${errors(a)}`);
  }
  console.log(`(a) failed as it must:\n${errors(a)}`);

  // A key only in a script's body (the page never sends it) fails the test too.
  const bundle = result('a bundle ships a server key (never sent)');
  assert.equal(bundle.status, 'failed', 'the bundle test must fail on the shipped key');
  for (const word of ['secret_key_exposed', 'midtrans', '/static/app.js', 'response.body']) {
    assert.ok(errors(bundle).includes(word), `the failure names ${word}:\n${errors(bundle)}`);
  }

  // (b) A 401 for an expired token: the failing test carries the report, its top cause printed.
  const b = result('profile with an expired token');
  assert.notEqual(b.status, 'passed');
  const report = b.attachments.find((x) => x.name.startsWith('authlens') && x.contentType === 'text/markdown');
  assert.ok(report, `no authlens report attached: ${b.attachments.map((x) => x.name)}`);
  assert.ok(body(report).includes('expired_token'), `the report names expired_token:\n${body(report)}`);
  assert.ok(errors(b).includes('expired_token'), `the error output names the top cause:\n${errors(b)}`);
  assert.ok(errors(b).includes('/api/me'), errors(b));
  console.log(`(b) failed with the report attached (${report.name}); error output:\n${errors(b)}`);

  // A healthy page passes, with nothing attached: the fixture is quiet when all is well.
  const healthy = result('healthy page');
  assert.equal(healthy.status, 'passed', errors(healthy));
  assert.ok(!healthy.attachments.some((x) => x.name.startsWith('authlens')));

  // authlensHar: 'on' attaches the redacted HAR; authlensFailOn: 'off' lets the key pass.
  const h = result('checkout with the HAR attached');
  assert.equal(h.status, 'passed', errors(h));
  const har = attachment(h, 'authlens.har');
  assert.ok(har, 'authlens.har attached');
  const doc = JSON.parse(body(har));
  const charge = doc.log.entries.find((e) => e.request.url.endsWith('/api/charge'));
  const auth = charge.request.headers.find((x) => x.name.toLowerCase() === 'authorization');
  assert.ok(auth && !auth.value.includes(Buffer.from(serverKey + ':').toString('base64')), `redacted Authorization: ${auth?.value}`);

  // A sandbox key is `high`: a gate at `critical` lets it through.
  assert.equal(result('a sandbox key is high, not critical').status, 'passed');

  console.log(`playwright e2e: ${tests.size} inner tests checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  server.close();
  if (!process.env.AUTHLENS_KEEP) rmSync(project, { recursive: true, force: true });
}
