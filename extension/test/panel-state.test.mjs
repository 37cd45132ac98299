// state.ts: the panel's reducer, in node. Each event gives a new state (the old one untouched) and
// the effects to run; the selectors derive what the panel draws.

import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "../test-support/load-ts.mjs";

const st = await loadTs("state.ts");

const PROTOCOL = "authlens/1";
const status = (extra = {}) => ({
  browser: "chrome", theme: "light", engine: "ready", engineError: null, engineVersion: "0.1.0", engineRestarts: 0,
  preserveLog: false, harEntries: 0, liveEntries: 0, dropped: 0, firstSeq: 0, imported: null, lateStart: false, canOpenResource: true, navigations: [], ...extra,
});
let seq = 0;
function item(statusCode, { started, url = "https://api.x/v1/me", method = "GET", causes = [], findings = [], credentials = [], index = seq } = {}) {
  const s = seq++;
  return {
    seq: s, kind: "report", notes: [], ...(started ? { started } : {}),
    report: { index, method, url, status: statusCode, provider: null, environment: null, causes, findings, credentials },
  };
}
const received = (msg) => ({ type: "received", msg: { protocol: PROTOCOL, ...msg } });

/** Run events from a state; returns the last state and every effect. */
function run(state, ...events) {
  const effects = [];
  for (const event of events) {
    const before = JSON.stringify([...Object.entries(state)].filter(([, v]) => !(v instanceof Map) && !(v instanceof Set)));
    const step = st.reduce(state, event);
    assert.equal(JSON.stringify([...Object.entries(state)].filter(([, v]) => !(v instanceof Map) && !(v instanceof Set))), before, `${event.type} left the old state alone`);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

test("connected asks for what the panel lacks; a snapshot and items fill the live list", () => {
  const a = item(401);
  const b = item(200);
  let { state, effects } = run(st.initialState(), { type: "connected" });
  assert.deepEqual(effects, [{ kind: "send", msg: { protocol: PROTOCOL, kind: "ready", session: null, lastSeq: -1, importId: null } }]);
  ({ state, effects } = run(state, received({ kind: "snapshot", session: "s1", reset: true, items: [a], status: status() })));
  assert.deepEqual(state.live, [a]);
  ({ state } = run(state, received({ kind: "item", session: "s1", item: b, status: status() })));
  assert.deepEqual(state.live.map((i) => i.seq), [a.seq, b.seq]);
  // An item of another log: ask again, change nothing.
  const other = run(state, received({ kind: "item", session: "s2", item: item(200), status: status() }));
  assert.equal(other.state, state);
  assert.equal(other.effects[0].msg.kind, "ready");
  assert.equal(other.effects[0].msg.lastSeq, b.seq);
  // A snapshot that is not a reset only appends what is new.
  ({ state } = run(state, received({ kind: "snapshot", session: "s1", reset: false, items: [a, b], status: status() })));
  assert.equal(state.live.length, 2);
});

test("the default Problems view lists failures in request start order, and n of m", () => {
  const late = item(401, { started: "2026-12-06T10:00:02.000Z" });
  const ok = item(200, { started: "2026-12-06T10:00:00.500Z" });
  const early = item(401, { started: "2026-12-06T10:00:01.000Z" });
  const { state } = run(st.initialState(), received({ kind: "snapshot", session: "s", reset: true, items: [late, ok, early], status: status() }));
  assert.deepEqual(st.visibleItems(state), [early, late]);
  const all = run(state, { type: "filter", filter: { mode: "all" } });
  assert.deepEqual(st.visibleItems(all.state), [ok, early, late], "the All view is in start order, not completion order");
  assert.deepEqual(all.effects, [{ kind: "scroll-top" }]);
  assert.equal(st.visibleItems(all.state), st.visibleItems(all.state), "cached while nothing changed");
});

test("select opens the details and asks for the cURL command once; a copy waits for it", () => {
  const a = item(401);
  let { state } = run(st.initialState(), received({ kind: "snapshot", session: "s", reset: true, items: [a], status: status() }));
  let effects;
  ({ state, effects } = run(state, { type: "select", seq: a.seq, open: true }));
  assert.equal(st.openItem(state), a);
  const asks = effects.filter((e) => e.kind === "send").map((e) => e.msg.kind);
  assert.deepEqual(asks, ["curl", "checks"], "the cURL command, and (no cause) what was checked");
  ({ effects } = run(state, { type: "curl", seq: a.seq, copy: true }));
  assert.deepEqual(effects, [], "already asked: no second request");
  ({ state } = run(state, { type: "curl", seq: a.seq, copy: true }));
  ({ state, effects } = run(state, received({ kind: "curl", source: "live", seq: a.seq, text: 'curl -H "Authorization: Bearer ${ACCESS_TOKEN}" x', error: null })));
  assert.equal(effects.length, 1);
  assert.equal(effects[0].kind, "copy");
  assert.match(effects[0].text, /\$\{ACCESS_TOKEN:\?set ACCESS_TOKEN\}/, "copied with the loud form");
  assert.match(state.curls.get(`live:${a.seq}`).text, /:\?set ACCESS_TOKEN/);
  ({ effects } = run(state, received({ kind: "curl", source: "live", seq: a.seq, text: "curl -i https://x/", error: null })));
  assert.deepEqual(effects, [], "no copy was waiting");
  ({ state } = run(state, { type: "close-details" }));
  assert.equal(st.openItem(state), null);
});

test("a copied command without credentials gets no environment-variable note", () => {
  const a = item(200);
  let { state } = run(st.initialState(), received({ kind: "snapshot", session: "s", reset: true, items: [a], status: status() }), { type: "curl", seq: a.seq, copy: true });
  const { effects } = run(state, received({ kind: "curl", source: "live", seq: a.seq, text: "curl -i https://x/", error: null }));
  assert.equal(effects[0].done, "cURL command copied");
});

test("a filter that hides the selected row drops the selection; clear forgets it and tells the devtools page", () => {
  const a = item(401);
  const ok = item(200);
  let { state } = run(st.initialState(), received({ kind: "snapshot", session: "s", reset: true, items: [a, ok], status: status() }), { type: "select", seq: a.seq, open: true });
  ({ state } = run(state, { type: "filter", filter: { text: "nothing-matches-this" } }));
  assert.equal(state.selected, null);
  assert.equal(state.detailsOpen, false);
  ({ state } = run(state, { type: "filter", filter: { text: "" } }, { type: "select", seq: a.seq, open: true }));
  const cleared = run(state, { type: "clear" });
  assert.equal(cleared.state.selected, null);
  assert.deepEqual(cleared.effects.map((e) => e.msg.kind), ["clear"]);
});

test("an imported file is shown when it arrives and dropped when the devtools page closes it", () => {
  const live = item(401);
  const fromFile = item(401);
  let { state } = run(
    st.initialState(),
    received({ kind: "snapshot", session: "s", reset: true, items: [live], status: status() }),
    received({ kind: "import-items", id: "f1", reset: true, items: [fromFile], status: status({ imported: { id: "f1", name: "t.har", entries: 1, analysed: 1, done: true, leftOut: 0, error: null } }) }),
  );
  assert.equal(state.source, "import");
  assert.deepEqual(st.currentItems(state), [fromFile]);
  assert.deepEqual(st.otherItems(state), [live]);
  let effects;
  ({ state, effects } = run(state, { type: "close-import" }));
  assert.equal(state.source, "live");
  assert.deepEqual(effects.map((e) => e.msg.kind), ["close-import"]);
  ({ state } = run(state, received({ kind: "status", status: status() })));
  assert.equal(state.importId, null);
  assert.deepEqual(state.imported, []);
});

test("engine restarts and a late DevTools give one notice each, until dismissed", () => {
  let { state } = run(st.initialState(), received({ kind: "status", status: status({ engineRestarts: 1, lateStart: true }) }));
  assert.equal(st.restartNotice(state), 1);
  assert.equal(st.lateNotice(state), true);
  ({ state } = run(state, { type: "dismiss-restart" }));
  assert.equal(st.restartNotice(state), 0);
  ({ state } = run(state, received({ kind: "status", status: status({ engineRestarts: 2, lateStart: true }) })));
  assert.equal(st.restartNotice(state), 2, "a second restart is told again");
  const reload = run(state, { type: "reload" });
  assert.deepEqual(reload.effects.map((e) => e.msg.kind), ["reload"]);
  assert.equal(st.lateNotice(reload.state), false);
});

test("Open in Sources: sent to the devtools page where the API exists, explained where it does not", () => {
  const chrome = run(st.initialState(), received({ kind: "status", status: status() }), { type: "open-resource", url: "https://x/main.js", line: 45, column: 269 });
  assert.deepEqual(chrome.effects.map((e) => e.msg), [{ protocol: PROTOCOL, kind: "open-resource", url: "https://x/main.js", line: 45, column: 269 }]);
  const firefox = run(st.initialState(), received({ kind: "status", status: status({ browser: "firefox", canOpenResource: false }) }), { type: "open-resource", url: "https://x/main.js", line: 45, column: 269 });
  assert.equal(firefox.effects[0].kind, "toast");
  assert.match(firefox.effects[0].text, /line 45, column 269/);
  const failed = run(st.initialState(), received({ kind: "opened", ok: false, error: "no such resource" }));
  assert.match(failed.effects[0].text, /no such resource/);
});

test("Learn more asks for a text once and remembers which are open; the split is bounded", () => {
  let { state, effects } = run(st.initialState(), { type: "toggle-explanation", id: "expired_token" });
  assert.deepEqual(effects.map((e) => e.msg.kind), ["explain"]);
  assert.ok(state.expanded.has("expired_token"));
  ({ state, effects } = run(state, { type: "toggle-explanation", id: "expired_token" }, { type: "toggle-explanation", id: "expired_token" }));
  assert.deepEqual(effects, [], "asked already");
  ({ state } = run(state, received({ kind: "explanation", id: "expired_token", text: "# expired_token" })));
  assert.equal(state.explanations.get("expired_token"), "# expired_token");
  ({ state } = run(state, { type: "split", layout: "side", fraction: 0.99 }, { type: "split", layout: "stacked", fraction: 0.3 }));
  assert.deepEqual(state.split, { side: 0.85, stacked: 0.3 });
});

test("the Exposed keys view groups by secret; the status of the log trims dropped items", () => {
  const key = { id: "secret_key_exposed", severity: "critical", provider: "stripe", rule: "r", redacted: "sk_live_…", title: "Stripe live secret key", location: "request.header.Authorization" };
  const a = item(200, { findings: [key] });
  const b = item(200, { findings: [key] });
  let { state } = run(st.initialState(), received({ kind: "snapshot", session: "s", reset: true, items: [a, b], status: status() }), { type: "filter", filter: { mode: "findings" } });
  assert.equal(st.visibleGroups(state).length, 1);
  assert.equal(st.visibleGroups(state)[0].places.length, 2);
  ({ state } = run(state, received({ kind: "status", status: status({ firstSeq: b.seq, dropped: 1 }) })));
  assert.deepEqual(state.live, [b]);
});
