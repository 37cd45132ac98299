// The E2E scenarios: what the test page sends and what authlens must conclude about it.
//
// This one module is loaded twice: by the browser (the test page imports it from the test server
// as /scenarios.mjs) to build and send the requests, and by node (checks.mjs) to know what to
// expect. It must therefore stay plain, dependency-free ES: no node imports.
//
// No credential-shaped literal appears in this file. Every key is assembled at runtime from a
// prefix split into parts plus characters from a fixed pseudo-random sequence, so secret scanners
// run on the repository have nothing to match, and every run sends the same keys (only the JWT
// times depend on the clock).

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const BASE32_LOWER = LOWER + '234567';

/** `n` characters of `alphabet`, from a small linear congruential generator seeded by `seed`. */
export function fillerChars(seed, n, alphabet) {
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 16) % alphabet.length];
  }
  return out;
}

function base64url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An HS256-shaped JWT whose signature is filler (nobody verifies it but our fake API's clock). */
export function makeJwt(claims, seed) {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = fillerChars(seed, 43, LOWER + LOWER.toUpperCase() + DIGITS + '-_');
  return `${header}.${payload}.${signature}`;
}

/** The credentials the page sends. `nowSec` is the page's clock in seconds. */
export function makeCredentials(nowSec) {
  const midtransSandboxServerKey = ['SB', 'Mid', 'server', ''].join('-')
    + fillerChars(401, 24, LOWER + LOWER.toUpperCase() + DIGITS);
  const checkoutSandboxSecretKey = ['sk', 'sbox', ''].join('_')
    + fillerChars(402, 26, BASE32_LOWER) + fillerChars(403, 1, BASE32_LOWER);
  const expiredJwt = makeJwt(
    { sub: 'user-1042', iss: 'http://auth.example.test/', aud: 'api', iat: nowSec - 4 * 3600, exp: nowSec - 3 * 3600 },
    404,
  );
  const validJwt = makeJwt(
    { sub: 'user-1042', iss: 'http://auth.example.test/', aud: 'api', iat: nowSec - 60, exp: nowSec + 3600 },
    405,
  );
  // A token issued before the expired one and still valid (6 h of life): the request that worked
  // before the expired-JWT failure. Older than the failing token, so it is no "newer token".
  const earlierJwt = makeJwt(
    { sub: 'user-1042', iss: 'http://auth.example.test/', aud: 'api', iat: nowSec - 5 * 3600, exp: nowSec + 3600 },
    406,
  );
  // A Stripe live secret key shipped in a script bundle (it never depends on the clock).
  const stripeLiveSecretKey = ['sk', 'live', ''].join('_') + fillerChars(407, 24, LOWER + LOWER.toUpperCase() + DIGITS);
  return { midtransSandboxServerKey, checkoutSandboxSecretKey, expiredJwt, validJwt, earlierJwt, stripeLiveSecretKey };
}

/** Where the bundle is served, and its text: the key sits on line 3 (for "Open in Sources"). */
export const BUNDLE_PATH = '/static/main.4e1f.js';
export function bundleScript() {
  const { stripeLiveSecretKey } = makeCredentials(0);
  return `// shop bundle (authlens e2e)\nwindow.__shop = window.__shop || {};\nwindow.__shop.config = { currency: "EUR", stripe: "${stripeLiveSecretKey}" };\n`;
}

/**
 * The scenarios, in the order the page sends them.
 *
 * `origin` is the test page's origin (`http://127.0.0.1:PORT`); the provider hosts use the same
 * port because the browser resolves every name to 127.0.0.1 and the test server dispatches on the
 * Host header.
 *
 * Each scenario: `name`, `method`, `url`, `headers`, `body` (string or undefined), `pageStatus`
 * (the HTTP status the fake API must answer, checked so a broken fake cannot pass as an engine
 * bug), `secrets` (substrings that must never appear in any report), and `expect`:
 * `topCause` (causes[0].id, or null for "no causes and no findings at all"), `findings` (finding
 * ids that must be present), `absentFindings` (ids that must not be), and optional `finding`
 * (fields one finding must have), `provider` and `environment`.
 */
export function buildScenarios(origin, nowSec) {
  const port = new URL(origin).port;
  const at = (host, path) => `http://${host}:${port}${path}`;
  const c = makeCredentials(nowSec);
  const basicValue = btoa(`${c.midtransSandboxServerKey}:`);
  return [
    {
      name: 'midtrans sandbox server key on the production Snap URL',
      method: 'POST',
      url: at('app.midtrans.com', '/snap/v1/transactions'),
      headers: {
        Authorization: `Basic ${basicValue}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify({ transaction_details: { order_id: 'order-e2e-1', gross_amount: 10000 } }),
      pageStatus: 401,
      secrets: [c.midtransSandboxServerKey.slice(-24), basicValue],
      expect: {
        topCause: 'environment_mismatch',
        findings: ['secret_key_exposed'],
        finding: { id: 'secret_key_exposed', severity: 'high', provider: 'midtrans' },
        provider: 'midtrans',
        environment: 'production',
      },
    },
    {
      name: 'Bearer undefined',
      method: 'GET',
      url: at('api.example.test', '/v1/me'),
      headers: { Authorization: 'Bearer undefined' },
      pageStatus: 401,
      secrets: [],
      expect: { topCause: 'placeholder_credentials', findings: [], absentFindings: ['secret_key_exposed'] },
    },
    {
      // The same endpoint worked a moment before with a valid token and a tenant header: the
      // panel's "What changed since it worked" compares the expired-JWT failure below with it.
      name: 'orders worked with a valid JWT',
      method: 'GET',
      url: at('api.example.test', '/v1/orders?page=1'),
      headers: { Authorization: `Bearer ${c.earlierJwt}`, 'X-Tenant': 'shop-1' },
      pageStatus: 200,
      secrets: [c.earlierJwt.split('.')[2]],
      expect: { topCause: null, findings: [] },
    },
    {
      // The token that read the orders may not delete one: a 403 with no challenge. The engine's
      // evidence points at the request where the same credential succeeded ("entry #N").
      name: 'same token forbidden on another endpoint',
      method: 'DELETE',
      url: at('api.example.test', '/v1/orders/42'),
      headers: { Authorization: `Bearer ${c.earlierJwt}` },
      pageStatus: 403,
      secrets: [c.earlierJwt.split('.')[2]],
      expect: { topCause: 'insufficient_scope', findings: [], absentFindings: ['secret_key_exposed'] },
    },
    {
      name: 'expired JWT',
      method: 'GET',
      url: at('api.example.test', '/v1/orders'),
      headers: { Authorization: `Bearer ${c.expiredJwt}` },
      pageStatus: 401,
      secrets: [c.expiredJwt.split('.')[2]],
      expect: { topCause: 'expired_token', findings: [], absentFindings: ['secret_key_exposed'] },
    },
    {
      name: 'checkout.com sandbox secret key on the production API',
      method: 'POST',
      url: at('api.checkout.com', '/payments'),
      headers: { Authorization: `Bearer ${c.checkoutSandboxSecretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount: 1000, currency: 'EUR', reference: 'order-e2e-2' }),
      pageStatus: 401,
      secrets: [c.checkoutSandboxSecretKey.slice(-27)],
      expect: {
        topCause: 'environment_mismatch',
        findings: ['secret_key_exposed'],
        finding: { id: 'secret_key_exposed', provider: 'checkout' },
        provider: 'checkout',
        environment: 'production',
      },
    },
    {
      // Loaded as a <script> (so DevTools lists it in Sources): a server key shipped to the page.
      name: 'bundle ships a Stripe live secret key',
      method: 'GET',
      url: `${origin}${BUNDLE_PATH}`,
      load: 'script',
      headers: {},
      pageStatus: 200,
      secrets: [c.stripeLiveSecretKey.slice(-24)],
      expect: {
        noCauses: true,
        findings: ['secret_key_exposed'],
        finding: { id: 'secret_key_exposed', provider: 'stripe', severity: 'critical', location: 'response.body line 3 col 52' },
      },
    },
    {
      name: 'healthy control (valid JWT, 200)',
      method: 'GET',
      url: `${origin}/api/ok`,
      // Sent after the E2E build restarted its engine (a fresh wasm instance, as after a trap).
      restartEngineFirst: true,
      headers: { Authorization: `Bearer ${c.validJwt}` },
      pageStatus: 200,
      secrets: [c.validJwt.split('.')[2]],
      expect: { topCause: null, findings: [] },
    },
  ];
}
