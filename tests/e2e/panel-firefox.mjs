// Driving the authlens panel inside Firefox's toolbox, headless, without WebDriver: Marionette
// (`-marionette`, `-remote-allow-system-access`) runs privileged scripts in the browser window.
// They find the toolbox of the test tab, select the extension's panel (toolbox.selectTool), and
// load a frame script into the panel's <browser> (an out-of-process extension page). The frame
// script runs next to the panel's document and performs what panel-checks.mjs asks: evaluate a
// function against the panel's window/document, click with real mouse events
// (windowUtils.sendMouseEvent), press keys through a TextInputProcessor, and put a file in the
// file input (mozSetFileArray). Downloads go to a directory set in user.js; the clipboard is read
// in the parent process.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Prefs that make <a download> save into `dir` without asking. */
export function downloadPrefs(dir) {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.panel.shown': true,
    'browser.helperApps.neverAsk.saveToDisk': 'text/markdown,application/json,text/plain,application/octet-stream',
    'browser.download.manager.addToRecentDocs': false,
  };
}

// Runs in the panel's process (system principal). `content` is the panel's window.
const FRAME_SCRIPT = `
const { classes: Cc, interfaces: Ci, utils: Cu } = Components;
let tip = null;
function keyProcessor() {
  if (!tip) tip = Cc["@mozilla.org/text-input-processor;1"].createInstance(Ci.nsITextInputProcessor);
  if (!tip.beginInputTransactionForTests(content)) throw new Error("no input transaction");
  return tip;
}
const KEY_CODES = { Enter: 13, Escape: 27, ArrowDown: 40, ArrowUp: 38, PageDown: 34, PageUp: 33, Home: 36, End: 35, Tab: 9, Backspace: 8 };
function key(name) {
  const p = keyProcessor();
  const init = { key: name };
  if (KEY_CODES[name]) { init.code = name; init.keyCode = KEY_CODES[name]; }
  const event = new content.KeyboardEvent("", init);
  p.keydown(event);
  p.keyup(event);
}
function element(selector) {
  const el = content.document.querySelector(selector);
  if (!el) throw new Error("no element matches " + selector);
  return el;
}
const commands = {
  async evaluate(source, args) {
    // A sandbox with the panel's own principal over its window, without Xrays: the function sees
    // the panel's window and document as page code does (expandos included), and evalInSandbox is
    // not subject to the page's CSP.
    const sandbox = Cu.Sandbox(content.document.nodePrincipal, {
      sandboxPrototype: content,
      wantXrays: false,
      sameZoneAs: content,
    });
    const fn = Cu.evalInSandbox("(" + source + ")", sandbox);
    const value = await fn(...Cu.cloneInto(args, sandbox));
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
  },
  click(selector) {
    const el = element(selector);
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) throw new Error(selector + " is not visible");
    const clientX = r.left + Math.min(r.width / 2, 40), clientY = r.top + r.height / 2;
    const target = content.document.elementFromPoint(clientX, clientY) || el;
    if (target !== el && !el.contains(target)) throw new Error(selector + " is covered by another element");
    const utils = content.windowUtils;
    // As the user's click: trusted events (dispatched by privileged code) on the element under the
    // pointer, handled as user input, so clipboard writes and downloads are allowed as for a user.
    const input = utils.setHandlingUserInput(true);
    try {
      for (const type of ["mousedown", "mouseup", "click"]) {
        const event = new content.MouseEvent(type, {
          bubbles: true, cancelable: true, composed: true, view: content, clientX, clientY, button: 0,
          buttons: type === "mousedown" ? 1 : 0, detail: 1,
        });
        target.dispatchEvent(event);
      }
    } finally {
      input.destruct();
    }
    return true;
  },
  press(name, times) {
    for (let i = 0; i < times; i++) key(name);
    return true;
  },
  type(text) {
    for (const ch of text) key(ch);
    return true;
  },
  upload(selector, name, text) {
    const input = element(selector);
    const file = new content.File([text], name, { type: "application/json" });
    input.mozSetFileArray([file]);
    input.dispatchEvent(new content.Event("input", { bubbles: true }));
    input.dispatchEvent(new content.Event("change", { bubbles: true }));
    return true;
  },
};
addMessageListener("authlens-test:command", async (message) => {
  const { id, name, args } = message.data;
  let reply;
  try {
    reply = { id, ok: true, value: await commands[name](...args) };
  } catch (e) {
    reply = { id, ok: false, error: String((e && e.message) || e) };
  }
  sendAsyncMessage("authlens-test:reply", reply);
});
sendAsyncMessage("authlens-test:reply", { id: 0, ok: true, value: "loaded" });
`;

/** Wrap a chrome-context async script body for Marionette. */
function asyncScript(body) {
  return `const __done = arguments[arguments.length - 1];
(async () => { ${body} })().then((v) => __done({ ok: true, value: v === undefined ? null : v }), (e) => __done({ ok: false, error: String((e && e.stack) || e) }));`;
}

/**
 * Select the authlens panel in the test tab's toolbox and attach the frame script to it.
 * Resolves to a driver for panel-checks.mjs.
 */
export async function firefoxDriver({ marionette, downloadDir, deadline }) {
  const chrome = async (body, args = [], timeoutMs = 20_000) => {
    const result = await marionette.send('WebDriver:ExecuteAsyncScript', { script: asyncScript(body), args, scriptTimeout: timeoutMs }, timeoutMs + 5000);
    const value = result?.value;
    if (!value?.ok) throw new Error(`chrome script failed: ${value?.error ?? JSON.stringify(result)}`);
    return value.value;
  };
  await marionette.send('Marionette:SetContext', { value: 'chrome' });

  const opened = await chrome(`
    const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
    const { gDevTools } = require("devtools/client/framework/devtools");
    const win = Services.wm.getMostRecentWindow("navigator:browser");
    const end = Date.now() + arguments[0];
    let toolbox = null, id = null;
    while (Date.now() < end) {
      toolbox = gDevTools.getToolboxForTab(win.gBrowser.selectedTab);
      id = toolbox && [...toolbox.additionalToolDefinitions.keys()].find((k) => k.startsWith("webext-devtools-panel-"));
      if (id) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!id) throw new Error("no toolbox with the extension's panel for the selected tab");
    await toolbox.selectTool(id);
    const frame = toolbox.doc.getElementById("toolbox-panel-iframe-" + id);
    let browser = null;
    while (Date.now() < end) {
      browser = frame && frame.contentDocument && frame.contentDocument.querySelector("browser");
      if (browser && browser.currentURI && browser.currentURI.spec.endsWith("/panel.html")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!browser || !browser.currentURI.spec.endsWith("/panel.html")) throw new Error("the panel's <browser> never loaded panel.html");
    const mm = browser.messageManager;
    const state = { mm, browser, waiting: new Map(), next: 1 };
    const loaded = new Promise((resolve) => { state.waiting.set(0, resolve); });
    mm.addMessageListener("authlens-test:reply", (message) => {
      const resolve = state.waiting.get(message.data.id);
      state.waiting.delete(message.data.id);
      if (resolve) resolve(message.data);
    });
    mm.loadFrameScript("data:application/javascript;charset=utf-8," + encodeURIComponent(arguments[1]), false);
    await Promise.race([loaded, new Promise((_, reject) => setTimeout(() => reject(new Error("the frame script did not start")), 10000))]);
    win.__authlensTest = state;
    return { id, url: browser.currentURI.spec };
  `, [Math.max(5000, Math.min(30_000, deadline - Date.now())), FRAME_SCRIPT], 40_000);

  const command = async (name, args = [], timeoutMs = 15_000) => {
    const reply = await chrome(`
      const state = Services.wm.getMostRecentWindow("navigator:browser").__authlensTest;
      const id = state.next++;
      const answer = new Promise((resolve) => state.waiting.set(id, resolve));
      state.mm.sendAsyncMessage("authlens-test:command", { id, name: arguments[0], args: arguments[1] });
      return await Promise.race([answer, new Promise((r) => setTimeout(() => r({ ok: false, error: "no answer from the panel" }), arguments[2]))]);
    `, [name, args, timeoutMs], timeoutMs + 2000);
    if (!reply?.ok) throw new Error(`${name} in the panel failed: ${reply?.error}`);
    return reply.value;
  };

  const driver = {
    browser: 'firefox',
    panelUrl: opened.url,
    evaluate: (fn, ...args) => command('evaluate', [String(fn), args]),
    async waitFor(fn, { timeout = 10_000, polling = 150 } = {}, ...args) {
      const end = Date.now() + timeout;
      let last;
      for (;;) {
        try {
          last = await command('evaluate', [String(fn), args]);
          if (last) return last;
        } catch (e) {
          last = e;
        }
        if (Date.now() > end) throw new Error(`timed out after ${timeout} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
        await sleep(polling);
      }
    },
    click: (selector) => driver.waitFor((s) => { const el = document.querySelector(s); return !!el && el.getClientRects().length > 0; }, { timeout: 10_000 }, selector)
      .then(() => command('click', [selector])),
    press: (key, times = 1) => command('press', [key, times]),
    type: (text) => command('type', [text]),
    upload: (selector, { name, text }) => command('upload', [selector, name, text], 30_000),
    /** The system clipboard's text, read in the parent process, or null. */
    async readClipboard() {
      try {
        return await chrome(`
          const trans = Cc["@mozilla.org/widget/transferable;1"].createInstance(Ci.nsITransferable);
          trans.init(null);
          trans.addDataFlavor("text/plain");
          Services.clipboard.getData(trans, Services.clipboard.kGlobalClipboard);
          const data = {};
          trans.getTransferData("text/plain", data);
          return data.value.QueryInterface(Ci.nsISupportsString).data;
        `);
      } catch {
        return null;
      }
    },
    /** Put `text` on the system clipboard (to tell a fresh copy from an old one); false if it cannot. */
    async writeClipboard(text) {
      try {
        await chrome(`Cc["@mozilla.org/widget/clipboardhelper;1"].getService(Ci.nsIClipboardHelper).copyString(arguments[0]);`, [text]);
        return true;
      } catch {
        return false;
      }
    },
    /** The text of the file downloaded as `filename`, or null (after `timeout`) if none arrived. */
    async download(filename, timeout = 10_000) {
      const end = Date.now() + timeout;
      const file = path.join(downloadDir, filename);
      while (Date.now() < end) {
        // Firefox writes NAME.part first and renames it when the download completes.
        if (existsSync(file) && !existsSync(`${file}.part`)) {
          await sleep(100);
          return readFileSync(file, 'utf8');
        }
        await sleep(100);
      }
      return null;
    },
    listDownloads: () => (existsSync(downloadDir) ? readdirSync(downloadDir) : []),
    async navigate(url) {
      await marionette.send('Marionette:SetContext', { value: 'content' });
      try {
        await marionette.send('WebDriver:Navigate', { url }, 30_000);
      } finally {
        await marionette.send('Marionette:SetContext', { value: 'chrome' });
      }
    },
    /**
     * Give the panel a size (CSS px), as DevTools docked right or at the bottom would: the
     * panel's <browser> is sized, the rest of the toolbox stays as it is (null: back to normal).
     */
    async resize(width, height) {
      await chrome(`
        const b = Services.wm.getMostRecentWindow("navigator:browser").__authlensTest.browser;
        for (const [k, v] of Object.entries(arguments[0]
          ? { flex: "none", width: arguments[0] + "px", minWidth: arguments[0] + "px", maxWidth: arguments[0] + "px",
              height: arguments[1] + "px", minHeight: arguments[1] + "px", maxHeight: arguments[1] + "px" }
          : { flex: "", width: "", minWidth: "", maxWidth: "", height: "", minHeight: "", maxHeight: "" })) b.style[k] = v;
        return true;
      `, [width, height]);
    },
    async close() {},
  };
  return driver;
}
