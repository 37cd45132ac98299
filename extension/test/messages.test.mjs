// messages.ts: the guards accept what the devtools page and panel send, and nothing else.

import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "../test-support/load-ts.mjs";

const m = await loadTs("messages.ts");

const status = {
  browser: "chrome", theme: "light", engine: "ready", engineError: null, engineVersion: "0.1.0",
  preserveLog: false, harEntries: 0, liveEntries: 2, dropped: 0, firstSeq: 0, imported: null,
  engineRestarts: 0, lateStart: false, canOpenResource: true, navigations: [{ beforeSeq: 3, url: "http://x/next", at: 1 }],
};
const imported = { id: "i1", name: "ticket.har", entries: 3, analysed: 2, done: false, leftOut: 0, error: null };
const report = { index: 0, method: "GET", url: "http://x/", status: 401, provider: null, environment: null, causes: [], findings: [], credentials: [] };
const reportItem = { seq: 1, kind: "report", report, notes: [], started: "2026-11-23T10:00:00.000Z" };
const errorItem = { seq: 2, kind: "error", method: "GET", url: "http://x/", status: 401, message: "bad", notes: [] };

test("messages built with message() carry the protocol and pass their guard", () => {
  assert.ok(m.isConnect(m.message({ kind: "connect" })));
  assert.ok(m.isToPanel(m.message({ kind: "snapshot", session: "s", reset: true, items: [reportItem, errorItem], status })));
  assert.ok(m.isToPanel(m.message({ kind: "item", session: "s", item: errorItem, status })));
  assert.ok(m.isToPanel(m.message({ kind: "status", status })));
  assert.ok(m.isToPanel(m.message({ kind: "explanation", id: "x", text: null })));
  assert.ok(m.isToPanel(m.message({ kind: "status", status: { ...status, imported } })));
  assert.ok(m.isToPanel(m.message({ kind: "import-items", id: "i1", reset: true, items: [reportItem], status: { ...status, imported } })));
  assert.ok(m.isToPanel(m.message({ kind: "curl", source: "live", seq: 1, text: "curl -i x", error: null })));
  assert.ok(m.isToPanel(m.message({ kind: "curl", source: "import", seq: 1, text: null, error: "gone" })));
  assert.ok(m.isToPanel(m.message({ kind: "export", source: "live", format: "har", filename: "a.har", mime: "application/json", text: "{}", error: null })));
  assert.ok(m.isToDevtools(m.message({ kind: "ready", session: null, lastSeq: -1, importId: null })));
  assert.ok(m.isToDevtools(m.message({ kind: "ready", session: "s", lastSeq: 3, importId: "i1" })));
  assert.ok(m.isToDevtools(m.message({ kind: "import", name: "ticket.har", text: "{}" })));
  assert.ok(m.isToDevtools(m.message({ kind: "close-import" })));
  assert.ok(m.isToDevtools(m.message({ kind: "curl", source: "live", seq: 4 })));
  assert.ok(m.isToDevtools(m.message({ kind: "export", source: "import", format: "markdown" })));
  assert.ok(m.isToDevtools(m.message({ kind: "explain", id: "expired_token" })));
  assert.ok(m.isToDevtools(m.message({ kind: "clear" })));
  assert.ok(m.isToDevtools(m.message({ kind: "preserve-log", value: true })));
  assert.ok(m.isToDevtools(m.message({ kind: "reload" })));
  assert.ok(m.isToDevtools(m.message({ kind: "open-resource", url: "http://x/main.js", line: 45, column: 269 })));
  assert.ok(m.isToPanel(m.message({ kind: "opened", ok: false, error: "not in Firefox" })));
});

test("foreign or malformed messages are rejected", () => {
  const bad = [
    null, undefined, 42, "connect", [], {},
    { kind: "connect" }, // no protocol
    { protocol: "other/1", kind: "connect" },
    m.message({ kind: "nonsense" }),
    m.message({ kind: "snapshot", session: "s", reset: true, items: [{ seq: 1 }], status }),
    m.message({ kind: "snapshot", session: "s", reset: "yes", items: [], status }),
    m.message({ kind: "item", session: "s", item: { ...reportItem, report: { ...report, causes: "x" } }, status }),
    m.message({ kind: "item", session: "s", item: { ...errorItem, kind: "other" }, status }),
    m.message({ kind: "status", status: { ...status, engine: "maybe" } }),
    m.message({ kind: "status", status: { ...status, firstSeq: Number.NaN } }),
    m.message({ kind: "status", status: { ...status, browser: "safari" } }),
    m.message({ kind: "explanation", id: 5, text: "x" }),
    m.message({ kind: "status", status: { ...status, imported: { ...imported, done: "no" } } }),
    m.message({ kind: "status", status: { ...status, imported: undefined } }),
    m.message({ kind: "item", session: "s", item: { ...reportItem, started: 5 }, status }),
    m.message({ kind: "import-items", id: "i1", reset: true, items: [{ seq: 1 }], status }),
    m.message({ kind: "curl", source: "elsewhere", seq: 1, text: "x", error: null }),
    m.message({ kind: "export", source: "live", format: "pdf", filename: "a", mime: "x", text: "", error: null }),
    m.message({ kind: "status", status: { ...status, engineRestarts: undefined } }),
    m.message({ kind: "status", status: { ...status, navigations: [{ beforeSeq: 1, url: 5, at: 1 }] } }),
    m.message({ kind: "item", session: "s", item: { ...reportItem, resourceType: 3 }, status }),
    m.message({ kind: "opened", ok: "yes", error: null }),
  ];
  for (const value of bad) {
    assert.equal(m.isToPanel(value) || m.isConnect(value), false, JSON.stringify(value));
  }
  const badToDevtools = [
    m.message({ kind: "ready", session: 1, lastSeq: 0 }),
    m.message({ kind: "explain", id: "" }),
    m.message({ kind: "explain", id: "x".repeat(201) }),
    m.message({ kind: "preserve-log", value: "true" }),
    m.message({ kind: "snapshot", session: "s", reset: true, items: [], status }),
    m.message({ kind: "ready", session: null, lastSeq: 0, importId: 7 }),
    m.message({ kind: "import", name: "x.har", text: { log: {} } }),
    m.message({ kind: "curl", source: "live", seq: "1" }),
    m.message({ kind: "export", source: "live", format: "html" }),
    m.message({ kind: "open-resource", url: "", line: 1, column: 1 }),
    m.message({ kind: "open-resource", url: "http://x/a.js", line: "1", column: 1 }),
    m.message({ kind: "constructor" }),
  ];
  for (const value of badToDevtools) assert.equal(m.isToDevtools(value), false, JSON.stringify(value));
});

test("a panel-bound message is not accepted by the devtools side and vice versa", () => {
  assert.equal(m.isToDevtools(m.message({ kind: "status", status })), false);
  assert.equal(m.isToPanel(m.message({ kind: "clear" })), false);
  assert.equal(m.isConnect(m.message({ kind: "clear" })), false);
});
