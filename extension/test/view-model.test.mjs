// view-model.ts: which rows the panel lists, what they say, counts, selection and panel states.

import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "../test-support/load-ts.mjs";

const vm = await loadTs("view-model.ts");

let seq = 0;
function report(status, { causes = [], findings = [], url = "https://api.example.com/v1/me?x=1", provider = null, environment = null } = {}) {
  return {
    seq: seq++, kind: "report", notes: [],
    report: { index: 0, method: "GET", url, status, provider, environment, causes, findings, credentials: [] },
  };
}
const cause = (id, confidence = 0.8) => ({ id, confidence, title: `${id} title`, evidence: [], fix: [] });
const finding = (id, severity) => ({ id, severity, provider: null, location: "request.header.Authorization", redacted: "sk_live_…", title: "t", rule: "r" });
const failed = (status) => ({ seq: seq++, kind: "error", method: "POST", url: "https://x/y", status, message: "unusable HAR entry", notes: [] });

const plain401 = report(401);
const caused403 = report(403, { causes: [cause("missing_scope")] });
const bare403 = report(403);
const leaked200 = report(200, { findings: [finding("secret_key_exposed", "critical")] });
const ok200 = report(200);
const caused200 = report(200, { causes: [cause("odd")] });
const rejected401 = failed(401);
const rejected200 = failed(200);
const all = [plain401, caused403, bare403, leaked200, ok200, caused200, rejected401, rejected200];

test("matters: 401s, entries with causes or findings; not plain 200s or 403s without a cause", () => {
  assert.deepEqual(
    all.map(vm.matters),
    [true, true, false, true, false, true, true, false],
  );
});

test("visibleItems filters unless show-all, and keeps order (newest last)", () => {
  assert.deepEqual(vm.visibleItems(all, false), [plain401, caused403, leaked200, caused200, rejected401]);
  assert.deepEqual(vm.visibleItems(all, true), all);
  assert.notEqual(vm.visibleItems(all, true), all, "a copy, not the caller's array");
});

test("isAuthFailure: 401, or 403 with a cause", () => {
  assert.deepEqual(all.map(vm.isAuthFailure), [true, true, false, false, false, false, true, false]);
});

test("countItems and countsText", () => {
  const high = report(200, { findings: [finding("a", "high"), finding("b", "low")] });
  const counts = vm.countItems([...all, high]);
  assert.deepEqual(counts, { total: 9, authFailures: 3, exposedKeys: 3, critical: 1, high: 1, engineErrors: 2 });
  assert.equal(vm.countsText(counts), "3 auth failures · 3 exposed keys (1 critical, 1 high) · 2 entries not analysed");
  assert.equal(vm.countsText(vm.countItems([plain401])), "1 auth failure · 0 exposed keys");
});

test("rowSummary leads with the top cause, and flags a finding alongside it", () => {
  const both = report(401, {
    causes: [cause("invalid_credentials", 0.5), cause("other")],
    findings: [finding("low_one", "low"), finding("secret_key_exposed", "critical")],
    provider: "stripe",
    environment: "production",
  });
  const row = vm.rowSummary(both);
  assert.equal(row.id, "invalid_credentials");
  assert.equal(row.text, "invalid_credentials title");
  assert.equal(row.tone, "cause");
  assert.equal(row.alsoFinding, "critical");
  assert.equal(row.provider, "stripe · production");
  assert.equal(row.path, "/v1/me?x=1");
});

test("rowSummary without a cause shows the worst finding and its severity", () => {
  const row = vm.rowSummary(report(200, { findings: [finding("a", "medium"), finding("b", "high")] }));
  assert.deepEqual([row.id, row.text, row.tone, row.alsoFinding], ["b", "high", "high", null]);
});

test("rowSummary of a rejected entry and of a plain entry", () => {
  const row = vm.rowSummary(rejected401);
  assert.deepEqual([row.method, row.status, row.tone, row.text], ["POST", 401, "error", "unusable HAR entry"]);
  assert.deepEqual([vm.rowSummary(ok200).id, vm.rowSummary(ok200).tone], ["", "none"]);
});

test("percent reads fractions and tolerates percentages", () => {
  assert.equal(vm.percent(0.95), "95%");
  assert.equal(vm.percent(0.5), "50%");
  assert.equal(vm.percent(87), "87%");
  assert.equal(vm.percent(1), "100%");
  assert.equal(vm.percent(Number.NaN), "?%");
});

test("displayPath", () => {
  assert.equal(vm.displayPath("https://a.example/x/y?q=1#h"), "/x/y?q=1#h");
  assert.equal(vm.displayPath("not a url"), "not a url");
});

test("moveSelection: arrows from nothing, within bounds, no wrap", () => {
  const rows = [plain401, caused403, leaked200];
  assert.equal(vm.moveSelection(rows, null, 1), plain401.seq);
  assert.equal(vm.moveSelection(rows, null, -1), leaked200.seq);
  assert.equal(vm.moveSelection(rows, plain401.seq, 1), caused403.seq);
  assert.equal(vm.moveSelection(rows, plain401.seq, -1), plain401.seq);
  assert.equal(vm.moveSelection(rows, leaked200.seq, 1), leaked200.seq);
  assert.equal(vm.moveSelection([], null, 1), null);
  assert.equal(vm.moveSelection(rows, 9999, 1), plain401.seq, "a vanished selection restarts at the top");
});

test("keepSelection drops a selection that is no longer visible", () => {
  const visible = vm.visibleItems(all, false);
  assert.equal(vm.keepSelection(visible, plain401.seq), plain401.seq);
  assert.equal(vm.keepSelection(visible, ok200.seq), null);
  assert.equal(vm.keepSelection(visible, null), null);
});

test("trimItems follows the devtools page's firstSeq", () => {
  const items = [plain401, caused403, bare403];
  assert.deepEqual(vm.trimItems(items, caused403.seq), [caused403, bare403]);
  assert.deepEqual(vm.trimItems(items, 0), items);
});

const status = (over = {}) => ({
  browser: "chrome", theme: "light", engine: "ready", engineError: null, engineVersion: "1", preserveLog: false,
  harEntries: 0, liveEntries: 0, dropped: 0, firstSeq: 0, ...over,
});

test("panelState: connecting, loading, failed, empty, Firefox hint, nothing relevant, rows", () => {
  assert.deepEqual(vm.panelState(null, [], 0), { kind: "connecting" });
  assert.deepEqual(vm.panelState(status({ engine: "loading" }), [], 0), { kind: "engine-loading" });
  assert.deepEqual(vm.panelState(status({ engine: "failed", engineError: "CompileError: bad magic" }), [], 0), {
    kind: "engine-failed",
    message: "CompileError: bad magic",
  });
  assert.deepEqual(vm.panelState(status(), [], 0), { kind: "empty", firefoxHint: false });
  assert.deepEqual(vm.panelState(status({ browser: "firefox" }), [], 0), { kind: "empty", firefoxHint: true });
  assert.deepEqual(vm.panelState(status({ browser: "firefox", harEntries: null }), [], 0), { kind: "empty", firefoxHint: false });
  assert.deepEqual(vm.panelState(status({ browser: "firefox", liveEntries: 1 }), [], 0), { kind: "empty", firefoxHint: false });
  assert.deepEqual(vm.panelState(status(), [ok200], 0), { kind: "nothing-relevant", total: 1 });
  assert.deepEqual(vm.panelState(status(), [plain401], 1), { kind: "rows" });
});
