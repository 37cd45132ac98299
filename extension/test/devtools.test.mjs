// devtools.ts as a whole, in node: a fake devtools API (Chromium-style callbacks or Firefox-style
// promises), a fake engine standing in for the wasm glue, and a fake panel window. Checks what the
// engine is handed, what the panel receives, and what the E2E reporter posts.

import { test, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadTs } from "../test-support/load-ts.mjs";

const ENGINE = fileURLToPath(new URL("../test-support/fake-engine.mjs", import.meta.url));

async function until(condition, what, timeoutMs = 3000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function entry(method, url, status, body, { mimeType = "application/json", promises = false } = {}) {
  const calls = { getContent: 0 };
  const e = {
    startedDateTime: `2026-11-23T10:00:00.${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}Z`,
    request: { method, url, headers: [{ name: "Authorization", value: "Bearer raw-secret-value" }] },
    response: { status, headers: [], content: { size: body.length, mimeType } },
  };
  // Chromium puts getContent on the prototype; Firefox entries from events return a promise.
  const proto = {
    getContent(callback) {
      calls.getContent += 1;
      if (promises) return Promise.resolve([body, mimeType]);
      setTimeout(() => callback(body, ""), 1);
    },
  };
  return { entry: Object.assign(Object.create(proto), e), calls };
}

function fakeDevtools({ promises, har, origin = "http://127.0.0.1:4321", theme = "default", page = null, openResource = true }) {
  const listeners = { finished: [], navigated: [], shown: [], opened: [], reloads: 0 };
  // What the inspected page answers: its origin, or (for the late-start probe) its load state.
  const evaluate = (expr) => (expr.includes("readyState") ? JSON.stringify(page ?? ["loading", `${origin}/`, 10]) : origin);
  const answer = (value, callback) => (promises ? Promise.resolve(value) : void setTimeout(() => callback(value), 1));
  const api = {
    runtime: { getURL: (p) => `${promises ? "moz-extension://uuid" : "chrome-extension://abc"}/${p}` },
    devtools: {
      inspectedWindow: {
        eval: (expr, callback) => (promises ? Promise.resolve([evaluate(expr), undefined]) : void callback(evaluate(expr), undefined)),
        reload: () => {
          listeners.reloads += 1;
        },
      },
      network: {
        getHAR: (callback) => answer({ entries: har }, callback),
        onRequestFinished: { addListener: (f) => listeners.finished.push(f) },
        onNavigated: { addListener: (f) => listeners.navigated.push(f) },
      },
      panels: {
        themeName: theme,
        ...(openResource
          ? {
              openResource: (url, line, column, callback) => {
                listeners.opened.push([url, line, column]);
                return answer(undefined, callback);
              },
            }
          : {}),
        create: (title, icon, page, callback) => {
          listeners.created = { title, icon, page };
          return answer({ onShown: { addListener: (f) => listeners.shown.push(f) }, onHidden: { addListener() {} } }, callback);
        },
      },
    },
  };
  return { api, listeners };
}

/** Ports handed to fake panels; open ports keep node alive, so each test closes its own. */
const openPorts = [];

/** A panel window: answers "connect" with "ready" and records what arrives on the port. */
function fakePanel() {
  const received = [];
  let port = null;
  const win = {
    postMessage(msg, targetOrigin, transfer) {
      assert.equal(msg.kind, "connect");
      assert.equal(targetOrigin, globalThis.location.origin);
      port = transfer[0];
      openPorts.push(port);
      port.onmessage = (event) => received.push(event.data);
      port.postMessage({ protocol: "authlens/1", kind: "ready", session: null, lastSeq: -1 });
    },
  };
  return { win, received, send: (msg) => port.postMessage({ protocol: "authlens/1", ...msg }) };
}

/** The panel's view of the items: the last reset snapshot plus items after it. */
function panelItems(received) {
  let items = [];
  for (const msg of received) {
    if (msg.kind === "snapshot") items = msg.reset ? [...msg.items] : [...items, ...msg.items];
    if (msg.kind === "item") items.push(msg.item);
  }
  return items;
}

/** docs.json as the build writes it (`authlens explain --json`): id → Markdown. */
const DOCS = { placeholder_credentials: "# placeholder_credentials\n\n<b>not html</b>" };

let posts, docsFetches, docsAnswer;
beforeEach(() => {
  globalThis.__fakeEngine = { entries: [], inits: [], cleared: 0, failInit: null };
  globalThis.location = { origin: "chrome-extension://abc" };
  posts = [];
  docsFetches = [];
  docsAnswer = () => ({ ok: true, status: 200, json: async () => DOCS });
  globalThis.fetch = async (url, init) => {
    if (String(url).endsWith("/docs.json")) {
      docsFetches.push(url);
      return docsAnswer();
    }
    posts.push({ url, init, msg: JSON.parse(init.body) });
    return { ok: true };
  };
});

afterEach(() => {
  for (const port of openPorts.splice(0)) port.close();
  delete globalThis.chrome;
  delete globalThis.browser;
  delete globalThis.fetch;
});

test("Chromium: history then live entries are analysed in order, bodies filled, errors kept", async () => {
  const early = entry("GET", "http://127.0.0.1:4321/api", 401, '{"error":"invalid_token"}');
  const { api, listeners } = fakeDevtools({ promises: false, har: [early.entry] });
  globalThis.chrome = api;
  globalThis.browser = { devtools: {} }; // Chromium defines it too; it must not be mistaken for Firefox
  await loadTs("devtools.ts", { engine: ENGINE, define: { __AUTHLENS_E2E__: "true" } });

  await until(() => listeners.finished.length === 1 && listeners.created, "listeners and panel");
  assert.deepEqual(listeners.created, { title: "authlens", icon: "icons/icon-32.png", page: "panel.html" });

  const rejected = entry("POST", "http://127.0.0.1:4321/reject-me?api_key=sk_live_zzz", 500, "oops");
  const live = entry("GET", "http://127.0.0.1:4321/me?token=abc", 401, '{"message":"expired"}');
  const image = entry("GET", "http://127.0.0.1:4321/logo.png", 200, "iVBORw0KGgo=", { mimeType: "image/png" });
  for (const e of [rejected, live, image]) listeners.finished[0](e.entry);

  const seen = globalThis.__fakeEngine.entries;
  await until(() => seen.length === 4, "four analysed entries");
  assert.deepEqual(seen.map((e) => e.request.url), [early.entry.request.url, rejected.entry.request.url, live.entry.request.url, image.entry.request.url]);
  assert.equal(seen[0].response.content.text, '{"error":"invalid_token"}');
  assert.equal(seen[2].response.content.text, '{"message":"expired"}');
  assert.equal(seen[3].response.content.text, undefined, "media bodies are not read");
  assert.equal(image.calls.getContent, 0);
  for (const e of seen) {
    assert.equal(Object.getPrototypeOf(e), Object.prototype, "the engine gets a plain clone");
    assert.equal(typeof e.getContent, "undefined");
  }
  assert.match(globalThis.__fakeEngine.inits[0].module_or_path, /^chrome-extension:\/\/abc\/wasm\/authlens_wasm_bg\.wasm$/);

  // The panel connects when shown and gets everything so far.
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  await until(() => panelItems(panel.received).length === 4, "the panel snapshot");
  const items = panelItems(panel.received);
  assert.deepEqual(items.map((i) => i.kind), ["report", "error", "report", "report"]);
  assert.equal(items[1].url, "http://127.0.0.1:4321/reject-me", "no query string of a rejected entry is kept");
  assert.match(items[1].message, /unusable HAR entry/);
  assert.equal(items[1].status, 500);
  assert.equal(JSON.stringify(items).includes("raw-secret-value"), false, "raw header values never reach the panel");
  const status = panel.received.at(-1).status;
  assert.equal(status.engine, "ready");
  assert.equal(status.engineVersion, "0.0.0-fake");
  assert.equal(status.browser, "chrome");
  assert.equal(status.harEntries, 1);
  assert.equal(status.liveEntries, 3);

  // Live items stream to a connected panel.
  listeners.finished[0](entry("GET", "http://127.0.0.1:4321/again", 401, "{}").entry);
  await until(() => panel.received.some((m) => m.kind === "item"), "a streamed item");

  // "Learn more" goes through the devtools page, which reads docs.json (once, on the first
  // request); the text comes back as a string, and an unknown id as null.
  assert.deepEqual(docsFetches, [], "docs.json is read only when an explanation is asked for");
  panel.send({ kind: "explain", id: "placeholder_credentials" });
  await until(() => panel.received.some((m) => m.kind === "explanation"), "an explanation");
  assert.deepEqual(panel.received.find((m) => m.kind === "explanation"), {
    protocol: "authlens/1", kind: "explanation", id: "placeholder_credentials", text: "# placeholder_credentials\n\n<b>not html</b>",
  });
  for (const id of ["no_such_id", "constructor", "__proto__"]) panel.send({ kind: "explain", id });
  await until(() => panel.received.filter((m) => m.kind === "explanation").length === 4, "three more explanations");
  assert.deepEqual(panel.received.filter((m) => m.kind === "explanation").slice(1).map((m) => [m.id, m.text]),
    [["no_such_id", null], ["constructor", null], ["__proto__", null]]);
  assert.deepEqual(docsFetches, ["chrome-extension://abc/docs.json"], "docs.json is fetched once");

  // The E2E reporter: "up" first, then one message per entry, in analysis order.
  await until(() => posts.length === 6, "six reporter posts");
  assert.deepEqual(posts.map((p) => p.msg.kind), ["up", "report", "entry_error", "report", "report", "report"]);
  assert.deepEqual(posts[0].msg, { kind: "up", browser: "chrome" });
  for (const p of posts) {
    assert.equal(p.url, "http://127.0.0.1:4321/__report");
    assert.equal(p.init.method, "POST");
    assert.deepEqual(p.init.headers, { "content-type": "text/plain" });
  }
  assert.match(posts[2].msg.message, /unusable HAR entry/);

  // Navigation clears the log (and the engine's session) unless "preserve log" is on.
  listeners.navigated[0]("http://127.0.0.1:4321/next");
  await until(() => panel.received.at(-1).kind === "snapshot" && panel.received.at(-1).reset, "a reset snapshot");
  assert.equal(panel.received.at(-1).items.length, 0);
  assert.equal(globalThis.__fakeEngine.cleared, 1);

  panel.send({ kind: "preserve-log", value: true });
  await until(() => panel.received.at(-1).kind === "status" && panel.received.at(-1).status.preserveLog, "preserve-log on");
  listeners.finished[0](entry("GET", "http://127.0.0.1:4321/kept", 401, "{}").entry);
  await until(() => panel.received.at(-1).kind === "item", "an item after navigation");
  listeners.navigated[0]("http://127.0.0.1:4321/third");
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(globalThis.__fakeEngine.cleared, 1, "no clear with preserve log");
  assert.equal(panelItems(panel.received).length, 1);

  // The panel's Clear button.
  panel.send({ kind: "clear" });
  await until(() => panelItems(panel.received).length === 0, "a cleared panel");
});

test("after the engine traps, a fresh engine analyses the later entries and the panel is told once", async (t) => {
  const logged = t.mock.method(console, "error", () => {});
  const { api, listeners } = fakeDevtools({ promises: false, har: [] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.finished.length === 1 && listeners.shown.length === 1, "listeners and panel");
  for (const path of ["/ok", "/trap-me", "/after", "/after-2"]) listeners.finished[0](entry("GET", `http://127.0.0.1:4321${path}`, 401, "{}").entry);
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  await until(() => panelItems(panel.received).length === 4, "four items");
  const items = panelItems(panel.received);
  assert.deepEqual(items.map((i) => i.kind), ["report", "error", "report", "report"], "entries after the trap are analysed again");
  assert.match(items[1].message, /failed on an internal error \(.*unreachable.*\).*restarted/);
  assert.deepEqual(items.map((i) => i.seq), [0, 1, 2, 3], "what was listed before the trap stays listed");
  assert.equal(globalThis.__fakeEngine.inits.length, 2, "a second instance of the module was made");
  const seen = globalThis.__fakeEngine.entries.map((e) => new URL(e.request.url).pathname);
  // The new engine is first given the entry kept from before the trap (for context), then goes on.
  assert.deepEqual(seen, ["/ok", "/trap-me", "/ok", "/after", "/after-2"]);
  const statuses = panel.received.filter((m) => m.status).map((m) => m.status);
  assert.equal(statuses.at(-1).engineRestarts, 1);
  assert.equal(statuses.at(-1).engine, "ready");
  assert.equal(logged.mock.callCount(), 1, "the trap is logged once");
  // cURL works on the new engine; clearing the log still works.
  panel.send({ kind: "curl", source: "live", seq: 3 });
  await until(() => panel.received.some((m) => m.kind === "curl"), "a cURL answer");
  assert.match(panel.received.find((m) => m.kind === "curl").text, /after-2/);
  panel.send({ kind: "clear" });
  await until(() => panelItems(panel.received).length === 0, "the cleared list");
});

test("Firefox: promise-style API, empty getHAR, shipped build posts nothing", async () => {
  const { api, listeners } = fakeDevtools({ promises: true, har: [], theme: "dark" });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.shown.length === 1, "panel creation");

  const panel = fakePanel();
  listeners.shown[0](panel.win);
  await until(() => panel.received.some((m) => m.status?.engine === "ready" && m.status?.harEntries === 0), "a ready status");
  const status = panel.received.at(-1).status;
  assert.equal(status.browser, "firefox");
  assert.equal(status.theme, "dark");
  assert.equal(status.liveEntries, 0);

  const live = entry("GET", "http://127.0.0.1:1/api", 401, '{"e":1}', { promises: true });
  listeners.finished[0](live.entry);
  await until(() => globalThis.__fakeEngine.entries.length === 1, "one analysed entry");
  assert.equal(globalThis.__fakeEngine.entries[0].response.content.text, '{"e":1}');
  assert.equal(globalThis.__fakeEngine.entries[0].response.content.encoding, undefined, "Firefox's MIME type is not an encoding");
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(posts, [], "no reporter in a shipped build");
});

test("an engine that fails to load is reported in words (panel) and as engine_error (E2E)", async (t) => {
  globalThis.__fakeEngine.failInit = "CompileError: WebAssembly.instantiate(): expected magic word";
  const quiet = console.error;
  console.error = () => {};
  t.after(() => (console.error = quiet));
  const { api, listeners } = fakeDevtools({ promises: false, har: [] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE, define: { __AUTHLENS_E2E__: "true" } });
  await until(() => listeners.shown.length === 1, "panel creation");
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  await until(() => panel.received.some((m) => m.status?.engine === "failed"), "a failed status");
  assert.match(panel.received.at(-1).status.engineError, /could not instantiate authlens_wasm_bg\.wasm: CompileError/);
  await until(() => posts.length === 1, "the engine_error post");
  assert.equal(posts[0].msg.kind, "engine_error");
  assert.match(posts[0].msg.message, /expected magic word/);
});

test("explanations: an unreadable docs.json answers null, and the next request tries again", async (t) => {
  const quiet = console.error;
  const logged = [];
  console.error = (...args) => logged.push(args.join(" "));
  t.after(() => (console.error = quiet));
  docsAnswer = () => ({ ok: false, status: 404, json: async () => ({}) });
  const { api, listeners } = fakeDevtools({ promises: true, har: [] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.shown.length === 1, "panel creation");
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  const explanations = () => panel.received.filter((m) => m.kind === "explanation");

  panel.send({ kind: "explain", id: "placeholder_credentials" });
  await until(() => explanations().length === 1, "an explanation");
  assert.equal(explanations()[0].text, null);
  assert.match(logged.join("\n"), /could not read docs\.json: Error: HTTP 404/);

  docsAnswer = () => ({ ok: true, status: 200, json: async () => DOCS });
  panel.send({ kind: "explain", id: "placeholder_credentials" });
  await until(() => explanations().length === 2, "a second explanation");
  assert.equal(explanations()[1].text, DOCS.placeholder_credentials);
  assert.deepEqual(docsFetches, ["moz-extension://uuid/docs.json", "moz-extension://uuid/docs.json"]);
});

test("docsReader: only an object's own string values are documentation", async (t) => {
  const quiet = console.error;
  console.error = () => {};
  t.after(() => (console.error = quiet));
  const { docsReader } = await loadTs("engine.ts", { engine: ENGINE });
  docsAnswer = () => ({ ok: true, status: 200, json: async () => ({ a: "# a", b: 5, c: null, d: ["x"] }) });
  const read = docsReader("chrome-extension://abc/docs.json");
  assert.deepEqual(await Promise.all(["a", "b", "c", "d", "toString", "hasOwnProperty"].map(read)), ["# a", null, null, null, null, null]);
  assert.equal(docsFetches.length, 1, "concurrent first requests share one fetch");
  docsAnswer = () => ({ ok: true, status: 200, json: async () => ["# a"] });
  assert.equal(await docsReader("chrome-extension://abc/docs.json")("0"), null, "an array is not a docs object");
  docsAnswer = () => {
    throw new TypeError("Failed to fetch");
  };
  assert.equal(await docsReader("chrome-extension://abc/docs.json")("a"), null, "a failed fetch answers null");
});

test("cURL and exports are built in the devtools page from the entries it keeps", async () => {
  const { api, listeners } = fakeDevtools({ promises: false, har: [] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.finished.length === 1 && listeners.shown.length === 1, "listeners and panel");
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  listeners.finished[0](entry("POST", "http://127.0.0.1:4321/pay?x=1", 401, '{"error":"no"}').entry);
  listeners.finished[0](entry("GET", "http://127.0.0.1:4321/reject-me", 401, "{}").entry);
  await until(() => panelItems(panel.received).length === 2, "two items");
  const [ok, bad] = panelItems(panel.received);
  assert.match(ok.started, /^2026-11-23T10:00:00\.\d{3}Z$/, "the request time travels with the item");

  panel.send({ kind: "curl", source: "live", seq: ok.seq });
  panel.send({ kind: "curl", source: "live", seq: bad.seq });
  panel.send({ kind: "curl", source: "import", seq: 0 });
  await until(() => panel.received.filter((m) => m.kind === "curl").length === 3, "three cURL answers");
  const curls = panel.received.filter((m) => m.kind === "curl");
  assert.match(curls[0].text, /^# set first: export API_TOKEN=…\ncurl -i "http:\/\/127\.0\.0\.1:4321\/pay\?x=1"/);
  assert.equal(curls[0].error, null);
  assert.deepEqual([curls[1].text, curls[1].error], [null, "this request is no longer kept"], "a rejected entry is not kept");
  assert.deepEqual([curls[2].text, curls[2].error], [null, "this request is no longer kept"], "no import yet");

  for (const format of ["markdown", "json", "har"]) panel.send({ kind: "export", source: "live", format });
  await until(() => panel.received.filter((m) => m.kind === "export").length === 3, "three exports");
  const [md, json, har] = panel.received.filter((m) => m.kind === "export");
  assert.equal(md.text, "# authlens report\n\n1 requests\n");
  assert.match(md.filename, /^authlens-\d{8}-\d{6}-report\.md$/);
  assert.equal(md.mime, "text/markdown");
  assert.deepEqual(JSON.parse(json.text).entries.map((e) => e.url), ["http://127.0.0.1:4321/pay?x=1"]);
  const doc = JSON.parse(har.text);
  assert.equal(doc.log.version, "1.2");
  assert.deepEqual(doc.log.creator, { name: "authlens", version: "0.0.0-fake", comment: "credentials redacted by authlens" });
  assert.deepEqual(doc.log.entries[0].request.headers, [], "the engine's redacted copy is what is exported");
  assert.equal(har.text.includes("raw-secret-value"), false);
  assert.match(har.filename, /-redacted\.har$/);
});

test("an imported HAR is analysed in a session of its own and streamed to the panel", async () => {
  const { api, listeners } = fakeDevtools({ promises: false, har: [] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.shown.length === 1, "panel creation");
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  await until(() => panel.received.some((m) => m.status?.engine === "ready"), "a ready engine");

  const entries = Array.from({ length: 450 }, (_, i) => ({
    startedDateTime: "2026-10-14T09:30:00.000Z",
    request: { method: "GET", url: `https://api.example.test/v1/${i}`, headers: [{ name: "Authorization", value: "Bearer raw-secret-value" }] },
    response: { status: i % 2 ? 401 : 200, headers: [], content: { text: "{}" } },
  }));
  entries.splice(3, 0, "not an entry");
  panel.send({ kind: "import", name: "ticket 42.har", text: JSON.stringify({ log: { entries } }) });
  await until(() => panel.received.some((m) => m.status?.imported?.done), "the import to finish", 5000);

  const chunks = panel.received.filter((m) => m.kind === "import-items");
  assert.equal(chunks[0].reset, true, "an import starts with a reset");
  assert.ok(chunks.length >= 4, `streamed in slices (${chunks.length} messages)`);
  const items = chunks.flatMap((m) => m.items);
  assert.equal(items.length, 451);
  assert.equal(items[3].kind, "error");
  assert.equal(items[3].message, "this entry is not an object");
  assert.equal(items[4].report.url, "https://api.example.test/v1/3");
  assert.equal(items[0].started, "2026-10-14T09:30:00.000Z");
  const info = panel.received.at(-1).status.imported;
  assert.deepEqual({ ...info, id: "x" }, { id: "x", name: "ticket 42.har", entries: 451, analysed: 451, done: true, leftOut: 0, error: null });
  assert.equal(globalThis.__fakeEngine.freed, 1, "the import's engine session is freed");
  assert.equal(JSON.stringify(items).includes("raw-secret-value"), false);

  panel.send({ kind: "curl", source: "import", seq: items[4].seq });
  panel.send({ kind: "export", source: "import", format: "markdown" });
  await until(() => panel.received.some((m) => m.kind === "export"), "an export of the import");
  const curl = panel.received.find((m) => m.kind === "curl");
  assert.match(curl.text, /api\.example\.test\/v1\/3/);
  const md = panel.received.find((m) => m.kind === "export");
  assert.equal(md.filename, "ticket_42-report.md");
  assert.equal(md.text, "# authlens report\n\n450 requests\n");

  // A reconnecting panel that lacks the import gets it again.
  panel.send({ kind: "ready", session: null, lastSeq: -1, importId: null });
  await until(() => panel.received.filter((m) => m.kind === "import-items" && m.reset).length === 2, "the import again");
  assert.equal(panel.received.filter((m) => m.kind === "import-items").at(-1).items.length, 451);

  panel.send({ kind: "close-import" });
  await until(() => panel.received.at(-1).kind === "status" && panel.received.at(-1).status.imported === null, "the import closed");

  // A file that is not a HAR says why, in the engine's words when it has them.
  panel.send({ kind: "import", name: "notes.txt", text: "this is not json" });
  await until(() => panel.received.at(-1).status?.imported?.error, "an import error");
  assert.match(panel.received.at(-1).status.imported.error, /JSON/);
  panel.send({ kind: "import", name: "empty.json", text: "{}" });
  await until(() => panel.received.at(-1).status?.imported?.name === "empty.json" && panel.received.at(-1).status.imported.error, "a second import error");
  assert.equal(panel.received.at(-1).status.imported.error, "authlens: the HAR has no log.entries");
});

test("DevTools opened after the page loaded: the status says so, until the page reloads", async () => {
  // The page finished loading 9 s ago and getHAR does not list its document.
  const { api, listeners } = fakeDevtools({ promises: false, har: [], page: ["complete", "http://127.0.0.1:4321/shop?x=1", 9000] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.shown.length === 1, "panel creation");
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  await until(() => panel.received.some((m) => m.status?.lateStart === true), "a late-start status");
  panel.send({ kind: "reload" });
  await until(() => listeners.reloads === 1, "inspectedWindow.reload");
  await until(() => panel.received.at(-1).status?.lateStart === false, "the notice withdrawn");
});

test("a page opened with DevTools, or whose document getHAR lists, is not late", async () => {
  for (const [page, har] of [
    [["complete", "http://127.0.0.1:4321/", 1500], []],
    [["complete", "http://127.0.0.1:4321/", 9000], [entry("GET", "http://127.0.0.1:4321/", 200, "<html>", { mimeType: "text/html" }).entry]],
  ]) {
    const { api, listeners } = fakeDevtools({ promises: true, har, page });
    globalThis.chrome = api;
    await loadTs("devtools.ts", { engine: ENGINE });
    await until(() => listeners.shown.length === 1, "panel creation");
    const panel = fakePanel();
    listeners.shown[0](panel.win);
    await until(() => panel.received.some((m) => m.status?.harEntries !== null && m.status?.harEntries !== undefined), "getHAR answered");
    assert.equal(panel.received.at(-1).status.lateStart, false, JSON.stringify(page));
  }
});

test("Open in Sources: line and column handed to panels.openResource counted from 0; refused where it is missing", async () => {
  const { api, listeners } = fakeDevtools({ promises: false, har: [] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.shown.length === 1, "panel creation");
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  panel.send({ kind: "open-resource", url: "http://127.0.0.1:4321/static/main.4e1f.js", line: 45, column: 269 });
  await until(() => panel.received.some((m) => m.kind === "opened"), "an answer");
  assert.deepEqual(listeners.opened, [["http://127.0.0.1:4321/static/main.4e1f.js", 44, 268]]);
  assert.equal(panel.received.find((m) => m.kind === "opened").ok, true);
  assert.equal(panel.received.findLast((m) => m.status).status.canOpenResource, true);

  const firefox = fakeDevtools({ promises: true, har: [], openResource: false });
  globalThis.chrome = firefox.api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => firefox.listeners.shown.length === 1, "panel creation");
  const panel2 = fakePanel();
  firefox.listeners.shown[0](panel2.win);
  panel2.send({ kind: "open-resource", url: "http://x/a.js", line: 1, column: 1 });
  await until(() => panel2.received.some((m) => m.kind === "opened"), "an answer");
  const answer = panel2.received.find((m) => m.kind === "opened");
  assert.equal(panel2.received.findLast((m) => m.status).status.canOpenResource, false);
  assert.equal(answer.ok, false);
  assert.match(answer.error, /cannot open a script/);
});

test("Firefox: a request blocked by a refused preflight is listed right after its preflight", async () => {
  const { api, listeners } = fakeDevtools({ promises: true, har: [] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.finished.length === 1 && listeners.shown.length === 1, "listeners and panel");
  const preflight = entry("OPTIONS", "http://api.127.0.0.1.nip.test/v1/pay?token=abc", 401, "", { promises: true });
  preflight.entry.request.headers.push({ name: "Access-Control-Request-Method", value: "POST" });
  const plain = entry("OPTIONS", "http://127.0.0.1:1/other", 401, "", { promises: true }); // not a preflight
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  listeners.finished[0](preflight.entry);
  listeners.finished[0](plain.entry);
  await until(() => panelItems(panel.received).length === 3, "three items");
  const [first, blocked, other] = panelItems(panel.received);
  assert.equal(first.kind, "report");
  assert.equal(first.resourceType, "preflight");
  assert.deepEqual([blocked.kind, blocked.method, blocked.status, blocked.blockedBy], ["error", "POST", 0, first.seq]);
  assert.equal(blocked.url, "http://api.127.0.0.1.nip.test/v1/pay", "no query (it was never redacted by the engine)");
  assert.match(blocked.message, /CORS preflight \(OPTIONS, status 401\) was refused/);
  assert.equal(other.kind, "report");
  // Header and cookie names (never values) go with each item.
  assert.deepEqual(first.shape.headers, ["access-control-request-method", "authorization"]);
  assert.equal(JSON.stringify(panel.received).includes("raw-secret-value"), false);
});

test("checks: the panel is sent the causes docs.json documents", async () => {
  docsAnswer = () => ({
    ok: true,
    status: 200,
    json: async () => ({ expired_token: "# expired_token\n\nthe token had expired (category: credential, since 0.1.0)\n", secret_key_exposed: "# secret_key_exposed\n\nA secret.\n" }),
  });
  const { api, listeners } = fakeDevtools({ promises: false, har: [] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.shown.length === 1, "panel creation");
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  panel.send({ kind: "checks" });
  await until(() => panel.received.some((m) => m.kind === "checks"), "the checks");
  assert.deepEqual(panel.received.find((m) => m.kind === "checks").causes, [{ id: "expired_token", title: "the token had expired" }]);
});

test("an import goes on after a trap: the entry is listed as not analysed, the rest analysed by a fresh engine", async (t) => {
  t.mock.method(console, "error", () => {});
  const { api, listeners } = fakeDevtools({ promises: false, har: [] });
  globalThis.chrome = api;
  await loadTs("devtools.ts", { engine: ENGINE });
  await until(() => listeners.shown.length === 1, "panel creation");
  const panel = fakePanel();
  listeners.shown[0](panel.win);
  await until(() => panel.received.some((m) => m.status?.engine === "ready"), "a ready engine");
  const entries = ["/a", "/trap-me", "/b"].map((p) => ({
    startedDateTime: "2026-10-14T09:30:00.000Z",
    request: { method: "GET", url: `https://api.example.test${p}`, headers: [] },
    response: { status: 401, headers: [], content: { text: "{}" } },
  }));
  panel.send({ kind: "import", name: "t.har", text: JSON.stringify({ log: { entries } }) });
  await until(() => panel.received.some((m) => m.status?.imported?.done), "the import to finish", 5000);
  const items = panel.received.filter((m) => m.kind === "import-items").flatMap((m) => m.items);
  assert.deepEqual(items.map((i) => i.kind), ["report", "error", "report"]);
  assert.equal(panel.received.at(-1).status.imported.error, null);
  assert.equal(panel.received.at(-1).status.engineRestarts, 1);
});
