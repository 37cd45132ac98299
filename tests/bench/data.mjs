// Benchmark inputs, made at bench time (nothing large is committed):
//   node tests/bench/data.mjs OUT_DIR [corpus-MB]
// writes
//   OUT_DIR/session-10k.har   a 10,000-entry HAR shaped like a real browsing session
//   OUT_DIR/corpus/           ~100 MB: real minified JS from node_modules (copied until the JS
//                             part is ~70 MB) and generated JSON traffic bodies (~30 MB), with a
//                             few planted keys; OUT_DIR/corpus.json lists what was planted
//   OUT_DIR/subset/           the first ~10 MB of the same files, for tools too slow for 100 MB
// The same module exports the typical exchanges the wasm latency bench analyses.
//
// Every key-shaped value is assembled at run time from pieces and random filler: the source holds
// no secret-shaped literal. The output is deterministic (seeded PRNG).
import { mkdirSync, writeFileSync, readFileSync, readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const b64 = (s) => Buffer.from(s).toString('base64');
const b64url = (s) => Buffer.from(s).toString('base64url');

function tools(r) {
  const str = (n, alphabet = ALNUM) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
    return s;
  };
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (a) => a[Math.floor(r() * a.length)];
  return { str, int, pick };
}

/** `ghp_` + 30 random characters + their CRC32 in base62 (6 characters), as GitHub issues them. */
function githubToken(random) {
  const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let n = crc32(Buffer.from(random)), check = '';
  for (let i = 0; i < 6; i++) { check = B62[n % 62] + check; n = Math.floor(n / 62); }
  return 'gh' + 'p_' + random + check;
}

/** Planted keys: one per well-known format, assembled from pieces. */
export function plantedKeys(r) {
  const { str } = tools(r);
  return {
    stripe: ['sk', 'live', str(24)].join('_'),
    aws_id: 'AK' + 'IA' + str(16, UPPER),
    aws_secret: str(40, ALNUM + '+/'),
    // GitHub's tokens end in the base62 CRC32 of their 30 random characters; without it the value
    // is a look-alike, which the scanner rightly leaves alone.
    github: githubToken(str(30)),
    slack: ['xo' + 'xb', String(1000000000 + Math.floor(r() * 8e9)), String(1000000000 + Math.floor(r() * 8e9)), str(24)].join('-'),
    sendgrid: 'S' + 'G.' + str(22) + '.' + str(43),
    midtrans: ['Mid', 'server', str(24)].join('-'),
    // Project keys carry OpenAI's `T3BlbkFJ` marker between two random runs.
    openai: ['sk', 'proj', str(74) + 'T3Blbk' + 'FJ' + str(74)].join('-'),
    pem: ['-----BEGIN', 'RSA PRIVATE', 'KEY-----'].join(' ') + '\n' + str(64, ALNUM + '+/') + '\n' + str(64, ALNUM + '+/') + '\n' + ['-----END', 'RSA PRIVATE', 'KEY-----'].join(' '),
  };
}

function jwt(payload, r) {
  const { str } = tools(r);
  return b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: str(8) })) + '.' + b64url(JSON.stringify(payload)) + '.' + str(342, ALNUM + '-_');
}

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36';

function browserHeaders(extra = []) {
  return [
    ['accept', 'application/json, text/plain, */*'],
    ['accept-encoding', 'gzip, deflate, br, zstd'],
    ['accept-language', 'en-US,en;q=0.9'],
    ['origin', 'https://shop.example'],
    ['referer', 'https://shop.example/catalog'],
    ['sec-ch-ua', '"Chromium";v="141", "Not?A_Brand";v="8"'],
    ['sec-ch-ua-mobile', '?0'],
    ['sec-ch-ua-platform', '"Linux"'],
    ['sec-fetch-dest', 'empty'],
    ['sec-fetch-mode', 'cors'],
    ['sec-fetch-site', 'same-site'],
    ['user-agent', UA],
    ...extra,
  ];
}

function responseHeaders(mime, extra = []) {
  return [
    ['access-control-allow-credentials', 'true'],
    ['access-control-allow-origin', 'https://shop.example'],
    ['cache-control', 'private, no-store'],
    ['content-type', mime],
    ['date', 'Wed, 14 Oct 2026 09:30:00 GMT'],
    ['server', 'envoy'],
    ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
    ['vary', 'Origin, Accept-Encoding'],
    ['x-request-id', '4f1c2b7e-8d3a-4e55-9b61-0c2f3a4d5e6f'],
    ...extra,
  ];
}

function entry({ t, method = 'GET', url, req = [], status = 200, resp = [], body = '', mime = 'application/json', post, encoding, rtype = 'fetch', redirect = '' }) {
  const nv = (h) => h.map(([name, value]) => ({ name, value }));
  const e = {
    startedDateTime: new Date(Date.UTC(2026, 9, 14, 9, 30, 0) + t).toISOString(),
    time: 42.5,
    request: { method, url, httpVersion: 'http/2.0', headers: nv(req), queryString: [], cookies: [], headersSize: -1, bodySize: post ? post.text.length : 0 },
    response: {
      status, statusText: '', httpVersion: 'http/2.0', headers: nv(resp), cookies: [],
      content: { size: body.length, mimeType: mime, text: body, ...(encoding ? { encoding } : {}) },
      redirectURL: redirect, headersSize: -1, bodySize: body.length, _transferSize: body.length + 300,
    },
    cache: {},
    timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 38.4, receive: 2.8, _blocked_queueing: 0.9 },
    serverIPAddress: '203.0.113.10',
    _initiator: { type: 'script' },
    _priority: 'High',
    _resourceType: rtype,
    connection: '443',
  };
  if (post) e.request.postData = post;
  return e;
}

function product(r, i) {
  const { str, int, pick } = tools(r);
  return {
    id: 'prod_' + str(14), sku: 'SKU-' + int(10000, 99999), name: pick(['Linen shirt', 'Canvas tote', 'Wool socks', 'Rain jacket', 'Desk lamp', 'Ceramic mug']) + ' ' + i,
    price: { amount: int(500, 250000), currency: pick(['USD', 'EUR', 'IDR']) }, stock: int(0, 400),
    tags: [pick(['new', 'sale', 'eco', 'bestseller']), pick(['summer', 'winter', 'home', 'office'])],
    images: [`https://cdn.shop.example/img/${str(10)}.webp`], rating: Math.round(r() * 50) / 10, updated_at: '2026-10-13T18:22:11Z',
  };
}

/** The exchanges the wasm latency bench repeats: a 401 with Basic auth and a JSON body, and a 200 with a Bearer JWT. */
export function typicalEntries() {
  const r = rng(7);
  const { str } = tools(r);
  const serverKey = ['SB', 'Mid', 'server', str(24)].join('-');
  const basic401 = entry({
    t: 0, method: 'POST', url: 'https://app.midtrans.com/snap/v1/transactions',
    req: browserHeaders([['authorization', 'Basic ' + b64(serverKey + ':')], ['content-type', 'application/json']]),
    status: 401, resp: responseHeaders('application/json'),
    body: JSON.stringify({ error_messages: ['Access denied due to unauthorized transaction, please check client or server key', 'Visit https://snap-docs.midtrans.com/#request-headers for more details'] }),
    post: { mimeType: 'application/json', text: JSON.stringify({ transaction_details: { order_id: 'order-1001', gross_amount: 10000 }, customer_details: { email: 'a@shop.example' } }) },
  });
  const now = Math.floor(Date.UTC(2026, 9, 14, 9, 30) / 1000);
  const token = jwt({ sub: 'u_' + str(10), iss: 'https://login.shop.example/', aud: 'https://api.shop.example', iat: now - 60, exp: now + 3540, scope: 'read:orders write:cart' }, r);
  const bearer200 = entry({
    t: 50, url: 'https://api.shop.example/v1/orders?page=2&limit=20',
    req: browserHeaders([['authorization', 'Bearer ' + token]]),
    resp: responseHeaders('application/json; charset=utf-8', [['etag', 'W/"' + str(16) + '"']]),
    body: JSON.stringify({ data: Array.from({ length: 6 }, (_, i) => product(r, i)), page: 2, total: 340 }),
  });
  return { basic401, bearer200 };
}

/** Real minified JS bundles from node_modules, largest first. */
export function jsSources() {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (/\.(c|m)?js$/.test(name) && s.size >= 4096) out.push({ path: p, size: s.size });
    }
  };
  walk(join(ROOT, 'node_modules'));
  if (!out.length) throw new Error('node_modules has no JS: run ./build.sh (npm install) first');
  return out.sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
}

/** A 10,000-entry session. */
export function sessionHar(n = 10000) {
  const r = rng(42);
  const { str, int, pick } = tools(r);
  const keys = plantedKeys(r);
  const js = jsSources().slice(0, 12).map((s) => readFileSync(s.path, 'utf8'));
  const now = Math.floor(Date.UTC(2026, 9, 14, 9, 30) / 1000);
  const good = jwt({ sub: 'u_8812', iss: 'https://login.shop.example/', aud: 'https://api.shop.example', iat: now - 60, exp: now + 7200, scope: 'read:orders write:cart' }, r);
  const expired = jwt({ sub: 'u_8812', iss: 'https://login.shop.example/', aud: 'https://api.shop.example', iat: now - 7300, exp: now - 100 }, r);
  const cookie = `session=${str(32)}; _ga=GA1.1.${int(1e8, 9e8)}.${now}; cart=${str(12)}`;
  const entries = [];
  const kinds = [
    [55, 'api'], [8, 'post'], [1, 'login'], [3, 'script'], [3, 'image'], [6, 'preflight'], [2, 'redirect'],
    [3, 'expired'], [1, 'undefined'], [1, 'missing'], [1, 'midtrans'], [1, 'stripe'], [2, 'forbidden'], [3, 'error'], [3, 'maps'], [8, 'html'],
  ];
  const total = kinds.reduce((a, [w]) => a + w, 0);
  for (let i = 0; i < n; i++) {
    let x = r() * total;
    const kind = kinds.find(([w]) => (x -= w) < 0)[1];
    const t = i * 120;
    const api = `https://api.shop.example/v1/${pick(['products', 'orders', 'cart', 'users/me', 'recommendations'])}`;
    const auth = [['authorization', 'Bearer ' + good], ['cookie', cookie]];
    switch (kind) {
      case 'api':
        entries.push(entry({ t, url: `${api}?page=${int(1, 40)}&limit=20&sort=${pick(['price', 'rating', 'new'])}`, req: browserHeaders(auth), resp: responseHeaders('application/json; charset=utf-8', [['etag', 'W/"' + str(16) + '"']]), body: JSON.stringify({ data: Array.from({ length: int(1, 12) }, (_, j) => product(r, j)), page: int(1, 40), total: int(40, 900) }) }));
        break;
      case 'post':
        entries.push(entry({ t, method: 'POST', url: 'https://api.shop.example/v1/cart/items', req: browserHeaders([...auth, ['content-type', 'application/json']]), status: 201, resp: responseHeaders('application/json'), body: JSON.stringify({ cart: Array.from({ length: int(1, 5) }, (_, j) => product(r, j)), subtotal: int(1000, 90000) }), post: { mimeType: 'application/json', text: JSON.stringify({ product_id: 'prod_' + str(14), quantity: int(1, 3), options: { size: pick(['S', 'M', 'L']) } }) } }));
        break;
      case 'login':
        entries.push(entry({ t, method: 'POST', url: 'https://login.shop.example/oauth/token', req: browserHeaders([['content-type', 'application/x-www-form-urlencoded']]), resp: responseHeaders('application/json', [['set-cookie', `refresh=${str(40)}; Path=/; Secure; HttpOnly; SameSite=Lax`]]), body: JSON.stringify({ access_token: good, token_type: 'Bearer', expires_in: 7200, refresh_token: str(48) }), post: { mimeType: 'application/x-www-form-urlencoded', text: `grant_type=password&username=a%40shop.example&password=${str(14)}&client_id=web` } }));
        break;
      case 'script': {
        const src = pick(js);
        const start = int(0, Math.max(0, src.length - 200000));
        let body = src.slice(start, start + int(20000, 160000));
        if (i % 997 === 0) body += `\n;window.__CFG__={stripeKey:"${keys.stripe}",gh:"${keys.github}"};\n`;
        entries.push(entry({ t, url: `https://cdn.shop.example/assets/chunk-${str(8, 'abcdef0123456789')}.js`, req: browserHeaders(), resp: responseHeaders('application/javascript', [['cache-control', 'public, max-age=31536000, immutable']]), body, mime: 'application/javascript', rtype: 'script' }));
        break;
      }
      case 'image': {
        const bytes = Buffer.alloc(int(2000, 12000));
        for (let k = 0; k < bytes.length; k++) bytes[k] = k % 7 === 0 ? 0 : Math.floor(r() * 256);
        entries.push(entry({ t, url: `https://cdn.shop.example/img/${str(10)}.webp`, req: browserHeaders(), resp: responseHeaders('image/webp'), body: bytes.toString('base64'), mime: 'image/webp', encoding: 'base64', rtype: 'image' }));
        break;
      }
      case 'preflight':
        entries.push(entry({ t, method: 'OPTIONS', url: `${api}?page=${int(1, 40)}`, req: browserHeaders([['access-control-request-method', 'GET'], ['access-control-request-headers', 'authorization']]), status: 204, resp: responseHeaders('text/plain', [['access-control-allow-headers', 'authorization, content-type'], ['access-control-allow-methods', 'GET, POST, PUT, DELETE']]), mime: 'text/plain', rtype: 'preflight' }));
        break;
      case 'redirect':
        entries.push(entry({ t, url: 'https://shop.example/account', req: browserHeaders([['cookie', cookie]]), status: 302, resp: responseHeaders('text/html', [['location', 'https://login.shop.example/authorize?client_id=web&state=' + str(16)]]), mime: 'text/html', redirect: 'https://login.shop.example/authorize?client_id=web&state=' + str(16), rtype: 'document' }));
        break;
      case 'expired':
        entries.push(entry({ t, url: api, req: browserHeaders([['authorization', 'Bearer ' + expired]]), status: 401, resp: responseHeaders('application/json', [['www-authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"']]), body: JSON.stringify({ error: 'invalid_token', error_description: 'The access token expired' }) }));
        break;
      case 'undefined':
        entries.push(entry({ t, url: api, req: browserHeaders([['authorization', 'Bearer undefined']]), status: 401, resp: responseHeaders('application/json', [['www-authenticate', 'Bearer realm="api"']]), body: JSON.stringify({ message: 'Unauthorized' }) }));
        break;
      case 'missing':
        entries.push(entry({ t, url: 'https://api.checkout.com/payments/pay_' + str(26, 'abcdefghijklmnopqrstuvwxyz234567'), req: browserHeaders(), status: 401, resp: responseHeaders('application/json', [['cko-request-id', str(12)]]), mime: '' }));
        break;
      case 'midtrans':
        entries.push(entry({ t, method: 'POST', url: 'https://app.midtrans.com/snap/v1/transactions', req: browserHeaders([['authorization', 'Basic ' + b64(['SB', 'Mid', 'server', str(24)].join('-') + ':')], ['content-type', 'application/json']]), status: 401, resp: responseHeaders('application/json'), body: JSON.stringify({ error_messages: ['Access denied due to unauthorized transaction, please check client or server key'] }), post: { mimeType: 'application/json', text: JSON.stringify({ transaction_details: { order_id: 'order-' + int(1000, 9999), gross_amount: int(1000, 900000) } }) } }));
        break;
      case 'stripe':
        entries.push(entry({ t, method: 'POST', url: 'https://api.stripe.com/v1/payment_intents', req: browserHeaders([['authorization', 'Bearer ' + ['sk', 'test', str(24)].join('_')], ['content-type', 'application/x-www-form-urlencoded']]), status: 401, resp: responseHeaders('application/json', [['request-id', 'req_' + str(14)]]), body: JSON.stringify({ error: { message: 'Invalid API Key provided: sk_test_****' + str(4), type: 'invalid_request_error' } }), post: { mimeType: 'application/x-www-form-urlencoded', text: 'amount=2000&currency=usd' } }));
        break;
      case 'forbidden':
        entries.push(entry({ t, method: 'DELETE', url: api + '/' + str(10), req: browserHeaders(auth), status: 403, resp: responseHeaders('application/json'), body: JSON.stringify({ error: 'insufficient_scope', message: 'The token lacks the admin scope' }) }));
        break;
      case 'error':
        entries.push(entry({ t, url: api + '/' + str(10), req: browserHeaders(auth), status: pick([404, 500, 502]), resp: responseHeaders('application/json'), body: JSON.stringify({ error: 'not_found', trace: str(200) }) }));
        break;
      case 'maps':
        entries.push(entry({ t, url: `https://maps.googleapis.com/maps/api/js?key=${'AI' + 'za' + str(35, ALNUM + '-_')}&libraries=places&callback=initMap`, req: browserHeaders(), resp: responseHeaders('text/javascript'), body: 'google.maps.__gjsload__("places",function(_){' + str(int(2000, 8000)) + '});', mime: 'text/javascript', rtype: 'script' }));
        break;
      default:
        entries.push(entry({ t, url: `https://shop.example/${pick(['', 'catalog', 'cart', 'checkout', 'p/' + str(8)])}`, req: browserHeaders([['cookie', cookie], ['accept', 'text/html']]), resp: responseHeaders('text/html; charset=utf-8'), body: '<!doctype html><html><head><title>Shop</title></head><body>' + '<div class="card">'.repeat(int(50, 400)) + '</body></html>', mime: 'text/html', rtype: 'document' }));
    }
  }
  return { log: { version: '1.2', creator: { name: 'authlens bench', version: '1' }, pages: [], entries } };
}

/** The scan corpus: real JS bundles plus generated traffic bodies, with planted keys. */
export function writeCorpus(dir, subsetDir, targetMB = 100) {
  const r = rng(99);
  const { str, int, pick } = tools(r);
  const keys = plantedKeys(r);
  rmSync(dir, { recursive: true, force: true });
  rmSync(subsetDir, { recursive: true, force: true });
  const target = targetMB * 1024 * 1024;
  const jsTarget = Math.round(target * 0.7);
  const sources = jsSources();
  const files = [];
  const planted = [];
  let bytes = 0;
  // JS: every bundle once, then again (as another build of the same site would ship it) until ~70%.
  for (let round = 0; bytes < jsTarget; round++) {
    for (const s of sources) {
      if (bytes >= jsTarget) break;
      let text = readFileSync(s.path, 'utf8');
      const name = join('js', `r${round}`, relative(join(ROOT, 'node_modules'), s.path).replaceAll('/', '__'));
      if (files.length % 97 === 13) {
        const [kind, value] = pick([['stripe', keys.stripe], ['github', keys.github], ['sendgrid', keys.sendgrid], ['slack', keys.slack], ['openai', keys.openai]]);
        text += `\n;var __cfg={apiKey:"${value}"};\n`;
        planted.push({ file: name, kind });
      }
      files.push({ name, text, sub: files.length % 2 === 1 });
      bytes += Buffer.byteLength(text);
    }
  }
  // Traffic: JSON response/request bodies of an API (10-60 KB each).
  for (let i = 0; bytes < target; i++) {
    const doc = { data: Array.from({ length: int(20, 120) }, (_, j) => product(r, j)), page: i, request_id: str(24) };
    if (i % 40 === 0) {
      const [kind, value] = pick([['aws', null], ['midtrans', keys.midtrans], ['pem', keys.pem], ['stripe', keys.stripe]]);
      if (kind === 'aws') doc.debug = { aws_access_key_id: keys.aws_id, aws_secret_access_key: keys.aws_secret };
      else doc.debug = { server_key: value };
      planted.push({ file: join('traffic', `body-${i}.json`), kind });
    }
    const text = JSON.stringify(doc, null, i % 2 ? 0 : 1);
    files.push({ name: join('traffic', `body-${i}.json`), text, sub: i % 10 === 0 });
    bytes += Buffer.byteLength(text);
  }
  // The subset: ~10 MB with the corpus' mix, 7 MB of bundles (every 2nd, none over 7 MB) and 3 MB
  // of traffic bodies (every 10th, which includes every body with a planted key).
  const budget = { js: 7 * 1048576 * (targetMB / 100), traffic: 3 * 1048576 * (targetMB / 100) };
  let subsetBytes = 0;
  let subsetFiles = 0;
  for (const f of files) {
    const p = join(dir, f.name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
    const size = Buffer.byteLength(f.text);
    const kind = f.name.startsWith('js') ? 'js' : 'traffic';
    if (f.sub && size <= budget.js && size <= budget[kind]) {
      budget[kind] -= size;
      f.picked = true;
      subsetFiles++;
      subsetBytes += size;
      const q = join(subsetDir, f.name);
      mkdirSync(dirname(q), { recursive: true });
      writeFileSync(q, f.text);
    }
  }
  const inSubset = new Set(files.filter((f) => f.picked).map((f) => f.name));
  const subsetPlanted = planted.filter((p) => inSubset.has(p.file)).length;
  return { bytes, files: files.length, subsetBytes, subsetFiles, subsetPlanted, planted };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2];
  const mb = Number(process.argv[3] || 100);
  if (!out) {
    console.error('usage: node tests/bench/data.mjs OUT_DIR [corpus-MB]');
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const harPath = join(out, 'session-10k.har');
  writeFileSync(harPath, JSON.stringify(sessionHar(), null, 1));
  const meta = writeCorpus(join(out, 'corpus'), join(out, 'subset'), mb);
  meta.har = { path: harPath, bytes: statSync(harPath).size, entries: 10000 };
  writeFileSync(join(out, 'corpus.json'), JSON.stringify(meta, null, 1));
  console.log(`HAR ${(meta.har.bytes / 1048576).toFixed(1)} MB (10,000 entries); corpus ${(meta.bytes / 1048576).toFixed(1)} MB in ${meta.files} files, ${meta.planted.length} planted keys; subset ${(meta.subsetBytes / 1048576).toFixed(1)} MB`);
}
