// What both browser runs share: driving the handshake and judging what the extension reported.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScenarios } from './scenarios.mjs';

/** Where a run leaves its logs (git-ignored). */
export const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));

/** Write what the server saw (and any extra files) to tests/e2e/out/<browser>/ for post-mortems. */
export function saveArtifacts(browser, server, extra = {}) {
  try {
    const dir = path.join(OUT_DIR, browser);
    mkdirSync(dir, { recursive: true });
    const { state } = server;
    writeFileSync(path.join(dir, 'server.log'), state.log.join('\n') + '\n');
    writeFileSync(path.join(dir, 'messages.json'), JSON.stringify({
      messages: state.messages, done: state.done, apiRequests: state.apiRequests.map((a) => ({ ...a, authorization: a.authorization ? '(present)' : null })),
      strays: state.strays, badMessages: state.badMessages,
    }, null, 2));
    for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  } catch {
    // Artifacts are a convenience; never fail a run over them.
  }
}

/** A list of named checks; each is ok or FAIL with a detail line. */
export class Checks {
  constructor(prefix) {
    this.prefix = prefix;
    this.list = [];
  }

  add(name, ok, detail = '') {
    this.list.push({ name: `${this.prefix}: ${name}`, ok: Boolean(ok), detail });
    return Boolean(ok);
  }

  /** A line that is printed but neither passes nor fails. */
  info(name, detail = '') {
    this.list.push({ name: `${this.prefix}: ${name}`, ok: true, info: true, detail });
  }

  get failed() {
    return this.list.filter((c) => !c.ok).length;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds left before `deadline`, never less than `min`. */
export function left(deadline, min = 1000) {
  return Math.max(min, deadline - Date.now());
}

const short = (v, n = 300) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s && s.length > n ? `${s.slice(0, n)}…` : s;
};

function sameRequest(report, scenario) {
  if (!report || typeof report.url !== 'string') return false;
  if (String(report.method).toUpperCase() !== scenario.method) return false;
  try {
    const a = new URL(report.url);
    const b = new URL(scenario.url);
    return a.host === b.host && a.pathname === b.pathname && a.search === b.search;
  } catch {
    return false;
  }
}

/**
 * Wait for the handshake, the page's requests and their reports. Resolves to true when the
 * extension came up; all failures are recorded as checks, never thrown.
 */
export async function awaitRun({ server, checks, browser, deadline, budget = {} }) {
  const upMs = budget.up ?? 45_000;
  const doneMs = budget.done ?? 30_000;
  const reportsMs = budget.reports ?? 15_000;
  const scenarios = buildScenarios(server.origin, Math.floor(Date.now() / 1000));

  try {
    await server.waitFor((s) => s.ups.length || s.engineErrors.length, Math.min(upMs, left(deadline)),
      'the devtools page to POST {"kind":"up"} (is the toolbox open and the E2E build loaded?)');
  } catch (e) {
    checks.add('extension devtools page reported "up"', false, e.message);
    return false;
  }
  const up = server.state.ups[0];
  if (!checks.add('extension devtools page reported "up"', up,
    up ? '' : `engine_error instead: ${short(server.state.engineErrors[0]?.message)}`)) {
    return false;
  }
  checks.add(`"up" names the browser as "${browser}"`, up.browser === browser, `got ${short(up.browser)}`);

  try {
    await server.waitFor((s) => s.done, Math.min(doneMs, left(deadline)), 'the test page to POST /__done');
  } catch (e) {
    checks.add('test page sent all its requests', false, e.message);
    return true;
  }
  const done = server.state.done;
  checks.add('test page sent all its requests', !done.pageError, done.pageError ? `page error: ${done.pageError}` : '');

  // Every scenario's report, or the time limit; then a short settle for stragglers (preflights
  // and the page's own requests are reported too, and checked below).
  const haveAll = (s) => scenarios.every((sc) => s.reports.some((r) => sameRequest(r, sc)));
  try {
    await server.waitFor(haveAll, Math.min(reportsMs, left(deadline)), 'a report for every scenario');
  } catch {
    // Named per scenario by judge().
  }
  await sleep(Math.min(1000, Math.max(0, deadline - Date.now() - 1000)));
  return true;
}

/** Judge the reports the server collected. */
export function judge({ server, checks }) {
  const { state, origin } = server;
  const scenarios = buildScenarios(origin, Math.floor(Date.now() / 1000));
  const pageResults = state.done?.results ?? [];

  checks.add('no engine_error', state.engineErrors.length === 0,
    state.engineErrors.map((m) => short(m.message)).join(' | '));
  checks.add('no entry_error', state.entryErrors.length === 0,
    state.entryErrors.map((m) => short(m.message)).join(' | '));
  checks.add('every reporter message is well-formed JSON with a known kind', state.badMessages.length === 0,
    state.badMessages.map((m) => short(m, 120)).join(' | '));

  const claimed = new Set();
  for (const sc of scenarios) {
    const tag = sc.name;
    const pr = pageResults.find((r) => r.name === sc.name);
    if (pr && pr.status !== sc.pageStatus) {
      const reached = state.apiRequests.some((a) => sc.url.includes(a.host) && sc.url.endsWith(a.path));
      checks.add(`${tag}: the page got HTTP ${sc.pageStatus}`, false,
        pr.error ? `the browser failed the request (${pr.error}); the test server ${reached ? 'did' : 'did not'} receive it`
          : `got HTTP ${pr.status}: the fake API or the browser misbehaved, not the extension`);
    }
    const mine = state.reports.filter((r) => sameRequest(r, sc));
    mine.forEach((r) => claimed.add(r));
    if (!checks.add(`${tag}: reported (${sc.method} ${sc.url.replace(/:\d+/, ':PORT')})`, mine.length > 0,
      `no report arrived for this request${pr ? ` (the page got ${pr.status ?? pr.error})` : ''}; `
      + `${state.reports.length} reports in all for: ${[...new Set(state.reports.map((r) => `${r.method} ${r.url}`))].join(', ')}`)) {
      continue;
    }
    checks.add(`${tag}: reported once`, mine.length === 1, `${mine.length} reports for the same request`);
    const r = mine[0];
    checks.add(`${tag}: status ${sc.pageStatus}`, r.status === sc.pageStatus, `report says ${r.status}`);
    const causes = Array.isArray(r.causes) ? r.causes : [];
    const ids = causes.map((c) => c && c.id);
    if (sc.expect.topCause === null || sc.expect.noCauses) {
      checks.add(`${tag}: no causes`, causes.length === 0, `causes: ${ids.join(', ')}`);
    } else {
      checks.add(`${tag}: top cause ${sc.expect.topCause}`, ids[0] === sc.expect.topCause,
        `causes, most likely first: [${ids.join(', ')}]${r.server_said ? `; server_said: ${short(r.server_said, 120)}` : ''}`);
    }
    const findings = Array.isArray(r.findings) ? r.findings : [];
    const fids = findings.map((f) => f && f.id);
    if (sc.expect.topCause === null) {
      checks.add(`${tag}: no findings`, findings.length === 0, `findings: ${short(findings)}`);
    }
    if (sc.expect.findings.length) {
      const missing = sc.expect.findings.filter((id) => !fids.includes(id));
      checks.add(`${tag}: findings include ${sc.expect.findings.join(', ')}`, missing.length === 0,
        `missing ${missing.join(', ')}; findings: [${fids.join(', ')}]`);
    }
    for (const id of sc.expect.absentFindings ?? []) {
      checks.add(`${tag}: no ${id} finding`, !fids.includes(id), `findings: ${short(findings)}`);
    }
    if (sc.expect.finding) {
      const want = sc.expect.finding;
      const f = findings.find((x) => x && x.id === want.id);
      if (f) {
        const bad = Object.entries(want).filter(([k, v]) => f[k] !== v);
        checks.add(`${tag}: ${want.id} is ${Object.entries(want).filter(([k]) => k !== 'id').map(([k, v]) => `${k} ${v}`).join(', ')}`,
          bad.length === 0, bad.map(([k, v]) => `${k}: want ${v}, got ${short(f[k])}`).join('; '));
      }
    }
    for (const key of ['provider', 'environment']) {
      if (sc.expect[key] !== undefined) {
        checks.add(`${tag}: ${key} ${sc.expect[key]}`, r[key] === sc.expect[key], `report says ${short(r[key])}`);
      }
    }
  }

  // Everything else the page did (document, scripts, preflights, the handshake) is healthy.
  const others = state.reports.filter((r) => !claimed.has(r));
  const noisy = others.filter((r) => (Array.isArray(r.causes) && r.causes.length) || (Array.isArray(r.findings) && r.findings.length));
  checks.add(`the ${others.length} other requests (page, scripts, preflights) have no causes or findings`, noisy.length === 0,
    noisy.map((r) => `${r.method} ${r.url} ${r.status}: causes [${(r.causes || []).map((c) => c.id)}] findings [${(r.findings || []).map((f) => f.id)}]`).join(' | '));
  const preflights = others.filter((r) => String(r.method).toUpperCase() === 'OPTIONS').length;
  checks.info(`${preflights} CORS preflight(s) reported, ${others.length - preflights} other page request(s)`,
    `${state.reports.length} reports in all; ${state.apiRequests.length} requests reached the fake APIs`);

  // No secret the page sent may appear anywhere the extension sends, in any form we know.
  const wire = JSON.stringify(state.messages);
  const secrets = scenarios.flatMap((sc) => sc.secrets.map((s) => ({ sc: sc.name, s })));
  const leaked = secrets.filter(({ s }) => s && wire.includes(s));
  checks.add(`no report carries a raw credential (${secrets.length} checked)`, leaked.length === 0,
    leaked.map(({ sc, s }) => `${sc}: ${s.slice(0, 6)}…`).join(', '));
}
