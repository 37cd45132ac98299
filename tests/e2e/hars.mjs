// HAR files the panel tests import: a "ticket" HAR made of golden fixtures, a hostile HAR whose
// every field tries to break out of text, and a big HAR (10,000 requests) for the virtual list.
// Everything is built at run time; nothing secret-shaped is spelled out in this file.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const TICKET_FIXTURES = [
  'midtrans_sandbox_key_on_production.har',
  'midtrans_production_key_on_sandbox.har',
  'expired_jwt.har',
  'healthy_control.har',
];

/** The credentials an entry sends in Authorization (decoded for Basic), for leak checks. */
function authorizationSecrets(entry) {
  const out = [];
  for (const h of entry.request?.headers ?? []) {
    if (String(h.name).toLowerCase() !== 'authorization') continue;
    const [scheme, ...rest] = String(h.value).split(' ');
    const value = rest.join(' ').trim();
    if (value.length < 16) continue;
    out.push(value);
    if (scheme.toLowerCase() === 'basic') {
      const user = Buffer.from(value, 'base64').toString('utf8').replace(/:.*$/s, '');
      if (user.length >= 16) out.push(user);
    } else if (value.split('.').length === 3) {
      out.push(value.split('.')[2]); // a JWT's signature
    }
  }
  return out;
}

/**
 * Several golden fixtures in one HAR, as QA would attach it to a ticket. `secrets` are the raw
 * credentials in it, which the panel and every export must never show.
 */
export function ticketHar() {
  const entries = TICKET_FIXTURES.flatMap((name) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')).log.entries);
  return {
    name: 'ticket-4711 checkout fails.har',
    text: JSON.stringify({ log: { version: '1.2', creator: { name: 'authlens e2e', version: '1' }, entries } }, null, 1),
    entries: entries.length,
    unauthorized: entries.filter((e) => e.response?.status === 401).length,
    secrets: [...new Set(entries.flatMap(authorizationSecrets))],
  };
}

const RLO = '\u202e';
const LRI = '\u2066';

function hostileEntry(i, origin, { url, requestHeaders = [], status = 401, responseHeaders = [], body = '', postData }) {
  return {
    startedDateTime: new Date(Date.UTC(2026, 10, 23, 9, 0, i)).toISOString(),
    time: 12,
    request: {
      method: i === 3 ? `POST<img src=${origin}/__pwned?method>` : 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      headers: requestHeaders.map(([name, value]) => ({ name, value })),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      ...(postData ? { postData } : {}),
    },
    response: {
      status,
      statusText: '<b>Unauthorized</b>',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }, ...responseHeaders.map(([name, value]) => ({ name, value }))],
      cookies: [],
      content: { size: body.length, mimeType: 'application/json', text: body },
      redirectURL: '',
      headersSize: -1,
      bodySize: body.length,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
  };
}

/**
 * Hostile values in headers, URLs and bodies: HTML and script, javascript: URLs, images that
 * would call `${origin}/__pwned` if anything were parsed as HTML, very long strings, control and
 * bidi-override characters. `marker` is a word every hostile row contains (to filter on).
 */
export function hostileHar(origin) {
  const pwn = (tag) => `<img src="${origin}/__pwned?${tag}" onerror="window.__pwned='${tag}'">`;
  const script = `<script>window.__pwned='script'</script>`;
  const long = 'A'.repeat(60_000);
  const word = 'x'.repeat(3000); // one unbreakable word
  const entries = [
    hostileEntry(0, origin, {
      url: `https://hostile.example/zz-hostile/${encodeURIComponent(pwn('url'))}/${word}?q=${script}`,
      requestHeaders: [['Authorization', `Bearer ${pwn('auth')}`], ['X-Note', `${RLO}gnp.exe${LRI} ${script}`]],
      responseHeaders: [['WWW-Authenticate', `Bearer realm="${pwn('realm')}", error="invalid_token", error_description="${RLO}expired ${script}"`]],
      body: JSON.stringify({ error: 'invalid_token', error_description: `zz-hostile ${pwn('body')} ${script} javascript:alert(1) ${RLO}txt.exe` }),
    }),
    hostileEntry(1, origin, {
      url: `https://hostile.example/zz-hostile/long/${long}`,
      requestHeaders: [['Authorization', `Basic ${Buffer.from(`${pwn('basic')}:${long}`).toString('base64')}`]],
      body: JSON.stringify({ message: `zz-hostile ${long} https://docs.example.test/a_(b) javascript:alert(2)` }),
    }),
    hostileEntry(2, origin, {
      url: `https://hostile.example/zz-hostile/ctrl/\u0000\u0007\u001b[31mred\u001b[0m/\r\n/${RLO}moc.elpmaxe`,
      requestHeaders: [['Authorization', 'Bearer \u0000\u001b[2J\u202e'], ['Cookie', `session=${script}`]],
      body: `{"error":"zz-hostile \\u0000 \\u001b[31m ${RLO} line1\\nline2\\r\\nline3"}`,
    }),
    hostileEntry(3, origin, {
      url: `javascript:alert(document.domain)//zz-hostile`,
      requestHeaders: [['Authorization', 'Bearer javascript:alert(3)']],
      body: JSON.stringify({ error: `zz-hostile ${pwn('js-url')}` }),
    }),
    hostileEntry(4, origin, {
      url: `https://hostile.example/zz-hostile/post`,
      requestHeaders: [['Content-Type', 'application/json'], ['Authorization', `Bearer ${'e'.repeat(20)}.${'f'.repeat(20)}.${'g'.repeat(20)}`]],
      postData: { mimeType: 'application/json', text: JSON.stringify({ api_key: pwn('post'), note: script }) },
      status: 403,
      body: JSON.stringify({ message: `zz-hostile forbidden ${pwn('403')} see https://evil.example.test/${RLO}"onmouseover="alert(4)` }),
    }),
  ];
  return {
    name: `hostile <img src=x onerror=alert(1)> ${RLO}rah.exe.har`,
    text: JSON.stringify({ log: { version: '1.2', creator: { name: script, version: '1' }, entries } }),
    entries: entries.length,
    marker: 'zz-hostile',
  };
}

/** `n` requests over a few hosts and endpoints: every 10th a 401, every 17th a 403. */
export function bigHar(n = 10_000) {
  const entries = [];
  for (let i = 0; i < n; i++) {
    const status = i % 10 === 0 ? 401 : i % 17 === 0 ? 403 : 200;
    entries.push({
      startedDateTime: new Date(Date.UTC(2026, 10, 23, 10, 0, 0) + i * 100).toISOString(),
      time: 5,
      request: {
        method: i % 3 ? 'GET' : 'POST',
        url: `https://api${i % 7}.example.test/v1/orders/${100000 + i}/items?page=${i % 5}`,
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Authorization', value: 'Bearer undefined' }, { name: 'Accept', value: 'application/json' }],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: status === 401 ? [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }] : [],
        cookies: [],
        content: { size: 20, mimeType: 'application/json', text: status === 401 ? '{"error":"invalid_token"}' : '{"ok":true}' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 20,
      },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    });
  }
  return {
    name: `load-${n}.har`,
    text: JSON.stringify({ log: { version: '1.2', creator: { name: 'authlens e2e', version: '1' }, entries } }),
    entries: n,
    unauthorized: entries.filter((e) => e.response.status === 401).length,
  };
}
