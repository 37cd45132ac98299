// The panel, driven as a user would, in either browser. A driver (panel-chromium.mjs or
// panel-firefox.mjs) clicks, presses keys, uploads files and evaluates functions in the panel's
// document; this module says what to do and what must be shown. Functions given to
// driver.evaluate/waitFor run inside the panel: they may use only their arguments, `window` and
// `document`.

import { BUNDLE_PATH, buildScenarios } from './scenarios.mjs';
import { bigHar, hostileHar, ticketHar } from './hars.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const short = (v, n = 300) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s && s.length > n ? `${s.slice(0, n)}…` : s;
};

// ---- functions evaluated in the panel ----------------------------------------------------------

/** The rendered rows of the list. */
function readRows() {
  return [...document.querySelectorAll('#rows .row')].map((row) => {
    const cell = (c) => (row.querySelector(`.${c}`)?.textContent ?? '').trim();
    return {
      seq: Number(row.dataset.seq),
      classes: row.className,
      selected: row.getAttribute('aria-selected') === 'true',
      index: Number(row.getAttribute('aria-rowindex')),
      method: cell('c-method'),
      path: cell('c-path'),
      status: cell('c-status'),
      provider: cell('c-provider'),
      env: cell('c-env'),
      diag: cell('c-diag'),
    };
  });
}

/** Everything the panel shows or carries in attributes (titles, data-*), as one string. */
function allText() {
  const parts = [document.body.textContent];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) parts.push(attr.value);
  }
  for (const el of document.querySelectorAll('textarea, input')) parts.push(el.value);
  return parts.join('\n');
}

function detailsText() {
  const d = document.querySelector('#details');
  return d && !d.hidden ? d.textContent : null;
}

/** Elements and attributes that only HTML parsing of page data could have produced. */
function dangerousMarkup() {
  const tags = 'script, img, iframe, frame, object, embed, svg, math, style, link, meta, base, form, video, audio, source, picture';
  const elements = [...document.querySelectorAll(tags)].map((el) => el.outerHTML.slice(0, 120));
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name) || attr.name === 'style' && /url\(|expression/i.test(attr.value)) handlers.push(`${el.localName} ${attr.name}`);
    }
  }
  const badLinks = [...document.querySelectorAll('a[href]')]
    .filter((a) => !/^https?:$/.test(new URL(a.href, 'http://x.invalid/').protocol) || a.rel !== 'noopener noreferrer' || a.target !== '_blank')
    .map((a) => a.getAttribute('href').slice(0, 80));
  return { elements, handlers, badLinks, pwned: window.__pwned ?? null };
}

/** Horizontal overflow of the page and of the scrolling areas (px beyond their width). */
function overflow() {
  const over = (el) => (el && !el.hidden ? Math.max(0, el.scrollWidth - el.clientWidth) : 0);
  return {
    page: Math.max(over(document.documentElement), over(document.body)),
    list: over(document.querySelector('#list')),
    details: over(document.querySelector('#details')),
    toolbar: over(document.querySelector('.toolbar')),
    banner: over(document.querySelector('#banner')),
  };
}

function setSelect(selector, value) {
  const el = document.querySelector(selector);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return el.value === value;
}

function probe() {
  const p = window.__authlensProbe;
  return p ? { copies: p.copies.slice(), downloads: p.downloads.map((d) => ({ filename: d.filename, mime: d.mime, length: d.text.length })) } : null;
}

/** Drop a file on the panel as a file manager would: dragenter, dragover, drop with a DataTransfer. */
function dropFile(name, text) {
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'application/json' }));
  const target = document.querySelector('#list');
  const fire = (type) => {
    const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  };
  const entered = fire('dragenter');
  const overlay = !document.querySelector('#drop-overlay').hidden;
  const over = fire('dragover');
  const dropped = fire('drop');
  return { entered, overlay, over, dropped, overlayAfter: !document.querySelector('#drop-overlay').hidden };
}

function probeDownload(index) {
  const p = window.__authlensProbe;
  return p ? (p.downloads[index] ?? null) : null;
}

// ---- the user flow -------------------------------------------------------------------------------

/**
 * Drive the panel through the whole user flow and record checks. `hooks`:
 * - `screenshot(name)` after the Midtrans request is opened (light theme, live traffic);
 * - `reload()` reloads the inspected page (for "Preserve log"); without it that part is skipped;
 * - `snapshot(name)` at a few more moments (the rate table, hostile data, 10,000 rows), for people
 *   to look at (tests/e2e/out/ only).
 */
export async function checkPanelUi({ driver, checks, server, deadline, hooks = {} }) {
  const scenarios = buildScenarios(server.origin, Math.floor(Date.now() / 1000));
  const liveSecrets = scenarios.flatMap((s) => s.secrets).filter(Boolean);
  const timeLeft = () => deadline - Date.now();
  const step = async (name, fn) => {
    if (timeLeft() < 3000) {
      checks.add(`${name}`, false, 'skipped: out of time');
      return;
    }
    try {
      await fn();
    } catch (e) {
      checks.add(`${name} (completed)`, false, short(e && e.message || e, 600));
    }
  };
  const rows = () => driver.evaluate(readRows);
  const waitRows = (n, timeout = 10_000) =>
    driver.waitFor((want) => document.querySelectorAll('#rows .row').length === want, { timeout }, n).catch(() => null);
  const noLeak = async (what, secrets) => {
    const text = await driver.evaluate(allText);
    const leaked = secrets.filter((s) => s && text.includes(s));
    checks.add(`${what} shows no raw credential (${secrets.length} checked)`, leaked.length === 0,
      leaked.map((s) => `${s.slice(0, 6)}…`).join(', '));
  };
  const mode = async (id) => {
    await driver.click(`#modes [data-mode="${id}"]`);
    await driver.waitFor((m) => document.querySelector(`#modes [data-mode="${m}"]`)?.getAttribute('aria-pressed') === 'true', {}, id);
    await sleep(50);
  };
  const exportAs = async (format) => {
    const before = (await driver.evaluate(probe))?.downloads.length ?? 0;
    await driver.click('#export');
    await driver.click(`#export-${format}`);
    await driver.waitFor((n) => (window.__authlensProbe?.downloads.length ?? 0) > n, { timeout: 20_000 }, before);
    const made = await driver.evaluate(probeDownload, before);
    const onDisk = await driver.download(made.filename, 15_000);
    return { ...made, onDisk };
  };
  const resetFilters = async () => {
    await driver.evaluate(setSelect, '#host-filter', '');
    await driver.evaluate(setSelect, '#env-filter', '');
    await driver.evaluate(() => {
      const f = document.querySelector('#filter');
      f.value = '';
      f.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await mode('problems');
  };
  // Closing the details with their × button: an Escape that reaches DevTools (focus outside the
  // panel) would open Chromium's console drawer.
  const closeDetails = async () => {
    if (await driver.evaluate(() => !document.querySelector('#details').hidden)) await driver.click('#details-close');
  };
  const focusList = () => driver.evaluate(() => {
    document.querySelector('#list').focus();
    return document.activeElement?.id;
  });

  const probed = await driver.evaluate(probe);
  if (!checks.add('panel is an E2E build (test probe present)', probed, 'window.__authlensProbe is missing: the panel was not built with --e2e')) return;

  // ---- the live list ----
  await step('live list', async () => {
    await driver.waitFor(() => document.querySelectorAll('#rows .row').length >= 6 && document.querySelector('#count-401'), { timeout: 20_000 });
    const list = await rows();
    const paths = list.map((r) => r.path);
    const want = ['/snap/v1/transactions', '/v1/me', '/v1/orders', '/v1/orders/42', '/payments', BUNDLE_PATH];
    checks.add('list shows the 5 failed requests and the bundle that ships a key (Problems view)', want.every((p) => paths.includes(p)) && list.length === 6,
      `rows: ${short(paths)}`);
    checks.add('healthy request is not in the Problems view', !paths.includes('/api/ok'));
    const counts = await driver.evaluate(() => [document.querySelector('#count-401')?.dataset.count, document.querySelector('#count-keys')?.dataset.count,
      document.querySelector('#count-auth')?.dataset.count]);
    checks.add('header badges: 5 auth failures (4 × 401, one 403), 3 exposed keys (distinct secrets)', counts[0] === '4' && counts[1] === '3' && counts[2] === '5', `badges ${short(counts)}`);
    const cells = await driver.evaluate(() => [...document.querySelectorAll('#rows .row')].map((r) => ({
      status: r.querySelector('.c-status')?.title ?? '', time: r.querySelector('.c-time')?.textContent ?? '',
    })));
    checks.add('every status cell has a tooltip, and rows show a time relative to the first request', cells.length > 0
      && cells.every((c) => /^HTTP \d+|No response|Never sent/.test(c.status) && /^\d+(\.\d+)? (ms|s)$|min/.test(c.time)), short(cells));
    const mt = list.find((r) => r.path === '/snap/v1/transactions');
    checks.add('Midtrans row: method, status, provider, environment, top cause', mt && mt.method === 'POST' && mt.status === '401'
      && mt.provider.toLowerCase() === 'midtrans' && mt.env === 'production' && mt.diag.includes('environment_mismatch'), short(mt));
    checks.add('Midtrans row is coloured as a cause with a high-severity exposed key', mt && /tone-cause/.test(mt.classes) && /edge-high/.test(mt.classes)
      && /high/i.test(mt.diag), short(mt?.classes));
    // The E2E build restarted its engine before the last scenario (as after a wasm trap).
    const restart = await driver.waitFor(() => {
      const n = document.querySelector('#restart-notice');
      return n && !document.querySelector('#alerts').hidden && n.textContent;
    }, { timeout: 10_000 }).catch(() => null);
    checks.add('after an engine restart the panel says so once, and keeps what it listed', /was restarted/.test(restart ?? '') && list.length === 6, short(restart));
    await driver.click('#restart-notice button');
    const gone = await driver.waitFor(() => !document.querySelector('#restart-notice')).catch(() => false);
    checks.add('the restart notice can be dismissed', gone === true, await driver.evaluate(() => document.querySelector('#alerts').textContent));
    const me = list.find((r) => r.path === '/v1/me');
    checks.add('Bearer undefined row shows placeholder_credentials', me && me.diag.includes('placeholder_credentials'), short(me));
    await noLeak('list', liveSecrets);
  });

  // ---- filters ----
  await step('filters', async () => {
    await mode('all');
    let list = await rows();
    checks.add('"All" lists every request, the healthy one included', list.some((r) => r.path === '/api/ok') && list.length >= 6,
      `${list.length} rows: ${short(list.map((r) => `${r.method} ${r.path}`))}`);
    const ordered = await driver.evaluate(() => [...document.querySelectorAll('#rows .row')].map((r) => r.querySelector('.c-time')?.getAttribute('title') ?? ''));
    checks.add('"All" lists requests in start order', ordered.every((t, i) => i === 0 || ordered[i - 1] <= t), short(ordered));
    const shownAll = await driver.evaluate(() => document.querySelector('#shown-of').hidden);
    await mode('auth');
    list = await rows();
    checks.add('"401/403" lists the 4 responses with status 401 and the one with 403', list.length === 5 && list.filter((r) => r.status === '401').length === 4
      && list.filter((r) => r.status === '403').length === 1, short(list.map((r) => r.path)));
    const shownOf = await driver.evaluate(() => !document.querySelector('#shown-of').hidden && document.querySelector('#shown-of').textContent);
    checks.add('a filtered list says "n of m" (and the unfiltered one does not)', shownAll === true && /^5 of \d+$/.test(shownOf || ''), short({ shownAll, shownOf }));
    await mode('findings');
    list = await rows();
    checks.add('"Exposed keys" lists the Midtrans and Checkout.com requests and the bundle', list.length === 3
      && list.some((r) => r.path === '/snap/v1/transactions') && list.some((r) => r.path === '/payments') && list.some((r) => r.path === BUNDLE_PATH), short(list.map((r) => r.path)));
    const groups = await driver.evaluate(() => [...document.querySelectorAll('#rows .group-row')].map((g) => g.textContent));
    checks.add('"Exposed keys" groups by secret: a heading per secret with severity, rule, first place and count', groups.length === 3
      && groups.every((g) => /first seen .+ · 1 place/.test(g)) && groups.some((g) => /Midtrans/i.test(g)), short(groups));
    checks.add('"Exposed keys" rows name the secret and where it was, not only an id', list.every((r) => / · header Authorization.* · \//.test(r.diag)
      || /Stripe live secret key.* · main\.4e1f\.js:3:52/.test(r.diag)), short(list.map((r) => r.diag)));
    await mode('problems');

    // Text filter, reached with the "/" key.
    await focusList();
    await driver.press('/');
    const focused = await driver.evaluate(() => document.activeElement?.id);
    checks.add('"/" focuses the filter box', focused === 'filter', `focus on ${focused}`);
    await driver.type('checkout');
    await waitRows(1);
    list = await rows();
    checks.add('typing "checkout" leaves the Checkout.com request only', list.length === 1 && list[0].path === '/payments', short(list.map((r) => r.path)));
    await driver.press('Escape');
    await waitRows(6);
    const after = await driver.evaluate(() => [document.activeElement?.id, document.querySelector('#filter').value]);
    checks.add('Escape clears the filter and goes back to the list', after[0] === 'list' && after[1] === '' && (await rows()).length === 6, short(after));

    // Host and environment.
    const host = `api.example.test:${server.port}`;
    const hosts = await driver.evaluate(() => [...document.querySelectorAll('#host-filter option')].map((o) => o.value));
    checks.add('host menu lists the hosts seen', hosts.includes(host) && hosts.includes(`app.midtrans.com:${server.port}`), short(hosts));
    await driver.evaluate(setSelect, '#host-filter', host);
    list = await rows();
    checks.add(`host filter ${host.replace(/:\d+$/, ':PORT')} keeps its 3 failures`, list.length === 3 && list.every((r) => r.path.startsWith('/v1/')), short(list.map((r) => r.path)));
    await driver.evaluate(setSelect, '#host-filter', '');
    await driver.evaluate(setSelect, '#env-filter', 'production');
    list = await rows();
    checks.add('environment filter "production" keeps the Midtrans and Checkout.com requests', list.length === 2 && list.every((r) => r.env === 'production'), short(list.map((r) => r.path)));
    await resetFilters();
  });

  // ---- keyboard ----
  await step('keyboard', async () => {
    await focusList();
    await driver.press('Home');
    let list = await rows();
    checks.add('Home selects the first row', list[0]?.selected === true, short(list.map((r) => r.selected)));
    await driver.press('ArrowDown');
    list = await rows();
    const second = list[1];
    checks.add('ArrowDown moves the selection down', second?.selected === true && !list[0].selected, short(list.map((r) => r.selected)));
    const closed = await driver.evaluate(detailsText);
    await driver.press('Enter');
    const opened = await driver.waitFor(() => {
      const d = document.querySelector('#details');
      return d && !d.hidden && d.querySelector('.d-head .url')?.textContent;
    }).catch(() => null);
    checks.add('Enter opens the selected request', closed === null && typeof opened === 'string' && opened.endsWith(second?.path ?? '?'),
      `details before: ${short(closed)}, after: ${short(opened)}`);
    await driver.press('ArrowUp');
    const followed = await driver.waitFor((p) => {
      const u = document.querySelector('#details .d-head .url')?.textContent;
      return u && !u.endsWith(p) ? u : null;
    }, {}, second?.path ?? '?').catch(() => null);
    checks.add('the open details follow the selection (ArrowUp)', followed && followed.endsWith(list[0].path), short(followed));
    await driver.press('Escape');
    const gone = await driver.waitFor(() => document.querySelector('#details').hidden).catch(() => false);
    checks.add('Escape closes the details', gone === true);
  });

  // ---- details of the expired JWT ----
  await step('details: expired JWT', async () => {
    await driver.click('#rows .row[data-seq] .c-path[title$="/v1/orders"]');
    const text = await driver.waitFor(() => document.querySelector('#details:not([hidden]) .jwt')?.textContent, { timeout: 10_000 });
    checks.add('expired JWT: cause expired_token is shown', (await driver.evaluate(detailsText)).includes('expired_token'));
    checks.add('expired JWT: exp reads "expired 3 h ago" (relative to the request)', /expired 3 h ago/.test(text), short(text, 400));
    checks.add('expired JWT: iat reads "issued 4 h ago"', /issued 4 h ago/.test(text), short(text, 400));
    checks.add('expired JWT: aud and iss are shown', text.includes('aud') && text.includes('api') && text.includes('http://auth.example.test/'), short(text, 400));
    const cred = await driver.evaluate(() => {
      const card = document.querySelector('#details .card.credential');
      return card && { type: card.querySelector('.type-tag')?.textContent, scheme: card.querySelector('.auth-scheme')?.textContent, value: card.querySelector('.auth-value')?.textContent };
    });
    checks.add('expired JWT: Authorization broken into scheme Bearer and a redacted access token', cred && cred.scheme === 'Bearer'
      && /access token/.test(cred.type) && /redacted/.test(cred.value), short(cred));
    // "Learn more": the devtools page reads the text from docs.json beside the engine; the panel
    // shows it formatted (headings, lists, code as DOM nodes), without the fix list the card shows.
    const learn = '#details .card.cause[data-cause="expired_token"] .learn button';
    await driver.click(learn);
    const doc = await driver.waitFor(() => {
      const box = document.querySelector('#details .card.cause[data-cause="expired_token"] div.explain');
      if (!box || box.hidden || !box.querySelector('h4, h5')) return null;
      return { text: box.textContent, headings: [...box.querySelectorAll('h4, h5')].map((x) => x.textContent), code: box.querySelectorAll('code').length };
    }, { timeout: 10_000 });
    checks.add('expired JWT: "Learn more" shows expired_token\'s documentation formatted, without raw Markdown', doc.headings.includes('Why it happens')
      && doc.code > 0 && !/(^|\n)#|`/.test(doc.text), short(doc, 300));
    checks.add('expired JWT: "Learn more" does not repeat the fix list shown above it', !doc.headings.some((x) => /how to fix/i.test(x)), short(doc.headings));
    const fixes = await driver.evaluate(() => [...document.querySelectorAll('#details ol.fix li')].map((li) => ({ text: li.textContent, code: li.querySelectorAll('code').length })));
    checks.add('fix steps show code without literal backticks', fixes.length > 0 && fixes.every((f) => !f.text.includes('`')), short(fixes));
    await driver.click(learn);
  });

  // ---- what changed since it worked ----
  await step('what changed since it worked', async () => {
    await driver.click('#rows .row[data-seq] .c-path[title$="/v1/orders"]');
    const table = await driver.waitFor(() => {
      const rowsOf = [...document.querySelectorAll('#compare-table tbody tr')];
      if (!rowsOf.length) return null;
      return rowsOf.map((tr) => ({
        label: tr.dataset.label, differs: tr.classList.contains('differs'),
        failing: tr.cells[1]?.textContent ?? '', working: tr.cells[2]?.textContent ?? '',
        missing: [...tr.querySelectorAll('.name.missing')].map((n) => n.textContent),
      }));
    }, { timeout: 10_000 });
    const row = (label) => table.find((r) => r.label === label) ?? {};
    checks.add('what changed: the 401 is put beside the 200 to the same endpoint', row('Status').failing === '401' && row('Status').working === '200', short(row('Status')));
    checks.add('what changed: the JWT had expired at the failure and was valid when it worked (marked ≠)', row('JWT exp').differs
      && /^expired/.test(row('JWT exp').failing) && /^expires in/.test(row('JWT exp').working), short(row('JWT exp')));
    checks.add('what changed: the header missing from the failure is named (x-tenant), values never shown', row('Headers').differs
      && row('Headers').missing.includes('x-tenant') && !/shop-1/.test(JSON.stringify(table)), short(row('Headers')));
    checks.add('what changed: unchanged facts are not marked', row('Credential').differs === false && row('Host').differs === false, short([row('Credential'), row('Host')]));
    await noLeak('what changed', liveSecrets);
    await hooks.picture?.('what-changed-light');
    // The column of the request that worked is a link to it.
    await driver.click('#compare-table thead .entry-link');
    const picked = await driver.waitFor(() => {
      const sel = document.querySelector('#rows .row[aria-selected="true"]');
      return sel && sel.querySelector('.c-status')?.textContent === '200' && sel.querySelector('.c-path')?.textContent;
    }, { timeout: 10_000 }).catch(() => null);
    checks.add('what changed: the link selects the request that worked', picked === '/v1/orders?page=1', short(picked));
    await closeDetails();
    await resetFilters();
  });

  // ---- evidence that refers to another request ----
  await step('evidence links', async () => {
    await driver.click('#rows .row .c-path[title$="/v1/orders/42"]');
    const link = await driver.waitFor(() => {
      const a = document.querySelector('#details:not([hidden]) .card.cause ul.evidence .entry-link');
      return a && { text: a.textContent, line: a.closest('li').textContent };
    }, { timeout: 10_000 });
    checks.add('the 403: evidence "the same credential succeeded at entry #N" is a link', /^entry #\d+$/.test(link.text) && /succeeded at entry #\d+/.test(link.line), short(link));
    await driver.click('#details .card.cause ul.evidence .entry-link');
    const picked = await driver.waitFor(() => {
      const sel = document.querySelector('#rows .row[aria-selected="true"]');
      return sel && sel.querySelector('.c-path')?.textContent !== '/v1/orders/42' && { path: sel.querySelector('.c-path')?.textContent, status: sel.querySelector('.c-status')?.textContent };
    }, { timeout: 10_000 }).catch(() => null);
    checks.add('clicking it selects that request (the 200 to /v1/orders)', picked?.path === '/v1/orders?page=1' && picked?.status === '200', short(picked));
    await closeDetails();
    await resetFilters();
  });

  // ---- a key shipped in a bundle: Open in Sources ----
  await step('open in sources', async () => {
    await mode('findings');
    await driver.click(`#rows .row .c-path[title$="${BUNDLE_PATH}"]`);
    const card = await driver.waitFor(() => {
      const c = document.querySelector('#details:not([hidden]) .card.finding');
      return c && {
        title: c.querySelector('.title')?.textContent ?? '',
        button: !!document.querySelector('#open-in-sources'),
        note: document.querySelector('#open-in-sources-note')?.textContent ?? null,
      };
    }, { timeout: 10_000 });
    checks.add('bundle finding names the secret and the place (file:line:column)', /^Stripe live secret key.* · main\.4e1f\.js:3:52$/.test(card.title), short(card));
    if (driver.browser === 'chromium') {
      const before = (await driver.evaluate(probe)).opened?.length ?? 0;
      await driver.click('#open-in-sources');
      const opened = await driver.waitFor((n) => (window.__authlensProbe.opened.length > n) && window.__authlensProbe.opened.at(-1), { timeout: 10_000 }, before);
      checks.add('Chromium: "Open in Sources" opens the bundle at its line and column (devtools.panels.openResource)', opened.ok === true, short(opened));
      const shown = await hooks.sourcesShown?.();
      if (shown !== undefined) checks.add('Chromium: DevTools switched to the Sources panel', shown === true, short(shown));
      await hooks.showPanel?.();
    } else {
      checks.add('Firefox: no "Open in Sources" button; the panel says where to go instead', !card.button && /main\.4e1f\.js.+line 3, column 52/.test(card.note ?? ''), short(card));
    }
    await closeDetails();
    await resetFilters();
  });

  // ---- details of the Midtrans request, cURL, copy ----
  let curlShown = null;
  await step('details: Midtrans', async () => {
    await driver.click('#rows .row .c-path[title$="/snap/v1/transactions"]');
    await driver.waitFor(() => document.querySelector('#details:not([hidden]) .card.cause'), { timeout: 10_000 });
    const d = await driver.evaluate(() => {
      const causes = [...document.querySelectorAll('#details .card.cause')].map((c) => ({
        id: c.dataset.cause, pct: c.querySelector('.pct')?.textContent, fix: c.querySelectorAll('ol.fix li').length, evidence: c.querySelectorAll('ul.evidence li').length,
      }));
      const links = [...document.querySelectorAll('#details a.ext')].map((a) => ({ href: a.href, text: a.textContent, target: a.target, rel: a.rel }));
      const creds = [...document.querySelectorAll('#details .card.credential')].map((c) => ({
        type: c.querySelector('.type-tag')?.textContent, env: c.querySelector('.env-tag')?.textContent, scheme: c.querySelector('.auth-scheme')?.textContent, value: c.querySelector('.auth-value')?.textContent,
      }));
      const findings = [...document.querySelectorAll('#details .card.finding')].map((c) => c.textContent);
      return { causes, links, creds, findings };
    });
    const top = d.causes[0];
    checks.add('Midtrans: causes ranked, environment_mismatch first with its confidence', top && top.id === 'environment_mismatch' && /^\d+%$/.test(top.pct ?? '')
      && d.causes.length >= 1, short(d.causes));
    checks.add('Midtrans: evidence and numbered fix steps', top && top.evidence > 0 && top.fix > 0, short(top));
    const safe = d.links.every((l) => /^https?:\/\//.test(l.href) && l.target === '_blank' && l.rel === 'noopener noreferrer' && l.href.startsWith(l.text.replace(/\/$/, '')));
    checks.add('Midtrans: provider docs are links (http(s) only, new tab, noopener noreferrer)', d.links.some((l) => l.href.startsWith('https://docs.midtrans.com/')) && safe,
      short(d.links));
    const basic = d.creds.find((c) => c.scheme === 'Basic');
    checks.add('Midtrans: credential labelled from its machine fields (Midtrans sandbox secret key), Basic, redacted', basic
      && basic.type === 'Midtrans sandbox secret key' && basic.env === 'sandbox' && /redacted/.test(basic.value), short(d.creds));
    checks.add('Midtrans: the exposed key is listed as a finding', d.findings.some((f) => /secret_key_exposed/.test(f) && /high/i.test(f)), short(d.findings));
    curlShown = await driver.waitFor(() => {
      const t = document.querySelector('#curl-text')?.textContent;
      return t && t.includes('curl') ? t : null;
    }, { timeout: 10_000 });
    checks.add('Midtrans: cURL reproduction uses environment variables that fail loudly when unset, not the key', /# set first: export [A-Z_]+=/.test(curlShown)
      && /\$\{MIDTRANS_SERVER_KEY:\?set MIDTRANS_SERVER_KEY\}/.test(curlShown) && !/\$\{[A-Z_]+\}/.test(curlShown)
      && !liveSecrets.some((s) => curlShown.includes(s)), short(curlShown, 400));
    checks.add('Midtrans: the cURL section explains the variables', await driver.evaluate(() => document.querySelector('#curl-note')?.hidden === false));
    await noLeak('details pane', liveSecrets);

    if (hooks.screenshot) await hooks.screenshot('light');

    const before = (await driver.evaluate(probe)).copies.length;
    await driver.click('#copy-curl');
    const copies = await driver.waitFor((n) => window.__authlensProbe.copies.length > n && window.__authlensProbe.copies, { timeout: 10_000 }, before);
    const copy = copies[copies.length - 1];
    checks.add(`"Copy as cURL" copies the command shown (via ${copy.method})`, copy.text === curlShown && ['clipboard', 'exec-command', 'shown'].includes(copy.method),
      short(copy));
    if (copy.method === 'shown') {
      const box = await driver.evaluate(() => !document.querySelector('#copy-box').hidden && document.querySelector('#copy-text').value);
      checks.add('clipboard blocked: the command is shown selected for Ctrl+C', box === curlShown, short(box));
      await driver.press('Escape');
    } else {
      const clip = await driver.readClipboard();
      if (clip === null) checks.info('the system clipboard could not be read back in this browser');
      else checks.add('the system clipboard holds the cURL command', clip === curlShown, short(clip));
    }

    // Where DevTools blocks navigator.clipboard: the textarea + execCommand fallback, and when that
    // is refused too, the text shown selected for Ctrl+C.
    const block = (alsoExec) => {
      window.navigator.clipboard.writeText = () => Promise.reject(new DOMException('blocked by permissions policy', 'NotAllowedError'));
      if (alsoExec) document.execCommand = () => false;
      return true;
    };
    const unblock = () => {
      delete window.navigator.clipboard.writeText;
      delete document.execCommand;
      return true;
    };
    const copyOnce = async () => {
      const n = (await driver.evaluate(probe)).copies.length;
      await driver.click('#copy-curl');
      const all = await driver.waitFor((k) => window.__authlensProbe.copies.length > k && window.__authlensProbe.copies, { timeout: 10_000 }, n);
      return all[all.length - 1];
    };
    try {
      const marker = 'authlens e2e: clipboard before the fallback copy';
      const marked = (await driver.writeClipboard(marker)) && (await driver.readClipboard()) === marker;
      await driver.evaluate(block, false);
      const viaExec = await copyOnce();
      checks.add('clipboard API blocked: the execCommand fallback copies the command', viaExec.method === 'exec-command' && viaExec.text === curlShown, short(viaExec));
      const clip = await driver.readClipboard();
      if (clip !== null && marked) checks.add('the system clipboard holds the command copied by the fallback', clip === curlShown, short(clip));
      else checks.info('the clipboard could not be reset and read back to check the fallback copy');
      await driver.evaluate(block, true);
      const shown = await copyOnce();
      const box = await driver.evaluate(() => {
        const area = document.querySelector('#copy-text');
        return {
          visible: !document.querySelector('#copy-box').hidden, value: area.value,
          selected: document.activeElement === area && area.selectionStart === 0 && area.selectionEnd === area.value.length,
        };
      });
      checks.add('both refused: the command is shown, selected, for Ctrl+C', shown.method === 'shown' && box.visible && box.value === curlShown && box.selected, short({ shown, box }));
      await driver.press('Escape');
      const closed = await driver.waitFor(() => document.querySelector('#copy-box').hidden).catch(() => false);
      checks.add('Esc closes the copy box', closed === true);
    } finally {
      await driver.evaluate(unblock).catch(() => {});
    }
  });

  // ---- 401 rate by endpoint and environment ----
  await step('401 rate table', async () => {
    await driver.click('#tab-rates');
    await driver.waitFor(() => document.querySelector('#rates-table tbody tr'));
    const table = await driver.evaluate(() => [...document.querySelectorAll('#rates-table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    const mt = table.find((r) => r[0].endsWith('/snap/v1/transactions'));
    checks.add('rate table: Midtrans endpoint, production, 1 request, 1 × 401, 100%', mt && mt[1] === 'production' && mt[2] === '1' && mt[3] === '1' && mt[5] === '100%',
      short(table));
    checks.add('rate table follows the status filter: in "Problems" only endpoints with problems are listed', !table.some((r) => r[0].endsWith('/api/ok')), short(table.map((r) => r[0])));
    await mode('all');
    await driver.click('#tab-rates');
    await driver.waitFor(() => [...document.querySelectorAll('#rates-table tbody tr')].some((tr) => tr.dataset.endpoint.endsWith('/api/ok')));
    const allTable = await driver.evaluate(() => [...document.querySelectorAll('#rates-table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    const ok = allTable.find((r) => r[0].endsWith('/api/ok'));
    checks.add('rate table under "All": the healthy endpoint has a 0% rate', ok && ok[3] === '0' && ok[5] === '0%', short(ok));
    const orders = allTable.find((r) => r[0].endsWith('/v1/orders'));
    checks.add('rate table: /v1/orders counts the request that worked and the one that failed (2, 1 × 401, 50%)', orders && orders[2] === '2' && orders[3] === '1' && orders[5] === '50%', short(orders));
    checks.add('rate table lists fetch/XHR only by default (no page document, no script)', !allTable.some((r) => (/\/$|\/index/.test(r[0]) && !r[0].includes('/v1/')) || /\.m?js$/.test(r[0]))
      && await driver.evaluate(() => document.querySelector('#rates-api-only').checked),
      short(allTable.map((r) => r[0])));
    await mode('problems');
    await driver.click('#tab-rates');
    await driver.waitFor(() => document.querySelector('#rates-table tbody tr'));
    const sorted = table.every((r, i) => i === 0 || Number(table[i - 1][3]) >= Number(r[3]));
    checks.add('rate table is sorted by 401s', sorted, short(table.map((r) => r[3])));
    await hooks.snapshot?.('rates');
    await driver.click('#rates-table tbody tr[data-endpoint$="/snap/v1/transactions"]');
    await waitRows(1);
    const list = await rows();
    const chip = await driver.evaluate(() => !document.querySelector('#endpoint-chip').hidden && document.querySelector('#endpoint-chip').textContent);
    checks.add('clicking an endpoint lists its requests (as counted: no preflight)', list.length === 1 && list[0].path === '/snap/v1/transactions'
      && list[0].method === 'POST' && (await driver.evaluate(() => !document.querySelector('#list-pane').hidden)) && /snap\/v1\/transactions/.test(chip || ''),
      short({ list, chip }));
    await driver.click('#endpoint-clear');
    await driver.waitFor(() => document.querySelector('#endpoint-chip').hidden);
    await resetFilters();
  });

  // ---- narrow and wide DevTools ----
  await step('layouts: 500 × 800 and 1400 × 400', async () => {
    if (!driver.resize) {
      checks.info('this driver cannot resize the panel');
      return;
    }
    const measure = () => {
      const rect = (sel) => {
        const el = document.querySelector(sel);
        if (!el || el.hidden) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
      };
      const url = document.querySelector('#details .d-head .url');
      return {
        width: window.innerWidth, height: window.innerHeight,
        list: rect('#list-pane'), details: rect('#details'), splitter: rect('#splitter'),
        firstCause: rect('#details .card.cause .title'),
        urlBreaks: url ? url.querySelectorAll('wbr').length : 0,
        urlWrap: url ? getComputedStyle(url).wordBreak : null,
        rows: document.querySelectorAll('#rows .row').length,
      };
    };
    // Narrow: DevTools docked right.
    await driver.resize(500, 800);
    await driver.waitFor(() => window.innerWidth <= 520 && window.innerWidth >= 380, { timeout: 5000 });
    await driver.click('#rows .row[data-seq] .c-path[title$="/v1/orders"]');
    await driver.waitFor(() => !document.querySelector('#details').hidden);
    await sleep(150);
    let m = await driver.evaluate(measure);
    checks.info(`narrow panel ${m.width} × ${m.height}`);
    checks.add('500 × 800: the details go under the list, with a splitter, and both stay usable', m.details && m.list && m.splitter
      && m.details.top >= m.list.bottom - 1 && m.details.height >= 200 && m.list.height >= 3 * 21 + 21, short(m));
    checks.add('500 × 800: URLs break at "/", never mid-word', m.urlBreaks > 2 && m.urlWrap !== 'break-all', short({ breaks: m.urlBreaks, wrap: m.urlWrap }));
    let o = await driver.evaluate(overflow);
    checks.add('500 × 800: nothing overflows sideways (page, list, details, toolbar)', Object.values(o).every((v) => v <= 1), short(o));
    // The splitter: keys move it, and the size is kept for the DevTools session.
    await driver.evaluate(() => document.querySelector('#splitter').focus());
    await driver.press('ArrowUp', 2);
    await sleep(150);
    const grown = await driver.evaluate(measure);
    const kept = await driver.evaluate(() => JSON.parse(sessionStorage.getItem('authlens.split') || 'null'));
    checks.add('the list/details split is resizable (ArrowUp on the splitter grows the details) and kept in the session', grown.details.height > m.details.height + 20
      && kept && kept.stacked > 0.55, short({ before: m.details.height, after: grown.details.height, kept }));
    await hooks.picture?.('narrow-light');
    // The rate table at 500 px: the endpoint column keeps its room.
    await driver.click('#tab-rates');
    await driver.waitFor(() => document.querySelector('#rates-table tbody tr'));
    const cols = await driver.evaluate(() => {
      const table = document.querySelector('#rates-table');
      return { table: table.getBoundingClientRect().width,
        endpoints: [...table.querySelectorAll('tbody td.r-endpoint')].map((td) => ({ w: td.getBoundingClientRect().width, text: td.textContent })) };
    });
    checks.add('500 × 800: the 401-rate table keeps its Endpoint column readable', cols.endpoints.length > 0
      && cols.endpoints.every((e) => e.w >= cols.table * 0.3 && e.text.length > 0), short(cols));
    o = await driver.evaluate(overflow);
    checks.add('500 × 800: the rate table does not overflow', Object.values(o).every((v) => v <= 1), short(o));
    // The narrowest the issue asks for: 400 px, the rate table and the list with details.
    await driver.resize(400, 800);
    await driver.waitFor(() => window.innerWidth <= 410, { timeout: 5000 });
    await sleep(150);
    const at400 = await driver.evaluate(() => {
      const table = document.querySelector('#rates-table');
      return { table: table.getBoundingClientRect().width,
        endpoints: [...table.querySelectorAll('tbody td.r-endpoint')].map((td) => td.getBoundingClientRect().width) };
    });
    o = await driver.evaluate(overflow);
    checks.add('400 px: the rate table keeps its Endpoint column and nothing overflows', at400.endpoints.length > 0
      && at400.endpoints.every((w) => w >= at400.table * 0.3) && Object.values(o).every((v) => v <= 1), short({ at400, o }));
    await driver.click('#tab-requests');
    await sleep(150);
    o = await driver.evaluate(overflow);
    const list400 = await driver.evaluate(() => [...document.querySelectorAll('#rows .row')].map((r) => ({
      path: r.querySelector('.c-path')?.getBoundingClientRect().width ?? 0, status: r.querySelector('.c-status')?.textContent ?? '' })));
    checks.add('400 px: the list and the details stay readable (path column shown, no sideways overflow)', list400.length > 0
      && list400.every((r) => r.path >= 60 && r.status) && Object.values(o).every((v) => v <= 1), short({ list400, o }));
    // Wide and short: DevTools docked at the bottom.
    await driver.resize(1400, 400);
    await driver.waitFor(() => window.innerWidth >= 1300, { timeout: 5000 });
    await sleep(150);
    m = await driver.evaluate(measure);
    checks.info(`wide panel ${m.width} × ${m.height}`);
    checks.add('1400 × 400: the details sit beside the list, the first cause in view, several rows listed', m.details && m.list
      && m.details.left >= m.list.right - 1 && m.firstCause && m.firstCause.bottom <= m.details.bottom && m.rows >= 4, short(m));
    o = await driver.evaluate(overflow);
    checks.add('1400 × 400: nothing overflows sideways', Object.values(o).every((v) => v <= 1), short(o));
    await closeDetails();
    await driver.resize(null);
    await resetFilters();
  });

  // ---- exports of live traffic ----
  await step('exports (live)', async () => {
    const md = await exportAs('markdown');
    const text = md.onDisk ?? md.text;
    checks.add(`Markdown export downloads ${md.filename.replace(/\d{8}-\d{6}/, 'DATE')}`, /^authlens-\d{8}-\d{6}-report\.md$/.test(md.filename) && md.onDisk !== null,
      md.onDisk === null ? `no file arrived (downloaded: ${short(driver.listDownloads())})` : '');
    checks.add('Markdown report names the causes and carries no raw credential', text.startsWith('# authlens report') && text.includes('environment_mismatch')
      && !liveSecrets.some((s) => text.includes(s)), short(text, 200));
    const json = await exportAs('json');
    let parsed = null;
    try {
      parsed = JSON.parse(json.onDisk ?? json.text);
    } catch { /* judged below */ }
    checks.add('JSON report downloads and parses', json.onDisk !== null && parsed?.tool === 'authlens' && Array.isArray(parsed.entries) && parsed.entries.length >= 5,
      short(json.onDisk ?? json.text, 200));
    checks.add('JSON report carries no raw credential', !liveSecrets.some((s) => (json.onDisk ?? json.text).includes(s)));
    const har = await exportAs('har');
    let doc = null;
    try {
      doc = JSON.parse(har.onDisk ?? har.text);
    } catch { /* judged below */ }
    checks.add('redacted HAR downloads and is a HAR', har.onDisk !== null && /-redacted\.har$/.test(har.filename) && doc?.log?.creator?.name === 'authlens'
      && Array.isArray(doc.log.entries) && doc.log.entries.length >= 5, short(har.onDisk ?? har.text, 200));
    const harText = har.onDisk ?? har.text;
    const auth = (doc?.log?.entries ?? []).flatMap((e) => e.request.headers.filter((h) => /^authorization$/i.test(h.name)).map((h) => h.value));
    // A placeholder such as `Bearer undefined` carries no secret and is kept (it is the bug itself).
    checks.add('redacted HAR: no raw credential, Authorization values redacted', !liveSecrets.some((s) => harText.includes(s))
      && auth.length > 0 && auth.every((v) => /redacted/.test(v) || /^(Bearer|Basic) (undefined|null)$/.test(v)), short(auth));
  });

  // ---- import a HAR from a ticket ----
  const ticket = ticketHar();
  await step('import a HAR', async () => {
    await driver.upload('#import-file', { name: ticket.name, text: ticket.text });
    const banner = await driver.waitFor(() => {
      const b = document.querySelector('#banner');
      return b && !b.hidden && /analysed offline/.test(b.textContent) ? b.textContent : null;
    }, { timeout: 20_000 });
    checks.add('imported file is labelled with its name and size', banner.includes(ticket.name) && banner.includes(`${ticket.entries} requests analysed offline`), short(banner));
    const counts = await driver.evaluate(() => document.querySelector('#count-401')?.dataset.count);
    checks.add(`imported session counts its own 401s (${ticket.unauthorized})`, counts === String(ticket.unauthorized), `badge ${counts}`);
    const list = await rows();
    checks.add('imported requests are listed', list.some((r) => r.path === '/snap/v1/transactions') && list.some((r) => /\/v2\/order-1001\/status/.test(r.path))
      && list.some((r) => r.path === '/v1/orders'), short(list.map((r) => r.path)));
    await noLeak('imported session', ticket.secrets);
    await driver.click('#rows .row .c-path[title$="/v2/order-1001/status"]');
    const curl = await driver.waitFor(() => {
      const t = document.querySelector('#curl-text')?.textContent;
      return t && t.includes('curl') ? t : null;
    }, { timeout: 10_000 });
    const d = await driver.evaluate(detailsText);
    checks.add('imported request: explained (environment_mismatch, sandbox) with a cURL reproduction', d.includes('environment_mismatch') && d.includes('sandbox')
      && /\$\{[A-Z_]+:\?set [A-Z_]+\}/.test(curl) && !ticket.secrets.some((s) => curl.includes(s)), short(curl, 300));
    // The ticket's expired-JWT failure against the live session, where /v1/orders worked.
    await driver.click('#rows .row .c-path[title$="/v1/orders"]');
    const vsLive = await driver.waitFor(() => {
      const section = document.querySelector('#what-changed');
      return section && section.querySelector('#compare-table') && section.textContent;
    }, { timeout: 10_000 }).catch(() => driver.evaluate(() => document.querySelector('#what-changed')?.textContent ?? null));
    checks.add('imported failure: "What changed since it worked" compares it with the live session', typeof vsLive === 'string' && /in the live session/.test(vsLive) && /JWT exp/.test(vsLive), short(vsLive, 300));
    await driver.click('#tab-rates');
    const table = await driver.evaluate(() => [...document.querySelectorAll('#rates-table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    checks.add('imported rate table collapses ids (api.sandbox.midtrans.com/v2/{id}/status, sandbox)', table.some((r) => r[0] === 'api.sandbox.midtrans.com/v2/{id}/status' && r[1] === 'sandbox'),
      short(table.map((r) => r[0])));
    await driver.click('#tab-requests');
    const md = await exportAs('markdown');
    checks.add('export from the import is named after the file', md.filename === 'ticket-4711_checkout_fails-report.md' && md.onDisk !== null, md.filename);
    const har = await exportAs('har');
    const leaked = ticket.secrets.filter((s) => (md.onDisk ?? md.text).includes(s) || (har.onDisk ?? har.text).includes(s));
    checks.add(`exports of the import carry no raw credential (${ticket.secrets.length} checked)`, leaked.length === 0, leaked.map((s) => s.slice(0, 6)).join(', '));
    await driver.click('#back-to-live');
    await driver.waitFor(() => document.querySelector('#banner').hidden && document.querySelector('#count-401')?.dataset.count === '4');
    checks.add('"Back to live traffic" shows the live requests again', (await rows()).length === 6);
  });

  // ---- a file that is not a HAR ----
  await step('import of a file that is not a HAR', async () => {
    const planted = ['sk', 'live', ''].join('_') + 'Zq7'.repeat(9);
    await driver.upload('#import-file', { name: 'notes.json', text: `{"log": {"entries": "${planted}"}}` });
    const banner = await driver.waitFor(() => {
      const b = document.querySelector('#banner');
      return b && !b.hidden && b.classList.contains('failed') && b.textContent;
    }, { timeout: 15_000 });
    checks.add('a file that is not a HAR is refused in words, in the banner', /notes\.json/.test(banner) && /could not be analysed/.test(banner), short(banner));
    checks.add('the refusal does not quote the file\'s content', !(await driver.evaluate(allText)).includes(planted));
    await driver.click('#back-to-live');
    await driver.waitFor(() => document.querySelector('#banner').hidden);
  });

  // ---- hostile values ----
  const hostile = hostileHar(server.origin);
  await step('hostile values', async () => {
    const baseline = await driver.evaluate(dangerousMarkup);
    // This file comes in by drag and drop (the ticket HAR came through the file input).
    const drop = await driver.evaluate(dropFile, hostile.name, hostile.text);
    checks.add('dropping a HAR file on the panel shows the drop target and takes the file', drop.entered && drop.overlay && drop.over && drop.dropped
      && !drop.overlayAfter, short(drop));
    await driver.waitFor(() => {
      const b = document.querySelector('#banner');
      return b && !b.hidden && /analysed offline|could not/.test(b.textContent);
    }, { timeout: 20_000 });
    await mode('all');
    const list = await rows();
    checks.add(`hostile HAR: its ${hostile.entries} requests are listed`, list.length === hostile.entries, short(list.map((r) => r.path.slice(0, 60))));
    let worst = { page: 0, list: 0, details: 0, toolbar: 0, banner: 0 };
    const problems = [];
    const seen = [];
    for (const row of list) {
      await driver.click(`#rows .row[data-seq="${row.seq}"] .c-method`);
      await driver.waitFor((seq) => document.querySelector(`#rows .row[data-seq="${seq}"]`)?.getAttribute('aria-selected') === 'true'
        && !document.querySelector('#details').hidden, {}, row.seq);
      await sleep(100);
      const o = await driver.evaluate(overflow);
      worst = Object.fromEntries(Object.entries(worst).map(([k, v]) => [k, Math.max(v, o[k])]));
      const m = await driver.evaluate(dangerousMarkup);
      if (m.elements.length !== baseline.elements.length || m.handlers.length || m.badLinks.length || m.pwned) problems.push({ seq: row.seq, ...m });
      seen.push(await driver.evaluate(allText));
    }
    await hooks.snapshot?.('hostile');
    checks.add('hostile HAR: nothing from the data became markup (no new elements, handlers, or non-http links)', problems.length === 0, short(problems, 600));
    checks.add('hostile HAR: layout holds (no horizontal overflow of page, list, details, bars)', Object.values(worst).every((v) => v <= 1), short(worst));
    const text = seen.join('\n');
    const raw = text.match(/[\u0000-\u0008\u000B-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g) ?? [];
    checks.add('hostile HAR: no raw control or bidi-override character is rendered (they show as escapes)', raw.length === 0
      && text.includes('[U+202E]') && /\\u\{1b\}|\[U\+001B\]/.test(text), `${raw.length} raw: ${short(raw.map((c) => c.charCodeAt(0).toString(16)))}`);
    checks.add('hostile HAR: the file name is shown as text', text.includes('hostile <img src=x onerror=alert(1)>'));
    await sleep(300);
    checks.add('hostile HAR: nothing was fetched from /__pwned and no script ran', server.state.pwned.length === 0 && !(await driver.evaluate(() => window.__pwned ?? null)),
      short(server.state.pwned));
    await driver.click('#back-to-live');
    await driver.waitFor(() => document.querySelector('#banner').hidden);
    await resetFilters();
  });

  // ---- 10,000 requests ----
  await step('10,000 requests', async () => {
    const big = bigHar(10_000);
    const started = Date.now();
    await driver.upload('#import-file', { name: big.name, text: big.text });
    await driver.waitFor(() => /10,000 requests analysed offline/.test(document.querySelector('#banner')?.textContent ?? ''), { timeout: Math.min(90_000, timeLeft() - 5000), polling: 250 });
    checks.info(`10,000-request HAR imported and analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await mode('all');
    const shape = await driver.evaluate(() => ({
      rows: document.querySelectorAll('#rows .row').length,
      total: document.querySelector('#list').getAttribute('aria-rowcount'),
      count401: document.querySelector('#count-401')?.dataset.count,
    }));
    checks.add('10,000 requests: only the rows in view exist in the DOM', shape.total === '10001' && shape.rows > 0 && shape.rows < 150, short(shape));
    checks.add('10,000 requests: the header counts 1,000 × 401', shape.count401 === String(big.unauthorized), short(shape));
    await focusList();
    let t = Date.now();
    await driver.press('End');
    const last = await driver.waitFor(() => {
      const sel = document.querySelector('#rows .row[aria-selected="true"]');
      return sel && sel.getAttribute('aria-rowindex') === '10001' && sel.getBoundingClientRect().bottom <= document.querySelector('#list').getBoundingClientRect().bottom + 1;
    }, { timeout: 5000 }).catch(() => false);
    const endMs = Date.now() - t;
    checks.add('10,000 requests: End jumps to the last row, rendered in view', last === true, `${endMs} ms`);
    await hooks.snapshot?.('10k');
    t = Date.now();
    await driver.press('/');
    await driver.type('api3');
    const filtered = await driver.waitFor(() => {
      const n = Number(document.querySelector('#list').getAttribute('aria-rowcount')) - 1;
      return document.querySelector('#filter').value === 'api3' && n < 10_000 && n;
    }, { timeout: 10_000 }).catch(() => null);
    const filterMs = Date.now() - t;
    checks.add('10,000 requests: the filter narrows the list', filtered > 1000 && filtered < 2000, `${filtered} rows`);
    checks.add('10,000 requests: End and filtering answer within 5 s each on this machine', endMs < 5000 && filterMs < 5000, `End ${endMs} ms, filter ${filterMs} ms`);
    checks.info(`10,000 requests: End took ${endMs} ms, typing a 4-letter filter ${filterMs} ms (including the test driver's round trips)`);
    await driver.press('Escape');
    await driver.click('#back-to-live');
    await driver.waitFor(() => document.querySelector('#banner').hidden);
    await resetFilters();
  });

  // ---- preserve log across navigations ----
  if (hooks.reload) {
    await step('preserve log', async () => {
      const reloadAndWait = async () => {
        server.state.done = null;
        await hooks.reload();
        await server.waitFor((s) => s.done, Math.min(30_000, timeLeft()), 'the reloaded test page to POST /__done');
        await sleep(1500);
      };
      await driver.click('#preserve-log');
      await driver.waitFor(() => document.querySelector('#preserve-log').checked);
      await reloadAndWait();
      const kept = await driver.waitFor(() => document.querySelector('#count-401')?.dataset.count === '8' && '8', { timeout: 10_000 })
        .catch(() => driver.evaluate(() => document.querySelector('#count-401')?.dataset.count));
      checks.add('"Preserve log" keeps the requests across a reload (8 × 401)', kept === '8', `badge ${kept}`);
      const separator = await driver.waitFor(() => document.querySelector('#rows .nav-row')?.textContent, { timeout: 5000 }).catch(() => null);
      checks.add('"Preserve log": a separator marks where the page navigated, as in the Network panel', /^Navigated to http/.test(separator ?? ''), short(separator));
      await driver.click('#preserve-log');
      await driver.waitFor(() => !document.querySelector('#preserve-log').checked);
      await reloadAndWait();
      const fresh = await driver.waitFor(() => document.querySelector('#count-401')?.dataset.count === '4' && '4', { timeout: 10_000 })
        .catch(() => driver.evaluate(() => document.querySelector('#count-401')?.dataset.count));
      checks.add('without "Preserve log" a reload starts a new list (4 × 401)', fresh === '4', `badge ${fresh}`);
    });
  } else {
    checks.info('"Preserve log" across a reload is not driven in this browser');
  }

  // ---- clear ----
  await step('clear', async () => {
    await driver.click('#clear');
    const state = await driver.waitFor(() => {
      const s = document.querySelector('#state');
      return s && !s.hidden && s.dataset.state === 'empty' && s.textContent;
    }, { timeout: 10_000 });
    checks.add('Clear empties the list ("No requests yet")', /No requests yet/.test(state) && (await rows()).length === 0, short(state));
  });
}
