// The E2E test server: one node http server on 127.0.0.1 that plays three parts.
//
// 1. The test page (`/`, `/page.mjs`, `/scenarios.mjs`) on http://127.0.0.1:PORT.
// 2. The reporter's sink: the E2E build of the extension POSTs text/plain JSON messages to
//    `/__report`; `/__wait-devtools` is a long poll answered once the devtools page said "up"
//    (the handshake: the toolbox opens 1-2 s after the page loads, and the page must not send
//    its requests before the extension listens); the page POSTs `/__done` when it has sent them.
// 3. The provider APIs. The browser resolves every host name to 127.0.0.1 (Chromium
//    --host-resolver-rules, Firefox network.dns.forceResolve), so a request to
//    http://app.midtrans.com:PORT/... arrives here and is dispatched on its Host header. The fakes
//    check credentials the way the real APIs would and answer with the real APIs' 401 shapes
//    (tests/../provider-401-catalog), with CORS so the page can send Authorization and read bodies.
//
// Nothing here listens on anything but 127.0.0.1.

import http from 'node:http';
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUNDLE_PATH, bundleScript } from './scenarios.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>authlens E2E</title>
<h1>authlens E2E test page</h1>
<pre id="log"></pre>
<script type="module" src="/page.mjs"></script>
</html>
`;

const STATIC = {
  '/page.mjs': 'page.mjs',
  '/scenarios.mjs': 'scenarios.mjs',
};

// ---------------------------------------------------------------------------------------------
// Credential helpers for the fake APIs.

function authorization(req) {
  const h = req.headers.authorization;
  if (h === undefined) return { scheme: null, value: null };
  const m = /^(\S+)\s*(.*)$/s.exec(h);
  return { scheme: m ? m[1].toLowerCase() : null, value: m ? m[2] : '' };
}

function decodeBasic(value) {
  try {
    return Buffer.from(value, 'base64').toString('utf8');
  } catch {
    return null;
  }
}

/** The payload of a JWT, or null when the value is not one. The signature is not checked. */
function jwtPayload(token) {
  const parts = String(token).split('.');
  if (parts.length !== 3) return null;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

function send(res, status, headers, body) {
  res.writeHead(status, headers);
  res.end(body);
}

function json(res, status, obj, extra = {}) {
  send(res, status, { 'content-type': 'application/json; charset=utf-8', ...extra }, JSON.stringify(obj));
}

// ---------------------------------------------------------------------------------------------
// The fake provider APIs. Each takes (req, res, body) after CORS is handled.

/** Midtrans Snap: the production host accepts production server keys only, and the reverse. */
function midtransSnap(env) {
  return (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/snap/v1/transactions' || req.method !== 'POST') {
      return json(res, 404, { error_messages: ['Not found'] });
    }
    const { scheme, value } = authorization(req);
    const user = scheme === 'basic' ? decodeBasic(value) : null;
    const key = user && user.endsWith(':') ? user.slice(0, -1) : null;
    const wantPrefix = env === 'sandbox' ? 'SB-Mid-server-' : 'Mid-server-';
    if (key && key.startsWith(wantPrefix)) {
      const token = '7f3c1a52-9d1e-4b7a-8c44-3b1f0e9d2a61';
      const base = env === 'sandbox' ? 'https://app.sandbox.midtrans.com' : 'https://app.midtrans.com';
      return json(res, 201, { token, redirect_url: `${base}/snap/v2/vtweb/${token}` });
    }
    return json(res, 401, {
      error_messages: [
        'Access denied due to unauthorized transaction, please check client or server key',
        'Visit https://snap-docs.midtrans.com/#request-headers for more details',
      ],
    });
  };
}

/** Checkout.com (NAS): 401 with an empty body and no WWW-Authenticate, as documented. */
function checkoutApi(env) {
  return (req, res) => {
    const { scheme, value } = authorization(req);
    const sandboxKey = typeof value === 'string' && value.startsWith('sk_sbox_');
    const ok = scheme === 'bearer' && /^sk_(sbox_)?[a-z2-7]{26}[a-z2-7*#$=]$/.test(value || '')
      && (env === 'sandbox') === sandboxKey;
    const requestId = 'cko-req-e2e-0001';
    if (!ok) return send(res, 401, { 'cko-request-id': requestId, 'content-length': '0' }, '');
    return json(res, 201, { id: 'pay_e2e', status: 'Authorized' }, { 'cko-request-id': requestId });
  };
}

/** A generic OAuth 2.0 resource server (RFC 6750 challenges), checking JWT expiry only. */
function bearerResourceServer(paths) {
  return (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!paths.includes(url.pathname)) return json(res, 404, { error: 'not_found' });
    const { scheme, value } = authorization(req);
    if (scheme !== 'bearer' || !value) {
      return json(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer realm="api"' });
    }
    const claims = jwtPayload(value);
    if (!claims) {
      return json(res, 401, { error: 'invalid_token' },
        { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' });
    }
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
      return json(res, 401, { error: 'invalid_token', error_description: 'The access token expired' },
        { 'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' });
    }
    // Deleting is not this token's to do (no challenge, no word about scopes: a bare 403).
    if (req.method === 'DELETE') return json(res, 403, { error: 'forbidden' });
    return json(res, 200, { ok: true, sub: claims.sub ?? null, path: url.pathname });
  };
}

const API_HOSTS = {
  'app.midtrans.com': midtransSnap('production'),
  'app.sandbox.midtrans.com': midtransSnap('sandbox'),
  'api.checkout.com': checkoutApi('production'),
  'api.sandbox.checkout.com': checkoutApi('sandbox'),
  'api.example.test': bearerResourceServer(['/v1/me', '/v1/orders', '/v1/orders/42']),
};

const okApi = bearerResourceServer(['/api/ok']);

// ---------------------------------------------------------------------------------------------

function corsPreflight(req, res) {
  const headers = {
    'access-control-allow-origin': req.headers.origin || '*',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': 'Authorization, Content-Type, Accept, X-Tenant',
    'access-control-max-age': '0',
    vary: 'Origin',
  };
  if (req.headers['access-control-request-private-network']) {
    headers['access-control-allow-private-network'] = 'true';
  }
  send(res, 204, headers, '');
}

function withCors(req, res) {
  if (req.headers.origin) {
    res.setHeader('access-control-allow-origin', req.headers.origin);
    res.setHeader('access-control-expose-headers', 'WWW-Authenticate, Cko-Request-Id');
    res.setHeader('vary', 'Origin');
  }
}

function readBody(req, limit = 4 << 20) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) { reject(new Error('body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Start the server. Resolves to a handle:
 * - `origin` (http://127.0.0.1:PORT), `pageUrl`, `port`
 * - `state`: `messages` (every parsed reporter message, with `at`), `reports` (EntryReports),
 *   `ups`, `engineErrors`, `entryErrors`, `badMessages`, `done` (the page's /__done body),
 *   `apiRequests` (what the fake APIs received), `strays` (requests for unknown hosts), `log`
 * - `waitFor(predicate, ms, what)`: resolves when predicate(state) holds, re-checked on every
 *   event; rejects with an Error naming `what` after `ms`
 * - `abort(err)`: pending and later waits reject with err
 * - `resetHandshake()`: the next page load waits for a new "up"; `state.pwned` lists /__pwned hits
 * - `close()`
 */
export async function startServer() {
  const events = new EventEmitter();
  const state = {
    messages: [], reports: [], ups: [], engineErrors: [], entryErrors: [], badMessages: [],
    done: null, apiRequests: [], strays: [], log: [],
    // Requests for /__pwned: hostile test data points there, so any hit means the panel parsed
    // page data as HTML (an <img> loaded) or navigated to it.
    pwned: [],
  };
  const waiters = new Set();
  const changed = () => events.emit('change');
  const logLine = (line) => state.log.push(`${new Date().toISOString()} ${line}`);

  function releaseWaiters() {
    const body = JSON.stringify({
      up: state.ups.length > 0,
      engine_error: state.engineErrors[0]?.message ?? null,
    });
    for (const res of waiters) send(res, 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }, body);
    waiters.clear();
  }

  async function handleOwn(req, res, url) {
    const path = url.pathname;
    if (req.method === 'GET' && path === '/') {
      return send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, PAGE);
    }
    if (req.method === 'GET' && STATIC[path]) {
      const text = await readFile(HERE + STATIC[path], 'utf8');
      return send(res, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }, text);
    }
    if (req.method === 'GET' && path === BUNDLE_PATH) {
      return send(res, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }, bundleScript());
    }
    // A page whose POST is blocked by a refused CORS preflight (Firefox lists only the OPTIONS).
    if (req.method === 'GET' && path === '/blocked') {
      const api = `http://api.example.test:${port}/v1/admin`;
      return send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>blocked</title><p>preflight refused</p>`
        // It waits for the extension's devtools page (the handshake), as the test page does.
        + `<script>fetch('/__wait-devtools', { cache: 'no-store' }).then(() => fetch(${JSON.stringify(api)}, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Admin': '1' }, body: '{}' }))`
        + `.catch(() => {}).finally(() => fetch('/__blocked-done', { method: 'POST' }));</script></html>\n`);
    }
    if (path === '/__blocked-done') {
      state.blockedDone = (state.blockedDone ?? 0) + 1;
      changed();
      return send(res, 204, {}, '');
    }
    // A page that loads before DevTools opens on it (the "DevTools opened late" notice).
    if (req.method === 'GET' && path === '/late') {
      state.lateLoads = (state.lateLoads ?? 0) + 1;
      changed();
      return send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>late</title><p>loaded before DevTools opened</p></html>\n');
    }
    if (path === '/favicon.ico') return send(res, 204, {}, '');
    // The E2E build restarts its engine when it sees this request (as after a wasm trap).
    if (path === '/__e2e-restart-engine') return send(res, 204, { 'cache-control': 'no-store' }, '');
    if (path.startsWith('/__pwned')) {
      state.pwned.push(`${req.method} ${req.url} (referer ${req.headers.referer ?? '-'})`);
      changed();
      return send(res, 204, { 'access-control-allow-origin': '*' }, '');
    }
    if (path === '/__report') {
      const cors = { 'access-control-allow-origin': '*' };
      if (req.method === 'OPTIONS') {
        return send(res, 204, { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'Content-Type' }, '');
      }
      if (req.method !== 'POST') return send(res, 405, cors, '');
      const text = await readBody(req);
      let msg;
      try {
        msg = JSON.parse(text);
      } catch {
        state.badMessages.push(text.slice(0, 500));
        changed();
        return send(res, 400, cors, 'not JSON');
      }
      msg = msg && typeof msg === 'object' ? msg : { kind: '?', value: msg };
      const entry = { ...msg, at: Date.now() };
      state.messages.push(entry);
      if (msg.kind === 'up') state.ups.push(entry);
      else if (msg.kind === 'engine_error') state.engineErrors.push(entry);
      else if (msg.kind === 'entry_error') state.entryErrors.push(entry);
      else if (msg.kind === 'report' && msg.report && typeof msg.report === 'object') state.reports.push(msg.report);
      else state.badMessages.push(text.slice(0, 500));
      if (msg.kind === 'up' || msg.kind === 'engine_error') releaseWaiters();
      changed();
      return send(res, 204, cors, '');
    }
    if (path === '/__wait-devtools') {
      if (state.ups.length || state.engineErrors.length) {
        waiters.add(res);
        return releaseWaiters();
      }
      waiters.add(res);
      res.on('close', () => waiters.delete(res));
      return undefined;
    }
    if (path === '/__done' && req.method === 'POST') {
      const text = await readBody(req);
      try {
        state.done = JSON.parse(text);
      } catch {
        state.done = { pageError: `unparsable /__done body: ${text.slice(0, 200)}` };
      }
      state.done.at = Date.now();
      changed();
      return send(res, 204, {}, '');
    }
    if (path === '/api/ok') {
      if (req.method === 'OPTIONS') return corsPreflight(req, res);
      return okApi(req, res);
    }
    return send(res, 404, { 'content-type': 'text/plain' }, 'not found');
  }

  const server = http.createServer(async (req, res) => {
    const hostHeader = String(req.headers.host || '');
    const hostname = hostHeader.replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url, 'http://x');
    res.on('finish', () => logLine(`${req.method} ${hostHeader}${req.url} -> ${res.statusCode}`));
    try {
      if (hostname === '127.0.0.1' || hostname === 'localhost') return await handleOwn(req, res, url);
      const api = API_HOSTS[hostname];
      if (!api) {
        state.strays.push(`${req.method} ${hostHeader}${req.url}`);
        changed();
        return send(res, 421, { 'content-type': 'text/plain' }, 'unknown host');
      }
      // An admin endpoint whose gateway wants a credential even on the preflight: the browser
      // blocks the request itself (Firefox then lists only the OPTIONS).
      if (req.method === 'OPTIONS' && hostname === 'api.example.test' && url.pathname === '/v1/admin') {
        return send(res, 401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="admin"' }, '{"error":"unauthorized"}');
      }
      if (req.method === 'OPTIONS') return corsPreflight(req, res);
      withCors(req, res);
      await readBody(req);
      state.apiRequests.push({
        method: req.method, host: hostname, path: url.pathname,
        authorization: req.headers.authorization ?? null, at: Date.now(),
      });
      changed();
      return api(req, res);
    } catch (e) {
      logLine(`error ${e && e.stack || e}`);
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, 'test server error');
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;

  let aborted = null;
  /** Make every pending and future waitFor reject with `err` (the run's overall time limit). */
  function abort(err) {
    aborted = err;
    changed();
  }

  function waitFor(predicate, ms, what) {
    return new Promise((resolve, reject) => {
      let timer;
      const check = () => {
        if (aborted) { cleanup(); reject(aborted); return; }
        let v;
        try { v = predicate(state); } catch (e) { cleanup(); reject(e); return; }
        if (v) { cleanup(); resolve(v); }
      };
      const cleanup = () => { clearTimeout(timer); events.off('change', check); };
      timer = setTimeout(() => { cleanup(); reject(new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)); }, ms);
      events.on('change', check);
      check();
    });
  }

  /**
   * Forget the handshake, so the next load of the test page waits for the next "up" (from a
   * devtools page that started again, e.g. after DevTools reloaded). Earlier messages are kept.
   */
  function resetHandshake() {
    state.ups = [];
    state.engineErrors = [];
    state.done = null;
  }

  async function close() {
    for (const res of waiters) res.destroy();
    waiters.clear();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve()));
  }

  return { port, origin, pageUrl: `${origin}/`, state, waitFor, abort, close, resetHandshake };
}

// `node tests/e2e/server.mjs` serves the page for poking at by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startServer();
  console.log(`test page: ${s.pageUrl}`);
  setInterval(() => {}, 1 << 30);
}
