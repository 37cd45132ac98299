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
const finding = (id, severity, redacted = `sk_live_…[redacted, ${id.length + 30} chars]`) => ({ id, severity, provider: null, location: "request.header.Authorization", redacted, title: "t", rule: "r" });
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
  const high = report(200, { findings: [finding("a", "high"), finding("bb", "low")] });
  const counts = vm.countItems([...all, high]);
  assert.deepEqual(counts, { total: 9, unauthorized: 2, authFailures: 3, unexplained: 1, exposedKeys: 3, critical: 1, high: 1, occurrences: 3, engineErrors: 2 });
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

test("rowSummary without a cause names the worst finding's provider and place", () => {
  const stripe = { ...finding("secret_key_exposed", "critical"), provider: "stripe", title: "Stripe live secret key", location: "response.body line 45 col 269" };
  const row = vm.rowSummary(report(200, { findings: [finding("a", "medium"), stripe], url: "https://shop.example/static/main.4e1f.js" }));
  assert.deepEqual([row.id, row.text, row.tone, row.alsoFinding], ["Stripe", "Stripe live secret key · main.4e1f.js:45:269", "critical", null]);
  const header = vm.rowSummary(report(200, { findings: [{ ...finding("b", "high"), title: "OpenAI API key", provider: "openai" }], url: "https://x.example/v1/chat?q=1" }));
  assert.deepEqual([header.id, header.text], ["OpenAI", "OpenAI API key · header Authorization · /v1/chat?q=1"]);
});

test("rowSummary: an auth failure with no cause says so instead of an empty cell", () => {
  const row = vm.rowSummary(report(401));
  assert.deepEqual([row.text, row.tone], ["no specific cause recognised", "cause"]);
  assert.equal(vm.rowSummary(report(200)).text, "");
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
  harEntries: 0, liveEntries: 0, dropped: 0, firstSeq: 0, imported: null, ...over,
});

test("listState: connecting, loading, failed, empty, Firefox hint, nothing relevant, rows", () => {
  assert.deepEqual(vm.listState(null, [], 0), { kind: "connecting" });
  assert.deepEqual(vm.listState(status({ engine: "loading" }), [], 0), { kind: "engine-loading" });
  assert.deepEqual(vm.listState(status({ engine: "failed", engineError: "CompileError: bad magic" }), [], 0), {
    kind: "engine-failed",
    message: "CompileError: bad magic",
  });
  assert.deepEqual(vm.listState(status(), [], 0), { kind: "empty", firefoxHint: false });
  assert.deepEqual(vm.listState(status({ browser: "firefox" }), [], 0), { kind: "empty", firefoxHint: true });
  assert.deepEqual(vm.listState(status({ browser: "firefox", harEntries: null }), [], 0), { kind: "empty", firefoxHint: false });
  assert.deepEqual(vm.listState(status({ browser: "firefox", liveEntries: 1 }), [], 0), { kind: "empty", firefoxHint: false });
  assert.deepEqual(vm.listState(status(), [ok200], 0), { kind: "nothing-relevant", total: 1, filtered: false });
  assert.deepEqual(vm.listState(status(), [ok200], 0, true), { kind: "nothing-relevant", total: 1, filtered: true });
  assert.deepEqual(vm.listState(status(), [plain401], 1), { kind: "rows" });
});

// ---- filters -------------------------------------------------------------------------------------

const at = (url, status, over = {}) => report(status, { url, ...over });
const mtProd = at("https://app.midtrans.com/snap/v1/transactions", 401, {
  provider: "midtrans", environment: "production",
  causes: [cause("environment_mismatch")], findings: [finding("secret_key_exposed", "high")],
});
mtProd.report.endpoint = "app.midtrans.com/snap/v1/transactions";
const mtSandbox = at("https://api.sandbox.midtrans.com/v2/order-1/status", 401, { provider: "midtrans", environment: "sandbox" });
mtSandbox.report.endpoint = "api.sandbox.midtrans.com/v2/{id}/status";
const mtSandbox2 = at("https://api.sandbox.midtrans.com/v2/order-2/status", 200, { provider: "midtrans", environment: "sandbox" });
mtSandbox2.report.endpoint = "api.sandbox.midtrans.com/v2/{id}/status";
const preflight = { ...at("https://app.midtrans.com/snap/v1/transactions", 204, { provider: "midtrans", environment: "production" }) };
preflight.report = { ...preflight.report, method: "OPTIONS", endpoint: "app.midtrans.com/snap/v1/transactions" };
const forbidden = at("https://api.github.com/repos/o/r", 403);
const healthy = at("https://shop.example/", 200);
const session = [mtProd, mtSandbox, mtSandbox2, preflight, forbidden, healthy, rejected401];
const f = (over) => ({ ...vm.defaultFilter(), ...over });

test("matchesMode: problems, 401/403, exposed keys, all", () => {
  const pick = (mode) => session.filter((i) => vm.matchesMode(i, mode));
  assert.deepEqual(pick("problems"), [mtProd, mtSandbox, rejected401]);
  assert.deepEqual(pick("auth"), [mtProd, mtSandbox, forbidden, rejected401]);
  assert.deepEqual(pick("findings"), [mtProd]);
  assert.deepEqual(pick("all"), session);
  assert.ok(vm.MODES.every((m) => vm.isMode(m.id)));
  assert.equal(vm.isMode("everything"), false);
});

test("filterItems: words (all must match, -word excludes), host, environment, endpoint", () => {
  assert.deepEqual(vm.filterItems(session, f({ mode: "all", text: "midtrans 401" })), [mtProd, mtSandbox]);
  assert.deepEqual(vm.filterItems(session, f({ mode: "all", text: "MIDTRANS -sandbox" })), [mtProd, preflight]);
  assert.deepEqual(vm.filterItems(session, f({ mode: "all", text: "environment_mismatch" })), [mtProd], "cause ids are searched");
  assert.deepEqual(vm.filterItems(session, f({ mode: "all", text: "{id}/status" })), [mtSandbox, mtSandbox2], "endpoints are searched");
  assert.deepEqual(vm.filterItems(session, f({ mode: "all", text: "not analysed" })), [rejected401]);
  assert.deepEqual(vm.filterItems(session, f({ mode: "all", host: "api.sandbox.midtrans.com" })), [mtSandbox, mtSandbox2]);
  assert.deepEqual(vm.filterItems(session, f({ mode: "all", environment: "production" })), [mtProd, preflight]);
  assert.deepEqual(vm.filterItems(session, f({ mode: "all", environment: "none" })), [forbidden, healthy, rejected401]);
  assert.deepEqual(vm.filterItems(session, f({ mode: "all", endpoint: "app.midtrans.com/snap/v1/transactions" })), [mtProd],
    "an endpoint lists what the rate table counts: no successful preflight");
  assert.deepEqual(vm.filterItems(session, f({ text: "-" })), [mtProd, mtSandbox, rejected401], "a lone dash is no word");
  assert.equal(vm.isNarrowed(vm.defaultFilter()), false);
  assert.equal(vm.isNarrowed(f({ text: " x " })), true);
  assert.equal(vm.isNarrowed(f({ mode: "all" })), true);
  assert.deepEqual(vm.parseQuery("  A -b  - c "), { include: ["a", "c"], exclude: ["b"] });
});

test("hostOptions: most requests first, then by name", () => {
  assert.deepEqual(vm.hostOptions(session), [
    { value: "api.sandbox.midtrans.com", count: 2 },
    { value: "app.midtrans.com", count: 2 },
    { value: "api.github.com", count: 1 },
    { value: "shop.example", count: 1 },
    { value: "x", count: 1 },
  ]);
});

// ---- keyboard ------------------------------------------------------------------------------------

test("keyCommand: list keys, the filter box, text fields and buttons", () => {
  const k = (key, where = "list", extra = {}) => vm.keyCommand({ key, ...extra }, where, 12);
  assert.deepEqual(k("ArrowDown"), { kind: "move", delta: 1 });
  assert.deepEqual(k("ArrowUp"), { kind: "move", delta: -1 });
  assert.deepEqual(k("PageDown"), { kind: "move", delta: 12 });
  assert.deepEqual(k("PageUp"), { kind: "move", delta: -12 });
  assert.deepEqual(k("Home"), { kind: "first" });
  assert.deepEqual(k("End"), { kind: "last" });
  assert.deepEqual(k("Enter"), { kind: "open" });
  assert.deepEqual(k("Escape"), { kind: "close" });
  assert.deepEqual(k("/"), { kind: "focus-filter" });
  assert.equal(k("a"), null);
  assert.equal(k("ArrowDown", "list", { ctrlKey: true }), null, "modified keys belong to DevTools");
  assert.deepEqual(k("Escape", "filter"), { kind: "leave-filter" });
  assert.deepEqual(k("ArrowDown", "filter"), { kind: "leave-filter" });
  assert.equal(k("/", "filter"), null, "typing a slash in the filter is text");
  assert.equal(k("ArrowDown", "text"), null);
  assert.equal(k("/", "text"), null);
  assert.deepEqual(k("/", "control"), { kind: "focus-filter" });
  assert.equal(k("Enter", "control"), null, "Enter on a button presses it");
  assert.deepEqual(k("Escape", "control"), { kind: "close" });
  assert.deepEqual(vm.keyCommand({ key: "PageDown" }, "list", 0), { kind: "move", delta: 1 });
});

test("moveSelection by pages stops at the ends; edgeSelection", () => {
  const rows = [plain401, caused403, leaked200, caused200];
  assert.equal(vm.moveSelection(rows, plain401.seq, 10), caused200.seq);
  assert.equal(vm.moveSelection(rows, caused200.seq, -10), plain401.seq);
  assert.equal(vm.edgeSelection(rows, "first"), plain401.seq);
  assert.equal(vm.edgeSelection(rows, "last"), caused200.seq);
  assert.equal(vm.edgeSelection([], "last"), null);
});

// ---- virtual list --------------------------------------------------------------------------------

test("virtualWindow renders the rows in view plus overscan, within bounds", () => {
  assert.deepEqual(vm.virtualWindow(0, 210, 21, 10_000, 8), { start: 0, end: 19 });
  assert.deepEqual(vm.virtualWindow(21 * 5000, 210, 21, 10_000, 8), { start: 4992, end: 5019 });
  assert.deepEqual(vm.virtualWindow(21 * 9995, 210, 21, 10_000, 8), { start: 9981, end: 10_000 });
  assert.deepEqual(vm.virtualWindow(999_999, 210, 21, 3, 8), { start: 0, end: 3 }, "scrolled past a shrunk list");
  assert.deepEqual(vm.virtualWindow(0, 210, 21, 0), { start: 0, end: 0 });
  assert.deepEqual(vm.virtualWindow(-50, 0, 21, 5, 0), { start: 0, end: 1 });
});

test("scrollToRow moves as little as needed", () => {
  assert.equal(vm.scrollToRow(0, 100, 210, 21), 0, "above: scroll up to it");
  assert.equal(vm.scrollToRow(10, 0, 210, 21), 21, "below: just enough to show its bottom");
  assert.equal(vm.scrollToRow(5, 0, 210, 21), 0, "in view: stay");
  assert.equal(vm.scrollToRow(9999, 0, 210, 21), 9999 * 21 + 21 - 210);
});

// ---- 401 rate ------------------------------------------------------------------------------------

test("rateTable: per endpoint and environment, 401s first, preflights that passed not counted", () => {
  const rows = vm.rateTable(session);
  assert.deepEqual(rows.map((r) => [r.endpoint, r.environment, r.requests, r.unauthorized, r.forbidden, vm.formatRate(r.rate)]), [
    ["api.sandbox.midtrans.com/v2/{id}/status", "sandbox", 2, 1, 0, "50%"],
    ["app.midtrans.com/snap/v1/transactions", "production", 1, 1, 0, "100%"],
    ["x/y", null, 1, 1, 0, "100%"],
    ["api.github.com/repos/o/r", null, 1, 0, 1, "0%"],
    ["shop.example/", null, 1, 0, 0, "0%"],
  ]);
  const prodAndSandbox = [mtProd, { ...mtProd, seq: 999, report: { ...mtProd.report, environment: "sandbox" } }];
  assert.equal(vm.rateTable(prodAndSandbox).length, 2, "one row per environment");
  const rejectedPreflight = { ...preflight, report: { ...preflight.report, status: 401 } };
  assert.equal(vm.rateTable([rejectedPreflight])[0].unauthorized, 1, "a preflight that got 401 counts");
  assert.equal(vm.endpointOf(rejected401), "x/y");
});

test("formatRate", () => {
  assert.equal(vm.formatRate(0), "0%");
  assert.equal(vm.formatRate(1), "100%");
  assert.equal(vm.formatRate(1 / 3), "33%");
  assert.equal(vm.formatRate(0.025), "2.5%");
  assert.equal(vm.formatRate(0.05), "5%");
  assert.equal(vm.formatRate(Number.NaN), "0%");
});

// ---- times ---------------------------------------------------------------------------------------

test("formatDuration: two units at most", () => {
  assert.equal(vm.formatDuration(0), "0 s");
  assert.equal(vm.formatDuration(45_400), "45 s");
  assert.equal(vm.formatDuration(-12 * 60_000), "12 min");
  assert.equal(vm.formatDuration(3 * 3_600_000), "3 h");
  assert.equal(vm.formatDuration(3 * 3_600_000 + 2 * 60_000 + 5000), "3 h 2 min");
  assert.equal(vm.formatDuration(52 * 3_600_000), "2 d 4 h");
  assert.equal(vm.formatDuration(400 * 86_400_000), "1 y");
});

test("claimTime reads JWT times relative to the request", () => {
  const request = Date.parse("2026-10-14T09:30:00Z");
  assert.deepEqual(vm.claimTime("exp", "2026-10-14T06:28:00Z", request), {
    absolute: "2026-10-14 06:28:00 UTC", relative: "expired 3 h 2 min ago", tone: "bad",
  });
  assert.equal(vm.claimTime("exp", "2026-10-14T10:25:00Z", request).relative, "expires in 55 min");
  assert.equal(vm.claimTime("iat", "2026-10-14T05:30:00Z", request).relative, "issued 4 h ago");
  assert.equal(vm.claimTime("iat", "2026-10-14T09:31:00Z", request).tone, "bad");
  assert.equal(vm.claimTime("nbf", "2026-10-14T09:35:00Z", request).relative, "not valid for another 5 min");
  assert.equal(vm.claimTime("nbf", "2026-10-14T09:00:00Z", request).relative, "valid since 30 min ago");
  assert.equal(vm.claimTime("exp", null, request), null);
  assert.equal(vm.claimTime("exp", "soon", request), null);
  assert.equal(vm.requestTime({ ...plain401, started: "2026-10-14T09:30:00.000Z" }), request);
  assert.equal(vm.requestTime(plain401), null);
});

// ---- links and text --------------------------------------------------------------------------------

test("linkParts: http(s) URLs become links, trailing punctuation stays text, nothing else links", () => {
  assert.deepEqual(vm.linkParts("see https://docs.midtrans.com/reference/authorization."), [
    { text: "see " },
    { text: "https://docs.midtrans.com/reference/authorization", href: "https://docs.midtrans.com/reference/authorization" },
    { text: "." },
  ]);
  assert.deepEqual(vm.linkParts("(https://a.example/x_(y)) and http://b.example/"), [
    { text: "(" },
    { text: "https://a.example/x_(y)", href: "https://a.example/x_(y)" },
    { text: ") and " },
    { text: "http://b.example/", href: "http://b.example/" },
  ]);
  assert.deepEqual(vm.linkParts("javascript:alert(1) data:text/html,<b> file:///etc/passwd"), [
    { text: "javascript:alert(1) data:text/html,<b> file:///etc/passwd" },
  ]);
  assert.deepEqual(vm.linkParts(`x "https://e.example/a"onmouseover="y"`)[1], { text: "https://e.example/a", href: "https://e.example/a" });
  assert.deepEqual(vm.linkParts("https://"), [{ text: "https://" }], "not a URL");
  assert.equal(vm.safeHref("JAVASCRIPT:alert(1)"), null);
  assert.equal(vm.safeHref("https://ok.example/a b"), "https://ok.example/a%20b");
});

test("visibleText shows control and bidi characters, cuts long text, keeps lines only when asked", () => {
  assert.equal(vm.visibleText("a\u202Eb\u0000c\u001b[31m"), "a[U+202E]b[U+0000]c[U+001B][31m");
  assert.equal(vm.visibleText("l1\nl2\tx"), "l1 l2 x");
  assert.equal(vm.visibleText("l1\r\nl2", 100, true), "l1[U+000D]\nl2");
  assert.equal(vm.visibleText("x".repeat(20), 5), "xxxxx…");
  assert.equal(vm.visibleText(null), "");
  assert.equal(vm.visibleText(42), "42");
});

test("credentialType, credentialLabel and credentialTone read machine fields, never the description", () => {
  const c = (kind, description, jwt, provider = null, environment = null) => ({ location: "request.header.Authorization", redacted: "…", kind, provider, environment, description, jwt });
  // The description says "server key"; the label comes from kind/provider/environment only.
  assert.equal(vm.credentialType(c("secret", "Midtrans sandbox server key")), "secret key");
  assert.equal(vm.credentialType(c("secret", "a publishable key, says the text")), "secret key");
  assert.equal(vm.credentialType(c("publishable", "Midtrans sandbox client key")), "publishable key");
  assert.equal(vm.credentialLabel(c("secret", "whatever", undefined, "midtrans", "sandbox")), "Midtrans sandbox secret key");
  assert.equal(vm.credentialLabel(c("publishable", "x", undefined, "github", null)), "GitHub publishable key");
  assert.equal(vm.credentialLabel(c("token", "x", {}, null, null)), "access token (JWT)");
  assert.equal(vm.providerLabel("some_new-provider"), "Some New Provider");
  assert.equal(vm.credentialType(c("token", "JWT", {})), "access token (JWT)");
  assert.equal(vm.credentialType(c("token", "GitHub token")), "access token");
  assert.equal(vm.credentialType(c(null, "credential (format not recognised)")), "credential");
  assert.equal(vm.credentialTone(c("secret", "x")), "bad");
  assert.equal(vm.credentialTone(c("publishable", "x")), "ok");
  assert.equal(vm.credentialTone(c("token", "x")), "neutral");
});

test("countItems counts responses with status 401 for the header badge", () => {
  assert.equal(vm.countItems(session).unauthorized, 3);
});

test("droppedNotice says how many old requests the memory limit dropped", () => {
  assert.equal(vm.droppedNotice(0), "");
  assert.equal(vm.droppedNotice(1), "Memory limit: the 1 oldest request was dropped. authlens keeps the latest 5,000 (and about 128 MB of captured data); Clear to start over.");
  assert.match(vm.droppedNotice(12345), /^Memory limit: the 12,345 oldest requests were dropped\./);
});

test("isAuthFailure follows the engine's auth_failure, so a 403 without a cause still counts", () => {
  const noCause403 = { ...report(403), report: { ...report(403).report, auth_failure: true } };
  const not401 = { ...report(401), report: { ...report(401).report, auth_failure: false } };
  assert.equal(vm.isAuthFailure(noCause403), true);
  assert.equal(vm.isUnexplainedFailure(noCause403), true);
  assert.equal(vm.matters(noCause403), true);
  assert.equal(vm.isAuthFailure(not401), false);
  const counts = vm.countItems([noCause403, plain401]);
  assert.equal(counts.authFailures, 2);
  assert.equal(counts.unexplained, 2);
});

test("secretGroups: one group per distinct secret, with every place and the first one", () => {
  const key = { id: "secret_key_exposed", severity: "high", provider: "stripe", rule: "stripe_secret_key_live", redacted: "sk_live_…[redacted, 107 chars]", title: "Stripe live secret key" };
  const inBundle = report(200, { url: "https://shop.example/static/main.4e1f.js", findings: [{ ...key, location: "response.body line 45 col 269" }] });
  const inHeader = report(402, { url: "https://api.stripe.com/v1/charges", findings: [{ ...key, severity: "critical", location: "request.header.Authorization" }] });
  const again = report(402, { url: "https://api.stripe.com/v1/charges", findings: [{ ...key, severity: "critical", location: "request.header.Authorization" }] });
  const other = report(200, { findings: [{ ...key, redacted: "sk_live_…[redacted, 99 chars]", location: "request.query.key" }] });
  const groups = vm.secretGroups([inBundle, inHeader, again, other]);
  assert.equal(groups.length, 2);
  const [stripe] = groups;
  assert.equal(stripe.severity, "critical", "the worst severity seen");
  assert.equal(stripe.places.length, 3);
  assert.equal(stripe.first.seq, inBundle.seq);
  assert.equal(stripe.first.place, "main.4e1f.js:45:269");
  assert.deepEqual(stripe.first.position, { line: 45, column: 269 });
  assert.equal(vm.countItems([inBundle, inHeader, again, other]).exposedKeys, 2, "distinct secrets, not occurrences");
  assert.equal(vm.countItems([inBundle, inHeader, again, other]).occurrences, 4);
  // The engine's fingerprint, when given, decides.
  const fp = (f) => report(200, { findings: [{ ...key, fingerprint: f, location: "request.header.X" }] });
  assert.equal(vm.secretGroups([fp("a"), fp("a"), fp("b")]).length, 2);
});

test("placeOf and bodyPosition", () => {
  assert.equal(vm.placeOf("response.body line 1 col 35", "https://x.example/app/chunk-9.js?v=2"), "chunk-9.js:1:35");
  assert.equal(vm.placeOf("response.body $.config.key", "https://x.example/config.json"), "config.json $.config.key");
  assert.equal(vm.placeOf("request.query.api_key", "https://x.example/v1/pay?api_key=[redacted]"), "query api_key · /v1/pay?api_key=[redacted]");
  assert.equal(vm.bodyPosition("response.body line 0 col 3"), null);
  assert.equal(vm.bodyPosition("request.header.X"), null);
});

test("byStart orders by request start, arrival order breaking ties and unknown times", () => {
  const at = (ms, extra = {}) => ({ ...report(200), started: new Date(ms).toISOString(), ...extra });
  const slow = at(1000); // started first, finished last
  const fast = at(2000);
  const unknown = report(200);
  const ordered = vm.byStart([fast, unknown, slow]);
  assert.deepEqual(ordered, [slow, fast, unknown], "started first comes first; no time: stays after what arrived before it");
  assert.equal(vm.firstStart([fast, slow, unknown]), 1000);
  assert.equal(vm.formatOffset(0), "0 ms");
  assert.equal(vm.formatOffset(850), "850 ms");
  assert.equal(vm.formatOffset(12_345), "12.3 s");
  assert.equal(vm.formatOffset(1_234), "1.23 s");
  assert.equal(vm.formatOffset(245_000), "4 min 05 s");
});

test("listRows: navigation separators with Preserve log, groups in the Exposed keys view", () => {
  const a = report(401);
  const b = report(401);
  const c = report(401);
  const rows = vm.listRows([a, b, c], { navigations: [{ beforeSeq: b.seq, url: "http://x/two", at: 1 }, { beforeSeq: c.seq, url: "http://x/three", at: 2 }] });
  assert.deepEqual(rows.map((r) => r.kind), ["item", "navigation", "item", "navigation", "item"]);
  assert.equal(rows[3].url, "http://x/three");
  const empty = vm.listRows([a, c], { navigations: [{ beforeSeq: b.seq, url: "http://x/two", at: 1 }, { beforeSeq: c.seq, url: "http://x/three", at: 2 }] });
  assert.deepEqual(empty.map((r) => r.kind), ["item", "navigation", "item"], "a page whose rows are all filtered out gets no separator of its own");
  const key = { id: "secret_key_exposed", severity: "high", provider: "stripe", rule: "r1", redacted: "sk_live_…", title: "Stripe", location: "request.header.X" };
  const f1 = report(200, { findings: [key] });
  const f2 = report(200, { findings: [key] });
  const grouped = vm.listRows([f1, f2], { groups: vm.secretGroups([f1, f2]) });
  assert.deepEqual(grouped.map((r) => r.kind), ["group", "item", "item"]);
  assert.equal(vm.shownOf(3, 60), "3 of 60");
  assert.equal(vm.shownOf(60, 60), "");
});

test("rateTable: fetch/XHR only by default in the panel, and the status filter picks the endpoints", () => {
  const api = (url, status, resourceType) => ({ ...report(status, { url }), resourceType });
  const items = [
    api("https://api.x/v1/me", 401, "fetch"),
    api("https://api.x/v1/me", 200, "xhr"),
    api("https://api.x/v1/list", 200, "fetch"),
    api("https://x/index.html", 401, "document"),
    api("https://x/app.js", 200, "script"),
  ];
  const all = vm.rateTable(items);
  assert.equal(all.length, 4);
  const apiOnly = vm.rateTable(items, { apiOnly: true });
  assert.deepEqual(apiOnly.map((r) => r.endpoint), ["api.x/v1/me", "api.x/v1/list"]);
  const failing = vm.rateTable(items, { apiOnly: true, listed: (item) => vm.matchesMode(item, "auth") });
  assert.deepEqual(failing.map((r) => [r.endpoint, r.requests, r.unauthorized]), [["api.x/v1/me", 2, 1]], "counts still cover every request of a listed endpoint");
  assert.equal(vm.isApiRequest({ ...report(200) }), true, "an item without a resource type counts as API");
});

test("strictCurl makes unset credential variables fail loudly; escaped text is left alone", () => {
  const text = '# set first: export ACCESS_TOKEN=…\ncurl -i "https://x/a?t=${ACCESS_TOKEN}" -H "Authorization: Bearer ${ACCESS_TOKEN}" -d "\\${HOME}"';
  const strict = vm.strictCurl(text);
  assert.match(strict, /t=\$\{ACCESS_TOKEN:\?set ACCESS_TOKEN\}/);
  assert.match(strict, /Bearer \$\{ACCESS_TOKEN:\?set ACCESS_TOKEN\}/);
  assert.match(strict, /\\\$\{HOME\}/, "an escaped ${ from the page stays as it was");
  assert.equal(vm.strictCurl(strict), strict, "idempotent");
  assert.equal(vm.curlHasVariables(strict), true);
  assert.equal(vm.curlHasVariables('curl -i "https://x/" -d "\\${HOME}"'), false);
});

test("evidenceParts and itemByIndex: entry references become links to the right item", () => {
  const parts = vm.evidenceParts("the same credential succeeded at entry #15 (GET x), see entry #3; not #7");
  assert.deepEqual(parts.filter((p) => p.entry !== undefined).map((p) => p.entry), [15, 3]);
  assert.equal(parts.map((p) => p.text).join(""), "the same credential succeeded at entry #15 (GET x), see entry #3; not #7");
  const old = { ...report(200), report: { ...report(200).report, index: 15 } };
  const failing = report(401);
  const later = { ...report(200), report: { ...report(200).report, index: 15 } };
  assert.equal(vm.itemByIndex([old, failing, later], 15, failing.seq), old, "an index after a clear is not confused with the one before the referring item");
  assert.equal(vm.itemByIndex([old], 99), null);
});

test("statusTitle explains (failed) and blocked rows", () => {
  const failedItem = { ...report(0), failure: "net::ERR_FAILED" };
  assert.match(vm.statusTitle(failedItem), /^\(failed\) No response \(net::ERR_FAILED\)/);
  const blocked = { seq: 99, kind: "error", method: "POST", url: "https://x/y", status: 0, message: "blocked", notes: [], blockedBy: 98 };
  assert.match(vm.statusTitle(blocked), /CORS preflight was refused/);
  assert.equal(vm.matters(blocked), true);
  assert.equal(vm.countItems([blocked]).engineErrors, 0, "a blocked request is not an engine error");
});

test("unexplainedView: the engine's summary, checks and checklist, read defensively", () => {
  const failing = report(401);
  assert.deepEqual(vm.unexplainedView(failing), { summary: "Authentication failed, with no specific cause recognised.", checked: [], checklist: [] });
  const told = { ...failing, report: { ...failing.report, auth_failure: true, unexplained: { summary: "No specific cause.", checked: ["Authorization: Bearer JWT…", 5, ""], checklist: ["retry"] } } };
  assert.deepEqual(vm.unexplainedView(told), { summary: "No specific cause.", checked: ["Authorization: Bearer JWT…"], checklist: ["retry"] });
  const odd = { ...failing, report: { ...failing.report, unexplained: "nonsense" } };
  assert.equal(vm.unexplainedView(odd).summary, "Authentication failed, with no specific cause recognised.");
  assert.equal(vm.unexplainedView(report(200)), null);
  assert.equal(vm.unexplainedView(report(401, { causes: [cause("x")] })), null, "a failure with a cause is not unexplained");
});
