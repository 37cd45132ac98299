// Driving the authlens panel inside Chromium's DevTools, as a user would: the DevTools front-end
// is a page target (devtools://devtools/bundled/devtools_app.html); DevToolsAPI.showPanel opens
// the extension panel, whose document is an extension frame inside it. Clicks and keys are real
// input events (puppeteer's mouse and keyboard on the front-end page), the HAR file goes through
// the file input (DOM.setFileInputFiles), downloads land in a temp directory
// (Browser.setDownloadBehavior), and the clipboard is read back from the test page.
//
// `openPanel` finds the toolbox and opens the panel; `chromiumDriver` wraps the panel frame in the
// driver interface panel-checks.mjs uses (the Firefox one is in panel-firefox.mjs).

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { left } from './checks.mjs';

const DEVTOOLS_APP = 'devtools://devtools/bundled/devtools_app.html';
export const PANEL_TITLE = 'authlens';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The DevTools front-end page (and the extension id) that inspects the test page. */
export async function findToolbox(browser, manifest, pageUrl, deadline) {
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
    await sleep(250);
  }
  return null;
}

/**
 * Open the authlens panel in a toolbox (internal front-end API, kept here: an extension panel's id
 * is the extension origin followed by its title without whitespace). Resolves to its frame.
 */
export async function openPanel({ page, extensionId, devtoolsPagePath }, deadline) {
  const panelId = `chrome-extension://${extensionId}${PANEL_TITLE.replace(/\s/g, '')}`;
  const isPanel = (f) => {
    const u = f.url();
    return u.startsWith(`chrome-extension://${extensionId}/`) && new URL(u).pathname !== devtoolsPagePath && !f.detached;
  };
  await page.evaluate((id) => globalThis.DevToolsAPI.showPanel(id), panelId);
  const existing = page.frames().find(isPanel);
  if (existing) return existing;
  return page.waitForFrame(isPanel, { timeout: Math.min(15_000, left(deadline)) });
}

/**
 * The driver panel-checks.mjs uses, over the panel frame. `testPage` is the inspected page (for
 * reading the clipboard), `cdp` a browser-level CDP session (for downloads).
 */
export async function chromiumDriver({ browser, page, panel, testPage }) {
  const downloadDir = mkdtempSync(path.join(tmpdir(), 'authlens-e2e-downloads-'));
  const cdp = await browser.target().createCDPSession();
  let downloadsWork = true;
  try {
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadDir, eventsEnabled: true });
  } catch {
    downloadsWork = false;
  }
  const completed = new Map(); // guid -> suggested name
  const names = new Map();
  cdp.on('Browser.downloadWillBegin', (e) => names.set(e.guid, e.suggestedFilename));
  cdp.on('Browser.downloadProgress', (e) => {
    if (e.state === 'completed') completed.set(e.guid, names.get(e.guid));
  });
  let origin = null;
  try {
    origin = new URL(testPage.url()).origin;
    await browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  } catch {
    origin = null;
  }

  const original = await page.evaluate(() => [innerWidth, innerHeight]);
  const driver = {
    browser: 'chromium',
    /** The DevTools window's size (the undocked front-end: the panel gets its width, less the tab bar's height). */
    async resize(width, height) {
      await page.setViewport(width ? { width, height } : { width: original[0], height: original[1] });
    },
    frame: panel,
    evaluate: (fn, ...args) => panel.evaluate(fn, ...args),
    async waitFor(fn, { timeout = 10_000, polling = 100 } = {}, ...args) {
      const handle = await panel.waitForFunction(fn, { timeout, polling }, ...args);
      const value = await handle.jsonValue().catch(() => true);
      await handle.dispose().catch(() => {});
      return value;
    },
    async click(selector) {
      const element = await panel.waitForSelector(selector, { visible: true, timeout: 10_000 });
      await element.click();
      await element.dispose();
    },
    async press(key, times = 1) {
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    },
    async type(text) {
      await page.keyboard.type(text, { delay: 5 });
    },
    async upload(selector, { name, text }) {
      const dir = mkdtempSync(path.join(tmpdir(), 'authlens-e2e-upload-'));
      const file = path.join(dir, name.replace(/[/\\]/g, '_'));
      writeFileSync(file, text);
      const input = await panel.$(selector);
      await input.uploadFile(file);
      await input.dispose();
      setTimeout(() => rmSync(dir, { recursive: true, force: true }), 30_000).unref();
    },
    /** The system clipboard's text, or null when this browser cannot read it back. */
    async readClipboard() {
      if (!origin) return null;
      try {
        await testPage.bringToFront();
        const text = await testPage.evaluate(() => navigator.clipboard.readText());
        return typeof text === 'string' ? text : null;
      } catch {
        return null;
      } finally {
        // Back to the DevTools window, whose panel the next steps drive.
        await page.bringToFront().catch(() => {});
      }
    },
    /** Put `text` on the system clipboard (to tell a fresh copy from an old one); false if it cannot. */
    async writeClipboard(text) {
      if (!origin) return false;
      try {
        await testPage.bringToFront();
        await testPage.evaluate((t) => navigator.clipboard.writeText(t), text);
        return true;
      } catch {
        return false;
      } finally {
        await page.bringToFront().catch(() => {});
      }
    },
    /** The text of the file downloaded as `filename`, or null (after `timeout`) if none arrived. */
    async download(filename, timeout = 10_000) {
      if (!downloadsWork) return null;
      const end = Date.now() + timeout;
      while (Date.now() < end) {
        const file = path.join(downloadDir, filename);
        if ([...completed.values()].includes(filename) && existsSync(file)) return readFileSync(file, 'utf8');
        await sleep(100);
      }
      return null;
    },
    listDownloads: () => (existsSync(downloadDir) ? readdirSync(downloadDir) : []),
    async screenshot(file) {
      mkdirSync(path.dirname(file), { recursive: true });
      await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => {});
      await page.screenshot({ path: file });
    },
    async close() {
      await cdp.detach().catch(() => {});
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
  return driver;
}
