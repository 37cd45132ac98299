// Chromium end-to-end run: Debian Chromium in new headless mode, the E2E build of the extension
// loaded unpacked, DevTools opened automatically for the test tab. The extension's reporter tells
// the test server what the engine concluded; then the authlens panel is opened in the DevTools
// front-end and driven as a user would (panel-checks.mjs through panel-chromium.mjs), and
// photographed in the light and the dark DevTools theme.
//
//   node tests/e2e/chromium.mjs      (or: node tests/e2e/run.mjs chromium)

import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { Checks, OUT_DIR, awaitRun, judge, left, saveArtifacts } from './checks.mjs';
import { buildScenarios } from './scenarios.mjs';
import { PANEL_TITLE, chromiumDriver, findToolbox, openPanel } from './panel-chromium.mjs';
import { checkPanelUi } from './panel-checks.mjs';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export const CHROMIUM_DIST = process.env.AUTHLENS_E2E_CHROME_DIR || path.join(ROOT, 'dist/e2e-chrome');
const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const DOCS_SCREENSHOTS = Object.fromEntries(['light', 'dark', 'narrow-light', 'narrow-dark', 'what-changed-light', 'what-changed-dark']
  .map((name) => [name, path.join(ROOT, `docs/panel-${name}.png`)]));

/**
 * Run the Chromium E2E. `signal` aborts (kills the browser) on the caller's overall time limit.
 * Resolves to a Checks list; never throws for a test failure.
 */
export async function runChromium({ extDir = CHROMIUM_DIST, signal, budgetMs = 80_000 } = {}) {
  const checks = new Checks('chromium');
  const deadline = Date.now() + budgetMs;
  const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  // The pictures always go to tests/e2e/out/panel-{light,dark}.png; docs/panel-{light,dark}.png are
  // written only when missing or with AUTHLENS_E2E_UPDATE_DOCS=1 (they show a random port and a
  // date, so they would change on every run).
  const shots = {};
  for (const theme of ['light', 'dark', 'narrow-light', 'narrow-dark', 'what-changed-light', 'what-changed-dark']) {
    const docs = DOCS_SCREENSHOTS[theme];
    shots[theme] = {
      out: path.join(OUT_DIR, `panel-${theme}.png`),
      docs: extDir === path.join(ROOT, 'dist/e2e-chrome') && (process.env.AUTHLENS_E2E_UPDATE_DOCS === '1' || !existsSync(docs)) ? docs : null,
    };
  }

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
      await checkPanel({ browser, manifest, server, checks, deadline, shots, newTab: (url) => session.send('Target.createTarget', { url }) });
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

/**
 * The ids or titles of the tabs the DevTools front-end shows as selected (its panels' tab bar and
 * the Sources editor's file tabs). A tab carries aria-selected in the tabbed pane's shadow DOM.
 */
function selectedTabs(page) {
  return page.evaluate(() => {
    const tabs = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const cls = typeof el.className === 'string' ? el.className : '';
        if ((el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') === 'true') || (/tabbed-pane-header-tab/.test(cls) && /\bselected\b/.test(cls))) {
          tabs.push([el.id, el.getAttribute('aria-label'), el.textContent.trim()].filter(Boolean).join(' '));
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return tabs;
  }).catch(() => []);
}

/** Poll `selectedTabs` until `want(tabs)` holds; false after `timeout` ms. */
async function waitForTabs(page, want, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    if (want(await selectedTabs(page))) return true;
    if (Date.now() > end) return false;
    await sleep(200);
  }
}

async function checkPanel({ browser, manifest, server, checks, deadline, shots, newTab }) {
  const toolbox = await findToolbox(browser, manifest, server.pageUrl, Math.min(deadline, Date.now() + 15_000));
  if (!checks.add('DevTools front-end of the test tab found', toolbox,
    'no devtools_app target has the extension devtools page inspecting the test page')) return;

  let panel;
  try {
    panel = await openPanel(toolbox, deadline);
  } catch {
    checks.add(`panel "${PANEL_TITLE}" opens`, false,
      `DevToolsAPI.showPanel loaded no extension frame: is the panel titled exactly "${PANEL_TITLE}"?`);
    return;
  }
  checks.add(`panel "${PANEL_TITLE}" opens`, true);

  const want = 'environment_mismatch';
  try {
    await panel.waitForFunction((w) => document.body && document.body.innerText.includes(w),
      { timeout: Math.min(20_000, left(deadline)), polling: 250 }, want);
  } catch {
    // Judged below with what the panel shows.
  }
  const text = await panel.evaluate(() => document.body ? document.body.innerText : '').catch((e) => `(unreadable: ${e.message})`);
  checks.add(`panel shows ${want}`, text.includes(want), `panel text: ${JSON.stringify(text.slice(0, 400))}`);
  const secrets = buildScenarios(server.origin, 0).flatMap((s) => s.secrets);
  const shown = secrets.filter((s) => s && text.includes(s));
  checks.add('panel shows no raw credential', shown.length === 0, `${shown.length} raw credential(s) visible`);

  const testPage = (await browser.pages()).find((p) => p.url() === server.pageUrl);
  const driver = await chromiumDriver({ browser, page: toolbox.page, panel, testPage });
  const save = async (theme, page) => {
    const { out, docs } = shots[theme];
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    checks.add(`${theme} panel screenshot saved (${path.relative(ROOT, out)})`, existsSync(out));
    if (docs) {
      copyFileSync(out, docs);
      checks.info(`screenshot copied to ${path.relative(ROOT, docs)}`);
    }
  };
  try {
    await checkPanelUi({
      driver, checks, server, deadline: deadline - 15_000,
      hooks: {
        screenshot: async () => {
          await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => {});
          await save('light', toolbox.page);
        },
        picture: async (name) => {
          await panel.evaluate((scroll) => {
            document.querySelector('#toast').hidden = true;
            document.querySelectorAll('#alerts .alert button.link').forEach((b) => b.click());
            if (scroll) document.querySelector('#what-changed')?.scrollIntoView({ block: 'start' });
            return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          }, name.startsWith('what-changed')).catch(() => {});
          await save(name, toolbox.page);
        },
        snapshot: async (name) => {
          await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => {});
          await toolbox.page.screenshot({ path: path.join(OUT_DIR, `panel-${name}.png`) }).catch(() => {});
        },
        // Back from the Sources panel. Sources opens the file's tab only once it has loaded it,
        // and a switch back made before that can be undone, the panel's later clicks then landing
        // on Sources (CI failed so twice, the wait on the panel's own document did not catch it).
        // So wait for the file's tab, then select the panel until the front-end's own tab bar
        // shows it selected for 1 s.
        showPanel: async () => {
          await waitForTabs(toolbox.page, (tabs) => tabs.some((t) => /main\.4e1f\.js/.test(t)), 10_000);
          for (let attempt = 0; attempt < 4; attempt++) {
            await openPanel(toolbox, deadline);
            const ours = (tabs) => tabs.some((t) => t.split(' ')[0].endsWith(PANEL_TITLE.replace(/\s/g, '')));
            if (!(await waitForTabs(toolbox.page, ours, 5_000))) continue;
            await sleep(1_000);
            if (ours(await selectedTabs(toolbox.page))) return;
          }
          checks.add('back from Sources: the authlens panel is selected again', false, `selected tabs: ${(await selectedTabs(toolbox.page)).join(', ')}`);
        },
        // Whether the front-end shows its Sources panel (the URL fragment is not kept), waiting
        // up to 10 s: on a loaded machine the switch comes after openResource has answered.
        sourcesShown: async () => {
          const sources = (tabs) => tabs.some((t) => /^tab-sources\b/.test(t));
          if (await waitForTabs(toolbox.page, sources, 10_000)) return true;
          return `selected tabs: ${(await selectedTabs(toolbox.page)).join(', ')}`;
        },
        // Reload without waiting for the navigation: DevTools may hold the page's load event.
        reload: () => testPage.evaluate(() => { setTimeout(() => location.reload(), 10); }),
      },
    });
  } finally {
    await driver.close();
  }
  await darkScreenshot({ browser, manifest, server, checks, deadline, toolbox, newTab, save });
}

/**
 * The dark picture: switch DevTools to its dark theme (a front-end preference), open the test
 * page in a new tab (a new DevTools window opens with the new theme, and with it a new devtools
 * page), let the page make its requests again, open the Midtrans request and photograph it.
 */
async function darkScreenshot({ browser, manifest, server, checks, deadline, toolbox, newTab, save }) {
  try {
    await toolbox.page.evaluate(() => globalThis.InspectorFrontendHost.setPreference('ui-theme', '"dark"'));
    server.resetHandshake();
    const url = `${server.pageUrl}?theme=dark`;
    await newTab(url);
    await server.waitFor((s) => s.done, Math.min(30_000, left(deadline)), 'the test page in the dark-theme tab to POST /__done');
    const dark = await findToolbox(browser, manifest, url, Math.min(deadline, Date.now() + 15_000));
    if (!dark) throw new Error('no DevTools window for the second tab');
    const panel = await openPanel(dark, deadline);
    const theme = await panel.waitForFunction(() => document.body.classList.contains('theme-dark')
      && document.querySelector('#rows .row .c-path[title$="/snap/v1/transactions"]'), { timeout: Math.min(15_000, left(deadline)), polling: 100 })
      .then(() => true, () => false);
    checks.add('panel follows the DevTools dark theme', theme);
    if (!theme) return;
    // The pictures show the panel, not the E2E build's engine-restart notice (nor a late-DevTools
    // notice, which a slow start of the DevTools window can rightly cause).
    await panel.evaluate(() => document.querySelectorAll('#alerts .alert button.link').forEach((b) => b.click()));
    const row = await panel.$('#rows .row .c-path[title$="/snap/v1/transactions"]');
    await row.click();
    await panel.waitForFunction(() => document.querySelector('#curl-text')?.textContent.includes('curl'), { timeout: 10_000 }).catch(() => {});
    await panel.evaluate(() => document.querySelector('#list').focus());
    await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await save('dark', dark.page);
    // The same two pictures as in the light theme: the narrow layout, and "What changed".
    const viewport = await dark.page.evaluate(() => [innerWidth, innerHeight]);
    await dark.page.setViewport({ width: 500, height: 800 });
    try {
      const orders = await panel.waitForSelector('#rows .row .c-path[title$="/v1/orders"]', { timeout: 10_000 });
      await orders.click();
      await panel.waitForFunction(() => document.querySelector('#compare-table'), { timeout: 10_000 });
      await panel.evaluate(() => document.querySelector('#list').focus());
      await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await save('narrow-dark', dark.page);
      await panel.evaluate(() => document.querySelector('#what-changed')?.scrollIntoView({ block: 'start' }));
      await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await save('what-changed-dark', dark.page);
    } finally {
      await dark.page.setViewport({ width: viewport[0], height: viewport[1] }).catch(() => {});
    }
  } catch (e) {
    checks.add('dark panel screenshot', false, (e && e.message) || String(e));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // No top-level await here: run.mjs imports this module, which must finish evaluating first.
  import('./run.mjs').then(({ main }) => main(['chromium'])).then((code) => { process.exitCode = code; });
}
