// Chromium end-to-end run: Debian Chromium in new headless mode, the E2E build of the extension
// loaded unpacked, DevTools opened automatically for the test tab. The extension's reporter tells
// the test server what the engine concluded; then the authlens panel is opened in the DevTools
// front-end, read and photographed.
//
//   node tests/e2e/chromium.mjs      (or: node tests/e2e/run.mjs chromium)

import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { Checks, OUT_DIR, awaitRun, judge, left, saveArtifacts } from './checks.mjs';
import { buildScenarios } from './scenarios.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export const CHROMIUM_DIST = process.env.AUTHLENS_E2E_CHROME_DIR || path.join(ROOT, 'dist/e2e-chrome');
const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const PANEL_TITLE = 'authlens';
const DEVTOOLS_APP = 'devtools://devtools/bundled/devtools_app.html';
const DOCS_SCREENSHOT = path.join(ROOT, 'docs/panel-chromium.png');

/**
 * Run the Chromium E2E. `signal` aborts (kills the browser) on the caller's overall time limit.
 * Resolves to a Checks list; never throws for a test failure.
 */
export async function runChromium({ extDir = CHROMIUM_DIST, signal, budgetMs = 80_000, screenshot } = {}) {
  const checks = new Checks('chromium');
  const deadline = Date.now() + budgetMs;
  const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  // The picture always goes to tests/e2e/out/; docs/panel-chromium.png is written only when it is
  // missing or AUTHLENS_E2E_UPDATE_DOCS=1 (it shows a random port, so it would change every run).
  screenshot ??= process.env.AUTHLENS_E2E_SCREENSHOT || path.join(OUT_DIR, 'panel-chromium.png');
  const docsCopy = extDir === path.join(ROOT, 'dist/e2e-chrome')
    && (process.env.AUTHLENS_E2E_UPDATE_DOCS === '1' || !existsSync(DOCS_SCREENSHOT)) ? DOCS_SCREENSHOT : null;

  let puppeteer;
  try {
    puppeteer = require('puppeteer-core');
  } catch {
    checks.add('puppeteer-core is installed', false, 'npm ci first (devDependency puppeteer-core)');
    return checks;
  }

  const server = await startServer();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'authlens-e2e-chromium-'));
  // Undocked DevTools get the whole window, which makes a readable screenshot of the panel.
  mkdirSync(path.join(userDataDir, 'Default'));
  writeFileSync(path.join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ devtools: { preferences: { currentDockState: '"undocked"' } } }));

  const stderr = [];
  let browser = null;
  const kill = () => {
    try { browser?.process()?.kill('SIGKILL'); } catch { /* already gone */ }
  };
  const onAbort = () => {
    server.abort(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    kill();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_BIN,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      userDataDir,
      protocolTimeout: 30_000,
      args: [
        `--load-extension=${extDir}`,
        `--disable-extensions-except=${extDir}`,
        '--auto-open-devtools-for-tabs',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--window-size=1280,800',
        '--host-resolver-rules=MAP * 127.0.0.1',
      ],
    });
    browser.process()?.stderr?.on('data', (d) => {
      stderr.push(String(d));
      if (stderr.length > 400) stderr.splice(0, 100);
    });
    // DevTools opens by itself only for tabs created after start-up, so the test page gets a new
    // tab; the start-up tab (with its own toolbox) is closed so exactly one toolbox remains.
    const startupPages = await browser.pages();
    const session = await browser.target().createCDPSession();
    await session.send('Target.createTarget', { url: server.pageUrl });
    for (const p of startupPages) await p.close().catch(() => {});

    const up = await awaitRun({ server, checks, browser: 'chrome', deadline });
    if (up) {
      judge({ server, checks });
      await checkPanel({ browser, manifest, server, checks, deadline, screenshot, docsCopy });
    }
  } catch (e) {
    checks.add('run completed', false, signal?.aborted ? String(signal.reason?.message ?? signal.reason) : (e && e.stack) || String(e));
  } finally {
    signal?.removeEventListener('abort', onAbort);
    saveArtifacts('chromium', server, { 'browser-stderr.log': stderr.join('') });
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
      kill();
    }
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }
  return checks;
}

/** The DevTools front-end page (and the extension id) that inspects the test page. */
async function findToolbox(browser, manifest, pageUrl, deadline) {
  const devtoolsPagePath = '/' + String(manifest.devtools_page).replace(/^\//, '');
  while (Date.now() < deadline) {
    for (const target of browser.targets()) {
      if (!target.url().startsWith(DEVTOOLS_APP)) continue;
      const page = await target.asPage().catch(() => null);
      if (!page) continue;
      for (const frame of page.frames()) {
        const u = frame.url();
        if (!u.startsWith('chrome-extension://') || new URL(u).pathname !== devtoolsPagePath) continue;
        // Public API: ask the extension's own devtools page which page it inspects.
        const inspected = await frame.evaluate(() => new Promise((resolve) => {
          chrome.devtools.inspectedWindow.eval('location.href', (r) => resolve(r));
        })).catch(() => null);
        if (inspected === pageUrl) return { page, extensionId: new URL(u).host, devtoolsPagePath };
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

async function checkPanel({ browser, manifest, server, checks, deadline, screenshot, docsCopy }) {
  const toolbox = await findToolbox(browser, manifest, server.pageUrl, Math.min(deadline, Date.now() + 15_000));
  if (!checks.add('DevTools front-end of the test tab found', toolbox,
    'no devtools_app target has the extension devtools page inspecting the test page')) return;
  const { page, extensionId, devtoolsPagePath } = toolbox;

  // Internal front-end API (devtools-frontend ExtensionServer): an extension panel's id is the
  // extension origin followed by its title with whitespace removed.
  const panelId = `chrome-extension://${extensionId}${PANEL_TITLE.replace(/\s/g, '')}`;
  await page.evaluate((id) => globalThis.DevToolsAPI.showPanel(id), panelId);
  let panel;
  try {
    panel = await page.waitForFrame((f) => {
      const u = f.url();
      return u.startsWith(`chrome-extension://${extensionId}/`) && new URL(u).pathname !== devtoolsPagePath;
    }, { timeout: Math.min(15_000, left(deadline)) });
  } catch {
    checks.add(`panel "${PANEL_TITLE}" opens`, false,
      `DevToolsAPI.showPanel('${panelId}') loaded no extension frame: is the panel titled exactly "${PANEL_TITLE}"?`);
    return;
  }
  checks.add(`panel "${PANEL_TITLE}" opens`, true);

  const want = 'environment_mismatch';
  let text = '';
  try {
    await panel.waitForFunction((w) => document.body && document.body.innerText.includes(w),
      { timeout: Math.min(20_000, left(deadline)), polling: 250 }, want);
  } catch {
    // Judged below with what the panel shows.
  }
  text = await panel.evaluate(() => document.body ? document.body.innerText : '').catch((e) => `(unreadable: ${e.message})`);
  checks.add(`panel shows ${want}`, text.includes(want), `panel text: ${JSON.stringify(text.slice(0, 400))}`);
  const others = ['placeholder_credentials', 'expired_token'].filter((id) => !text.includes(id));
  if (others.length) checks.info(`panel does not show ${others.join(', ')} as ids`, 'it may show titles instead');
  const secrets = buildScenarios(server.origin, 0).flatMap((s) => s.secrets);
  const shown = secrets.filter((s) => s && text.includes(s));
  checks.add('panel shows no raw credential', shown.length === 0, `${shown.length} raw credential(s) visible`);

  // For the picture: select the Midtrans row so the detail pane explains it (best effort: the
  // panel's rows are table rows; if they are not, the list alone is photographed).
  const clicked = await panel.evaluate((w) => {
    const row = [...document.querySelectorAll('tr, [role="row"]')].find((r) => r.textContent.includes(w)
      && r.textContent.includes('/snap/'));
    if (!row) return null;
    const before = document.body.innerText;
    row.click();
    return before;
  }, want).catch(() => null);
  if (clicked !== null) {
    await panel.waitForFunction((before) => document.body.innerText !== before, { timeout: 5000, polling: 100 }, clicked)
      .catch(() => checks.info('selecting the Midtrans row changed nothing in the panel'));
    const detail = await panel.evaluate(() => document.body.innerText).catch(() => '');
    const leaked = secrets.filter((s) => s && detail.includes(s));
    checks.add('panel detail view shows no raw credential', leaked.length === 0, `${leaked.length} raw credential(s) visible`);
  } else {
    checks.info('no table row with the Midtrans request to select for the screenshot');
  }

  // Let layout and fonts settle for a frame or two, then photograph the whole toolbox.
  await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => {});
  mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  checks.add(`panel screenshot saved (${path.relative(ROOT, screenshot)})`, existsSync(screenshot));
  if (docsCopy) {
    mkdirSync(path.dirname(docsCopy), { recursive: true });
    copyFileSync(screenshot, docsCopy);
    checks.info(`screenshot copied to ${path.relative(ROOT, docsCopy)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // No top-level await here: run.mjs imports this module, which must finish evaluating first.
  import('./run.mjs').then(({ main }) => main(['chromium'])).then((code) => { process.exitCode = code; });
}
