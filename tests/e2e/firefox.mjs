// Firefox end-to-end run, without WebDriver ("route A" of the Firefox E2E notes): a fresh profile
// whose user.js keeps Firefox quiet and on loopback, the E2E build sideloaded as an unsigned .xpi
// in PROFILE/extensions/, and `firefox-esr -headless -devtools URL`, which opens the toolbox (and
// so the extension's devtools page) for the test tab. The same handshake and the same checks as
// the Chromium run; then the panel is driven as a user would through Marionette (Firefox's own
// remote protocol, `-marionette -remote-allow-system-access`; see panel-firefox.mjs). There is no
// panel screenshot here.
//
//   node tests/e2e/firefox.mjs      (or: node tests/e2e/run.mjs firefox)

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { Checks, awaitRun, judge, saveArtifacts } from './checks.mjs';
import { connectMarionette, freePort } from './marionette.mjs';
import { downloadPrefs, firefoxDriver } from './panel-firefox.mjs';
import { checkPanelUi } from './panel-checks.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export const FIREFOX_DIST = process.env.AUTHLENS_E2E_FIREFOX_DIR || path.join(ROOT, 'dist/e2e-firefox');
const FIREFOX_BIN = process.env.FIREFOX_BIN || 'firefox-esr';
const DEFAULT_ADDON_ID = 'authlens@authlens.dev';

/** user.js: unsigned sideloading, no phoning home, every host name resolved to 127.0.0.1. */
export const PREFS = {
  // Sideload the unsigned add-on from the profile and enable it without asking.
  'xpinstall.signatures.required': false,
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 15,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  // DevTools: the Network panel selected (getHAR is empty until it has been shown, and it must
  // not filter anything out or onRequestFinished is dropped).
  'devtools.toolbox.selectedTool': 'netmonitor',
  'devtools.toolbox.host': 'bottom',
  'devtools.netmonitor.filters': '["all"]',
  // Name resolution: everything is 127.0.0.1, no proxy, plain http stays plain http.
  'network.dns.forceResolve': '127.0.0.1',
  'network.proxy.type': 0,
  'dom.security.https_first': false,
  'dom.security.https_only_mode': false,
  'network.stricttransportsecurity.preloadlist': false,
  // Start-up quiet.
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'startup.homepage_welcome_url': '',
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.page': 0,
  'toolkit.startup.max_resumed_crashes': -1,
  'browser.sessionstore.resume_from_crash': false,
  // No reporting, updates, studies or safe browsing.
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': 'data:,',
  'telemetry.fog.test.localhost_port': -1,
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  // No background connections (remote settings also needs MOZ_REMOTE_SETTINGS_DEVTOOLS=1).
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'browser.topsites.contile.enabled': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.newtabpage.activity-stream.showSponsored': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.unifiedAds.tiles.enabled': false,
  'browser.newtabpage.activity-stream.unifiedAds.spocs.enabled': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
};

export function userJs(prefs = PREFS) {
  return Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n';
}

/**
 * Run the Firefox E2E. `signal` aborts (kills the process group) on the caller's overall time
 * limit. Resolves to a Checks list; never throws for a test failure.
 */
export async function runFirefox({ extDir = FIREFOX_DIST, signal, budgetMs = 80_000 } = {}) {
  const checks = new Checks('firefox');
  const deadline = Date.now() + budgetMs;
  const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  checks.add(`manifest has gecko id ${DEFAULT_ADDON_ID}`, addonId === DEFAULT_ADDON_ID, `got ${JSON.stringify(addonId)}`);

  const server = await startServer();
  const profile = mkdtempSync(path.join(tmpdir(), 'authlens-e2e-firefox-'));
  const output = [];
  let child = null;
  let exited = null;

  const killGroup = (sig) => {
    if (!child || exited) return;
    try { process.kill(-child.pid, sig); } catch { /* group already gone */ }
  };
  const onAbort = () => {
    server.abort(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    killGroup('SIGKILL');
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  let marionette = null;
  try {
    const marionettePort = await freePort();
    const downloadDir = path.join(profile, 'downloads');
    mkdirSync(downloadDir);
    writeFileSync(path.join(profile, 'user.js'), userJs({ ...PREFS, ...downloadPrefs(downloadDir), 'marionette.port': marionettePort }));
    mkdirSync(path.join(profile, 'extensions'));
    const xpi = path.join(profile, 'extensions', `${addonId || DEFAULT_ADDON_ID}.xpi`);
    const zip = spawnSync('zip', ['-q', '-r', '-X', xpi, '.'], { cwd: extDir, encoding: 'utf8' });
    if (!checks.add('add-on packed as .xpi', zip.status === 0, zip.error ? `zip: ${zip.error.message} (apt-get install zip)` : zip.stderr)) {
      return checks;
    }

    child = spawn(FIREFOX_BIN, ['-headless', '-no-remote', '-profile', profile, '-marionette', '-remote-allow-system-access', '-devtools', server.pageUrl], {
      detached: true, // its own process group, so the content processes die with it
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', // without it the dummy services.settings.server is ignored
        MOZ_CRASHREPORTER_DISABLE: '1',
        MOZ_HEADLESS: '1',
      },
    });
    const keep = (d) => {
      output.push(String(d));
      if (output.length > 400) output.splice(0, 100);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => { exited = { error: e }; server.abort(new Error(`could not start ${FIREFOX_BIN}: ${e.message}`)); });
    child.on('exit', (code, sig) => {
      exited = { code, sig };
      server.abort(new Error(`firefox exited early (code ${code}, signal ${sig}); last output: ${output.join('').slice(-600)}`));
    });

    const up = await awaitRun({ server, checks, browser: 'firefox', deadline });
    if (up) {
      judge({ server, checks });
      marionette = await connectMarionette(marionettePort, Math.min(deadline, Date.now() + 20_000));
      await marionette.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { 'moz:accessibilityChecks': false } } });
      let driver = null;
      try {
        driver = await firefoxDriver({ marionette, downloadDir, deadline });
        checks.add('panel "authlens" opens (toolbox.selectTool)', true);
      } catch (e) {
        checks.add('panel "authlens" opens (toolbox.selectTool)', false, (e && e.message) || String(e));
      }
      if (driver) {
        await checkPanelUi({
          driver, checks, server, deadline: deadline - 5000,
          hooks: { reload: () => driver.navigate(server.pageUrl) },
        });
        await checkLateDevtools({ marionette, downloadDir, server, checks, deadline });
        await checkBlockedPreflight({ marionette, downloadDir, server, checks, deadline });
      }
    }
    checks.add('firefox still running at the end', !exited, exited ? JSON.stringify(exited) : '');
  } catch (e) {
    checks.add('run completed', false, signal?.aborted ? String(signal.reason?.message ?? signal.reason) : (e && e.stack) || String(e));
  } finally {
    signal?.removeEventListener('abort', onAbort);
    marionette?.close();
    saveArtifacts('firefox', server, { 'firefox-output.log': output.join('') });
    if (child && !exited) {
      child.removeAllListeners('exit');
      const gone = new Promise((r) => child.once('exit', r));
      killGroup('SIGTERM');
      const quick = await Promise.race([gone.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!quick) {
        killGroup('SIGKILL');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      }
    }
    // Children of the group may outlive the parent briefly; make sure none is left.
    if (child) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
    }
    await server.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
  return checks;
}

/** Run a privileged script in the browser window (chrome context); resolves to its value. */
async function chromeScript(marionette, body, args = [], timeoutMs = 20_000) {
  const script = `const done = arguments[arguments.length - 1];
    (async () => { ${body} })().then((value) => done({ ok: true, value }), (e) => done({ ok: false, error: String(e && e.message || e) }));`;
  const result = await marionette.send('WebDriver:ExecuteAsyncScript', { script, args, scriptTimeout: timeoutMs }, timeoutMs + 5000);
  if (!result?.value?.ok) throw new Error(result?.value?.error ?? JSON.stringify(result));
  return result.value.value;
}

/**
 * A POST whose CORS preflight is refused (401): Firefox lists only the OPTIONS, never the POST.
 * The panel must list the blocked POST right after its preflight, marked (blocked).
 */
async function checkBlockedPreflight({ marionette, downloadDir, server, checks, deadline }) {
  if (deadline - Date.now() < 25_000) {
    checks.add('Firefox: a request blocked by a refused preflight is listed', false, 'skipped: out of time');
    return;
  }
  try {
    server.resetHandshake();
    await chromeScript(marionette, `
      const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
      const { gDevTools } = require("devtools/client/framework/devtools");
      const win = Services.wm.getMostRecentWindow("navigator:browser");
      const tab = win.gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      win.gBrowser.selectedTab = tab;
      await gDevTools.showToolboxForTab(tab, { toolId: "webconsole" });
      return true;
    `, [`${server.origin}/blocked`]);
    await server.waitFor((st) => st.blockedDone, 20_000, 'the blocked page to finish');
    const driver = await firefoxDriver({ marionette, downloadDir, deadline });
    await driver.click('#modes [data-mode="all"]');
    const rows = await driver.waitFor(() => {
      const list = [...document.querySelectorAll('#rows .row')].map((r) => ({
        method: r.querySelector('.c-method')?.textContent, path: r.querySelector('.c-path')?.textContent,
        status: r.querySelector('.c-status')?.textContent, title: r.querySelector('.c-status')?.title ?? '', seq: r.dataset.seq,
      })).filter((r) => r.path === '/v1/admin');
      return list.length >= 2 && list;
    }, { timeout: 15_000 }).catch(() => null);
    const options = rows?.findIndex((r) => r.method === 'OPTIONS' && r.status === '401') ?? -1;
    const blocked = rows?.[options + 1];
    checks.add('Firefox: a POST blocked by a refused preflight is listed right after its OPTIONS, marked (blocked)', options >= 0
      && blocked?.method === 'POST' && blocked.status === '(blocked)' && /preflight was refused/.test(blocked.title), JSON.stringify(rows));
    if (blocked) {
      await driver.click(`#rows .row[data-seq="${blocked.seq}"] .c-method`);
      const text = await driver.waitFor(() => {
        const d = document.querySelector('#details');
        return d && !d.hidden && d.textContent;
      }, { timeout: 10_000 });
      checks.add('Firefox: its details say the preflight was refused and link to it', /CORS preflight \(OPTIONS, status 401\) was refused/.test(text)
        && /its preflight \(#\d+\)/.test(text), text.slice(0, 300));
    }
  } catch (e) {
    checks.add('Firefox: blocked by a refused preflight (completed)', false, (e && e.message) || String(e));
  }
}

/**
 * DevTools opened on a page that had loaded seconds before: a new tab with no toolbox, then the
 * toolbox opened on it. The panel must say that the start of the session was missed, and its
 * "Reload page" must reload the page (after which the notice goes).
 */
async function checkLateDevtools({ marionette, downloadDir, server, checks, deadline }) {
  if (deadline - Date.now() < 25_000) {
    checks.add('DevTools opened late: notice and Reload page', false, 'skipped: out of time');
    return;
  }
  const run = (body, args = [], timeoutMs = 20_000) => chromeScript(marionette, body, args, timeoutMs);
  try {
    const lateUrl = `${server.origin}/late`;
    await run(`
      const win = Services.wm.getMostRecentWindow("navigator:browser");
      const tab = win.gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      win.gBrowser.selectedTab = tab;
      return true;
    `, [lateUrl]);
    await new Promise((r) => setTimeout(r, 5500));
    await run(`
      const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
      const { gDevTools } = require("devtools/client/framework/devtools");
      const win = Services.wm.getMostRecentWindow("navigator:browser");
      await gDevTools.showToolboxForTab(win.gBrowser.selectedTab, { toolId: "webconsole" });
      return true;
    `);
    const late = await firefoxDriver({ marionette, downloadDir, deadline });
    const notice = await late.waitFor(() => {
      const n = document.querySelector('#late-notice');
      return n && !document.querySelector('#alerts').hidden && n.textContent;
    }, { timeout: 15_000 }).catch(() => null);
    checks.add('DevTools opened after the page loaded: the panel says so at the top', /DevTools opened after this page had loaded/.test(notice ?? ''), String(notice).slice(0, 200));
    const before = server.state.lateLoads ?? 0;
    await late.click('#reload-page');
    const gone = await late.waitFor(() => document.querySelector('#alerts').hidden || !document.querySelector('#late-notice'), { timeout: 15_000 }).catch(() => false);
    const reloaded = await server.waitFor((st) => (st.lateLoads ?? 0) > before, 10_000, 'the page to load again').then(() => true, () => false);
    checks.add('"Reload page" reloads the inspected page and the notice goes', gone === true && reloaded, JSON.stringify({ gone, reloaded, loads: server.state.lateLoads }));
  } catch (e) {
    checks.add('DevTools opened late (completed)', false, (e && e.message) || String(e));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // No top-level await here: run.mjs imports this module, which must finish evaluating first.
  import('./run.mjs').then(({ main }) => main(['firefox'])).then((code) => { process.exitCode = code; });
}
