// browser.ts: the callback-or-promise adapter, getContent normalisation, and the API wrappers
// against fake `chrome` objects shaped like Chromium's (callbacks) and Firefox's (promises).

import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "../test-support/load-ts.mjs";

const browser = await loadTs("browser.ts");

afterEach(() => {
  delete globalThis.chrome;
  delete globalThis.browser;
});

// Chromium: getContent takes a callback and returns undefined.
function chromiumEntry(content, encoding) {
  return { getContent: (callback) => void setTimeout(() => callback(content, encoding), 1) };
}

// Firefox: getContent returns a promise of [text, mimeType] and ignores a callback.
function firefoxEntry(result, fail) {
  return { getContent: () => (fail ? Promise.reject(new Error(fail)) : Promise.resolve(result)) };
}

test("readContent: Chromium callback form, text body", async () => {
  assert.deepEqual(await browser.readContent(chromiumEntry('{"error":"x"}', "")), {
    text: '{"error":"x"}',
    encoding: null,
  });
});

test("readContent: Chromium callback form, base64 body keeps its encoding", async () => {
  assert.deepEqual(await browser.readContent(chromiumEntry("AAEC", "base64")), { text: "AAEC", encoding: "base64" });
});

test("readContent: Chromium reports failure as null content", async () => {
  const body = await browser.readContent(chromiumEntry(null, ""));
  assert.equal(body.text, null);
  assert.match(body.error, /no response body/);
});

test("readContent: Firefox promise form; the MIME type is not taken for an encoding", async () => {
  assert.deepEqual(await browser.readContent(firefoxEntry(["body text", "application/json"])), {
    text: "body text",
    encoding: null,
  });
});

test("readContent: Firefox rejection becomes an error, not an exception", async () => {
  const body = await browser.readContent(firefoxEntry(null, "Unexpected error while fetching response content"));
  assert.equal(body.text, null);
  assert.match(body.error, /Unexpected error while fetching response content/);
});

test("readContent: works even when `browser` is defined next to a callback-style API (Chromium)", async () => {
  globalThis.browser = { devtools: {} }; // Chromium defines it too; it must not change the path taken
  assert.equal((await browser.readContent(chromiumEntry("ok", ""))).text, "ok");
});

test("readContent: a getContent that never answers times out", async () => {
  const body = await browser.readContent({ getContent: () => undefined }, 20);
  assert.equal(body.text, null);
  assert.match(body.error, /no answer after 20 ms/);
});

test("readContent: a getContent that throws, or is missing", async () => {
  const thrown = await browser.readContent({
    getContent() {
      throw new Error("request ids were reset by a navigation");
    },
  });
  assert.match(thrown.error, /reset by a navigation/);
  assert.match((await browser.readContent({})).error, /no getContent/);
});

test("readContent: calls getContent with the entry as `this` (Chromium's prototype method)", async () => {
  const entry = {
    id: 7,
    getContent(callback) {
      callback(String(this.id), "");
    },
  };
  assert.equal((await browser.readContent(entry)).text, "7");
});

test("settle: resolves once when an API both calls back and returns a promise", async () => {
  let calls = 0;
  const value = await browser.settle(
    (callback) => {
      callback("from-callback");
      return Promise.resolve("from-promise");
    },
    ([v]) => (calls++, v),
    (v) => (calls++, v),
  );
  assert.equal(value, "from-callback");
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(calls, 1);
});

test("settle: chrome.runtime.lastError in a callback rejects", async () => {
  globalThis.chrome = { runtime: { lastError: { message: "Could not establish connection" } } };
  await assert.rejects(
    browser.settle((cb) => cb(), () => 1, () => 2),
    /Could not establish connection/,
  );
});

function fakeApi({ promises }) {
  const listeners = { finished: [], navigated: [] };
  const answer = (value, callback) => (promises ? Promise.resolve(value) : void callback(value));
  return {
    listeners,
    runtime: { getURL: (p) => (promises ? "moz-extension://uuid/" : "chrome-extension://id/") + p },
    devtools: {
      inspectedWindow: {
        eval(expression, callback) {
          if (expression === "throw") {
            const info = { isException: true, value: "ReferenceError: nope" };
            return promises ? Promise.resolve([undefined, info]) : void callback(undefined, info);
          }
          return promises ? Promise.resolve(["http://127.0.0.1:5", undefined]) : void callback("http://127.0.0.1:5", undefined);
        },
      },
      network: {
        getHAR: (callback) => answer({ entries: [{ request: { url: "a" } }, { request: { url: "b" } }] }, callback),
        onRequestFinished: { addListener: (f) => listeners.finished.push(f) },
        onNavigated: { addListener: (f) => listeners.navigated.push(f) },
      },
      panels: {
        themeName: promises ? "dark" : "default",
        create: (title, icon, page, callback) =>
          answer({ onShown: { addListener() {} }, onHidden: { addListener() {} }, title }, callback),
      },
    },
  };
}

for (const promises of [false, true]) {
  const kind = promises ? "Firefox (promises)" : "Chromium (callbacks)";

  test(`getHarEntries, evalInInspectedPage, createPanel: ${kind}`, async () => {
    globalThis.chrome = fakeApi({ promises });
    assert.deepEqual((await browser.getHarEntries()).map((e) => e.request.url), ["a", "b"]);
    assert.equal(await browser.evalInInspectedPage("location.origin"), "http://127.0.0.1:5");
    await assert.rejects(browser.evalInInspectedPage("throw"), /ReferenceError: nope/);
    const panel = await browser.createPanel("authlens", "icons/icon-32.png", "panel.html");
    assert.equal(typeof panel.onShown, "function");
  });

  test(`browserName and themeName: ${kind}`, () => {
    globalThis.chrome = fakeApi({ promises });
    assert.equal(browser.browserName(), promises ? "firefox" : "chrome");
    assert.equal(browser.themeName(), promises ? "dark" : "light");
  });
}

test("the `browser` namespace is used when there is no `chrome`", async () => {
  globalThis.browser = fakeApi({ promises: true });
  assert.equal((await browser.getHarEntries()).length, 2);
});

test("without any devtools API the wrappers say so", async () => {
  await assert.rejects(browser.getHarEntries(), /no devtools extension API/);
  assert.equal(browser.themeName(), "light");
});

test("errorText reads Errors, strings and message-bearing objects", () => {
  assert.equal(browser.errorText(new Error("boom")), "boom");
  assert.equal(browser.errorText("plain"), "plain");
  assert.equal(browser.errorText({ message: "from firefox" }), "from firefox");
  assert.equal(browser.errorText({ code: 3 }), '{"code":3}');
});
